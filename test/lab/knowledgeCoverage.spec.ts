/**
 * Knowledge proven by the lab: every entry whose wording can come from the JavaScript library (it has a JavaScript
 * example) must be the expected result of a lab scenario or the demo, or be exempt with a reason. Scenario files
 * name the entries they expect as string literals; each scenario asserts at run time that its entry really leads.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listKnowledgeEntriesWithExamples } from "../../src/knowledge/examples/index.js";
import { LAB_EXEMPTIONS } from "./knowledgeExemptions.js";

const root = new URL("../../", import.meta.url);
const scenarioFiles = readdirSync(new URL("test/lab/scenarios/", root))
  .filter((name) => name.endsWith(".spec.ts"))
  .map((name) => new URL(`test/lab/scenarios/${name}`, root));
const sources = [...scenarioFiles, new URL("examples/demo.ts", root)].map((url) => readFileSync(url, "utf8"));

const entries = listKnowledgeEntriesWithExamples();
const ids = new Set(entries.map((e) => e.id));
/** Entry ids a scenario or the demo expects. */
const produced = new Set(
  sources
    .flatMap((source) => [...source.matchAll(/"([a-z0-9]+(?:-[a-z0-9]+)+)"/g)].map((m) => m[1] ?? ""))
    .filter((id) => ids.has(id)),
);
const fromJavaScript = entries.filter(
  (e) => !e.retired && e.examples.some((x) => x.runtime === "javascript"),
);

describe("knowledge proven by the lab", () => {
  it("reads the scenario files", () => {
    expect(scenarioFiles.length).toBeGreaterThanOrEqual(8);
    expect(produced.size).toBeGreaterThanOrEqual(100);
  });

  it("has a scenario for every entry the JavaScript library can produce, or an exemption with its reason", () => {
    const missing = fromJavaScript
      .filter((e) => !produced.has(e.id) && !(e.id in LAB_EXEMPTIONS))
      .map((e) => e.id);
    expect(missing, "entries with JavaScript wording that no lab scenario produces").toEqual([]);
  });

  it("exempts only entries the lab does not produce", () => {
    const covered = Object.keys(LAB_EXEMPTIONS).filter((id) => produced.has(id));
    expect(covered, "exempt entries the lab now covers: remove them from knowledgeExemptions.ts").toEqual([]);
  });

  it("exempts only existing entries, each with a reason", () => {
    for (const [id, reason] of Object.entries(LAB_EXEMPTIONS)) {
      expect(ids.has(id), id).toBe(true);
      expect(reason.length, id).toBeGreaterThan(30);
    }
  });
});
