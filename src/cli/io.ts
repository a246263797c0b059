/**
 * Everything a command may touch outside itself. `run` receives it, so tests drive the CLI with fakes and only
 * `main.ts` binds it to the real process.
 */

/** Something text can be written to (a stream, or an array-backed fake in tests). */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  /** Standard input, read only when a command is told to (no text given, or the path `-`). */
  readonly stdin: AsyncIterable<Uint8Array | string>;
  /** Whether standard input is a terminal: then nobody is piping anything, and the CLI must not wait for it. */
  readonly stdinIsTTY: boolean;
  readonly stdout: TextSink;
  /** Whether standard output is a terminal: colour and symbols are used only then (see output.ts). */
  readonly stdoutIsTTY: boolean;
  readonly stderr: TextSink;
  /** Environment variables (NO_COLOR, FORCE_COLOR, TERM). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory that relative paths are resolved against. */
  readonly cwd: string;
}

/** `isTTY` is undefined, not false, on a pipe or file, whatever the typings say. */
function isTerminal(stream: { readonly isTTY?: boolean }): boolean {
  return stream.isTTY === true;
}

/** The io of the running process. */
export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdinIsTTY: isTerminal(process.stdin),
    stdout: process.stdout,
    stdoutIsTTY: isTerminal(process.stdout),
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
}
