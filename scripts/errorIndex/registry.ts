/**
 * The id registry behind the error index: which ids are live, which are retired, and the rules that keep
 * ids permanent (rustc's index does the same with its error codes). Pure: no I/O.
 */
import type { KnowledgeEntryWithExamples } from "../../src/knowledge/index.js";

/** A retired id: an entry kept in place with a `retired` marker (entries are never deleted). */
export interface Retirement {
  readonly id: string;
  readonly reason: string;
  readonly replacedBy?: string;
  readonly entry: KnowledgeEntryWithExamples;
}

/** Everything the index is generated from. */
export interface ErrorIndexSource {
  /** Every knowledge entry, retired ones included. */
  readonly entries: readonly KnowledgeEntryWithExamples[];
}

/** Entries that still match errors. */
export function liveEntries(source: ErrorIndexSource): KnowledgeEntryWithExamples[] {
  return source.entries.filter((entry) => !entry.retired);
}

/** Every retired entry. */
export function retirementsOf(source: ErrorIndexSource): Retirement[] {
  return source.entries.flatMap((entry): Retirement[] =>
    entry.retired ? [{ id: entry.id, ...entry.retired, entry }] : [],
  );
}

/** Ids that get a page: live and retired, sorted, once each. */
export function documentedIds(source: ErrorIndexSource): string[] {
  return [...new Set(source.entries.map((e) => e.id))].sort(compareText);
}

/** Locale-independent ordering, so the output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The published list after this run: nothing removed, new ids added, sorted. */
export function mergePublishedIds(published: readonly string[], ids: readonly string[]): string[] {
  return [...new Set([...published, ...ids])].sort(compareText);
}

/**
 * Every way the registry breaks the permanence of ids, one readable line each; `[]` when it holds.
 * `published` is the committed list of every id that ever had a page.
 */
export function checkIdRegistry(source: ErrorIndexSource, published: readonly string[]): string[] {
  const problems: string[] = [];
  const entryIds = new Set(source.entries.map((e) => e.id));
  const liveIds = new Set(liveEntries(source).map((e) => e.id));

  for (const retirement of retirementsOf(source)) {
    const replacement = retirement.replacedBy;
    if (replacement !== undefined && !liveIds.has(replacement)) {
      problems.push(`${retirement.id} is replaced by ${replacement}, which is not a live entry.`);
    }
  }

  const publishedSet = new Set(published);
  for (const id of published) {
    if (!entryIds.has(id)) {
      problems.push(
        `${id} was published but its entry is gone: ids are permanent, so restore the entry and mark it ` +
          "`retired` with a reason.",
      );
    }
  }
  for (const id of documentedIds(source)) {
    if (!publishedSet.has(id)) {
      problems.push(`${id} is missing from test/knowledge/publishedIds.json: run npm run docs:errors.`);
    }
  }
  const sorted = mergePublishedIds(published, []);
  if (sorted.length !== published.length || sorted.some((id, i) => id !== published[i])) {
    problems.push(
      "test/knowledge/publishedIds.json is not sorted or repeats an id: run npm run docs:errors.",
    );
  }
  return problems;
}
