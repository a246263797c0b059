/**
 * The adversarial corpus through the package as it is shipped: the library bundled as ESM and as CJS (esbuild, the
 * bundler under tsup, into a folder of its own under .tmp/, so no other test's build is disturbed and the bundles
 * find their dependencies in the project's node_modules, as an installed package does). Each build explains every
 * sample, in the message and in a structured field, and renders it; no secret may survive in either.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADVERSARIAL_SAMPLES } from "./adversarialCorpus.js";
import { leaksIn, type Output } from "./detectLeaks.js";
import { named, REFUSAL } from "./secretsCorpus.js";

type Library = Pick<typeof import("../../src/index.js"), "explainAuthError" | "renderDiagnosis">;

const root = fileURLToPath(new URL("../../", import.meta.url));
const external = ["@azure/identity", "@azure/core-auth", "@azure/logger", "@opentelemetry/api"];
let folder = "";
const builds: { name: string; library: Library }[] = [];

beforeAll(async () => {
  mkdirSync(join(root, ".tmp"), { recursive: true });
  folder = mkdtempSync(join(root, ".tmp", "adversarial-builds-"));
  for (const format of ["esm", "cjs"] as const) {
    await build({
      entryPoints: [join(root, "src/index.ts")],
      outfile: join(folder, format === "esm" ? "index.mjs" : "index.cjs"),
      bundle: true,
      format,
      platform: "node",
      target: "node20",
      external,
      logLevel: "silent",
    });
  }
  const esm = (await import(pathToFileURL(join(folder, "index.mjs")).href)) as Library;
  const cjs = createRequire(import.meta.url)(join(folder, "index.cjs")) as Library;
  builds.push({ name: "ESM build", library: esm }, { name: "CJS build", library: cjs });
}, 120_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function outputs(library: Library, error: unknown, build: string): Output[] {
  const diagnosis = library.explainAuthError(error);
  return [
    { name: `${build}: explainAuthError JSON`, text: JSON.stringify(diagnosis) },
    { name: `${build}: renderDiagnosis`, text: library.renderDiagnosis(diagnosis, { includeMessage: true }) },
  ];
}

describe("the adversarial corpus through the ESM and CJS builds", () => {
  it("leaves no secret in either build's diagnosis or rendering", () => {
    expect(builds.map((b) => b.name)).toEqual(["ESM build", "CJS build"]);
    const leaks: string[] = [];
    for (const sample of ADVERSARIAL_SAMPLES) {
      const places = [
        { name: "error message", error: () => named("AuthenticationError", `${REFUSAL}\n${sample.text}`) },
        {
          name: "correlationId and subError",
          error: () =>
            named("AuthenticationError", REFUSAL, { correlationId: sample.text, subError: sample.text }),
        },
      ];
      for (const place of places) {
        for (const { name, library } of builds) {
          leaks.push(...leaksIn(outputs(library, place.error(), name), sample, place.name));
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
