/**
 * The file side of the error index: compares what the knowledge base generates with docs/errors and the
 * published id list on disk, and (unless only checking) brings the disk up to date.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkIdRegistry, documentedIds, mergePublishedIds, type ErrorIndexSource } from "./registry.js";
import { renderErrorIndex } from "./render.js";

/** How generated files differ from the files on disk, by file name. */
export interface GeneratedDiff {
  /** On disk with other content. */
  readonly stale: string[];
  /** Generated, absent on disk. */
  readonly missing: string[];
  /** On disk, not generated. */
  readonly extra: string[];
}

/** Compares generated files with the files found on disk. Pure. */
export function diffGenerated(
  generated: ReadonlyMap<string, string>,
  onDisk: ReadonlyMap<string, string>,
): GeneratedDiff {
  const names = (map: ReadonlyMap<string, string>) => [...map.keys()].sort();
  return {
    stale: names(generated).filter((name) => onDisk.has(name) && onDisk.get(name) !== generated.get(name)),
    missing: names(generated).filter((name) => !onDisk.has(name)),
    extra: names(onDisk).filter((name) => !generated.has(name)),
  };
}

/** The files directly inside `dir` (none when it does not exist). */
export function readGeneratedDir(dir: string): Map<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((dirent) => dirent.isFile())
      .map((dirent) => dirent.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  return new Map(names.map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

/** The committed list of published ids. */
export function readPublishedIds(path: string): string[] {
  return JSON.parse(readFileSync(path, "utf8")) as string[];
}

/** The list as it is committed: a JSON array, one id per line. */
export function formatPublishedIds(ids: readonly string[]): string {
  return `${JSON.stringify(ids, null, 2)}\n`;
}

export interface SyncErrorIndexOptions {
  readonly source: ErrorIndexSource;
  /** docs/errors */
  readonly docsDir: string;
  /** test/knowledge/publishedIds.json */
  readonly publishedIdsPath: string;
  /** Report only; write nothing. */
  readonly check: boolean;
}

export interface SyncErrorIndexResult extends GeneratedDiff {
  /** Broken id permanence; when any, nothing was written. */
  readonly problems: string[];
  /** Ids new to publishedIds.json. */
  readonly newIds: string[];
  /** Whether publishedIds.json differs from what this run would write. */
  readonly publishedIdsStale: boolean;
  /** Whether files were changed on disk. */
  readonly wrote: boolean;
}

/** Whether a result leaves anything to write. */
export function isUpToDate(result: SyncErrorIndexResult): boolean {
  return result.stale.length + result.missing.length + result.extra.length === 0 && !result.publishedIdsStale;
}

/** Generates the index, compares it with disk and, unless checking or the registry is broken, writes it. */
export function syncErrorIndex(options: SyncErrorIndexOptions): SyncErrorIndexResult {
  const { source, docsDir, publishedIdsPath, check } = options;
  const published = readPublishedIds(publishedIdsPath);
  const merged = mergePublishedIds(published, documentedIds(source));
  const newIds = merged.filter((id) => !published.includes(id));
  // The generator appends new ids itself, so only the problems left after appending block writing.
  const problems = checkIdRegistry(source, merged);
  const generated = renderErrorIndex(source);
  const report = {
    ...diffGenerated(generated, readGeneratedDir(docsDir)),
    problems,
    newIds,
    publishedIdsStale: readFileSync(publishedIdsPath, "utf8") !== formatPublishedIds(merged),
    wrote: false,
  };
  if (check || problems.length > 0 || isUpToDate(report)) return report;

  mkdirSync(docsDir, { recursive: true });
  for (const name of [...report.stale, ...report.missing]) {
    writeFileSync(join(docsDir, name), generated.get(name) ?? "");
  }
  for (const name of report.extra) rmSync(join(docsDir, name));
  writeFileSync(publishedIdsPath, formatPublishedIds(merged));
  return { ...report, wrote: true };
}
