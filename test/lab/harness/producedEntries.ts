/**
 * The knowledge entries lab scenarios really produced in this test run, for the coverage check
 * (knowledgeCoverage.spec.ts). Spec files run in separate processes, so each records to a file under a directory
 * named by the run's `LAB_RUN_ID` (set once per run in vitest.config.ts); the coverage check runs after every other
 * spec file (its project's `groupOrder`) and reads them all.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";

function runDirectory(): string {
  const run = process.env.LAB_RUN_ID;
  if (!run) throw new Error("LAB_RUN_ID is not set: run the tests through vitest (vitest.config.ts sets it)");
  return join(tmpdir(), "azure-identity-diagnostics-lab", run);
}

/** Records that a scenario's diagnosis really led with `id`. */
export function recordProduced(id: string): void {
  const dir = runDirectory();
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${process.pid}.txt`), `${id}\n`);
}

/** Asserts the leading entry is `expected`, and records it as produced when it is. */
export function expectLeadingEntry(
  actual: string | null | undefined,
  expected: string,
  message?: string,
): void {
  expect(actual, message).toBe(expected);
  recordProduced(expected);
}

/** Asserts `expected` is among a diagnosis's matches, and records it as produced when it is. */
export function expectMatchedEntry(matchIds: readonly string[], expected: string): void {
  expect(matchIds).toContain(expected);
  recordProduced(expected);
}

/** Every id recorded in this run so far. */
export function readProduced(): Set<string> {
  const dir = runDirectory();
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return new Set();
  }
  return new Set(
    files.flatMap((file) => readFileSync(join(dir, file), "utf8").split("\n")).filter((id) => id !== ""),
  );
}

/** Removes this run's records. */
export function clearProduced(): void {
  rmSync(runDirectory(), { recursive: true, force: true });
}
