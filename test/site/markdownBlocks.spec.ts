import { describe, expect, it } from "vitest";
import { renderErrorIndex } from "../../scripts/errorIndex/render.js";
import { listKnowledgeEntriesWithExamples } from "../../src/knowledge/examples/index.js";
import {
  inlineText,
  parseInline,
  parseMarkdownBlocks,
  type Block,
  type Inline,
} from "../../web/markdownBlocks.js";
import { routeForLink } from "../../web/routeForLink.js";

const files = renderErrorIndex({ entries: listKnowledgeEntriesWithExamples() });

function inlines(blocks: readonly Block[]): Inline[][] {
  return blocks.flatMap((block): Inline[][] => {
    switch (block.kind) {
      case "heading":
      case "paragraph":
        return [[...block.children]];
      case "list":
        return block.items.map((item) => [...item]);
      case "quote":
        return inlines(block.blocks);
      case "code":
        return [];
    }
  });
}

function texts(children: readonly Inline[]): string[] {
  return children.flatMap((child) =>
    child.kind === "text" ? [child.text] : child.kind === "code" ? [] : texts(child.children),
  );
}

function links(children: readonly Inline[]): string[] {
  return children.flatMap((child) =>
    child.kind === "link"
      ? [child.href, ...links(child.children)]
      : child.kind === "strong"
        ? links(child.children)
        : [],
  );
}

describe("the error index pages read for the explain page", () => {
  it("reads every generated page, leaving no markup in the text", () => {
    expect(files.size).toBeGreaterThan(100);
    for (const [name, markdown] of files) {
      const blocks = parseMarkdownBlocks(markdown);
      expect(blocks[0]?.kind, name).toBe("heading");
      for (const line of inlines(blocks)) {
        for (const text of texts(line)) expect(text, name).not.toMatch(/\*\*|\]\(|\\[\\`*~[\]<>_]|^<https/);
      }
    }
  });

  it("keeps each entry page's sections and every link resolvable inside the page", () => {
    const ids = new Set([...files.keys()].map((name) => name.replace(/\.md$/, "")));
    for (const [name, markdown] of files) {
      const blocks = parseMarkdownBlocks(markdown);
      if (name !== "README.md") {
        const headings = blocks
          .filter((b) => b.kind === "heading" && b.level === 2)
          .map((b) => (b.kind === "heading" ? inlineText(b.children) : ""));
        if (!markdown.includes("This id no longer matches any error"))
          expect(headings, name).toContain("What to do");
      }
      for (const href of inlines(blocks).flatMap(links)) {
        const route = routeForLink(href);
        if (route.startsWith("https://")) continue;
        const target = route.slice(1);
        if (target === "errors" || target.startsWith("errors/")) continue;
        expect(ids.has(target), `${name} links to ${href}`).toBe(true);
      }
    }
  });

  it("reads the generator's escapes, code spans and links as their text", () => {
    expect(parseInline("a value with '\\~' and \\<organisation id\\> in `az login`")).toEqual([
      { kind: "text", text: "a value with '~' and <organisation id> in " },
      { kind: "code", text: "az login" },
    ]);
    expect(parseInline("`` `tick` ``")).toEqual([{ kind: "code", text: "`tick`" }]);
    expect(parseInline("**Category:** [network](README.md#network) — <https://aka.ms/x>")).toEqual([
      { kind: "strong", children: [{ kind: "text", text: "Category:" }] },
      { kind: "text", text: " " },
      { kind: "link", href: "README.md#network", children: [{ kind: "text", text: "network" }] },
      { kind: "text", text: " — " },
      { kind: "link", href: "https://aka.ms/x", children: [{ kind: "text", text: "https://aka.ms/x" }] },
    ]);
  });

  it("refuses markup the generator never writes, so a change to it cannot slip through", () => {
    expect(() => parseInline("*emphasis*")).toThrow(/Unexpected/);
    expect(() => parseInline("<b>bold</b>")).toThrow(/Unexpected/);
    expect(() => parseMarkdownBlocks("```text\nnever closed")).toThrow(/Unclosed/);
  });

  it("routes generated links to the page's own hashes", () => {
    expect(routeForLink("client-secret-invalid.md")).toBe("#client-secret-invalid");
    expect(routeForLink("README.md")).toBe("#errors");
    expect(routeForLink("README.md#network")).toBe("#errors/network");
    expect(routeForLink("https://learn.microsoft.com/x")).toBe("https://learn.microsoft.com/x");
  });
});
