/**
 * YAML read with a real parser (`yaml`), for `check-pipeline`: a file that is not valid YAML is an `InputError`
 * naming `file:line:column` and the parser's reason. Helpers walk the parsed tree without resolving aliases (an
 * alias bomb costs nothing) and give each node's 1-based line.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from "yaml";
import { InputError } from "./errors.js";

/** A parsed file and the means to turn a node's offset into a line. */
export interface YamlFile {
  readonly source: string;
  readonly doc: Document.Parsed;
  /** 1-based line of a node; 0 when the node has no position. */
  lineOf(node: unknown): number;
}

/** Deeper nesting than this is not walked: no real pipeline or workflow comes close. */
const MAX_DEPTH = 200;

/** Parses `text`; throws `InputError` `source:line:column: reason` on the first error. */
export function parseYamlFile(text: string, source: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const said = (error.message.split("\n")[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, "");
    // The parser reports its own stack overflow as an error at the place it gave up.
    const reason = /call stack/i.test(said) ? "nested too deeply to be read" : said;
    throw new InputError(
      `${source}:${String(at?.line ?? 1)}:${String(at?.col ?? 1)}: not valid YAML: ${reason}`,
    );
  }
  return {
    source,
    doc,
    lineOf(node: unknown): number {
      const range = (node as { range?: readonly number[] | null } | null)?.range;
      const offset = range?.[0];
      return typeof offset === "number" ? lineCounter.linePos(offset).line : 0;
    },
  };
}

/** The value of a scalar node as text, or `undefined` for anything else. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : undefined;
}

/** The node under `key` in a map node, or `undefined`. Keys compare as text. */
export function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (scalarText(pair.key) === key) return (pair.value ?? undefined) as Node | undefined;
  }
  return undefined;
}

/** A map node's entries as `[key text, value node, key node]`. */
export function entries(node: unknown): [string, Node | undefined, unknown][] {
  if (!isMap(node)) return [];
  return node.items.map((pair) => [
    scalarText(pair.key) ?? "",
    (pair.value ?? undefined) as Node | undefined,
    pair.key,
  ]);
}

/** A sequence node's items; a single scalar counts as a one-item list (YAML shorthand such as `on: push`). */
export function items(node: unknown): unknown[] {
  if (isSeq(node)) return node.items;
  return node === undefined || node === null ? [] : [node];
}

/** Calls `visit` on every map in the tree, depth first, aliases not followed. */
export function forEachMap(root: unknown, visit: (map: unknown) => void, depth = 0): void {
  if (depth > MAX_DEPTH || root === null || root === undefined || isAlias(root)) return;
  if (isMap(root)) {
    visit(root);
    for (const pair of root.items) forEachMap(pair.value, visit, depth + 1);
  } else if (isSeq(root)) {
    for (const item of root.items) forEachMap(item, visit, depth + 1);
  } else if (isPair(root)) {
    forEachMap(root.value, visit, depth + 1);
  }
}
