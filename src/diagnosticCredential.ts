import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { CredentialUnavailableError } from "@azure/identity";
import { CallRecord, readName } from "./callRecord.js";
import { chainMembers, credentialName, observeMembers, CALL_CONTEXT } from "./chainMembers.js";
import { appendToMessage, attachDiagnosis, redactErrorText } from "./diagnosis/attach.js";
import { diagnose, type ObservedAttempt } from "./diagnosis/diagnose.js";
import { readTokenIdentity } from "./diagnosis/tokenIdentity.js";
import type { Diagnosis } from "./diagnosis/types.js";
import { CallEvents } from "./events/callEvents.js";
import { EventDispatcher } from "./events/emit.js";
import type { DiagnosticEventHandler } from "./events/types.js";

export interface DiagnosticCredentialOptions {
  /** Receives a typed event for every request, member attempt, success, failure and warning. */
  onEvent?: DiagnosticEventHandler;
  /**
   * Stop waiting after this many milliseconds: abort the inner call (through `options.abortSignal`) and reject
   * with a `CredentialUnavailableError` naming the member that hung. DefaultAzureCredential can otherwise wait
   * forever on a managed identity endpoint that answers its probe but never the token request. What identity
   * does with the abort is described in docs/timeouts.md. Default: no timeout.
   */
  timeoutMs?: number;
  /** Append a one-paragraph diagnosis to `err.message` on failure. Default `true`. */
  augmentErrorMessage?: boolean;
  /** Put user names (`upn`, `preferred_username`) in success events. Default `false`. */
  includeUserNames?: boolean;
  /** Also write events to the `azure:identity-diagnostics` logger (shown by `AZURE_LOG_LEVEL`). Default `true`. */
  logging?: boolean;
}

/** What the timer rejects with; compared by identity, so no foreign error can pass for it. Never thrown to callers. */
const TIMED_OUT = new Error("DiagnosticCredential: timeoutMs elapsed");

/** setTimeout's largest delay; a larger one fires at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

function shortNote(diagnosis: Diagnosis): string {
  const next = diagnosis.matches[0]?.mitigations[0];
  const ids = diagnosis.correlationId ? ` Correlation ID: ${diagnosis.correlationId}.` : "";
  return `[azure-identity-diagnostics] ${diagnosis.summary}.${next ? ` Next step: ${next}` : ""}${ids} Full diagnosis: getDiagnosis(err).`;
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

/**
 * One `getToken` call that someone observes: its events, its chain record and its timeout. Built only when
 * there are listeners, a chain or a timeout; otherwise the call carries `null` and builds nothing.
 */
class ObservedCall {
  readonly events: CallEvents | null;
  readonly record: CallRecord | null;
  readonly innerOptions: GetTokenOptions | undefined;
  readonly #timeoutMs: number | null;
  readonly #abort: AbortController | null;
  readonly #callerSignal: GetTokenOptions["abortSignal"];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    events: CallEvents | null,
    members: readonly object[],
    timeoutMs: number | null,
    options: GetTokenOptions | undefined,
  ) {
    this.events = events;
    this.record = members.length > 0 ? new CallRecord(members, events) : null;
    this.#timeoutMs = timeoutMs;
    this.#callerSignal = options?.abortSignal;
    this.#abort = timeoutMs === null ? null : new AbortController();
    let inner = options;
    // Chains copy option objects member by member, own symbol keys included: the record travels with them.
    if (this.record) inner = { ...inner, [CALL_CONTEXT]: this.record } as GetTokenOptions;
    if (this.#abort) inner = { ...inner, abortSignal: this.#abort.signal };
    this.innerOptions = inner;
  }

  /** Settles with `pending`, or rejects with {@link TIMED_OUT} and aborts the inner call when time runs out. */
  race<T>(pending: Promise<T>): Promise<T> {
    const abort = this.#abort;
    if (this.#timeoutMs === null || abort === null) return pending;
    const caller = this.#callerSignal;
    // The caller's own abort still reaches the inner call.
    const forward = (): void => {
      abort.abort((caller as { reason?: unknown } | undefined)?.reason);
    };
    if (caller?.aborted) forward();
    else caller?.addEventListener("abort", forward);
    const timeout = new Promise<never>((_resolve, reject) => {
      this.#timer = setTimeout(() => {
        reject(TIMED_OUT);
        abort.abort(new Error(`DiagnosticCredential: timeoutMs (${this.#timeoutMs} ms) elapsed.`));
      }, this.#timeoutMs ?? 0);
    });
    return Promise.race([pending, timeout]).finally(() => {
      clearTimeout(this.#timer);
      caller?.removeEventListener("abort", forward);
    });
  }
}

/**
 * Wraps any `TokenCredential` (a single credential, `ChainedTokenCredential` or `DefaultAzureCredential`) and
 * explains its failures. Success returns the inner result unchanged; failure rethrows the SAME error object,
 * with its diagnosis attached (`getDiagnosis(err)`) and, unless turned off, a short note appended to its
 * message, so chains still fall through on `CredentialUnavailableError` and `AuthenticationRequiredError`.
 *
 * @example
 * ```ts
 * const credential = new DiagnosticCredential(new DefaultAzureCredential(), { timeoutMs: 10_000 });
 * ```
 */
export class DiagnosticCredential implements TokenCredential {
  readonly #inner: TokenCredential;
  readonly #options: DiagnosticCredentialOptions;
  readonly #events: EventDispatcher;
  readonly #members: readonly object[];
  readonly #name: string;
  readonly #timeoutMs: number | null;

  constructor(credential: TokenCredential, options: DiagnosticCredentialOptions = {}) {
    this.#inner = credential;
    this.#options = options;
    this.#events = new EventDispatcher(options.onEvent, options.logging !== false);
    this.#members = chainMembers(credential);
    this.#name = credentialName(credential);
    const timeoutMs = options.timeoutMs;
    this.#timeoutMs =
      typeof timeoutMs === "number" && timeoutMs > 0 && Number.isFinite(timeoutMs)
        ? Math.min(timeoutMs, MAX_TIMEOUT_MS)
        : null;
    observeMembers(this.#members);
  }

  /** The wrapped credential. */
  get credential(): TokenCredential {
    return this.#inner;
  }

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const call = this.#observe(scopes, options);
    let pending: Promise<AccessToken | null>;
    // The inner call is made here, not in an async function, so a credential that throws synchronously still
    // throws synchronously through the wrapper (the same object, explained), exactly as the bare one would.
    try {
      pending = this.#inner.getToken(scopes, call === null ? options : call.innerOptions);
    } catch (error) {
      throw this.#fail(error, call);
    }
    return this.#settle(
      call === null ? pending : call.race(pending).then((token) => this.#succeed(token, call)),
      call,
    );
  }

  /** `null` when nobody listens, there is no chain and no timeout: success then builds nothing (bench/credentialOverhead.ts). */
  #observe(scopes: string | string[], options: GetTokenOptions | undefined): ObservedCall | null {
    const listening = this.#events.active;
    if (!listening && this.#members.length === 0 && this.#timeoutMs === null) return null;
    const events = listening ? new CallEvents(this.#events, this.#name, scopes) : null;
    events?.request(options?.tenantId, Boolean(options?.claims));
    return new ObservedCall(events, this.#members, this.#timeoutMs, options);
  }

  // Few locals on purpose: they would enlarge every call's async frame, observed or not (bench/credentialOverhead.ts).
  async #settle(
    pending: Promise<AccessToken | null>,
    call: ObservedCall | null,
  ): Promise<AccessToken | null> {
    try {
      return await pending;
    } catch (error) {
      throw this.#fail(error, call);
    }
  }

  /** Explains a failure, reports it, and returns the object to throw: the same error, or the timeout's. */
  #fail(error: unknown, call: ObservedCall | null): unknown {
    const timedOut = error === TIMED_OUT;
    const thrown = timedOut ? this.#timeoutError(call) : error;
    try {
      this.#explain(thrown, timedOut, call);
    } catch {
      // Explaining never changes what is thrown: the caller gets the very value the inner credential rejected with.
    }
    return thrown;
  }

  #explain(thrown: unknown, timedOut: boolean, call: ObservedCall | null): void {
    const record = call?.record ?? null;
    const attempts = record?.observed(timedOut ? "timeout" : "error", timedOut ? thrown : undefined);
    // Read before closing the record, which ends the member still running.
    const hung = record?.pending() ?? this.#name;
    record?.close(thrown);
    const diagnosis = safeDiagnose(thrown, this.#name, attempts);
    redactErrorText(thrown);
    if (diagnosis) {
      attachDiagnosis(thrown, diagnosis);
      if (this.#options.augmentErrorMessage !== false) appendToMessage(thrown, shortNote(diagnosis));
    }
    const events = call?.events;
    if (diagnosis && events) {
      if (timedOut) events.warning("timeout", diagnosis.summary, hung, diagnosis);
      events.failure(readName(thrown), diagnosis);
    }
  }

  #timeoutError(call: ObservedCall | null): Error {
    const hung = call?.record?.pending() ?? this.#name;
    return new CredentialUnavailableError(
      `${hung} did not return a token within ${this.#timeoutMs} ms; DiagnosticCredential stopped waiting ` +
        `and aborted the request.`,
    );
  }

  /** Reports a settled call and returns its token. Never throws: a failure here is not the credential's. */
  #succeed(token: AccessToken | null, call: ObservedCall): AccessToken | null {
    try {
      this.#reportSuccess(token, call);
    } catch {
      // Events are best effort; the token is the caller's either way.
    }
    return token;
  }

  #reportSuccess(token: AccessToken | null, call: ObservedCall): void {
    const { events, record } = call;
    record?.close(undefined);
    if (!events) return;
    if (token === null) {
      // The contract allows null ("no token"); callers such as core's bearer policy treat it as a failure, so
      // the events do too, and whoever pairs requests with their end (spans, timings) sees the call end.
      const diagnosis = safeDiagnose(
        `${this.#name}.getToken returned null instead of an access token.`,
        this.#name,
        record?.observed("token"),
      );
      if (diagnosis) events.failure(null, diagnosis);
      return;
    }
    const observed = record?.observed("token") ?? [];
    const attempts = observed.length > 0 ? (safeDiagnose(null, this.#name, observed)?.attempts ?? []) : [];
    const winner = attempts.find((a) => a.outcome === "succeeded")?.credential ?? this.#name;
    for (const attempt of observed) {
      if (attempt.outcome !== "failed" || attempt.error === undefined) continue;
      const diagnosis = safeDiagnose(attempt.error, attempt.credential, undefined);
      events.warning(
        "silent-fallthrough",
        `${attempt.credential} was rejected (${diagnosis?.summary ?? readName(attempt.error) ?? "error"}), ` +
          `so ${this.#name} used ${winner} instead: the token belongs to ${winner}'s identity, not the one ${attempt.credential} was configured with.`,
        attempt.credential,
        diagnosis,
      );
    }
    events.success(
      winner,
      token.expiresOnTimestamp,
      readTokenIdentity(token.token, { includeUserNames: this.#options.includeUserNames === true }),
      attempts,
    );
  }
}
