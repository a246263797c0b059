/**
 * Reads the markdown that the error index generator writes (scripts/errorIndex) into blocks the page
 * renders with DOM calls. Only the generator's own subset is understood: headings, paragraphs, lists,
 * fenced code, block quotes, and inline code, bold, links and backslash escapes. Anything else throws, so a
 * change to the generator fails the site's tests instead of showing stray markup. Pure: no DOM, no I/O.
 */

export type Inline =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "code"; readonly text: string }
  | { readonly kind: "strong"; readonly children: readonly Inline[] }
  | { readonly kind: "link"; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly kind: "heading"; readonly level: 1 | 2 | 3; readonly children: readonly Inline[] }
  | { readonly kind: "paragraph"; readonly children: readonly Inline[] }
  | { readonly kind: "list"; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: "code"; readonly text: string }
  | { readonly kind: "quote"; readonly blocks: readonly Block[] };

const FENCE = /^(`{3,})(\w*)$/;
const HEADING = /^(#{1,3}) (.+)$/;
const BULLET = /^- (.*)$/;
const NUMBERED = /^\d{1,3}\. (.*)$/;

/** Splits `markdown` into blocks. Throws on anything the generator does not write. */
export function parseMarkdownBlocks(markdown: string): Block[] {
  return parseLines(markdown.replace(/\r\n?/g, "\n").split("\n"));
}

function parseLines(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || /^<!--.*-->$/.test(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const close = fence[1] ?? "```";
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== close) body.push(lines[i++] ?? "");
      if (i === lines.length) throw new Error(`Unclosed code fence: ${line}`);
      i++;
      blocks.push({ kind: "code", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = (heading[1] ?? "#").length as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, children: parseInline(heading[2] ?? "") });
      i++;
      continue;
    }
    if (line.startsWith(">")) {
      const quoted: string[] = [];
      while (i < lines.length && (lines[i] ?? "").startsWith(">"))
        quoted.push((lines[i++] ?? "").replace(/^> ?/, ""));
      blocks.push({ kind: "quote", blocks: parseLines(quoted) });
      continue;
    }
    const listItem = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (listItem) {
      const items: Inline[][] = [];
      while (i < lines.length) {
        const item = listItem.exec(lines[i] ?? "");
        if (!item) break;
        items.push(parseInline(item[1] ?? ""));
        i++;
      }
      blocks.push({ kind: "list", ordered: listItem === NUMBERED, items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && isParagraphLine(lines[i] ?? "")) paragraph.push(lines[i++] ?? "");
    blocks.push({ kind: "paragraph", children: parseInline(paragraph.join(" ")) });
  }
  return blocks;
}

function isParagraphLine(line: string): boolean {
  return (
    line.trim() !== "" &&
    !FENCE.test(line) &&
    !HEADING.test(line) &&
    !line.startsWith(">") &&
    !BULLET.test(line) &&
    !NUMBERED.test(line)
  );
}

/** Inline markup, left to right; one pass, so the cost grows with the length of the text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const flush = () => {
    if (plain !== "") out.push({ kind: "text", text: plain });
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (c === "\\" && i + 1 < text.length) {
      plain += text[i + 1] ?? "";
      i += 2;
    } else if (c === "`") {
      const run = /^`+/.exec(text.slice(i))?.[0] ?? "`";
      const end = text.indexOf(run, i + run.length);
      if (end < 0) throw new Error(`Unclosed code span in: ${text}`);
      let code = text.slice(i + run.length, end);
      // CommonMark strips one space on each side when both are present (the generator pads next to backticks).
      if (code.length > 1 && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
      flush();
      out.push({ kind: "code", text: code });
      i = end + run.length;
    } else if (text.startsWith("**", i)) {
      const end = findUnescaped(text, "**", i + 2);
      if (end < 0) throw new Error(`Unclosed bold in: ${text}`);
      flush();
      out.push({ kind: "strong", children: parseInline(text.slice(i + 2, end)) });
      i = end + 2;
    } else if (c === "[") {
      const close = findUnescaped(text, "](", i + 1);
      const end = close < 0 ? -1 : text.indexOf(")", close + 2);
      if (close < 0 || end < 0) throw new Error(`Unexpected '[' in: ${text}`);
      flush();
      out.push({
        kind: "link",
        href: text.slice(close + 2, end),
        children: parseInline(text.slice(i + 1, close)),
      });
      i = end + 1;
    } else if (c === "<") {
      const end = text.indexOf(">", i);
      const href = end < 0 ? "" : text.slice(i + 1, end);
      if (!/^https:\/\/\S+$/.test(href)) throw new Error(`Unexpected '<' in: ${text}`);
      flush();
      out.push({ kind: "link", href, children: [{ kind: "text", text: href }] });
      i = end + 1;
    } else if (c === "*" || c === "~") {
      // The generator escapes these in prose (an underscore inside a word stays literal); an unescaped one
      // means markup this reader does not know.
      throw new Error(`Unexpected '${c}' in: ${text}`);
    } else {
      plain += c;
      i++;
    }
  }
  flush();
  return out;
}

function findUnescaped(text: string, token: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text.startsWith(token, i)) return i;
  }
  return -1;
}

/** The text a reader sees, markup removed. */
export function inlineText(children: readonly Inline[]): string {
  return children
    .map((child) =>
      child.kind === "text" || child.kind === "code" ? child.text : inlineText(child.children),
    )
    .join("");
}
