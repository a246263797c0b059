/**
 * Scores knowledge entries against the facts of one error. Rules are additive: a primary rule (STS code,
 * text, pattern, service code) makes an entry a candidate; context narrows it; credential, error name and
 * status raise it. The arithmetic is documented in `schema.ts` so entry authors can predict it.
 */
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
function primaryScore(indexed: IndexedEntry, facts: MatchFacts): number {
  let score = 0;
  if (facts.stsCodes.some((code) => indexed.stsCodes.has(code))) score += SCORES.stsCode;
  let longest = -1;
  for (const fragment of indexed.text) {
    if (fragment.length > longest && facts.text.includes(fragment)) longest = fragment.length;
  }
  if (longest >= 0) score += SCORES.text + Math.min(longest, 80) / 4;
  if (indexed.patterns.some((pattern) => pattern.test(facts.text))) score += SCORES.pattern;
  if (facts.serviceCodes.some((code) => indexed.serviceCodes.has(code.toLowerCase())))
    score += SCORES.serviceCode;
  return score;
}

function scoreEntry(indexed: IndexedEntry, facts: MatchFacts, knownCredentials: readonly string[]): number {
  const rules = indexed.entry.match;
  const nameHit = facts.errorName !== null && (rules.errorNames ?? []).includes(facts.errorName);
  const statusHit = facts.httpStatus !== null && (rules.httpStatus ?? []).includes(facts.httpStatus);
  let score: number;
  if (hasPrimaryRules(indexed)) {
    score = primaryScore(indexed, facts);
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

/** Entries matching `facts`, best first; ties keep declaration order. */
export function matchKnowledge(facts: MatchFacts): ScoredEntry[] {
  const knownCredentials = facts.credentials.map((c) => c.toLowerCase());
  const scored: (ScoredEntry & { readonly order: number })[] = [];
  for (const indexed of knowledgeIndex().entries) {
    const score = scoreEntry(indexed, facts, knownCredentials);
    if (score > 0) scored.push({ entry: indexed.entry, score, order: indexed.order });
  }
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ entry, score }) => ({ entry, score }));
}
