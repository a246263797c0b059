/**
 * Knowledge proven by the lab: every entry whose wording can come from the JavaScript library (it has a JavaScript
 * example) must have led a diagnosis in a lab scenario or the demo during this test run, or be exempt with a reason.
 * Scenarios record the entry they saw lead, at run time (harness/producedEntries.ts); this file runs after every
 * other spec file (vitest.config.ts gives it a later `groupOrder`), so it reads the whole run's records.
 */
import { afterAll, describe, expect, it } from "vitest";
import { listKnowledgeEntriesWithExamples } from "../../src/knowledge/examples/index.js";
import { clearProduced, readProduced } from "./harness/producedEntries.js";
import { LAB_EXEMPTIONS } from "./knowledgeExemptions.js";

const entries = listKnowledgeEntriesWithExamples();
const ids = new Set(entries.map((e) => e.id));
const produced = readProduced();
const fromJavaScript = entries.filter(
  (e) => !e.retired && e.examples.some((x) => x.runtime === "javascript"),
);

afterAll(() => {
  clearProduced();
});

describe("knowledge proven by the lab", () => {
  it("sees the entries the lab scenarios and the demo produced in this run", () => {
    expect(
      produced.size,
      "no scenario recorded an entry: run the lab in the same run (npx vitest run test/lab test/examples/demo.spec.ts)",
    ).toBeGreaterThanOrEqual(100);
    expect(
      [...produced].filter((id) => !ids.has(id)),
      "recorded ids that are not entries",
    ).toEqual([]);
  });

  it("has a scenario for every entry the JavaScript library can produce, or an exemption with its reason", () => {
    const missing = fromJavaScript
      .filter((e) => !produced.has(e.id) && !(e.id in LAB_EXEMPTIONS))
      .map((e) => e.id);
    expect(missing, "entries with JavaScript wording that no lab scenario produced").toEqual([]);
  });

  it("exempts only entries the lab does not produce", () => {
    const covered = Object.keys(LAB_EXEMPTIONS).filter((id) => produced.has(id));
    expect(covered, "exempt entries the lab now produces: remove them from knowledgeExemptions.ts").toEqual(
      [],
    );
  });

  it("exempts only existing entries, each with a reason", () => {
    for (const [id, reason] of Object.entries(LAB_EXEMPTIONS)) {
      expect(ids.has(id), id).toBe(true);
      expect(reason.length, id).toBeGreaterThan(30);
    }
  });
});
