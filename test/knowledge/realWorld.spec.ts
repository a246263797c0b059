/**
 * The real-world gate: errors people pasted into public GitHub threads (test/knowledge/realWorld), scored as
 * `npm run accuracy` scores them. The corpus itself is checked first: provenance, verbatim facts, spread.
 */
import { describe, expect, it } from "vitest";
import { DIAGNOSIS_CATEGORIES } from "../../src/index.js";
import { FRESH_FOLDER, GATES, SCORES, loadRealWorld, scoreRealWorld, share } from "./realWorld/score.js";

const corpus = loadRealWorld();
const fresh = loadRealWorld(FRESH_FOLDER);

describe("the real-world corpus", () => {
  it("holds at least 400 messages, 150 of them printed by JavaScript, with unique ids", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    expect(corpus.filter((r) => r.group === "javascript").length).toBeGreaterThanOrEqual(150);
    const ids = [...corpus, ...fresh].map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("takes at most 3 messages from one thread", () => {
    const perThread = new Map<string, number>();
    for (const r of [...corpus, ...fresh]) perThread.set(r.source, (perThread.get(r.source) ?? 0) + 1);
    expect([...perThread].filter(([, n]) => n > 3)).toEqual([]);
  });

  it("keeps the fresh batch to threads the corpus does not use", () => {
    const used = new Set(corpus.map((r) => r.source));
    expect(fresh.filter((r) => used.has(r.source)).map((r) => r.id)).toEqual([]);
  });

  it.each(DIAGNOSIS_CATEGORIES.map((c) => [c]))("has at least 8 messages labelled %s", (category) => {
    expect(corpus.filter((r) => r.category === category).length).toBeGreaterThanOrEqual(8);
  });

  it("labels only categories of the contract", () => {
    const known = new Set<string>(DIAGNOSIS_CATEGORIES);
    expect([...corpus, ...fresh].filter((r) => !known.has(r.category)).map((r) => r.id)).toEqual([]);
  });
});

describe("diagnosing the real-world corpus", () => {
  const report = scoreRealWorld(corpus);
  it.each(SCORES.map((s) => [s]))("meets the gate for %s", (score) => {
    const missed = report.misses.filter((m) => m.score === score).map((m) => m.id);
    expect(share(report.overall.scores[score]), `missed: ${missed.join(", ")}`).toBeGreaterThanOrEqual(
      GATES[score],
    );
  });
});
