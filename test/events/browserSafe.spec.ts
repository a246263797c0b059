/**
 * The core entry, which now reaches `node:diagnostics_channel`, must still bundle for browsers: the module is looked
 * up at run time through `process.getBuiltinModule`, never imported. esbuild refuses Node built-ins on the browser
 * platform, so a static `node:` import anywhere in the entry's graph fails this test.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { expect, it } from "vitest";

it("bundles the core entry for the browser without any Node built-in", async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../../src/index.ts", import.meta.url))],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    // Peer and runtime dependencies are the application's to bundle; only our own graph is checked.
    external: ["@azure/*"],
  });

  expect(result.errors).toEqual([]);
  const code = result.outputFiles[0]?.text ?? "";
  expect(code).toContain('getBuiltinModule?.("node:diagnostics_channel")');
  expect(code).not.toMatch(/from\s*["']node:/);
});
