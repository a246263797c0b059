/**
 * The part of a diagnosis an event carries. Log pipelines split or drop long lines (Docker at 16 KB), so an
 * event is held under {@link MAX_EVENT_BYTES} as one JSON line: facts, category, summary and the leading match's
 * id, title and mitigations, with lengths capped. The full diagnosis stays on the error (`getDiagnosis(err)`).
 */
import type { AttemptDiagnosis, Diagnosis } from "../diagnosis/types.js";
import type { EventAttempt, EventDiagnosis } from "./types.js";

/** One event, serialised as a JSON line, stays below this many bytes (UTF-8). */
export const MAX_EVENT_BYTES = 8192;

const MAX_SUMMARY = 500;
const MAX_FACT = 200;
const MAX_LIST = 10;
const MAX_CREDENTIALS = 20;
const MAX_MITIGATIONS = 5;
const MAX_MITIGATION = 400;

/** `durationMs` as events report it: tenths of a millisecond. */
export function roundDuration(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function cap(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function capOrNull(text: string | null, max = MAX_FACT): string | null {
  return text === null ? null : cap(text, max);
}

/** One chain member's attempt, as events report it: facts and one line, no message. */
export function toEventAttempt(attempt: AttemptDiagnosis): EventAttempt {
  return {
    credential: capOrNull(attempt.credential),
    outcome: attempt.outcome,
    errorName: capOrNull(attempt.errorName),
    summary: cap(attempt.summary, MAX_FACT),
    category: attempt.category,
    stsCode: capOrNull(attempt.stsCode),
    correlationId: capOrNull(attempt.correlationId),
    traceId: capOrNull(attempt.traceId),
    knowledgeId: attempt.match?.id ?? null,
    retryable: attempt.match?.retryable ?? null,
    durationMs: attempt.durationMs === null ? null : roundDuration(attempt.durationMs),
  };
}

/** A diagnosis reduced to what fits in an event (see the module comment). */
export function toEventDiagnosis(diagnosis: Diagnosis): EventDiagnosis {
  const lead = diagnosis.matches[0];
  return {
    summary: cap(diagnosis.summary, MAX_SUMMARY),
    category: diagnosis.category,
    errorName: capOrNull(diagnosis.errorName),
    runtime: diagnosis.runtime,
    stsCode: capOrNull(diagnosis.stsCode),
    stsCodes: diagnosis.stsCodes.slice(0, MAX_LIST).map((code) => cap(code, MAX_FACT)),
    oauthError: capOrNull(diagnosis.oauthError),
    subError: capOrNull(diagnosis.subError),
    correlationId: capOrNull(diagnosis.correlationId),
    traceId: capOrNull(diagnosis.traceId),
    timestamp: capOrNull(diagnosis.timestamp),
    httpStatus: diagnosis.httpStatus,
    serviceErrorCode: capOrNull(diagnosis.serviceErrorCode),
    credentials: diagnosis.credentials.slice(0, MAX_CREDENTIALS).map((name) => cap(name, MAX_FACT)),
    retryable: diagnosis.retryable,
    lookupUrl: capOrNull(diagnosis.lookupUrl, MAX_SUMMARY),
    match: lead
      ? {
          id: lead.id,
          title: cap(lead.title, MAX_SUMMARY),
          mitigations: lead.mitigations.slice(0, MAX_MITIGATIONS).map((m) => cap(m, MAX_MITIGATION)),
        }
      : null,
    attempts: diagnosis.attempts.map(toEventAttempt),
    attemptsOmitted: 0,
  };
}

const encoder = typeof TextEncoder === "undefined" ? null : new TextEncoder();

/** Size of `value` as one JSON line, in UTF-8 bytes. */
export function jsonLineBytes(value: unknown): number {
  const line = `${JSON.stringify(value)}\n`;
  return encoder ? encoder.encode(line).length : line.length * 3;
}

/**
 * Drops trailing chain attempts from `holder` (part of `event`) until `event` fits {@link MAX_EVENT_BYTES},
 * counting them in `attemptsOmitted`. Everything else is already capped, so what remains always fits.
 */
export function fitAttempts(
  event: object,
  holder: { attempts: EventAttempt[]; attemptsOmitted: number },
): void {
  // The margin covers the digits `attemptsOmitted` gains.
  let excess = jsonLineBytes(event) - (MAX_EVENT_BYTES - 32);
  if (excess <= 0) return;
  const attempts = holder.attempts;
  let keep = attempts.length;
  while (excess > 0 && keep > 0) {
    keep -= 1;
    // The line's newline stands in for the comma between attempts.
    excess -= jsonLineBytes(attempts[keep]);
  }
  holder.attempts = attempts.slice(0, keep);
  holder.attemptsOmitted = attempts.length - keep;
}
