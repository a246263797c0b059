/**
 * OpenTelemetry stays optional: the package's main and Node entries import nothing from it, and the
 * OpenTelemetry entry imports only `@opentelemetry/api`, never an SDK or exporter. Checked on what esbuild
 * bundles from each entry, so an import anywhere in the graph counts.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The bare package names an entry's bundle still imports at run time. */
async function runtimeImports(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "silent",
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((i) => i.external).map((i) => i.path),
  );
  return [...new Set(imports)].sort();
}

describe("entry points", () => {
  it("the main and Node entries import nothing from OpenTelemetry", async () => {
    for (const entry of ["src/index.ts", "src/node/index.ts"]) {
      const imports = await runtimeImports(entry);
      expect(imports.length, entry).toBeGreaterThan(0);
      expect(
        imports.filter((name) => name.startsWith("@opentelemetry/")),
        entry,
      ).toEqual([]);
    }
  });

  it("the OpenTelemetry entry imports the API and no SDK, exporter or Node built-in", async () => {
    const imports = await runtimeImports("src/opentelemetry/index.ts");
    expect(imports.filter((name) => name.startsWith("@opentelemetry/"))).toEqual(["@opentelemetry/api"]);
    expect(imports.filter((name) => name.startsWith("node:"))).toEqual([]);
  });
});
