/**
 * An esbuild plugin for the Node builds: the knowledge entries go to `knowledge-entries.json` beside the built
 * files, and the entries module becomes a loader that reads that file the first time a diagnosis needs it. Loading
 * the entries as code made every `import` of the package read and compile about 290 KB it may never use.
 *
 * When the file is not there (an app bundled by a tool that does not copy it), diagnosis still works by code family
 * and a process warning says what to do.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "esbuild";
import { loadKnowledgeEntries } from "../src/knowledge/entries/index.js";

export const KNOWLEDGE_FILE = "knowledge-entries.json";

const MISSING_ADVICE =
  `azure-identity-diagnostics could not load its knowledge base (${KNOWLEDGE_FILE}); diagnoses fall back to ` +
  `the error code's family. If you bundle your app, keep azure-identity-diagnostics external or copy ` +
  `node_modules/azure-identity-diagnostics/dist/${KNOWLEDGE_FILE} beside the bundle.`;

// tsup turns `import.meta.url` into the file's own URL in the CJS build.
const LOADER = `import { createRequire } from "node:module";

export function loadKnowledgeEntries() {
  try {
    return createRequire(import.meta.url)("./${KNOWLEDGE_FILE}");
  } catch (error) {
    process.emitWarning(${JSON.stringify(MISSING_ADVICE)} + " (" + String(error && error.message) + ")");
    return [];
  }
}
`;

export function lazyKnowledge(): Plugin {
  return {
    name: "lazy-knowledge",
    setup(build) {
      build.onLoad({ filter: /[\\/]knowledge[\\/]entries[\\/]index\.(?:ts|js)$/ }, () => ({
        loader: "js",
        contents: LOADER,
      }));
      build.onEnd(() => {
        const outdir = build.initialOptions.outdir ?? "dist";
        mkdirSync(outdir, { recursive: true });
        writeFileSync(join(outdir, KNOWLEDGE_FILE), JSON.stringify(loadKnowledgeEntries()));
      });
    },
  };
}
