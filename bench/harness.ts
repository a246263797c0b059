/**
 * What every benchmark reports, and the small helpers they share. Each benchmark runs in its own fresh
 * `node --expose-gc` process (see run.ts) and prints one result line that run.ts collects.
 */

export interface BenchResult {
  /** Stable id, named by `--check` when the goal is missed. */
  readonly id: string;
  readonly title: string;
  /** The goal in words, as BENCHMARKS.md states it. */
  readonly goal: string;
  /** The headline number in words. */
  readonly measured: string;
  readonly met: boolean;
  /** How it was measured, in one sentence. */
  readonly method: string;
  /** Supporting numbers, one line each. */
  readonly details: readonly string[];
}

/** The line prefix run.ts looks for in a benchmark's standard output. */
export const RESULT_PREFIX = "@@bench-result ";

export function reportResult(result: BenchResult): void {
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** A full collection, so heap numbers compare like with like. Requires `--expose-gc`. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc (npm run bench does)");
  gc();
  gc();
}

export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
