/**
 * Builds and sends the events of one `getToken` call. `DiagnosticCredential` creates one per call only when
 * someone receives events, so the silent success path builds nothing.
 */
import type { AttemptDiagnosis, AttemptOutcome, Diagnosis } from "../diagnosis/types.js";
import type { TokenIdentity } from "../diagnosis/tokenIdentity.js";
import type { EventDispatcher } from "./emit.js";
import { fitAttempts, roundDuration, toEventAttempt, toEventDiagnosis } from "./eventDiagnosis.js";
import type { DiagnosticEventBase, TokenWarningEvent } from "./types.js";

function now(): number {
  return typeof performance === "undefined" ? Date.now() : performance.now();
}

/** A random call id: unique enough to pair a call's events across every credential in the process, with no counter to share. */
function newRequestId(): number {
  return Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);
}

export class CallEvents {
  readonly #dispatcher: EventDispatcher;
  readonly #base: Omit<DiagnosticEventBase, "time">;
  readonly #startedAt = now();

  constructor(dispatcher: EventDispatcher, credential: string, scopes: string | string[]) {
    this.#dispatcher = dispatcher;
    this.#base = {
      requestId: newRequestId(),
      credential,
      scopes: typeof scopes === "string" ? [scopes] : [...scopes],
    };
  }

  #fields(): DiagnosticEventBase {
    return { ...this.#base, scopes: [...this.#base.scopes], time: new Date().toISOString() };
  }

  #elapsed(): number {
    return roundDuration(now() - this.#startedAt);
  }

  request(tenantId: string | undefined, hasClaims: boolean): void {
    this.#dispatcher.emit({
      ...this.#fields(),
      type: "token.request",
      tenantId: tenantId ?? null,
      hasClaims,
    });
  }

  attemptStart(member: string, index: number): void {
    this.#dispatcher.emit({ ...this.#fields(), type: "attempt.start", member, index });
  }

  attemptEnd(
    member: string,
    index: number,
    outcome: AttemptOutcome,
    durationMs: number,
    errorName: string | null,
  ): void {
    this.#dispatcher.emit({
      ...this.#fields(),
      type: "attempt.end",
      member,
      index,
      outcome,
      durationMs: roundDuration(durationMs),
      errorName,
    });
  }

  success(
    succeededWith: string,
    expiresOnTimestamp: number,
    identity: TokenIdentity | null,
    attempts: readonly AttemptDiagnosis[],
  ): void {
    const event = {
      ...this.#fields(),
      type: "token.success" as const,
      durationMs: this.#elapsed(),
      succeededWith,
      expiresOnTimestamp,
      identity,
      attempts: attempts.map(toEventAttempt),
      attemptsOmitted: 0,
    };
    fitAttempts(event, event);
    this.#dispatcher.emit(event);
  }

  failure(errorName: string | null, diagnosis: Diagnosis): void {
    const summary = toEventDiagnosis(diagnosis);
    const event = {
      ...this.#fields(),
      type: "token.failure" as const,
      durationMs: this.#elapsed(),
      errorName,
      diagnosis: summary,
    };
    fitAttempts(event, summary);
    this.#dispatcher.emit(event);
  }

  warning(
    code: TokenWarningEvent["code"],
    message: string,
    member: string | null,
    diagnosis: Diagnosis | null,
  ): void {
    const summary = diagnosis ? toEventDiagnosis(diagnosis) : null;
    const event = {
      ...this.#fields(),
      type: "token.warning" as const,
      code,
      // A warning's message quotes a member's summary, itself capped; this bounds the sentence around it.
      message: message.length > 1000 ? `${message.slice(0, 999)}…` : message,
      member,
      diagnosis: summary,
    };
    if (summary) fitAttempts(event, summary);
    this.#dispatcher.emit(event);
  }
}
