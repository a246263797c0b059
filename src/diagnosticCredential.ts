import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { CredentialUnavailableError } from "@azure/identity";
import { appendToMessage, attachDiagnosis, redactErrorText } from "./diagnosis/attach.js";
import { diagnose, type ObservedAttempt } from "./diagnosis/diagnose.js";
import { readTokenIdentity } from "./diagnosis/tokenIdentity.js";
import type { AttemptDiagnosis, AttemptOutcome, Diagnosis } from "./diagnosis/types.js";
import { diagnosticsLogger, EventDispatcher } from "./events/emit.js";
import type { DiagnosticEvent, DiagnosticEventHandler } from "./events/types.js";
import {
  chainMembers,
  credentialName,
  observeMembers,
  CALL_CONTEXT,
  type CallObserver,
} from "./chainMembers.js";

export interface DiagnosticCredentialOptions {
  /** Receives a typed event for every request, member attempt, success, failure and warning. */
  onEvent?: DiagnosticEventHandler;
  /**
   * Stop waiting after this many milliseconds and reject with a `CredentialUnavailableError` naming the member
   * that hung. DefaultAzureCredential can otherwise wait forever on a managed identity endpoint that answers its
   * probe but never the token request. Default: no timeout.
   */
  timeoutMs?: number;
  /** Append a one-paragraph diagnosis to `err.message` on failure. Default `true`. */
  augmentErrorMessage?: boolean;
  /** Put user names (`upn`, `preferred_username`) in success events. Default `false`. */
  includeUserNames?: boolean;
  /** Also write events to the `azure:identity-diagnostics` logger (shown by `AZURE_LOG_LEVEL`). Default `true`. */
  logging?: boolean;
}

let requestCounter = 0;

function now(): number {
  return typeof performance === "undefined" ? Date.now() : performance.now();
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

/** Everything one `getToken` call observes about a chain's members. */
class CallRecord implements CallObserver {
  readonly attempts: LiveAttempt[] = [];
  /** Set once the call has settled: a chain still running after a timeout reports nothing more. */
  closed = false;

  constructor(
    private readonly members: readonly object[],
    private readonly onAttempt: (attempt: LiveAttempt) => void,
  ) {}

  async observe<T>(member: object, run: () => Promise<T>): Promise<T> {
    const attempt: LiveAttempt = {
      credential: credentialName(member),
      index: this.members.indexOf(member),
      startedAt: now(),
      outcome: null,
      error: undefined,
      durationMs: null,
    };
    if (this.closed) return run();
    this.attempts.push(attempt);
    this.onAttempt(attempt);
    try {
      const token = await run();
      this.settle(attempt, token ? "succeeded" : "skipped", undefined);
      return token;
    } catch (error) {
      const name = readName(error);
      this.settle(attempt, name === "CredentialUnavailableError" ? "unavailable" : "failed", error);
      throw error;
    }
  }

  private settle(attempt: LiveAttempt, outcome: AttemptOutcome, error: unknown): void {
    if (attempt.outcome !== null || this.closed) return;
    attempt.outcome = outcome;
    attempt.error = error;
    attempt.durationMs = now() - attempt.startedAt;
    this.onAttempt(attempt);
  }

  /** The member still running, if any (the one a timeout interrupts). */
  pending(): LiveAttempt | undefined {
    return this.attempts.find((a) => a.outcome === null);
  }

  /** Every member in chain order: what it did, or why it was not tried. */
  observed(stoppedBy: "token" | "error" | "timeout", timeoutError?: unknown): ObservedAttempt[] {
    return this.members.map((member, index): ObservedAttempt => {
      const attempt = this.attempts.find((a) => a.index === index);
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
      if (attempt.outcome === null) {
        return {
          credential,
          outcome: "timed-out",
          durationMs: now() - attempt.startedAt,
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

function readName(error: unknown): string | null {
  try {
    const name = (error as { name?: unknown } | null)?.name;
    return typeof name === "string" ? name : null;
  } catch {
    return null;
  }
}

function shortNote(diagnosis: Diagnosis): string {
  const next = diagnosis.matches[0]?.mitigations[0];
  const ids = diagnosis.correlationId ? ` Correlation ID: ${diagnosis.correlationId}.` : "";
  return `[azure-identity-diagnostics] ${diagnosis.summary}.${next ? ` Next step: ${next}` : ""}${ids} Full diagnosis: getDiagnosis(err).`;
}

/** What the timer rejects with: compared by identity, so no trap of a rejected proxy ever runs to tell them apart. */
const TIMEOUT_SIGNAL: object = Object.freeze({ timeout: true });

/** What an observed call carries from its start to its end. */
interface ObservedRequest {
  base: { requestId: number; credential: string; scopes: string[] };
  startedAt: number;
  call: CallRecord | null;
  events: EventDispatcher | null;
  emit: (event: DiagnosticEvent) => void;
}

/**
 * Wraps any `TokenCredential` (a single credential, `ChainedTokenCredential` or `DefaultAzureCredential`) and
 * explains its failures. Success returns the inner result unchanged; failure rethrows the SAME error object,
 * with its diagnosis attached (`getDiagnosis(err)`) and, unless turned off, a short note appended to its
 * message, so chains still fall through on `CredentialUnavailableError` and `AuthenticationRequiredError`.
 */
export class DiagnosticCredential implements TokenCredential {
  readonly #inner: TokenCredential;
  readonly #options: DiagnosticCredentialOptions;
  readonly #events: EventDispatcher;
  readonly #members: readonly object[];
  readonly #name: string;

  constructor(credential: TokenCredential, options: DiagnosticCredentialOptions = {}) {
    this.#inner = credential;
    this.#options = options;
    this.#events = new EventDispatcher(
      options.onEvent,
      options.logging === false ? undefined : diagnosticsLogger,
    );
    this.#members = chainMembers(credential);
    this.#name = credentialName(credential);
    observeMembers(this.#members);
  }

  /** The wrapped credential. */
  get credential(): TokenCredential {
    return this.#inner;
  }

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    // Nobody listens and there is no chain to observe: success then builds nothing (see bench/credentialOverhead.ts).
    if (this.#members.length === 0 && !this.#events.active) {
      // The inner call is made here, not in an async function, so a credential that throws synchronously still
      // throws synchronously through the wrapper (the same object, explained), exactly as the bare one would.
      let pending: Promise<AccessToken | null>;
      try {
        pending = this.#inner.getToken(scopes, options);
      } catch (error) {
        throw this.#explainUnobservedFailure(error);
      }
      return this.#settleUnobserved(pending);
    }
    return this.#getTokenObserved(scopes, options);
  }

  async #settleUnobserved(pending: Promise<AccessToken | null>): Promise<AccessToken | null> {
    try {
      return await this.#withTimeout(pending);
    } catch (error) {
      // In its own method: locals here would enlarge every call's async frame, failing or not.
      throw this.#explainUnobservedFailure(error);
    }
  }

  #explainUnobservedFailure(error: unknown): unknown {
    const thrown = error === TIMEOUT_SIGNAL ? this.#timeoutError(null) : error;
    try {
      this.#explainFailure(thrown, undefined);
    } catch {
      // Explaining never changes what is thrown: the caller gets the very value the inner credential rejected with.
    }
    return thrown;
  }

  #getTokenObserved(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const events = this.#events.active ? this.#events : null;
    const startedAt = now();
    const scopeList = typeof scopes === "string" ? [scopes] : [...scopes];
    const requestId = ++requestCounter;
    const base = { requestId, credential: this.#name, scopes: scopeList };
    const emit = (event: DiagnosticEvent): void => events?.emit(event);
    events?.emit({
      ...base,
      type: "token.request",
      time: new Date().toISOString(),
      tenantId: options?.tenantId ?? null,
      hasClaims: Boolean(options?.claims),
    });

    const call =
      this.#members.length > 0
        ? new CallRecord(this.#members, (attempt) => {
            if (!events) return;
            const time = new Date().toISOString();
            if (attempt.outcome === null) {
              emit({
                ...base,
                time,
                type: "attempt.start",
                member: attempt.credential,
                index: attempt.index,
              });
            } else {
              emit({
                ...base,
                time,
                type: "attempt.end",
                member: attempt.credential,
                index: attempt.index,
                outcome: attempt.outcome,
                durationMs: attempt.durationMs ?? 0,
                errorName: readName(attempt.error),
              });
            }
          })
        : null;
    // Chains copy option objects member by member, own symbol keys included: the call record travels with them.
    const innerOptions = call ? { ...options, [CALL_CONTEXT]: call } : options;
    const request: ObservedRequest = { base, startedAt, call, events, emit };

    let pending: Promise<AccessToken | null>;
    try {
      pending = this.#inner.getToken(scopes, innerOptions);
    } catch (error) {
      // Thrown synchronously by the inner credential: rethrown synchronously, as the bare credential would.
      throw this.#observedFailure(error, request);
    }
    return this.#settleObserved(pending, request);
  }

  async #settleObserved(
    pending: Promise<AccessToken | null>,
    request: ObservedRequest,
  ): Promise<AccessToken | null> {
    const { base, startedAt, call, events, emit } = request;
    try {
      const token = await this.#withTimeout(pending);
      if (events && token) this.#reportSuccess(token, base, startedAt, call, emit);
      // The contract allows null ("no token"); callers such as core's bearer policy treat it as a failure, so
      // the events do too, and whoever pairs requests with their end (spans, timings) sees the call end.
      else if (events && token === null) {
        const diagnosis = safeDiagnose(
          `${this.#name}.getToken returned null instead of an access token.`,
          this.#name,
          call?.observed("token"),
        );
        if (diagnosis) {
          emit({
            ...base,
            time: new Date().toISOString(),
            type: "token.failure",
            durationMs: now() - startedAt,
            errorName: null,
            diagnosis,
          });
        }
      }
      return token;
    } catch (error) {
      throw this.#observedFailure(error, request);
    }
  }

  /** Explains a failure of an observed call, reports it, and returns the object to throw. */
  #observedFailure(error: unknown, request: ObservedRequest): unknown {
    const timedOut = error === TIMEOUT_SIGNAL;
    const thrown = timedOut ? this.#timeoutError(request.call) : error;
    try {
      this.#reportFailure(thrown, timedOut, request);
    } catch {
      // Explaining never changes what is thrown: the caller gets the very value the inner credential rejected with.
    }
    return thrown;
  }

  #reportFailure(thrown: unknown, timedOut: boolean, request: ObservedRequest): void {
    const { base, startedAt, call, events, emit } = request;
    const attempts = call?.observed(timedOut ? "timeout" : "error", timedOut ? thrown : undefined);
    if (call) call.closed = true;
    const diagnosis = this.#explainFailure(thrown, attempts);
    // Events are only built when someone receives them (hook, enabled logger or channel subscriber).
    if (diagnosis && events) {
      if (timedOut) {
        emit({
          ...base,
          time: new Date().toISOString(),
          type: "token.warning",
          code: "timeout",
          message: diagnosis.summary,
          member: call?.pending()?.credential ?? this.#name,
          diagnosis,
        });
      }
      emit({
        ...base,
        time: new Date().toISOString(),
        type: "token.failure",
        durationMs: now() - startedAt,
        errorName: readName(thrown),
        diagnosis,
      });
    }
  }

  /** Attaches the diagnosis to the failure, redacts its text and appends the short note, in place. */
  #explainFailure(thrown: unknown, attempts: readonly ObservedAttempt[] | undefined): Diagnosis | null {
    const diagnosis = safeDiagnose(thrown, this.#name, attempts);
    redactErrorText(thrown);
    if (diagnosis) {
      attachDiagnosis(thrown, diagnosis);
      if (this.#options.augmentErrorMessage !== false) appendToMessage(thrown, shortNote(diagnosis));
    }
    return diagnosis;
  }

  #withTimeout<T>(promise: Promise<T>): Promise<T> {
    const timeoutMs = this.#options.timeoutMs;
    if (timeoutMs === undefined || !(timeoutMs > 0)) return promise;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(TIMEOUT_SIGNAL);
      }, timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => {
      clearTimeout(timer);
    });
  }

  #timeoutError(call: CallRecord | null): Error {
    const hung = call?.pending()?.credential ?? this.#name;
    const error = new CredentialUnavailableError(
      `${hung} did not return a token within ${this.#options.timeoutMs} ms; DiagnosticCredential stopped waiting. ` +
        `The request is still open in the background.`,
    );
    return error;
  }

  #reportSuccess(
    token: AccessToken,
    base: { requestId: number; credential: string; scopes: string[] },
    startedAt: number,
    call: CallRecord | null,
    emit: (event: DiagnosticEvent) => void,
  ): void {
    const observed = call?.observed("token") ?? [];
    const attempts: AttemptDiagnosis[] =
      observed.length > 0 ? (safeDiagnose(null, this.#name, observed)?.attempts ?? []) : [];
    const winner = attempts.find((a) => a.outcome === "succeeded")?.credential ?? this.#name;
    const time = new Date().toISOString();
    for (const attempt of observed) {
      if (attempt.outcome !== "failed" || attempt.error === undefined) continue;
      const diagnosis = safeDiagnose(attempt.error, attempt.credential, undefined);
      emit({
        ...base,
        time,
        type: "token.warning",
        code: "silent-fallthrough",
        message:
          `${attempt.credential} was rejected (${diagnosis?.summary ?? readName(attempt.error) ?? "error"}), ` +
          `so ${this.#name} used ${winner} instead: the token belongs to ${winner}'s identity, not the one ${attempt.credential} was configured with.`,
        member: attempt.credential,
        diagnosis,
      });
    }
    emit({
      ...base,
      time,
      type: "token.success",
      durationMs: now() - startedAt,
      succeededWith: winner,
      expiresOnTimestamp: token.expiresOnTimestamp,
      identity: readTokenIdentity(token.token, { includeUserNames: this.#options.includeUserNames === true }),
      attempts,
    });
  }
}

function safeDiagnose(
  error: unknown,
  credential: string,
  attempts: readonly ObservedAttempt[] | undefined,
): Diagnosis | null {
  try {
    return diagnose(error, { credential, ...(attempts ? { attempts } : {}) });
  } catch {
    return null;
  }
}
