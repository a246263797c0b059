import { defineConfig } from "tsup";
import { browserKnowledge } from "./scripts/browserKnowledge.js";
import { lazyKnowledge } from "./scripts/lazyKnowledge.js";

const external = ["@azure/identity", "@azure/core-auth", "@azure/logger", "@opentelemetry/api"];

export default defineConfig([
  {
    // The library: the browser-safe core, the Node-only helpers (doctor, whoami, pipeline check), the
    // OpenTelemetry handler (the only entry that imports @opentelemetry/api), and the knowledge base with each
    // entry's sources and examples (kept out of the core, which no diagnosis needs them in). The knowledge entries
    // are read from dist/knowledge-entries.json on first use, so importing the package stays cheap.
    entry: {
      index: "src/index.ts",
      node: "src/node/index.ts",
      opentelemetry: "src/opentelemetry/index.ts",
      knowledge: "src/knowledge/examples/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    external,
    esbuildPlugins: [lazyKnowledge()],
    // Whitespace only (names stay, source maps ship): it trims what every import reads by a fifth.
    minifyWhitespace: true,
  },
  {
    // The core entry for browsers (the `browser` export condition): the same code, with only the knowledge a
    // browser app can meet (src/knowledge/browserEntries.ts). Its types are the core entry's.
    entry: { browser: "src/index.ts" },
    format: ["esm"],
    platform: "browser",
    sourcemap: true,
    target: "es2022",
    treeshake: true,
    external,
    esbuildPlugins: [browserKnowledge()],
  },
  {
    // The command line: one ESM file with a shebang, started by the `azure-identity-diagnostics` bin.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    external,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
