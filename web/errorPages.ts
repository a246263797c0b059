/**
 * The error index as pages inside the explain page: the same markdown that `npm run docs:errors` writes to
 * docs/errors (scripts/errorIndex renders it), read into blocks on first use. It takes the whole knowledge
 * base with its examples from the `./knowledge` entry's source, so every entry has a page whatever subset a
 * browser build of the core carries.
 */
import { renderErrorIndex } from "../scripts/errorIndex/render.js";
import { listKnowledgeEntriesWithExamples } from "../src/knowledge/examples/index.js";
import { lookupKnowledge } from "../src/knowledge/index.js";
import { parseMarkdownBlocks, type Block } from "./markdownBlocks.js";

export interface ErrorPages {
  /** The index page (README.md in docs/errors). */
  readonly index: readonly Block[];
  /** Every documented id, live and retired, sorted. */
  readonly ids: readonly string[];
  page(id: string): readonly Block[] | null;
  title(id: string): string | null;
  /** True when the entry matches without needing context words (the general entry for its codes). */
  isGeneral(id: string): boolean;
  /** Ids for a deep link: an id, an AADSTS code (with or without the prefix) or a service error code. */
  resolve(query: string): string[];
}

let cached: ErrorPages | null = null;

export function errorPages(): ErrorPages {
  if (cached) return cached;
  const entries = listKnowledgeEntriesWithExamples();
  const files = renderErrorIndex({ entries });
  const titles = new Map<string, string>(entries.map((e) => [e.id, e.title]));
  const general = new Set(entries.filter((e) => !e.retired && !e.match.context?.length).map((e) => e.id));
  const parsed = new Map<string, Block[]>();
  const ids = [...files.keys()]
    .filter((name) => name !== "README.md")
    .map((name) => name.replace(/\.md$/, ""))
    .sort();
  const page = (id: string): Block[] | null => {
    const markdown = files.get(`${id}.md`);
    if (markdown === undefined) return null;
    let blocks = parsed.get(id);
    if (!blocks) {
      blocks = parseMarkdownBlocks(markdown);
      parsed.set(id, blocks);
    }
    return blocks;
  };
  const known = new Set(ids);
  cached = {
    index: parseMarkdownBlocks(files.get("README.md") ?? ""),
    ids,
    page,
    title: (id) => titles.get(id) ?? null,
    isGeneral: (id) => general.has(id),
    resolve(query) {
      const trimmed = query.trim();
      if (known.has(trimmed)) return [trimmed];
      return lookupKnowledge(trimmed)
        .map((entry) => entry.id)
        .filter((id) => known.has(id));
    },
  };
  return cached;
}
