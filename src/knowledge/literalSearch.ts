/**
 * Finds which of a fixed set of lower-case literals a lower-cased text contains, in one pass over the text and
 * without searching the whole text once per literal. Each literal is keyed by a word it must put in the text:
 * a word enclosed by separators inside it (`identity` in `managed identity endpoint`) or, failing that, the start
 * of its last word. The pass walks every word of the text through a trie of the keys; where a key shows up, the
 * literal is compared in place. Literals that are one bare word are found by an automaton in the same pass.
 */

/** Letters a-z and digits 0-9: the characters of a word, as `[a-z0-9]+` defines it. */
const ALPHABET = 36;

function charClass(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return -1;
}

/** A word inside a literal: its text and where it starts. */
interface LiteralWord {
  readonly word: string;
  readonly at: number;
}

function wordsIn(literal: string): LiteralWord[] {
  return [...literal.matchAll(/[a-z0-9]+/g)].map((m) => ({ word: m[0], at: m.index }));
}

/** The words of `literal` with a separator on both sides inside it: any text containing it has them as words. */
export function enclosedWords(literal: string): LiteralWord[] {
  return wordsIn(literal).filter(({ word, at }) => at > 0 && at + word.length < literal.length);
}

export interface LiteralSearch {
  readonly literals: readonly string[];
  /**
   * Trie over key words: `children[node * ALPHABET + class]` is -1 for no child, else the child node times two,
   * plus one when a group is keyed by words starting there (one read per character instead of two). Node 0 is the root.
   */
  readonly children: Int32Array;
  /** Per trie node, the group keyed by the whole word ending there, or -1. */
  readonly wholeWord: Int32Array;
  /** Per trie node, the group keyed by words that start with the prefix ending there, or -1. */
  readonly wordStart: Int32Array;
  /** Groups of `[literal, offset of the key in it, …]` pairs. */
  readonly groups: readonly (readonly number[])[];
  /**
   * Literals that are one bare word (`defaultazurecredential`) can start anywhere inside a word of the text: an
   * Aho-Corasick automaton over word characters finds them all in the same pass. `inside[state * ALPHABET + class]`
   * is the next state (0 is the start of a word).
   */
  readonly inside: Int32Array;
  /** Per automaton state, the group (in `insideGroups`) of bare-word literals that end there, or -1. */
  readonly insideFound: Int32Array;
  readonly insideGroups: readonly (readonly number[])[];
  /** Literals made of one word and separators after it (`no `): the word ends a word of the text. */
  readonly endingWord: readonly number[];
  /** The length of that word, per `endingWord` literal. */
  readonly endingWordLength: readonly number[];
  /** Literals without a letter or digit: searched for in the whole text. */
  readonly unkeyed: readonly number[];
  /** Scratch space, one flag per literal, all 0 between calls: a fresh array per call costs more than the search. */
  readonly seen: Uint8Array;
}

/** An Aho-Corasick automaton over word characters that finds every one of `words` wherever it starts. */
function buildWordAutomaton(words: readonly { readonly id: number; readonly word: string }[]): {
  inside: Int32Array;
  insideFound: Int32Array;
  insideGroups: number[][];
} {
  const next: number[] = new Array<number>(ALPHABET).fill(-1);
  const ends: number[][] = [[]];
  for (const { id, word } of words) {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = state * ALPHABET + charClass(word.charCodeAt(i));
      if ((next[slot] ?? -1) === -1) {
        next[slot] = ends.length;
        ends.push([]);
        for (let k = 0; k < ALPHABET; k++) next.push(-1);
      }
      state = next[slot] ?? 0;
    }
    ends[state]?.push(id);
  }
  // Breadth first, so a state's fallback (the longest proper suffix that is a state) is complete before it is used.
  const inside = Int32Array.from(next);
  const fallback = new Int32Array(ends.length);
  const queue: number[] = [];
  for (let c = 0; c < ALPHABET; c++) {
    const child = next[c] ?? -1;
    if (child === -1) inside[c] = 0;
    else queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    for (let c = 0; c < ALPHABET; c++) {
      const child = next[state * ALPHABET + c] ?? -1;
      const viaFallback = inside[(fallback[state] ?? 0) * ALPHABET + c] ?? 0;
      if (child === -1) {
        inside[state * ALPHABET + c] = viaFallback;
      } else {
        fallback[child] = viaFallback;
        ends[child] = [...(ends[child] ?? []), ...(ends[viaFallback] ?? [])];
        queue.push(child);
      }
    }
  }
  const insideGroups: number[][] = [];
  const insideFound = Int32Array.from(ends, (ids) => (ids.length > 0 ? insideGroups.push(ids) - 1 : -1));
  return { inside, insideFound, insideGroups };
}

/**
 * Prepares `literals` (lower-case) for {@link findLiterals}. Of a literal's enclosed words, the key is the one
 * shared by the fewest literals (a rare word leaves the least to compare), the longest on a tie.
 */
export function buildLiteralSearch(literals: readonly string[]): LiteralSearch {
  const enclosed = literals.map(enclosedWords);
  const sharedBy = new Map<string, number>();
  for (const words of enclosed) {
    for (const word of new Set(words.map((w) => w.word))) sharedBy.set(word, (sharedBy.get(word) ?? 0) + 1);
  }
  const rank = (w: string): number => (sharedBy.get(w) ?? 0) * 1000 - w.length;

  const children: number[] = new Array<number>(ALPHABET).fill(-1);
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
  const wholeWord = new Map<number, number[]>();
  const wordStart = new Map<number, number[]>();
  const file = (byNode: Map<number, number[]>, { word, at }: LiteralWord, id: number): void => {
    const node = nodeOf(word);
    byNode.set(node, [...(byNode.get(node) ?? []), id, at]);
  };
  const bareWords: { id: number; word: string }[] = [];
  const endingWord: number[] = [];
  const unkeyed: number[] = [];
  literals.forEach((literal, id) => {
    let key: LiteralWord | null = null;
    for (const w of enclosed[id] ?? []) if (key === null || rank(w.word) < rank(key.word)) key = w;
    const words = wordsIn(literal);
    const last = words[words.length - 1];
    if (key) file(wholeWord, key, id);
    else if (last === undefined) unkeyed.push(id);
    else if (last.at > 0) file(wordStart, last, id);
    else if (last.word.length === literal.length) bareWords.push({ id, word: literal });
    else endingWord.push(id);
  });

  const nodes = children.length / ALPHABET;
  const groups: number[][] = [];
  const table = (byNode: Map<number, number[]>): Int32Array => {
    const groupOf = new Int32Array(nodes).fill(-1);
    for (const [node, pairs] of byNode) groupOf[node] = groups.push(pairs) - 1;
    return groupOf;
  };
  const startGroups = table(wordStart);
  return {
    literals: [...literals],
    children: Int32Array.from(children, (next) =>
      next === -1 ? -1 : next * 2 + ((startGroups[next] ?? -1) === -1 ? 0 : 1),
    ),
    wholeWord: table(wholeWord),
    wordStart: startGroups,
    groups,
    ...buildWordAutomaton(bareWords),
    endingWord,
    endingWordLength: endingWord.map((id) => wordsIn(literals[id] ?? "")[0]?.word.length ?? 0),
    unkeyed,
    seen: new Uint8Array(literals.length),
  };
}

/** Compares each literal of a group with the text where its key was seen, the key starting at `keyAt`. */
function compareGroup(
  search: LiteralSearch,
  pairs: readonly number[],
  lowerText: string,
  keyAt: number,
  found: number[],
): void {
  const { literals, seen } = search;
  for (let k = 0; k < pairs.length; k += 2) {
    const id = pairs[k] ?? 0;
    const start = keyAt - (pairs[k + 1] ?? 0);
    if (!seen[id] && start >= 0 && lowerText.startsWith(literals[id] ?? "", start)) {
      seen[id] = 1;
      found.push(id);
    }
  }
}

/** Checks the literals whose only word must end the word of the text spanning `start` to `end`. */
function compareWordEnd(
  search: LiteralSearch,
  lowerText: string,
  start: number,
  end: number,
  found: number[],
): void {
  const { literals, seen, endingWord, endingWordLength } = search;
  for (let k = 0; k < endingWord.length; k++) {
    const id = endingWord[k] ?? 0;
    const length = endingWordLength[k] ?? 0;
    if (!seen[id] && end - start >= length && lowerText.startsWith(literals[id] ?? "", end - length)) {
      seen[id] = 1;
      found.push(id);
    }
  }
}

/** Marks a group of bare-word literals the automaton found. */
function markFound(search: LiteralSearch, ids: readonly number[], found: number[]): void {
  for (const id of ids) {
    if (!search.seen[id]) {
      search.seen[id] = 1;
      found.push(id);
    }
  }
}

/**
 * The literals `lowerText` contains, as positions in `search.literals`, each once, in no particular order. Linear
 * in the length of the text (times the few literals that share a key or are bare words).
 */
export function findLiterals(search: LiteralSearch, lowerText: string): number[] {
  const { literals, children, wholeWord, wordStart, groups, inside, insideFound, insideGroups } = search;
  const found: number[] = [];
  for (const id of search.unkeyed) if (lowerText.includes(literals[id] ?? "")) found.push(id);
  const checkWordEnds = search.endingWord.length > 0;
  const length = lowerText.length;
  // The trie node of the word read so far (0, the root, before its first character; -1 once it left the trie).
  let node = 0;
  // The automaton's state for bare-word literals (0 between words).
  let state = 0;
  let start = -1;
  try {
    for (let i = 0; i <= length; i++) {
      const code = i < length ? lowerText.charCodeAt(i) : 0;
      const cls = code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? code - 22 : -1;
      if (cls !== -1) {
        if (start === -1) start = i;
        state = inside[state * ALPHABET + cls] ?? 0;
        const bare = insideFound[state] ?? -1;
        if (bare !== -1) markFound(search, insideGroups[bare] ?? [], found);
        if (node !== -1) {
          const next = children[node * ALPHABET + cls] ?? -1;
          node = next === -1 ? -1 : next >> 1;
          if (next > 0 && (next & 1) === 1)
            compareGroup(search, groups[wordStart[node] ?? 0] ?? [], lowerText, start, found);
        }
      } else if (start !== -1) {
        const group = node > 0 ? (wholeWord[node] ?? -1) : -1;
        if (group !== -1) compareGroup(search, groups[group] ?? [], lowerText, start, found);
        if (checkWordEnds) compareWordEnd(search, lowerText, start, i, found);
        node = 0;
        state = 0;
        start = -1;
      }
    }
  } finally {
    // The scratch flags must be clear for the next call, whatever happened in this one.
    for (const id of found) search.seen[id] = 0;
  }
  return found;
}
