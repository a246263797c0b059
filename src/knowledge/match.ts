/**
 * Scores knowledge entries against the facts of one error. Rules are additive: a primary rule (STS code,
 * text, pattern, service code) makes an entry a candidate; context narrows it; credential, error name and
 * status raise it. The arithmetic is documented in `schema.ts` so entry authors can predict it.
 */
import { buildCandidateIndex, findPrimaryHits, type CandidateIndex, type PrimaryHit } from "./candidates.js";
import { knowledgeIndex, type IndexedEntry } from "./index.js";
import type { KnowledgeEntry } from "./schema.js";

/** What the matcher looks at. `text` must already be lower-cased. */
export interface MatchFacts {
  readonly text: string;
  /** Positions in {@link knowledgeLiterals} of the literals `text` contains, when the caller searched already. */
  readonly literals?: readonly number[];
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
  // Above a bare generic phrase plus an error name (about 73): a credential-specific fallback is the better answer.
  context: 50,
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

/** The sum of the primary rules that hit. */
function primaryScore(hit: PrimaryHit | undefined): number {
  if (!hit) return 0;
  let score = 0;
  if (hit.stsCode) score += SCORES.stsCode;
  if (hit.fragmentLength >= 0) score += SCORES.text + Math.min(hit.fragmentLength, 80) / 4;
  if (hit.pattern) score += SCORES.pattern;
  if (hit.serviceCode) score += SCORES.serviceCode;
  return score;
}

function scoreEntry(
  indexed: IndexedEntry,
  facts: MatchFacts,
  hit: PrimaryHit | undefined,
  knownCredentials: readonly string[],
): number {
  const rules = indexed.entry.match;
  const nameHit = facts.errorName !== null && (rules.errorNames ?? []).includes(facts.errorName);
  const statusHit = facts.httpStatus !== null && (rules.httpStatus ?? []).includes(facts.httpStatus);
  let score: number;
  if (hasPrimaryRules(indexed)) {
    score = primaryScore(hit);
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
      !indexed.context.some(
        (fragment) => facts.text.includes(fragment) || knownCredentials.includes(fragment),
      )
    )
      return 0;
    score += SCORES.context;
  }
  if (facts.credentials.some((c) => (rules.credentials ?? []).includes(c))) score += SCORES.credential;
  if (nameHit) score += SCORES.errorName;
  if (statusHit) score += SCORES.httpStatus;
  return score;
}

type RankedEntry = ScoredEntry & { readonly order: number };

function addScored(
  scored: RankedEntry[],
  indexed: IndexedEntry | undefined,
  facts: MatchFacts,
  hit: PrimaryHit | undefined,
  knownCredentials: readonly string[],
): void {
  const score = indexed ? scoreEntry(indexed, facts, hit, knownCredentials) : 0;
  if (indexed && score > 0) scored.push({ entry: indexed.entry, score, order: indexed.order });
}

interface Candidates {
  readonly entries: readonly IndexedEntry[];
  readonly index: CandidateIndex;
  /** Positions of the entries without primary rules: scored whatever the text. */
  readonly filterOnly: readonly number[];
}

let candidates: Candidates | null = null;

function candidatesOf(entries: readonly IndexedEntry[]): Candidates {
  if (candidates?.entries !== entries) {
    const filterOnly = entries.flatMap((indexed, at) => (hasPrimaryRules(indexed) ? [] : [at]));
    candidates = { entries, index: buildCandidateIndex(entries), filterOnly };
  }
  return candidates;
}

/**
 * Every literal the matcher looks for in a text (text fragments, the start of patterns), lower-cased. A caller
 * that searches the text anyway can search for these too and pass what it found as `MatchFacts.literals`.
 */
export function knowledgeLiterals(): readonly string[] {
  return candidatesOf(knowledgeIndex().entries).index.literals.literals;
}

/** Entries matching `facts`, best first; ties keep declaration order. */
export function matchKnowledge(facts: MatchFacts): ScoredEntry[] {
  const { entries } = knowledgeIndex();
  const { index, filterOnly } = candidatesOf(entries);
  const hits = findPrimaryHits(index, facts.text, facts.stsCodes, facts.serviceCodes, facts.literals);
  const knownCredentials = facts.credentials.map((c) => c.toLowerCase());
  const scored: RankedEntry[] = [];
  // Only entries a primary rule hit, and those without primary rules, can score; the sort restores the order.
  for (const [at, hit] of hits) addScored(scored, entries[at], facts, hit, knownCredentials);
  for (const at of filterOnly) addScored(scored, entries[at], facts, undefined, knownCredentials);
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ entry, score }) => ({ entry, score }));
}
