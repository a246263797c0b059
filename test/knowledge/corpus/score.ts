/**
 * Scores `explainAuthError` against the accuracy corpus: realistic failure messages from every runtime, each
 * with the diagnosis a support engineer would give. Shared by `npm run accuracy` (the report) and
 * `test/knowledge/accuracy.spec.ts` (the gate), so both compute the same numbers.
 */
import { readFileSync } from "node:fs";
import { explainAuthError } from "../../../src/explainAuthError.js";
import type { Diagnosis } from "../../../src/diagnosis/types.js";
import { DIAGNOSIS_CATEGORIES, type DiagnosisCategory } from "../../../src/knowledge/diagnosisCategories.js";
import { ERROR_RUNTIMES, type ErrorRuntime } from "../../../src/knowledge/errorRuntimes.js";

/** One corpus message and its expected diagnosis. `null` means the message does not carry that fact. */
export interface CorpusItem {
  /** Stable id, `<runtime prefix>-<n>`, quoted in mismatch lists. */
  readonly id: string;
  /** Who printed the message. */
  readonly runtime: ErrorRuntime;
  /** Where the wording comes from: `lab` (real @azure/identity 4.13.1), `seed:NNN`, `issue:<repo>#<n>`, `written`. */
  readonly source: string;
  readonly text: string;
  readonly stsCode: string | null;
  readonly correlationId: string | null;
  readonly traceId: string | null;
  readonly timestamp: string | null;
  readonly httpStatus: number | null;
  /** Canonical (JavaScript) class names of the credentials involved, in the order they were tried. */
  readonly credentials: readonly string[];
  readonly category: DiagnosisCategory;
  /** Id of the knowledge entry that should lead the diagnosis. */
  readonly topEntry: string;
  /** Why the expectation is what it is, when it is not obvious. */
  readonly note?: string;
}

/** The corpus files, one per runtime plus the services' 401/403 replies as each runtime prints them. */
export const CORPUS_FILES = [
  ...ERROR_RUNTIMES.filter((runtime) => runtime !== "unknown"),
  "services",
] as const;

/** Extraction fields, then the two judgement fields. */
export const EXTRACTION_FIELDS = [
  "stsCode",
  "correlationId",
  "traceId",
  "timestamp",
  "httpStatus",
  "credentials",
] as const;
export const JUDGEMENT_FIELDS = ["category", "topEntry"] as const;
export const SCORED_FIELDS = [...EXTRACTION_FIELDS, ...JUDGEMENT_FIELDS] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** Below this share of correct items, a field fails for a runtime. */
export const ACCURACY_THRESHOLD = 0.95;

const RUNTIMES: ReadonlySet<string> = new Set(ERROR_RUNTIMES);
const CATEGORIES: ReadonlySet<string> = new Set(DIAGNOSIS_CATEGORIES);

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === "string";
}

/** Why `value` is not a well-formed corpus item, or `null` when it is. */
function shapeProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return "not an object";
  const item = value as Record<string, unknown>;
  if (typeof item.id !== "string" || item.id === "") return "id missing";
  if (typeof item.runtime !== "string" || !RUNTIMES.has(item.runtime)) return "runtime unknown";
  if (typeof item.source !== "string" || typeof item.text !== "string" || item.text === "")
    return "source or text missing";
  for (const key of ["stsCode", "correlationId", "traceId", "timestamp"] as const) {
    if (!isNullableString(item[key])) return `${key} must be a string or null`;
  }
  if (item.httpStatus !== null && typeof item.httpStatus !== "number")
    return "httpStatus must be a number or null";
  if (!Array.isArray(item.credentials) || !item.credentials.every((c) => typeof c === "string")) {
    return "credentials must be an array of strings";
  }
  if (typeof item.category !== "string" || !CATEGORIES.has(item.category)) return "category unknown";
  if (typeof item.topEntry !== "string" || item.topEntry === "") return "topEntry missing";
  return null;
}

/** Reads and checks every corpus file. Throws, naming the item, on a malformed one. */
export function loadCorpus(): CorpusItem[] {
  const items: CorpusItem[] = [];
  for (const file of CORPUS_FILES) {
    const parsed: unknown = JSON.parse(readFileSync(new URL(`./${file}.json`, import.meta.url), "utf8"));
    if (!Array.isArray(parsed)) throw new Error(`corpus/${file}.json must hold an array`);
    for (const [index, value] of parsed.entries()) {
      const problem = shapeProblem(value);
      if (problem) throw new Error(`corpus/${file}.json item ${index}: ${problem}`);
      items.push(value as CorpusItem);
    }
  }
  return items;
}

/** What the diagnosis says for each scored field, in the corpus's terms. */
export function actualValues(diagnosis: Diagnosis): Record<ScoredField, unknown> {
  return {
    stsCode: diagnosis.stsCode,
    correlationId: diagnosis.correlationId,
    traceId: diagnosis.traceId,
    timestamp: diagnosis.timestamp,
    httpStatus: diagnosis.httpStatus,
    credentials: diagnosis.credentials,
    category: diagnosis.category,
    topEntry: diagnosis.matches[0]?.id ?? null,
  };
}

function expectedValue(item: CorpusItem, field: ScoredField): unknown {
  return item[field];
}

function sameValue(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.length === actual.length && expected.every((value, i) => value === actual[i]);
  }
  return expected === actual;
}

export interface FieldTally {
  correct: number;
  total: number;
}

export interface RuntimeScore {
  /** A runtime, or `"overall"`. */
  readonly runtime: string;
  readonly items: number;
  readonly fields: Record<ScoredField, FieldTally>;
  /** How often the diagnosis named the right runtime: reported, not gated. */
  readonly runtimeDetected: FieldTally;
}

export interface Mismatch {
  readonly id: string;
  readonly runtime: string;
  readonly field: ScoredField;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface AccuracyReport {
  readonly byRuntime: readonly RuntimeScore[];
  readonly overall: RuntimeScore;
  readonly mismatches: readonly Mismatch[];
}

function emptyScore(runtime: string): RuntimeScore & { items: number } {
  const fields = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as Record<
    ScoredField,
    FieldTally
  >;
  return { runtime, items: 0, fields, runtimeDetected: { correct: 0, total: 0 } };
}

/** Diagnoses every item and tallies each field per runtime and overall. */
export function scoreCorpus(items: readonly CorpusItem[]): AccuracyReport {
  const byRuntime = new Map<string, ReturnType<typeof emptyScore>>();
  const overall = emptyScore("overall");
  const mismatches: Mismatch[] = [];
  for (const item of items) {
    const diagnosis = explainAuthError(item.text);
    const actual = actualValues(diagnosis);
    let score = byRuntime.get(item.runtime);
    if (!score) {
      score = emptyScore(item.runtime);
      byRuntime.set(item.runtime, score);
    }
    for (const target of [score, overall]) {
      target.items += 1;
      target.runtimeDetected.total += 1;
      if (diagnosis.runtime === item.runtime) target.runtimeDetected.correct += 1;
    }
    for (const field of SCORED_FIELDS) {
      const expected = expectedValue(item, field);
      const hit = sameValue(expected, actual[field]);
      for (const target of [score, overall]) {
        target.fields[field].total += 1;
        if (hit) target.fields[field].correct += 1;
      }
      if (!hit)
        mismatches.push({ id: item.id, runtime: item.runtime, field, expected, actual: actual[field] });
    }
  }
  return { byRuntime: [...byRuntime.values()], overall, mismatches };
}

/** Share of correct items; an empty tally counts as perfect. */
export function accuracy(tally: FieldTally): number {
  return tally.total === 0 ? 1 : tally.correct / tally.total;
}

/** Runtime × field pairs below the threshold, each with the ids of its failing items. */
export function failingCells(
  report: AccuracyReport,
): { runtime: string; field: ScoredField; accuracy: number; ids: string[] }[] {
  const cells: { runtime: string; field: ScoredField; accuracy: number; ids: string[] }[] = [];
  for (const score of [...report.byRuntime, report.overall]) {
    for (const field of SCORED_FIELDS) {
      const value = accuracy(score.fields[field]);
      if (value >= ACCURACY_THRESHOLD) continue;
      const ids = report.mismatches
        .filter((m) => m.field === field && (score.runtime === "overall" || m.runtime === score.runtime))
        .map((m) => m.id);
      cells.push({ runtime: score.runtime, field, accuracy: value, ids });
    }
  }
  return cells;
}

const COLUMN_TITLES: Record<ScoredField, string> = {
  stsCode: "code",
  correlationId: "corrId",
  traceId: "traceId",
  timestamp: "time",
  httpStatus: "status",
  credentials: "creds",
  category: "category",
  topEntry: "top-1",
};

function percent(tally: FieldTally): string {
  return `${(accuracy(tally) * 100).toFixed(1)}%`;
}

/** The report as a fixed-width table followed by every mismatch. */
export function formatReport(report: AccuracyReport): string {
  const header = ["runtime", "items", ...SCORED_FIELDS.map((f) => COLUMN_TITLES[f]), "runtime?"];
  const rows = [...report.byRuntime, report.overall].map((s) => [
    s.runtime,
    String(s.items),
    ...SCORED_FIELDS.map((f) => percent(s.fields[f])),
    percent(s.runtimeDetected),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  const out = [
    "Extraction: code, corrId, traceId, time, status, creds. Judgement: category, top-1 entry.",
    `Gate: every runtime and field at ${(ACCURACY_THRESHOLD * 100).toFixed(0)}% or more ("runtime?" is informational).`,
    "",
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
  ];
  if (report.mismatches.length === 0) {
    out.push("No mismatches.");
  } else {
    out.push(`Mismatches (${report.mismatches.length}):`);
    for (const m of report.mismatches) {
      out.push(
        `  ${m.id} [${m.runtime}] ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`,
      );
    }
  }
  return out.join("\n");
}
