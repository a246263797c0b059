/**
 * What one `getToken` call of a `DiagnosticCredential` observes about its chain's members: each wrapped member
 * reports here (see chainMembers.ts), and the record tells the call's events, if any, as attempts start and end.
 */
import type { ObservedAttempt } from "./diagnosis/diagnose.js";
import type { AttemptOutcome } from "./diagnosis/types.js";
import type { CallEvents } from "./events/callEvents.js";
import { credentialName, type CallObserver } from "./chainMembers.js";

function now(): number {
  return typeof performance === "undefined" ? Date.now() : performance.now();
}

/** `name` of a thrown value, read without trusting it. */
export function readName(error: unknown): string | null {
  try {
    const name = (error as { name?: unknown } | null)?.name;
    return typeof name === "string" ? name : null;
  } catch {
    return null;
  }
}

/** One member's attempt as it happens. */
interface LiveAttempt {
  readonly credential: string;
  readonly index: number;
  readonly startedAt: number;
  outcome: AttemptOutcome | null;
  error: unknown;
  durationMs: number | null;
}

export class CallRecord implements CallObserver {
  readonly #attempts: LiveAttempt[] = [];
  readonly #members: readonly object[];
  readonly #events: CallEvents | null;
  /** Set once the call has settled: a chain still running after a timeout reports nothing more. */
  #closed = false;

  constructor(members: readonly object[], events: CallEvents | null) {
    this.#members = members;
    this.#events = events;
  }

  async observe<T>(member: object, run: () => Promise<T>): Promise<T> {
    if (this.#closed) return run();
    const attempt: LiveAttempt = {
      credential: credentialName(member),
      index: this.#members.indexOf(member),
      startedAt: now(),
      outcome: null,
      error: undefined,
      durationMs: null,
    };
    this.#attempts.push(attempt);
    this.#events?.attemptStart(attempt.credential, attempt.index);
    try {
      const token = await run();
      this.#settle(attempt, token ? "succeeded" : "skipped", undefined);
      return token;
    } catch (error) {
      const name = readName(error);
      this.#settle(attempt, name === "CredentialUnavailableError" ? "unavailable" : "failed", error);
      throw error;
    }
  }

  #settle(attempt: LiveAttempt, outcome: AttemptOutcome, error: unknown): void {
    if (attempt.outcome !== null || this.#closed) return;
    attempt.outcome = outcome;
    attempt.error = error;
    attempt.durationMs = now() - attempt.startedAt;
    this.#events?.attemptEnd(attempt.credential, attempt.index, outcome, attempt.durationMs, readName(error));
  }

  /** The member still running, if any (the one a timeout interrupts). */
  pending(): string | undefined {
    return this.#attempts.find((a) => a.outcome === null)?.credential;
  }

  /**
   * Ends the record. A member still running was cut off by `timeoutMs`: its attempt ends here as `timed-out`
   * with the name of the error the call threw, so every `attempt.start` has its `attempt.end`.
   */
  close(thrown: unknown): void {
    if (this.#closed) return;
    for (const attempt of this.#attempts) {
      if (attempt.outcome === null) this.#settle(attempt, "timed-out", thrown);
    }
    this.#closed = true;
  }

  /** Every member in chain order: what it did, or why it was not tried. */
  observed(stoppedBy: "token" | "error" | "timeout", timeoutError?: unknown): ObservedAttempt[] {
    return this.#members.map((member, index): ObservedAttempt => {
      const attempt = this.#attempts.find((a) => a.index === index);
      const credential = credentialName(member);
      if (!attempt) {
        const note =
          stoppedBy === "token"
            ? "an earlier member returned a token"
            : stoppedBy === "timeout"
              ? "the call timed out first"
              : "an earlier member stopped the chain";
        return { credential, outcome: "skipped", durationMs: null, note };
      }
      if (attempt.outcome === null || attempt.outcome === "timed-out") {
        return {
          credential,
          outcome: "timed-out",
          durationMs: attempt.durationMs ?? now() - attempt.startedAt,
          note: "stopped by timeoutMs",
          ...(timeoutError === undefined ? {} : { error: timeoutError }),
        };
      }
      const note =
        attempt.outcome === "skipped" ? "it is not configured here and returned no token" : undefined;
      return {
        credential,
        outcome: attempt.outcome,
        durationMs: attempt.durationMs,
        ...(attempt.error === undefined ? {} : { error: attempt.error }),
        ...(note ? { note } : {}),
      };
    });
  }
}
