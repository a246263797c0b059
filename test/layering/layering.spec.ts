/**
 * Dependencies point one way (eslint.config.js): knowledge <- diagnosis <- explainAuthError / events <-
 * diagnosticCredential <- opentelemetry, and cli -> node, never node -> cli. `npm run lint` enforces it; this proves
 * the rule fires: a real source file of each layer, given one import from a layer above it, fails lint, and the
 * sources as they are pass the rule.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The `no-restricted-imports` messages for `file` with `line` added at its top. */
async function layeringErrors(file: string, line = ""): Promise<string[]> {
  const source = `${line}\n${readFileSync(`${root}${file}`, "utf8")}`;
  const [result] = await eslint.lintText(source, { filePath: `${root}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const VIOLATIONS = [
  ["src/knowledge/match.ts", 'import "../diagnosis/diagnose.js";'],
  ["src/knowledge/schema.ts", 'import "../events/types.js";'],
  ["src/diagnosis/extract.ts", 'import "../explainAuthError.js";'],
  ["src/diagnosis/diagnose.ts", 'import "../events/emit.js";'],
  ["src/events/emit.ts", 'import "../diagnosticCredential.js";'],
  ["src/explainAuthError.ts", 'import "./chainMembers.js";'],
  ["src/diagnosticCredential.ts", 'import "./opentelemetry/index.js";'],
  ["src/index.ts", 'import "./node/index.js";'],
  ["src/opentelemetry/attributes.ts", 'import "../node/index.js";'],
  ["src/node/pipelineTasks.ts", 'import "../cli/output.js";'],
  ["src/node/doctor/render.ts", 'import "../../cli/output.js";'],
] as const;

describe("the one-way dependency rule", () => {
  it.each(VIOLATIONS)("fails lint when %s imports from above it (%s)", async (file, line) => {
    expect(await layeringErrors(file, line)).toHaveLength(1);
  });

  it.each(VIOLATIONS.map(([file]) => [file]))("passes for %s as it is", async (file) => {
    expect(await layeringErrors(file)).toEqual([]);
  });
});
