/**
 * The id registry behind the error index: which ids are live, which are retired, and the rules that keep
 * ids permanent (rustc's index does the same with its error codes). Pure: no I/O.
 */
import type { KnowledgeEntryWithExamples, RetiredKnowledgeId } from "../../src/knowledge/index.js";

/** A retired id, from the register (`src/knowledge/retired.ts`) or from an entry kept with a `retired` marker. */
export interface Retirement {
  readonly id: string;
  readonly reason: string;
  readonly retiredIn?: string;
  readonly replacedBy?: string;
  /** The entry's record, when it was kept in place. */
  readonly entry?: KnowledgeEntryWithExamples;
}

/** Everything the index is generated from. */
export interface ErrorIndexSource {
  /** Every knowledge entry, retired-in-place ones included. */
  readonly entries: readonly KnowledgeEntryWithExamples[];
  /** The register of retired ids whose entries are gone. */
  readonly retired: readonly RetiredKnowledgeId[];
}

/** Entries that still match errors. */
export function liveEntries(source: ErrorIndexSource): KnowledgeEntryWithExamples[] {
  return source.entries.filter((entry) => !entry.retired);
}

/** Every retirement, in-place markers first, each once per source. */
export function retirementsOf(source: ErrorIndexSource): Retirement[] {
  const inPlace = source.entries.flatMap((entry): Retirement[] =>
    entry.retired ? [{ id: entry.id, ...entry.retired, entry }] : [],
  );
  return [...inPlace, ...source.retired];
}

/** Ids that get a page: live and retired, sorted, once each. */
export function documentedIds(source: ErrorIndexSource): string[] {
  const ids = new Set([...source.entries.map((e) => e.id), ...source.retired.map((r) => r.id)]);
  return [...ids].sort(compareText);
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
  const registerIds = new Set<string>();

  for (const retired of source.retired) {
    if (registerIds.has(retired.id))
      problems.push(`${retired.id} is listed twice in src/knowledge/retired.ts.`);
    registerIds.add(retired.id);
    if (liveIds.has(retired.id)) {
      problems.push(
        `${retired.id} is both a live entry and retired: remove it from src/knowledge/retired.ts or retire the entry.`,
      );
    } else if (entryIds.has(retired.id)) {
      problems.push(
        `${retired.id} is retired twice (its entry carries a retired marker and src/knowledge/retired.ts lists it): keep one.`,
      );
    }
  }

  for (const retirement of retirementsOf(source)) {
    const replacement = retirement.replacedBy;
    if (replacement !== undefined && !liveIds.has(replacement)) {
      problems.push(`${retirement.id} is replaced by ${replacement}, which is not a live entry.`);
    }
  }

  const publishedSet = new Set(published);
  for (const id of published) {
    if (!entryIds.has(id) && !registerIds.has(id)) {
      problems.push(
        `${id} was published but is neither a live entry nor retired: ids are permanent, so restore the entry ` +
          "or add it to src/knowledge/retired.ts with a reason.",
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
