/**
 * One pass over an error's lower-cased text that finds every phrase the diagnosis looks for: the knowledge base's
 * literals and the extra phrases of the fact readers (runtime markers, credentials' telltale phrases). Searching
 * for each phrase separately would read the text once per phrase.
 */
import { knowledgeLiterals } from "../knowledge/match.js";
import { buildLiteralSearch, findLiterals, type LiteralSearch } from "../knowledge/literalSearch.js";

export interface TextScan {
  /** Positions in `knowledgeLiterals()` of the knowledge literals found. */
  readonly knowledge: readonly number[];
  /** The phrases the scanner was built with (lower-cased) that the text contains. */
  readonly phrases: ReadonlySet<string>;
}

export interface TextScanner {
  readonly search: LiteralSearch;
  /** How many of the search's literals are the knowledge base's (they come first). */
  readonly knowledgeCount: number;
  /** Per literal, whether it is one of the scanner's own phrases (some are knowledge literals too). */
  readonly isPhrase: readonly boolean[];
}

/** A scanner for the knowledge literals plus `phrases` (lower-case). */
export function createTextScanner(phrases: readonly string[]): TextScanner {
  const knowledge = knowledgeLiterals();
  const wanted = new Set(phrases);
  const literals = [...knowledge, ...[...wanted].filter((p) => !knowledge.includes(p))];
  return {
    search: buildLiteralSearch(literals),
    knowledgeCount: knowledge.length,
    isPhrase: literals.map((literal) => wanted.has(literal)),
  };
}

/** Searches `lowerText` (lower-cased) once for every literal and phrase of `scanner`. */
export function scanText(scanner: TextScanner, lowerText: string): TextScan {
  const { search, knowledgeCount, isPhrase } = scanner;
  const ids = findLiterals(search, lowerText);
  const knowledge: number[] = [];
  const phrases = new Set<string>();
  for (const id of ids) {
    if (id < knowledgeCount) knowledge.push(id);
    if (isPhrase[id]) phrases.add(search.literals[id] ?? "");
  }
  return { knowledge, phrases };
}
