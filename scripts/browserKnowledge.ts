/**
 * An esbuild plugin for the browser build: it replaces the knowledge entries module with one that holds only the
 * entries of `BROWSER_ENTRY_IDS`, so the rest never reaches the bundle. Used by tsup, the browser benchmark and the
 * browser test, so all three build the same thing.
 */
import type { Plugin } from "esbuild";
import { BROWSER_ENTRY_IDS } from "../src/knowledge/browserEntries.js";
import { loadKnowledgeEntries } from "../src/knowledge/entries/index.js";

export function browserKnowledge(): Plugin {
  return {
    name: "browser-knowledge",
    setup(build) {
      build.onLoad({ filter: /[\\/]knowledge[\\/]entries[\\/]index\.(?:ts|js)$/ }, () => {
        const wanted = new Set(BROWSER_ENTRY_IDS);
        const entries = loadKnowledgeEntries().filter((entry) => wanted.has(entry.id));
        // A function, as in entries/index.ts: the objects are built on first use, not at import.
        return {
          loader: "js",
          contents: `export function loadKnowledgeEntries() { return ${JSON.stringify(entries)}; }\n`,
        };
      });
    },
  };
}
