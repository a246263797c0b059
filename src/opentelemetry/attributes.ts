/**
 * Builds span and metric attributes from events and diagnoses. Only the allow-listed facts below leave: no
 * token, secret, assertion or user name is ever read from the event.
 */
import type { Attributes } from "@opentelemetry/api";
import type { EventAttempt, EventDiagnosis } from "../events/types.js";
import { IDENTITY_ATTRIBUTES as A } from "./attributeNames.js";
import { toTelemetryText } from "./telemetryText.js";

/** `error.type` for an error without a usable name, as the semantic conventions ask. */
const UNKNOWN_ERROR_TYPE = "_OTHER";

/** Copies the entries whose value is present; OpenTelemetry attributes cannot hold `null`. */
function present(entries: Record<string, string | number | boolean | null | undefined>): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value !== null && value !== undefined && value !== "") attributes[key] = value;
  }
  return attributes;
}

export function errorTypeOf(errorName: string | null): string {
  return errorName ?? UNKNOWN_ERROR_TYPE;
}

/** What a whole call's diagnosis says, on the request span. */
export function diagnosisAttributes(diagnosis: EventDiagnosis): Attributes {
  return present({
    [A.category]: diagnosis.category,
    [A.knowledgeId]: diagnosis.match?.id,
    [A.retryable]: diagnosis.retryable,
    [A.stsCode]: diagnosis.stsCode,
    [A.oauthError]: diagnosis.oauthError,
    [A.correlationId]: diagnosis.correlationId,
    [A.stsTraceId]: diagnosis.traceId,
  });
}

/** What one chain member's attempt says, on the member's span. */
export function attemptDiagnosisAttributes(attempt: EventAttempt): Attributes {
  if (attempt.outcome === "succeeded" || attempt.outcome === "skipped") return {};
  return present({
    [A.category]: attempt.category,
    [A.knowledgeId]: attempt.knowledgeId,
    [A.retryable]: attempt.retryable,
    [A.stsCode]: attempt.stsCode,
    [A.correlationId]: attempt.correlationId,
    [A.stsTraceId]: attempt.traceId,
  });
}

/** The semantic-convention `exception` event's attributes. */
export function exceptionAttributes(errorName: string | null, message: string): Attributes {
  return present({
    [A.exceptionType]: errorTypeOf(errorName),
    [A.exceptionMessage]: toTelemetryText(message),
  });
}
