/**
 * Finds which knowledge entries a text can match without trying every entry: AADSTS codes and service codes are
 * looked up, and every text fragment (and a literal each pattern requires) is found in one pass over
 * the text by a literal search. Built once from the knowledge index.
 */
import type { IndexedEntry } from "./index.js";
import { buildLiteralSearch, enclosedWords, findLiterals, type LiteralSearch } from "./literalSearch.js";

/** A pattern, its entry's position, and a literal every match contains (-1 when it has none). */
interface PatternRef {
  readonly entry: number;
  readonly pattern: RegExp;
  readonly literal: number;
}

export interface CandidateIndex {
  readonly byStsCode: ReadonlyMap<string, readonly number[]>;
  /** Keys are lower-cased. */
  readonly byServiceCode: ReadonlyMap<string, readonly number[]>;
  /** Text fragments and pattern prefixes, each once. */
  readonly literals: LiteralSearch;
  /** Per literal: the entries listing it as a text fragment. */
  readonly fragmentOf: readonly (readonly number[])[];
  readonly patterns: readonly PatternRef[];
}

/** The primary rules of one entry that hit. */
export interface PrimaryHit {
  stsCode: boolean;
  /** Length of the longest text fragment found, -1 when none. */
  fragmentLength: number;
  pattern: boolean;
  serviceCode: boolean;
}

// Escapes that stand for one literal character; any other escape (`\d`, `\s`, `\b`…) ends the literal prefix.
const LITERAL_ESCAPES = new Set(Array.from("\\/.-:'\"()[]{}?*+|^$ #!,=<>@&~%"));
const QUANTIFIERS = new Set(["?", "*", "+", "{"]);
const SPECIAL = new Set(["[", "(", ")", "|", "^", "$", ".", ...QUANTIFIERS]);

function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

/**
 * The longest run of plain characters every match of a pattern source contains, lower-cased: read from the top
 * level of the pattern only (outside groups and classes, not made optional by a quantifier), and "" when the
 * pattern has a top-level alternative.
 */
export function requiredLiteral(source: string): string {
  if (hasTopLevelAlternative(source)) return "";
  let best = "";
  let run = "";
  const endRun = (): void => {
    if (run.length > best.length) best = run;
    run = "";
  };
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? "";
    if (inClass) {
      if (c === "\\") i++;
      else if (c === "]") inClass = false;
      continue;
    }
    let literal: string | null = null;
    if (c === "\\") {
      const escaped = source[++i] ?? "";
      if (LITERAL_ESCAPES.has(escaped)) literal = escaped;
    } else if (c === "[") {
      inClass = true;
    } else if (c === "(") {
      depth++;
    } else if (c === ")") {
      depth--;
    } else if (c === "{") {
      // A counted quantifier: its digits are not text.
      while (i < source.length && source[i] !== "}") i++;
    } else if (!SPECIAL.has(c)) {
      literal = c;
    }
    if (literal === null || depth > 0 || QUANTIFIERS.has(source[i + 1] ?? "")) endRun();
    else run += literal;
  }
  endRun();
  return best.toLowerCase();
}

/** Builds the candidate index of `entries` (entry positions are positions in `entries`). */
export function buildCandidateIndex(entries: readonly IndexedEntry[]): CandidateIndex {
  const byStsCode = new Map<string, number[]>();
  const byServiceCode = new Map<string, number[]>();
  const literalIds = new Map<string, number>();
  const fragmentOf: number[][] = [];
  const literalId = (literal: string): number => {
    let id = literalIds.get(literal);
    if (id === undefined) {
      id = literalIds.size;
      literalIds.set(literal, id);
      fragmentOf.push([]);
    }
    return id;
  };
  const patterns: PatternRef[] = [];
  entries.forEach((indexed, entry) => {
    for (const code of indexed.stsCodes) byStsCode.set(code, [...(byStsCode.get(code) ?? []), entry]);
    for (const code of indexed.serviceCodes) {
      byServiceCode.set(code, [...(byServiceCode.get(code) ?? []), entry]);
    }
    for (const fragment of indexed.text) fragmentOf[literalId(fragment)]?.push(entry);
    for (const pattern of indexed.patterns) {
      // A literal without a word between separators (`no `) would be compared at every word: run the pattern instead.
      const required = requiredLiteral(pattern.source);
      const literal = enclosedWords(required).length > 0 ? literalId(required) : -1;
      patterns.push({ entry, pattern, literal });
    }
  });
  return {
    byStsCode,
    byServiceCode,
    literals: buildLiteralSearch([...literalIds.keys()]),
    fragmentOf,
    patterns,
  };
}

function hitOf(hits: Map<number, PrimaryHit>, entry: number): PrimaryHit {
  let hit = hits.get(entry);
  if (!hit) {
    hit = { stsCode: false, fragmentLength: -1, pattern: false, serviceCode: false };
    hits.set(entry, hit);
  }
  return hit;
}

/**
 * The entries a primary rule of which hits `lowerText` (the lower-cased text) or the extracted codes, by position
 * in the index, with what hit. Entries not in the map cannot match unless they have no primary rules.
 */
export function findPrimaryHits(
  index: CandidateIndex,
  lowerText: string,
  stsCodes: readonly string[],
  serviceCodes: readonly string[],
  /** The literals of `index` found in `lowerText`, when the caller searched already. */
  literals?: readonly number[],
): Map<number, PrimaryHit> {
  const hits = new Map<number, PrimaryHit>();
  for (const code of stsCodes) {
    for (const entry of index.byStsCode.get(code) ?? []) hitOf(hits, entry).stsCode = true;
  }
  for (const code of serviceCodes) {
    for (const entry of index.byServiceCode.get(code.toLowerCase()) ?? [])
      hitOf(hits, entry).serviceCode = true;
  }
  const found = literals ?? findLiterals(index.literals, lowerText);
  for (const id of found) {
    const length = index.literals.literals[id]?.length ?? 0;
    for (const entry of index.fragmentOf[id] ?? []) {
      const hit = hitOf(hits, entry);
      hit.fragmentLength = Math.max(hit.fragmentLength, length);
    }
  }
  for (const { entry, pattern, literal } of index.patterns) {
    if (hits.get(entry)?.pattern || (literal !== -1 && !found.includes(literal))) continue;
    if (pattern.test(lowerText)) hitOf(hits, entry).pattern = true;
  }
  return hits;
}
