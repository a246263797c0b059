/**
 * Scores `explainAuthError` against the real-world corpus (messages pasted into public GitHub threads, see
 * README.md beside this file). Shared by `npm run accuracy` (the report) and `realWorld.spec.ts` (the gate).
 *
 * Fields, each per group and overall:
 * - category: the diagnosis's category equals the label;
 * - mention: every `mustMention` term appears in the leading match's mitigations (what "What to do" shows);
 * - facts: code, correlation ID, trace ID, timestamp and HTTP status each equal the label (pooled over the five);
 * - credentials: the credential list equals the label, in order;
 * - recognised: the category is not `other` when the label is not `other`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { explainAuthError, type Diagnosis } from "../../../src/index.js";

export const GROUPS = [
  "javascript",
  "python",
  "dotnet",
  "java",
  "go",
  "cli",
  "pipelines",
  "services",
] as const;
export type Group = (typeof GROUPS)[number];

export interface RealWorldRecord {
  readonly id: string;
  readonly group: Group;
  readonly runtime: string;
  readonly source: string;
  readonly url: string;
  readonly text: string;
  readonly redacted: string | null;
  readonly stsCode: string | null;
  readonly correlationId: string | null;
  readonly traceId: string | null;
  readonly timestamp: string | null;
  readonly httpStatus: number | null;
  readonly credentials: readonly string[];
  readonly category: string;
  readonly mustMention: readonly string[];
  readonly why: string;
}

export const FACT_FIELDS = ["stsCode", "correlationId", "traceId", "timestamp", "httpStatus"] as const;
export const SCORES = ["category", "mention", "facts", "credentials", "recognised"] as const;
export type Score = (typeof SCORES)[number];

/** What the suite enforces (realWorld.spec.ts); equal to GOALS once they are met. */
export const GATES: Record<Score, number> = {
  category: 0.9,
  mention: 0.85,
  facts: 0.97,
  credentials: 0.95,
  recognised: 0.97,
};

/** The goals of the real-world set (issue "Diagnose what people really paste"). */
export const GOALS: Record<Score, number> = {
  category: 0.9,
  mention: 0.85,
  facts: 0.97,
  credentials: 0.95,
  recognised: 0.97,
};

const SOURCE = /^[\w.-]+\/[\w.-]+#\d+$/;
const URL_OF_THREAD = /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull|discussions)\/\d+/;

/** Why `value` is not a well-formed record, or `null` when it is. */
export function recordProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return "not an object";
  const r = value as Record<string, unknown>;
  if (typeof r.id !== "string" || !r.id.startsWith("rw-")) return "id must start with rw-";
  if (!GROUPS.includes(r.group as Group)) return "group unknown";
  if (typeof r.source !== "string" || !SOURCE.test(r.source)) return "source must be owner/repo#N";
  if (typeof r.url !== "string" || !URL_OF_THREAD.test(r.url)) return "url must be a GitHub thread";
  if (!r.url.toLowerCase().includes(`/${r.source.split("#")[0]?.toLowerCase()}/`))
    return "url and source differ";
  if (typeof r.text !== "string" || r.text.trim() === "") return "text missing";
  for (const key of ["stsCode", "correlationId", "traceId", "timestamp"] as const) {
    const fact = r[key];
    if (fact !== null && typeof fact !== "string") return `${key} must be a string or null`;
    if (typeof fact === "string" && !r.text.includes(fact)) return `${key} is not in the text verbatim`;
  }
  if (r.httpStatus !== null && typeof r.httpStatus !== "number") return "httpStatus must be a number or null";
  if (!Array.isArray(r.credentials) || !r.credentials.every((c) => typeof c === "string"))
    return "credentials must be strings";
  if (typeof r.category !== "string") return "category missing";
  if (!Array.isArray(r.mustMention) || r.mustMention.length < 1 || r.mustMention.length > 4)
    return "mustMention must hold 1-4 terms";
  if (typeof r.why !== "string" || r.why === "") return "why missing";
  return null;
}

/** Reads every `*.json` batch of `folder` (the corpus, or its `fresh/` batch). Throws on a malformed record. */
export function loadRealWorld(folder = new URL("./", import.meta.url)): RealWorldRecord[] {
  const records: RealWorldRecord[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const parsed: unknown = JSON.parse(readFileSync(new URL(file, folder), "utf8"));
    if (!Array.isArray(parsed)) throw new Error(`${file} must hold an array`);
    for (const [index, value] of parsed.entries()) {
      const problem = recordProblem(value);
      if (problem)
        throw new Error(`${file} item ${index} (${String((value as { id?: unknown }).id)}): ${problem}`);
      records.push(value as RealWorldRecord);
    }
  }
  return records;
}

export const FRESH_FOLDER = new URL("./fresh/", import.meta.url);

export interface Tally {
  correct: number;
  total: number;
}

export interface GroupScore {
  readonly group: string;
  items: number;
  readonly scores: Record<Score, Tally>;
}

export interface Miss {
  readonly id: string;
  readonly score: Score;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface RealWorldReport {
  readonly byGroup: GroupScore[];
  readonly overall: GroupScore;
  readonly misses: Miss[];
}

/** Lower case, hyphens as spaces, runs of space as one: "Sign-in" and "sign in" are the same words. */
function normalised(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, " ");
}

/** Whether every term is named by the leading match's mitigations. */
export function mentionsAll(diagnosis: Diagnosis, terms: readonly string[]): boolean {
  const said = normalised(diagnosis.matches[0]?.mitigations.join("\n") ?? "");
  return terms.every((term) => said.includes(normalised(term)));
}

function emptyScore(group: string): GroupScore {
  const scores = Object.fromEntries(SCORES.map((s) => [s, { correct: 0, total: 0 }])) as Record<Score, Tally>;
  return { group, items: 0, scores };
}

function tally(targets: GroupScore[], score: Score, correct: number, total: number): void {
  for (const target of targets) {
    target.scores[score].correct += correct;
    target.scores[score].total += total;
  }
}

/** Diagnoses every record and tallies each score per group and overall. */
export function scoreRealWorld(records: readonly RealWorldRecord[]): RealWorldReport {
  const byGroup = new Map<string, GroupScore>(GROUPS.map((g) => [g, emptyScore(g)]));
  const overall = emptyScore("overall");
  const misses: Miss[] = [];
  for (const record of records) {
    const d = explainAuthError(record.text);
    const targets = [byGroup.get(record.group) ?? emptyScore(record.group), overall];
    for (const target of targets) target.items += 1;
    const miss = (score: Score, expected: unknown, actual: unknown): void => {
      misses.push({ id: record.id, score, expected, actual });
    };

    const categoryRight = d.category === record.category;
    tally(targets, "category", categoryRight ? 1 : 0, 1);
    if (!categoryRight)
      miss("category", record.category, `${d.category} (${d.matches[0]?.id ?? "no match"})`);

    const mentioned = mentionsAll(d, record.mustMention);
    tally(targets, "mention", mentioned ? 1 : 0, 1);
    if (!mentioned) miss("mention", record.mustMention, d.matches[0]?.id ?? "no match");

    for (const field of FACT_FIELDS) {
      const right = d[field] === record[field];
      tally(targets, "facts", right ? 1 : 0, 1);
      if (!right) miss("facts", `${field}=${String(record[field])}`, String(d[field]));
    }

    const sameCredentials =
      d.credentials.length === record.credentials.length &&
      d.credentials.every((c, i) => c === record.credentials[i]);
    tally(targets, "credentials", sameCredentials ? 1 : 0, 1);
    if (!sameCredentials) miss("credentials", record.credentials, d.credentials);

    if (record.category !== "other") {
      const recognised = d.category !== "other";
      tally(targets, "recognised", recognised ? 1 : 0, 1);
      if (!recognised) miss("recognised", record.category, "other");
    }
  }
  return { byGroup: [...byGroup.values()].filter((g) => g.items > 0), overall, misses };
}

export function share(t: Tally): number {
  return t.total === 0 ? 1 : t.correct / t.total;
}

/** Overall scores below their goal. */
export function missedGoals(report: RealWorldReport): { score: Score; share: number; goal: number }[] {
  return SCORES.filter((s) => share(report.overall.scores[s]) < GOALS[s]).map((s) => ({
    score: s,
    share: share(report.overall.scores[s]),
    goal: GOALS[s],
  }));
}

/** The report as a fixed-width table; with `misses`, followed by every miss. */
export function formatRealWorldReport(report: RealWorldReport, title: string, withMisses = false): string {
  const header = ["group", "items", ...SCORES];
  const rows = [...report.byGroup, report.overall].map((g) => [
    g.group,
    String(g.items),
    ...SCORES.map((s) => `${(share(g.scores[s]) * 100).toFixed(1)}%`),
  ]);
  rows.push(["goal", "", ...SCORES.map((s) => `${(GOALS[s] * 100).toFixed(0)}%`)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  const out = [title, "", line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  if (withMisses) {
    out.push("", `Misses (${report.misses.length}):`);
    for (const m of report.misses) {
      out.push(
        `  ${m.id} ${m.score}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`,
      );
    }
  }
  return out.join("\n");
}
