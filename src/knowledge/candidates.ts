/**
 * Finds which knowledge entries a text can match without trying every entry: AADSTS codes and service codes are
 * looked up, and every text fragment (and the literal text each pattern starts with) is found in one pass over
 * the text by a literal search. Built once from the knowledge index.
 */
import type { IndexedEntry } from "./index.js";
import { buildLiteralSearch, findLiterals, type LiteralSearch } from "./literalSearch.js";

/** A pattern, its entry's position, and the literal every match starts with (-1 when it has none). */
interface PatternRef {
  readonly entry: number;
  readonly pattern: RegExp;
  readonly literal: number;
}

export interface CandidateIndex {
  readonly entryCount: number;
  readonly byStsCode: ReadonlyMap<string, readonly number[]>;
  /** Keys are lower-cased. */
  readonly byServiceCode: ReadonlyMap<string, readonly number[]>;
  /** Text fragments and pattern prefixes, each once. */
  readonly literals: LiteralSearch;
  /** Per literal: the entries listing it as a text fragment. */
  readonly fragmentOf: readonly (readonly number[])[];
  readonly patterns: readonly PatternRef[];
}

/** What the text holds for each entry, by position in the index. */
export interface PrimaryHits {
  /** Length of the longest text fragment found per entry, -1 when none. */
  readonly fragmentLength: Int32Array;
  /** 1 when one of the entry's patterns matched. */
  readonly pattern: Uint8Array;
  /** 1 when one of the entry's AADSTS codes is in the facts. */
  readonly stsCode: Uint8Array;
  /** 1 when one of the entry's service codes is in the facts. */
  readonly serviceCode: Uint8Array;
  /** 1 when any of the above hit: only these entries (and those without primary rules) need scoring. */
  readonly any: Uint8Array;
}

// Escapes that stand for one literal character; any other escape (`\d`, `\s`, `\b`…) ends the literal prefix.
const LITERAL_ESCAPES = new Set([..."\\/.-:'\"()[]{}?*+|^$ #!,=<>@&~%"]);
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
 * The text every match of a pattern source starts with, lower-cased: "" when the pattern has a top-level
 * alternative or starts with a group, a class or an anchor. A character made optional by a quantifier is left out.
 */
export function literalPrefix(source: string): string {
  if (hasTopLevelAlternative(source)) return "";
  let prefix = "";
  for (let i = 0; i < source.length; ) {
    const c = source[i] ?? "";
    let literal: string | null = null;
    let next = i + 1;
    if (c === "\\") {
      const escaped = source[i + 1] ?? "";
      if (LITERAL_ESCAPES.has(escaped)) literal = escaped;
      next = i + 2;
    } else if (!SPECIAL.has(c)) {
      literal = c;
    }
    if (literal === null || QUANTIFIERS.has(source[next] ?? "")) break;
    prefix += literal;
    i = next;
  }
  return prefix.toLowerCase();
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
      const prefix = literalPrefix(pattern.source);
      patterns.push({ entry, pattern, literal: prefix === "" ? -1 : literalId(prefix) });
    }
  });
  return {
    entryCount: entries.length,
    byStsCode,
    byServiceCode,
    literals: buildLiteralSearch([...literalIds.keys()]),
    fragmentOf,
    patterns,
  };
}

/** Every primary rule of every entry that hits `lowerText` (the lower-cased text) and the extracted codes. */
export function findPrimaryHits(
  index: CandidateIndex,
  lowerText: string,
  stsCodes: readonly string[],
  serviceCodes: readonly string[],
): PrimaryHits {
  const count = index.entryCount;
  const hits: PrimaryHits = {
    fragmentLength: new Int32Array(count).fill(-1),
    pattern: new Uint8Array(count),
    stsCode: new Uint8Array(count),
    serviceCode: new Uint8Array(count),
    any: new Uint8Array(count),
  };
  for (const code of stsCodes) {
    for (const entry of index.byStsCode.get(code) ?? []) hits.stsCode[entry] = hits.any[entry] = 1;
  }
  for (const code of serviceCodes) {
    for (const entry of index.byServiceCode.get(code.toLowerCase()) ?? []) {
      hits.serviceCode[entry] = hits.any[entry] = 1;
    }
  }
  const found = findLiterals(index.literals, lowerText);
  for (let id = 0; id < found.length; id++) {
    if (!found[id]) continue;
    const length = index.literals.literals[id]?.length ?? 0;
    for (const entry of index.fragmentOf[id] ?? []) {
      if (length > (hits.fragmentLength[entry] ?? -1)) hits.fragmentLength[entry] = length;
      hits.any[entry] = 1;
    }
  }
  for (const { entry, pattern, literal } of index.patterns) {
    if (hits.pattern[entry] || (literal !== -1 && !found[literal])) continue;
    if (pattern.test(lowerText)) hits.pattern[entry] = hits.any[entry] = 1;
  }
  return hits;
}
