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
   * One automaton walks each word of the text: a state pairs the key-word trie's node (or "left the trie") with the
   * bare-word automaton's state, so each character costs one table read. `next[state * ALPHABET + class]` is the
   * next state; state 0 is the start of a word.
   */
  readonly next: Uint16Array;
  /** Per state, 1 when entering it finds something (a bare word ends, or a key word starts there), else 0. */
  readonly onEnter: Uint8Array;
  /** Per state, the group (in `groups`) of literals keyed by words that start with the word read so far, or -1. */
  readonly startGroup: Int32Array;
  /** Per state, the group (in `bareGroups`) of bare-word literals that end there, or -1. */
  readonly bareGroup: Int32Array;
  /** Per state, the group (in `groups`) keyed by the whole word read so far, checked where the word ends, or -1. */
  readonly wordEndGroup: Int32Array;
  /** Groups of `[literal, offset of the key in it, …]` pairs. */
  readonly groups: readonly (readonly number[])[];
  /**
   * Groups of literals that are one bare word (`defaultazurecredential`): they can start anywhere inside a word of
   * the text, so an Aho-Corasick automaton over word characters finds them.
   */
  readonly bareGroups: readonly (readonly number[])[];
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
  const wholeWordGroups = table(wholeWord);
  const startGroups = table(wordStart);
  const automaton = buildWordAutomaton(bareWords);
  return {
    literals: [...literals],
    ...combine(children, wholeWordGroups, startGroups, automaton),
    groups,
    bareGroups: automaton.insideGroups,
    endingWord,
    endingWordLength: endingWord.map((id) => wordsIn(literals[id] ?? "")[0]?.word.length ?? 0),
    unkeyed,
    seen: new Uint8Array(literals.length),
  };
}

/**
 * The product of the key-word trie (`children`, -1 for no child) and the bare-word automaton: one state per pair
 * (trie node or -1, automaton state) that some word reaches. A trie node fixes the word read so far, so there are
 * about as many states as trie nodes plus automaton states.
 */
function combine(
  children: readonly number[],
  wholeWordGroups: Int32Array,
  startGroups: Int32Array,
  automaton: { inside: Int32Array; insideFound: Int32Array },
): Pick<LiteralSearch, "next" | "onEnter" | "startGroup" | "bareGroup" | "wordEndGroup"> {
  const { inside, insideFound } = automaton;
  const automatonStates = insideFound.length;
  const pairs: [node: number, state: number][] = [[0, 0]];
  const idOf = new Map<number, number>([[automatonStates, 0]]);
  const next: number[] = [];
  for (let id = 0; id < pairs.length; id++) {
    // 16-bit states keep the table small enough to stay in the processor's cache: the walk is bound by its reads.
    if (pairs.length > 0xffff) throw new Error("literal search: too many automaton states for 16 bits");
    const [node, state] = pairs[id] ?? [-1, 0];
    for (let c = 0; c < ALPHABET; c++) {
      const child = node === -1 ? -1 : (children[node * ALPHABET + c] ?? -1);
      const after = inside[state * ALPHABET + c] ?? 0;
      const key = (child + 1) * automatonStates + after;
      let target = idOf.get(key);
      if (target === undefined) {
        target = pairs.push([child, after]) - 1;
        idOf.set(key, target);
      }
      next.push(target);
    }
  }
  const of = (pick: (node: number, state: number) => number): Int32Array =>
    Int32Array.from(pairs, ([node, state]) => pick(node, state));
  const startGroup = of((node) => (node > 0 ? (startGroups[node] ?? -1) : -1));
  const bareGroup = of((_node, state) => insideFound[state] ?? -1);
  return {
    next: Uint16Array.from(next),
    onEnter: Uint8Array.from(pairs, (_pair, id) =>
      (startGroup[id] ?? -1) !== -1 || (bareGroup[id] ?? -1) !== -1 ? 1 : 0,
    ),
    startGroup,
    bareGroup,
    wordEndGroup: of((node) => (node > 0 ? (wholeWordGroups[node] ?? -1) : -1)),
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

/** What entering `state` found: bare words ending at this character, literals keyed by a word starting at `start`. */
function onEnter(
  search: LiteralSearch,
  state: number,
  lowerText: string,
  start: number,
  found: number[],
): void {
  const bare = search.bareGroup[state] ?? -1;
  if (bare !== -1) markFound(search, search.bareGroups[bare] ?? [], found);
  const group = search.startGroup[state] ?? -1;
  if (group !== -1) compareGroup(search, search.groups[group] ?? [], lowerText, start, found);
}

/** What the end of the word from `start` to `end`, read into `state`, found. */
function onWordEnd(
  search: LiteralSearch,
  state: number,
  lowerText: string,
  start: number,
  end: number,
  found: number[],
): void {
  const group = search.wordEndGroup[state] ?? -1;
  if (group !== -1) compareGroup(search, search.groups[group] ?? [], lowerText, start, found);
  if (search.endingWord.length > 0) compareWordEnd(search, lowerText, start, end, found);
}

/**
 * The literals `lowerText` contains, as positions in `search.literals`, each once, in no particular order. Linear
 * in the length of the text (times the few literals that share a key or are bare words).
 */
export function findLiterals(search: LiteralSearch, lowerText: string): number[] {
  const { literals, next, onEnter: entering } = search;
  const found: number[] = [];
  for (const id of search.unkeyed) if (lowerText.includes(literals[id] ?? "")) found.push(id);
  const length = lowerText.length;
  let state = 0;
  // Where the word being read started, -1 between words.
  let start = -1;
  try {
    // The hot loop: every character of every diagnosed text passes here, so it reads one table entry per character.
    for (let i = 0; i < length; i++) {
      const code = lowerText.charCodeAt(i);
      const cls = code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? code - 22 : -1;
      if (cls !== -1) {
        if (start === -1) start = i;
        state = next[state * ALPHABET + cls] as number;
        if (entering[state] === 1) onEnter(search, state, lowerText, start, found);
      } else if (start !== -1) {
        onWordEnd(search, state, lowerText, start, i, found);
        state = 0;
        start = -1;
      }
    }
    if (start !== -1) onWordEnd(search, state, lowerText, start, length, found);
  } finally {
    // The scratch flags must be clear for the next call, whatever happened in this one.
    for (const id of found) search.seen[id] = 0;
  }
  return found;
}
