/**
 * The events `DiagnosticCredential` emits. A closed, typed union: switch on `type`. Every field is plain,
 * JSON-serialisable data built from an allow-list, so no token, secret or assertion can be in one.
 */
import type { AttemptDiagnosis, AttemptOutcome, Diagnosis } from "../diagnosis/types.js";
import type { TokenIdentity } from "../diagnosis/tokenIdentity.js";

/** Fields every event carries. */
export interface DiagnosticEventBase {
  /** Sequence number of the `getToken` call within this process; ties a call's events together. */
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

/** A chain member finished its attempt. */
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
  attempts: AttemptDiagnosis[];
}

/** `getToken` failed. */
export interface TokenFailureEvent extends DiagnosticEventBase {
  type: "token.failure";
  durationMs: number;
  errorName: string | null;
  diagnosis: Diagnosis;
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
  diagnosis: Diagnosis | null;
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
