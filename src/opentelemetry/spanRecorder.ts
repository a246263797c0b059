/**
 * Turns a call's events into spans: one per `getToken` call, a child of the caller's active span, and one child
 * per chain member attempt. Member spans stay open until the call settles, so they carry what the final
 * diagnosis learned about each member (STS code, category, knowledge entry), and end at the time they ended.
 */
import { context, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from "@opentelemetry/api";
import type { AttemptOutcome } from "../diagnosis/types.js";
import type {
  AttemptEndEvent,
  AttemptStartEvent,
  EventAttempt,
  TokenFailureEvent,
  TokenRequestEvent,
  TokenSuccessEvent,
  TokenWarningEvent,
} from "../events/types.js";
import {
  attemptDiagnosisAttributes,
  diagnosisAttributes,
  errorTypeOf,
  exceptionAttributes,
} from "./attributes.js";
import { IDENTITY_ATTRIBUTES as A, IDENTITY_SPAN_EVENTS, spanNameFor } from "./attributeNames.js";
import { toTelemetryText } from "./telemetryText.js";

/** Calls still open at once; past this the oldest is ended (a `getToken` that returned `null` never settles). */
const MAX_OPEN_CALLS = 256;

/** Wall-clock milliseconds with sub-millisecond precision, the same clock for every span we start and end. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

interface OpenMember {
  readonly span: Span;
  endedAt: number | null;
  outcome: AttemptOutcome | null;
  errorName: string | null;
}

interface OpenCall {
  readonly span: Span;
  readonly members: Map<number, OpenMember>;
}

export class SpanRecorder {
  readonly #tracer: () => Tracer;
  readonly #open = new Map<number, OpenCall>();

  constructor(tracer: () => Tracer) {
    this.#tracer = tracer;
  }

  start(event: TokenRequestEvent): void {
    if (this.#open.size >= MAX_OPEN_CALLS) this.#evictOldest();
    // Started in the caller's context, so the span joins the trace of whatever needed the token.
    const span = this.#tracer().startSpan(spanNameFor(event.credential), {
      kind: SpanKind.INTERNAL,
      startTime: epochNow(),
      attributes: {
        [A.credential]: event.credential,
        [A.scopes]: event.scopes,
        [A.requestId]: event.requestId,
      },
    });
    this.#open.set(event.requestId, { span, members: new Map() });
  }

  startAttempt(event: AttemptStartEvent): void {
    const call = this.#open.get(event.requestId);
    if (!call) return;
    const span = this.#tracer().startSpan(
      spanNameFor(event.member),
      {
        kind: SpanKind.INTERNAL,
        startTime: epochNow(),
        attributes: {
          [A.credential]: event.credential,
          [A.chainMember]: event.member,
          [A.chainIndex]: event.index,
        },
      },
      trace.setSpan(context.active(), call.span),
    );
    call.members.set(event.index, { span, endedAt: null, outcome: null, errorName: null });
  }

  endAttempt(event: AttemptEndEvent): void {
    const member = this.#open.get(event.requestId)?.members.get(event.index);
    if (!member) return;
    member.endedAt = epochNow();
    member.outcome = event.outcome;
    member.errorName = event.errorName;
  }

  warn(event: TokenWarningEvent): void {
    const call = this.#open.get(event.requestId);
    if (!call) return;
    call.span.addEvent(IDENTITY_SPAN_EVENTS.warning, {
      [A.warningCode]: event.code,
      ...(event.member ? { [A.chainMember]: event.member } : {}),
      ...(event.diagnosis ? diagnosisAttributes(event.diagnosis) : {}),
    });
  }

  succeed(event: TokenSuccessEvent): void {
    const call = this.#take(event.requestId);
    if (!call) return;
    this.#endMembers(call, event.attempts);
    call.span.setAttributes({ [A.outcome]: "success", [A.succeededWith]: event.succeededWith });
    call.span.end(epochNow());
  }

  fail(event: TokenFailureEvent, outcome: "failure" | "timeout"): void {
    const call = this.#take(event.requestId);
    if (!call) return;
    const { diagnosis } = event;
    this.#endMembers(call, diagnosis.attempts);
    call.span.setAttributes({
      [A.outcome]: outcome,
      [A.errorType]: errorTypeOf(event.errorName),
      ...diagnosisAttributes(diagnosis),
    });
    call.span.addEvent(
      IDENTITY_SPAN_EVENTS.exception,
      exceptionAttributes(event.errorName, diagnosis.summary),
    );
    call.span.setStatus({ code: SpanStatusCode.ERROR, message: toTelemetryText(diagnosis.summary) });
    call.span.end(epochNow());
  }

  #take(requestId: number): OpenCall | undefined {
    const call = this.#open.get(requestId);
    this.#open.delete(requestId);
    return call;
  }

  #endMembers(call: OpenCall, attempts: readonly EventAttempt[]): void {
    for (const [index, member] of call.members) {
      const attempt = attempts[index];
      // A member still running when the call settled was cut off by timeoutMs.
      const outcome = member.outcome ?? attempt?.outcome ?? "timed-out";
      member.span.setAttribute(A.attemptOutcome, outcome);
      if (member.errorName) member.span.setAttribute(A.errorType, member.errorName);
      if (attempt) member.span.setAttributes(attemptDiagnosisAttributes(attempt));
      // An unavailable member is how a chain moves on, not an error; a rejection or a hang is.
      if (outcome === "failed" || outcome === "timed-out") {
        if (attempt?.summary) {
          member.span.addEvent(
            IDENTITY_SPAN_EVENTS.exception,
            exceptionAttributes(member.errorName ?? attempt.errorName, attempt.summary),
          );
        }
        member.span.setStatus({
          code: SpanStatusCode.ERROR,
          ...(attempt ? { message: toTelemetryText(attempt.summary) } : {}),
        });
      }
      member.span.end(member.endedAt ?? epochNow());
    }
    call.members.clear();
  }

  #evictOldest(): void {
    const oldest = this.#open.keys().next();
    if (oldest.done) return;
    const call = this.#take(oldest.value);
    if (!call) return;
    for (const member of call.members.values()) member.span.end(member.endedAt ?? epochNow());
    call.span.end(epochNow());
  }
}
