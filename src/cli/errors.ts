/**
 * Exit statuses and the errors that end a command early. Every failure the user can cause is one of these, so
 * the dispatcher prints one clear line for it instead of a stack trace.
 */

/** What the process exit status means, the same for every command. */
export const EXIT = {
  /** The command did its job and has nothing to warn about. */
  ok: 0,
  /** The command ran and its answer is a finding: a problem to act on, or nothing to show (like grep). */
  finding: 1,
  /** The command line or its input was wrong: unknown command or flag, unreadable, empty or binary input. */
  usage: 2,
  /** Something unexpected failed inside the tool: a bug to report. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in the command line (unknown command or flag, missing value, conflicting arguments). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Input the command cannot use: a missing, unreadable, empty, binary or oversized file or stream. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** Whether `error` is one of ours; by name and shape, as everywhere in this project. */
export function isCliError(error: unknown): error is UsageError | InputError {
  return error instanceof Error && (error.name === "UsageError" || error.name === "InputError");
}
