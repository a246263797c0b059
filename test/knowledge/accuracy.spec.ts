/**
 * The accuracy gate: `explainAuthError` must read the facts out of, and give the right category and top
 * knowledge entry for, at least 95% of the corpus messages of every runtime. Same numbers as `npm run accuracy`
 * (both use corpus/score.ts); a failure names the items that missed.
 */
import { describe, expect, it } from "vitest";
import { listKnowledgeEntries } from "../../src/knowledge/index.js";
import {
  ACCURACY_THRESHOLD,
  EXTRACTION_FIELDS,
  JUDGEMENT_FIELDS,
  accuracy,
  loadCorpus,
  scoreCorpus,
  type ScoredField,
} from "./corpus/score.js";
import { ERROR_RUNTIMES } from "../../src/knowledge/errorRuntimes.js";

const corpus = loadCorpus();
const report = scoreCorpus(corpus);

/** Every runtime the issue asks the corpus to cover, with the smallest sample worth a percentage. */
const REQUIRED_RUNTIMES = ERROR_RUNTIMES.filter((runtime) => runtime !== "unknown");
const MIN_ITEMS_PER_RUNTIME = 10;

describe("the accuracy corpus", () => {
  it("holds at least 200 messages with unique ids", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const ids = corpus.map((item) => item.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(REQUIRED_RUNTIMES)(`has at least ${MIN_ITEMS_PER_RUNTIME} messages printed by %s`, (runtime) => {
    expect(corpus.filter((item) => item.runtime === runtime).length).toBeGreaterThanOrEqual(
      MIN_ITEMS_PER_RUNTIME,
    );
  });

  it("expects only live knowledge entries", () => {
    const live = new Set(
      listKnowledgeEntries()
        .filter((e) => !e.retired)
        .map((e) => e.id),
    );
    expect(
      corpus.filter((item) => !live.has(item.topEntry)).map((item) => `${item.id}: ${item.topEntry}`),
    ).toEqual([]);
  });

  it("covers service 401/403 replies as well as credential failures", () => {
    expect(
      corpus.filter((item) => item.httpStatus === 403 || item.httpStatus === 401).length,
    ).toBeGreaterThanOrEqual(15);
  });

  it("contains no bearer token", () => {
    expect(
      corpus.filter((item) => /\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\./.test(item.text)).map((item) => item.id),
    ).toEqual([]);
  });
});

function missedIds(runtime: string, field: ScoredField): string[] {
  return report.mismatches.filter((m) => m.runtime === runtime && m.field === field).map((m) => m.id);
}

describe.each(report.byRuntime.map((score) => [score.runtime, score] as const))("%s", (runtime, score) => {
  it.each([...EXTRACTION_FIELDS])(
    `extracts %s from at least ${ACCURACY_THRESHOLD * 100}% of messages`,
    (field) => {
      const missed = missedIds(runtime, field);
      expect(accuracy(score.fields[field]), `missed: ${missed.join(", ")}`).toBeGreaterThanOrEqual(
        ACCURACY_THRESHOLD,
      );
    },
  );

  it.each([...JUDGEMENT_FIELDS])(
    `gets %s right for at least ${ACCURACY_THRESHOLD * 100}% of messages`,
    (field) => {
      const missed = missedIds(runtime, field);
      expect(accuracy(score.fields[field]), `missed: ${missed.join(", ")}`).toBeGreaterThanOrEqual(
        ACCURACY_THRESHOLD,
      );
    },
  );
});
