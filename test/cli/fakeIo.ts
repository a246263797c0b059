/**
 * A fake `CliIo` for driving `run()` without spawning: standard input from strings or bytes (or any async
 * iterable), standard output and error captured as text.
 */
import type { CliIo } from "../../src/cli/io.js";

export interface FakeIoOptions {
  /** Standard input: text, bytes, a list of chunks, or any async iterable. Default: nothing (empty). */
  stdin?: string | Uint8Array | readonly (string | Uint8Array)[] | AsyncIterable<Uint8Array | string>;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export interface FakeIo extends CliIo {
  /** Everything written to standard output so far. */
  out(): string;
  /** Everything written to standard error so far. */
  err(): string;
}

async function* chunksOf(chunks: readonly (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const given = options.stdin ?? "";
  const stdin: AsyncIterable<Uint8Array | string> =
    typeof given === "string" || given instanceof Uint8Array
      ? chunksOf([given])
      : Array.isArray(given)
        ? chunksOf(given as readonly (string | Uint8Array)[])
        : (given as AsyncIterable<Uint8Array | string>);
  return {
    stdin,
    stdinIsTTY: options.stdinIsTTY ?? false,
    stdout: { write: (text: string) => stdout.push(text) },
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderr: { write: (text: string) => stderr.push(text) },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => stdout.join(""),
    err: () => stderr.join(""),
  };
}
