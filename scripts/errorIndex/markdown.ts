/**
 * Markdown building blocks for the error index. Everything they return is already in the form prettier
 * prints, so a generated page is the same before and after `prettier --write`.
 */

const CODE_SPAN = /`[^`\n]+`/g;

/** Escapes one run of prose (no code spans inside) so GitHub renders it as written. */
function escapeText(text: string): string {
  return (
    text
      // `<organisation id>` would otherwise be swallowed as an HTML tag; `*`, `~`, `[` would start markup.
      .replace(/[\\`*~[\]<>]/g, (c) => `\\${c}`)
      // An underscore inside a word is literal already (AZURE_CLIENT_ID); at a word's edge it could open emphasis.
      .replace(/_/g, (c, offset: number, whole: string) => {
        const inWord =
          /[A-Za-z0-9]/.test(whole[offset - 1] ?? "") && /[A-Za-z0-9]/.test(whole[offset + 1] ?? "");
        return inWord ? c : `\\${c}`;
      })
  );
}

/**
 * Prose from a knowledge entry as one markdown line. Entries write commands in backticks, so code spans
 * are kept; everything else is escaped.
 */
export function prose(text: string): string {
  const line = text.replace(/\s*\r?\n\s*/g, " ").trim();
  let out = "";
  let last = 0;
  for (const span of line.matchAll(CODE_SPAN)) {
    out += escapeText(line.slice(last, span.index)) + span[0];
    last = span.index + span[0].length;
  }
  return out + escapeText(line.slice(last));
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

/** A literal value (a code, a fragment, a pattern) as an inline code span. */
export function inlineCode(value: string): string {
  const text = value.replace(/\s*\r?\n\s*/g, " ");
  const fence = "`".repeat(longestBacktickRun(text) + 1);
  // CommonMark strips one space on each side, so padding is only needed next to a backtick.
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A message as a fenced block: line endings normalised, trailing blanks dropped (prettier drops them too). */
export function codeBlock(text: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
  return [`${fence}text`, ...lines, fence].join("\n");
}

/** Joins blocks with one blank line and ends the file with a newline. */
export function document(blocks: readonly string[]): string {
  return `${blocks.filter((block) => block !== "").join("\n\n")}\n`;
}
