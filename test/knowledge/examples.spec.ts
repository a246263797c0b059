/**
 * Entries' sources and examples live in src/knowledge/examples/, apart from the entries: every entry has exactly
 * one record there, the core entry never bundles them (test/package/browser.spec.ts), and the `knowledge` subpath joins them back unchanged.
 */
import { describe, expect, it } from "vitest";
import { listKnowledgeEntries, lookupKnowledge } from "../../src/index.js";
import {
  listKnowledgeEntriesWithExamples,
  lookupKnowledgeWithExamples,
} from "../../src/knowledge/examples/index.js";
import { evidenceFamilies } from "../../src/knowledge/examples/evidence.js";

const entries = listKnowledgeEntries();

describe("entries and their examples", () => {
  it("has exactly one sources-and-examples record per entry, and none for an unknown id", () => {
    const recordIds = evidenceFamilies.flatMap((family) => Object.keys(family));
    expect(recordIds.filter((id, i) => recordIds.indexOf(id) !== i)).toEqual([]);
    expect([...recordIds].sort()).toEqual(entries.map((e) => e.id).sort());
  });

  it("keeps sources and examples off the entries the core entry lists", () => {
    const carrying = entries.filter((e) => "examples" in e || "sources" in e).map((e) => e.id);
    expect(carrying).toEqual([]);
  });

  it("lists each core entry unchanged, with its own sources and examples added and frozen", () => {
    const full = listKnowledgeEntriesWithExamples();
    expect(full.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    for (const [i, entry] of full.entries()) {
      const { sources, examples, ...rest } = entry;
      expect(rest, entry.id).toEqual(entries[i]);
      const record = evidenceFamilies.find((family) => entry.id in family)?.[entry.id];
      expect({ sources, examples }, entry.id).toEqual(record);
      expect(
        Object.isFrozen(entry) && Object.isFrozen(examples) && examples.every(Object.isFrozen),
        entry.id,
      ).toBe(true);
    }
    expect(listKnowledgeEntriesWithExamples()[0]).toBe(full[0]);
  });

  it("looks up the same entries as lookupKnowledge, with their examples", () => {
    for (const query of [
      "AADSTS700016",
      "700016",
      "client-secret-invalid",
      "AuthorizationFailed",
      "nothing",
    ]) {
      const found = lookupKnowledgeWithExamples(query);
      expect(
        found.map((e) => e.id),
        query,
      ).toEqual(lookupKnowledge(query).map((e) => e.id));
      for (const entry of found) expect(entry.sources.length, entry.id).toBeGreaterThan(0);
    }
  });
});
