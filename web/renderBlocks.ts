/**
 * Turns the blocks of an error index page (see markdownBlocks.ts) into DOM nodes. Links between pages
 * become the page's own hash routes, so the index works from a single file with no request.
 */
import { el, type Child } from "./dom.js";
import type { Block, Inline } from "./markdownBlocks.js";
import { routeForLink } from "./routeForLink.js";

function inlineNodes(children: readonly Inline[]): Child[] {
  return children.map((child) => {
    switch (child.kind) {
      case "text":
        return child.text;
      case "code":
        return el("code", {}, child.text);
      case "strong":
        return el("strong", {}, ...inlineNodes(child.children));
      case "link": {
        const href = routeForLink(child.href);
        const external = href.startsWith("https://");
        return el(
          "a",
          external ? { href, rel: "noreferrer", class: "external" } : { href },
          ...inlineNodes(child.children),
        );
      }
    }
  });
}

export interface RenderBlocksOptions {
  /** Heading levels are shifted by this much (the page title is the view's h1). */
  readonly headingShift?: number;
  /** Id for level-3 headings on the index page (`errors/<slug>`), so category links can scroll to them. */
  readonly headingId?: (text: string) => string | null;
}

export function renderBlocks(blocks: readonly Block[], options: RenderBlocksOptions = {}): Node[] {
  const shift = options.headingShift ?? 0;
  return blocks.map((block): Node => {
    switch (block.kind) {
      case "heading": {
        const level = Math.min(6, block.level + shift);
        const text = block.children.map((c) => (c.kind === "text" ? c.text : "")).join("");
        const id = options.headingId?.(text) ?? null;
        const tag = `h${level}` as "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
        return el(tag, id === null ? {} : { id, tabindex: "-1" }, ...inlineNodes(block.children));
      }
      case "paragraph":
        return el("p", {}, ...inlineNodes(block.children));
      case "list":
        return el(
          block.ordered ? "ol" : "ul",
          {},
          ...block.items.map((item) => el("li", {}, ...inlineNodes(item))),
        );
      case "code":
        return el("pre", { tabindex: "0" }, el("code", {}, block.text));
      case "quote":
        return el("blockquote", {}, ...renderBlocks(block.blocks, options));
    }
  });
}
