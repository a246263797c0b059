/**
 * Finds which of a fixed set of lower-case literals a lower-cased text contains, in one pass over the text. Each
 * literal is filed under one whole word it must contain; the pass walks the text's words through a trie of those
 * words, and only literals whose word is present are searched for. Literals with no whole word inside
 * (`az login`, `/go/`) are searched for directly.
 */

// Letters a-z and digits 0-9: the characters of a word, as `[a-z0-9]+` defines it.
const ALPHABET = 36;

function charClass(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return -1;
}

function wordsOf(lowerText: string): string[] {
  return lowerText.split(/[^a-z0-9]+/);
}

/**
 * The words of `literal` with a non-word character on both sides inside it: wherever the literal occurs, each
 * of them occurs as a whole word too. The first and last words are left out, as they may be parts of longer words.
 */
export function enclosedWords(literal: string): string[] {
  return wordsOf(literal)
    .slice(1, -1)
    .filter((w) => w !== "");
}

/**
 * The word that starts a literal's last word, when a separator comes before it inside the literal (`header` in
 * `identity_header`): wherever the literal occurs, some word of the text starts with it.
 */
function lastWordAfterSeparator(literal: string): string | null {
  const words = wordsOf(literal);
  const last = words[words.length - 1] ?? "";
  return words.length >= 2 && last !== "" ? last : null;
}

export interface LiteralSearch {
  readonly literals: readonly string[];
  /** Trie over key words: `children[node * ALPHABET + class]`, -1 for none; node 0 is the root. */
  readonly children: Int32Array;
  /** Per trie node, the literals whose key is the whole word ending there. */
  readonly wholeWord: readonly (readonly number[] | undefined)[];
  /** Per trie node, the literals whose key is a word starting with the prefix ending there. */
  readonly wordStart: readonly (readonly number[] | undefined)[];
  /** Literals with no key (one word with nothing around it, such as `defaultazurecredential`). */
  readonly unkeyed: readonly number[];
}

/**
 * Prepares `literals` (lower-case) for {@link findLiterals}. A literal's key is, by preference, its enclosed word
 * shared by the fewest literals (a rare word rules out the most text; the longest on a tie), or else the start of
 * its last word.
 */
export function buildLiteralSearch(literals: readonly string[]): LiteralSearch {
  const sharedBy = new Map<string, number>();
  for (const literal of literals) {
    for (const word of new Set(enclosedWords(literal))) sharedBy.set(word, (sharedBy.get(word) ?? 0) + 1);
  }
  const rank = (w: string): number => (sharedBy.get(w) ?? 0) * 1000 - w.length;
  const children: number[] = new Array<number>(ALPHABET).fill(-1);
  const wholeWord: number[][] = [];
  const wordStart: number[][] = [];
  const unkeyed: number[] = [];
  const nodeOf = (word: string): number => {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = node * ALPHABET + charClass(word.charCodeAt(i));
      let next = children[slot] ?? -1;
      if (next === -1) {
        next = children.length / ALPHABET;
        children[slot] = next;
        for (let k = 0; k < ALPHABET; k++) children.push(-1);
      }
      node = next;
    }
    return node;
  };
  literals.forEach((literal, id) => {
    let key: string | null = null;
    for (const word of enclosedWords(literal)) if (key === null || rank(word) < rank(key)) key = word;
    if (key !== null) {
      (wholeWord[nodeOf(key)] ??= []).push(id);
      return;
    }
    const start = lastWordAfterSeparator(literal);
    if (start !== null) (wordStart[nodeOf(start)] ??= []).push(id);
    else unkeyed.push(id);
  });
  return { literals: [...literals], children: Int32Array.from(children), wholeWord, wordStart, unkeyed };
}

function testLiteral(
  search: LiteralSearch,
  lowerText: string,
  found: Uint8Array,
  tested: Uint8Array,
  ids: readonly number[],
): void {
  for (const id of ids) {
    if (tested[id]) continue;
    tested[id] = 1;
    if (lowerText.includes(search.literals[id] ?? "")) found[id] = 1;
  }
}

/**
 * Which literals `lowerText` contains: `result[i]` is 1 when `literals[i]` occurs in it, else 0. Linear in the
 * length of the text, plus one substring search per literal whose key is present.
 */
export function findLiterals(search: LiteralSearch, lowerText: string): Uint8Array {
  const found = new Uint8Array(search.literals.length);
  const tested = new Uint8Array(search.literals.length);
  testLiteral(search, lowerText, found, tested, search.unkeyed);
  const { children, wholeWord, wordStart } = search;
  // The trie node of the word read so far: 0 (the root) between words, -1 once the word has left the trie.
  let node = 0;
  for (let i = 0; i <= lowerText.length; i++) {
    const cls = i < lowerText.length ? charClass(lowerText.charCodeAt(i)) : -1;
    if (cls !== -1) {
      if (node === -1) continue;
      node = children[node * ALPHABET + cls] ?? -1;
      const starting = node === -1 ? undefined : wordStart[node];
      if (starting) testLiteral(search, lowerText, found, tested, starting);
      continue;
    }
    const whole = node > 0 ? wholeWord[node] : undefined;
    if (whole) testLiteral(search, lowerText, found, tested, whole);
    node = 0;
  }
  return found;
}
