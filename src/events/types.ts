/**
 * The events `DiagnosticCredential` emits. A closed, typed union: switch on `type`. Every field is plain,
 * JSON-serialisable data built from an allow-list, so no token, secret or assertion can be in one, and one
 * event written as a JSON line stays under 8 KB. Durations are in milliseconds, rounded to 0.1 ms.
 */
import type { AttemptDiagnosis, AttemptOutcome, Diagnosis } from "../diagnosis/types.js";
import type { TokenIdentity } from "../diagnosis/tokenIdentity.js";

/** One chain member's attempt as events report it: the facts, without the member's message. */
export interface EventAttempt extends Pick<
  AttemptDiagnosis,
  "credential" | "outcome" | "errorName" | "summary" | "category" | "stsCode" | "correlationId" | "traceId"
> {
  /** Id of the knowledge entry that best explains this member's failure. */
  knowledgeId: string | null;
  /** Whether that entry says trying again later, unchanged, can succeed; `null` without an entry. */
  retryable: boolean | null;
  durationMs: number | null;
}

/**
 * What an event carries of a diagnosis: its facts, category, confidence, summary and the leading match, with
 * lists and text capped (ten codes, twenty credentials). The full `Diagnosis` (every match, the redacted
 * message, the token identity) stays on the error: `getDiagnosis(err)`.
 */
export interface EventDiagnosis extends Pick<
  Diagnosis,
  | "summary"
  | "category"
  | "confidence"
  | "errorName"
  | "runtime"
  | "stsCode"
  | "stsCodes"
  | "oauthError"
  | "subError"
  | "correlationId"
  | "traceId"
  | "timestamp"
  | "httpStatus"
  | "serviceErrorCode"
  | "credentials"
  | "retryable"
  | "lookupUrl"
> {
  /** The knowledge entry that best explains the failure. */
  match: { id: string; title: string; mitigations: string[] } | null;
  /** Each chain member's attempt, in order; trailing ones are left out when the event would pass 8 KB. */
  attempts: EventAttempt[];
  /** How many trailing attempts were left out to keep the event under 8 KB. */
  attemptsOmitted: number;
}

/** Fields every event carries. */
export interface DiagnosticEventBase {
  /** Random identifier of the `getToken` call; ties a call's events together. */
  requestId: number;
  /** ISO time the event was emitted. */
  time: string;
  /** Class of the wrapped credential (`DefaultAzureCredential`, `ClientSecretCredential`…). */
  credential: string;
  scopes: string[];
}

/** `getToken` was called. */
export interface TokenRequestEvent extends DiagnosticEventBase {
  type: "token.request";
  /** The tenant asked for through `options.tenantId`, if any. */
  tenantId: string | null;
  /** Whether a claims challenge was passed (its content is not copied). */
  hasClaims: boolean;
}

/** A chain member started its attempt. */
export interface AttemptStartEvent extends DiagnosticEventBase {
  type: "attempt.start";
  member: string;
  /** Position of the member in the chain, from 0. */
  index: number;
}

/** A chain member finished its attempt; every `attempt.start` has one, the member cut off by `timeoutMs` too. */
export interface AttemptEndEvent extends DiagnosticEventBase {
  type: "attempt.end";
  member: string;
  index: number;
  outcome: AttemptOutcome;
  durationMs: number;
  /** `name` of the error the member threw, if it threw. */
  errorName: string | null;
}

/** `getToken` returned a token. */
export interface TokenSuccessEvent extends DiagnosticEventBase {
  type: "token.success";
  durationMs: number;
  /** The chain member that returned the token (the credential itself when it is not a chain). */
  succeededWith: string;
  expiresOnTimestamp: number;
  /** Who the token was issued to, decoded from it; `null` when it is not a JWT. */
  identity: TokenIdentity | null;
  /** Each chain member's attempt; empty when the credential is not a chain. */
  attempts: EventAttempt[];
  /** How many trailing attempts were left out to keep the event under 8 KB. */
  attemptsOmitted: number;
}

/** `getToken` failed. */
export interface TokenFailureEvent extends DiagnosticEventBase {
  type: "token.failure";
  durationMs: number;
  errorName: string | null;
  /** The diagnosis' facts and leading match; the full one is `getDiagnosis(err)` on the thrown error. */
  diagnosis: EventDiagnosis;
}

/** Something worked, but not as the user probably intended. */
export interface TokenWarningEvent extends DiagnosticEventBase {
  type: "token.warning";
  /**
   * `silent-fallthrough`: a chain member was rejected by Microsoft Entra ID and the chain quietly used the next
   * one, so the token belongs to another identity than configured. `timeout`: `timeoutMs` stopped the call.
   */
  code: "silent-fallthrough" | "timeout";
  message: string;
  /** The member the warning is about. */
  member: string | null;
  /** Why that member failed. */
  diagnosis: EventDiagnosis | null;
}

export type DiagnosticEvent =
  | TokenRequestEvent
  | AttemptStartEvent
  | AttemptEndEvent
  | TokenSuccessEvent
  | TokenFailureEvent
  | TokenWarningEvent;

/**
 * Receives every event. Exceptions it throws, and rejections of the promise an async handler returns, are
 * caught and logged, never passed to `getToken`'s caller.
 */
// `unknown`, not `void`: any function fits, `events.push` included, and an async one is accepted by lint as well.
export type DiagnosticEventHandler = (event: DiagnosticEvent) => unknown;
