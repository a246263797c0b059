import { defineConfig } from "tsup";

const external = ["@azure/identity", "@azure/core-auth", "@azure/logger", "@opentelemetry/api"];

export default defineConfig([
  {
    // The library: the browser-safe core, the Node-only helpers (doctor, whoami, pipeline check), and the
    // OpenTelemetry handler (the only entry that imports @opentelemetry/api).
    entry: { index: "src/index.ts", node: "src/node/index.ts", opentelemetry: "src/opentelemetry/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    external,
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
