/**
 * Scores knowledge entries against the facts of one error. Rules are additive: a primary rule (STS code,
 * text, pattern, service code) makes an entry a candidate; context narrows it; credential, error name and
 * status raise it. The arithmetic is documented in `schema.ts` so entry authors can predict it.
 */
import { buildCandidateIndex, findPrimaryHits, type CandidateIndex, type PrimaryHits } from "./candidates.js";
import { knowledgeIndex, type IndexedEntry } from "./index.js";
import type { KnowledgeEntry } from "./schema.js";

/** What the matcher looks at. `text` must already be lower-cased. */
export interface MatchFacts {
  readonly text: string;
  readonly stsCodes: readonly string[];
  readonly serviceCodes: readonly string[];
  readonly credentials: readonly string[];
  readonly errorName: string | null;
  readonly httpStatus: number | null;
}

export interface ScoredEntry {
  readonly entry: KnowledgeEntry;
  readonly score: number;
}

export const SCORES = {
  stsCode: 100,
  /** Plus a quarter of the fragment's length, up to 80 characters: longer fragments are more specific. */
  text: 60,
  pattern: 70,
  serviceCode: 100,
  context: 40,
  credential: 15,
  errorName: 10,
  httpStatus: 10,
} as const;

function hasPrimaryRules(indexed: IndexedEntry): boolean {
  return (
    indexed.stsCodes.size > 0 ||
    indexed.text.length > 0 ||
    indexed.patterns.length > 0 ||
    indexed.serviceCodes.size > 0
  );
}

/** The sum of the primary rules that hit entry `at`. */
function primaryScore(hits: PrimaryHits, at: number): number {
  let score = 0;
  if (hits.stsCode[at]) score += SCORES.stsCode;
  const length = hits.fragmentLength[at] ?? -1;
  if (length >= 0) score += SCORES.text + Math.min(length, 80) / 4;
  if (hits.pattern[at]) score += SCORES.pattern;
  if (hits.serviceCode[at]) score += SCORES.serviceCode;
  return score;
}

function scoreEntry(
  indexed: IndexedEntry,
  at: number,
  facts: MatchFacts,
  hits: PrimaryHits,
  knownCredentials: readonly string[],
): number {
  const rules = indexed.entry.match;
  const nameHit = facts.errorName !== null && (rules.errorNames ?? []).includes(facts.errorName);
  const statusHit = facts.httpStatus !== null && (rules.httpStatus ?? []).includes(facts.httpStatus);
  let score: number;
  if (hasPrimaryRules(indexed)) {
    score = primaryScore(hits, at);
    if (score === 0) return 0;
  } else {
    // A fallback entry: every filter it declares must hit.
    const filtersHit = (!rules.errorNames || nameHit) && (!rules.httpStatus || statusHit);
    if (!filtersHit || (!rules.errorNames && !rules.httpStatus)) return 0;
    score = 1;
  }
  if (indexed.context.length > 0) {
    // A credential named in the context counts when the caller knows it was that credential (DiagnosticCredential).
    if (
      !indexed.context.some((fragment) => facts.text.includes(fragment) || knownCredentials.includes(fragment))
    )
      return 0;
    score += SCORES.context;
  }
  if (facts.credentials.some((c) => (rules.credentials ?? []).includes(c))) score += SCORES.credential;
  if (nameHit) score += SCORES.errorName;
  if (statusHit) score += SCORES.httpStatus;
  return score;
}

let candidates: { readonly entries: readonly IndexedEntry[]; readonly index: CandidateIndex } | null = null;

function candidateIndex(entries: readonly IndexedEntry[]): CandidateIndex {
  if (candidates?.entries !== entries) candidates = { entries, index: buildCandidateIndex(entries) };
  return candidates.index;
}

/** Entries matching `facts`, best first; ties keep declaration order. */
export function matchKnowledge(facts: MatchFacts): ScoredEntry[] {
  const { entries } = knowledgeIndex();
  const hits = findPrimaryHits(candidateIndex(entries), facts.text, facts.stsCodes, facts.serviceCodes);
  const knownCredentials = facts.credentials.map((c) => c.toLowerCase());
  const scored: (ScoredEntry & { order: number })[] = [];
  for (let at = 0; at < entries.length; at++) {
    const indexed = entries[at];
    // Entries with primary rules are candidates only when one of them hit.
    if (!indexed || (!hits.any[at] && hasPrimaryRules(indexed))) continue;
    const score = scoreEntry(indexed, at, facts, hits, knownCredentials);
    if (score > 0) scored.push({ entry: indexed.entry, score, order: indexed.order });
  }
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ entry, score }) => ({ entry, score }));
}
