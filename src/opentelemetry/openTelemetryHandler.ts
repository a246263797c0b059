import { metrics, trace, type Meter, type Tracer } from "@opentelemetry/api";
import type { DiagnosticEvent, DiagnosticEventHandler } from "../events/types.js";
import { INSTRUMENTATION_SCOPE } from "./attributeNames.js";
import { MetricRecorder } from "./metricRecorder.js";
import { SpanRecorder } from "./spanRecorder.js";

export interface OpenTelemetryHandlerOptions {
  /** Where spans go. Default: the global tracer provider's tracer `azure-identity-diagnostics`. */
  tracer?: Tracer;
  /** Where metrics go. Default: the global meter provider's meter `azure-identity-diagnostics`. */
  meter?: Meter;
}

/** Calls whose timeout warning was seen, until their failure arrives; bounded like the span recorder. */
const MAX_PENDING_TIMEOUTS = 256;

/**
 * An `onEvent` handler that records each `getToken` call as an OpenTelemetry span (a child of the active span,
 * with one child span per chain member) and as metrics: a request counter and duration histograms by
 * credential and outcome. Failures carry their diagnosis as attributes: `error.type`, an `exception` event with
 * the redacted message, status ERROR, and the `azure.identity.*` facts. Never tokens, secrets or user names.
 *
 * Uses the global providers unless given a tracer or meter; both are looked up on first use, so the handler
 * may be created before the OpenTelemetry SDK starts. Never throws.
 *
 * @example
 * ```ts
 * import { DefaultAzureCredential } from "@azure/identity";
 * import { DiagnosticCredential } from "azure-identity-diagnostics";
 * import { createOpenTelemetryHandler } from "azure-identity-diagnostics/opentelemetry";
 *
 * const credential = new DiagnosticCredential(new DefaultAzureCredential(), {
 *   onEvent: createOpenTelemetryHandler(),
 * });
 * ```
 */
export function createOpenTelemetryHandler(
  options: OpenTelemetryHandlerOptions = {},
): DiagnosticEventHandler {
  let tracer = options.tracer;
  let meter = options.meter;
  const spans = new SpanRecorder(() => (tracer ??= trace.getTracer(INSTRUMENTATION_SCOPE)));
  const recorder = new MetricRecorder(() => (meter ??= metrics.getMeter(INSTRUMENTATION_SCOPE)));
  const timedOut = new Set<number>();

  const handle = (event: DiagnosticEvent): void => {
    switch (event.type) {
      case "token.request":
        spans.start(event);
        return;
      case "attempt.start":
        spans.startAttempt(event);
        return;
      case "attempt.end":
        spans.endAttempt(event);
        recorder.attemptEnded(event);
        return;
      case "token.warning":
        // The timeout warning comes just before the call's failure and turns its outcome into `timeout`.
        if (event.code === "timeout") {
          if (timedOut.size >= MAX_PENDING_TIMEOUTS) timedOut.clear();
          timedOut.add(event.requestId);
        }
        spans.warn(event);
        return;
      case "token.success":
        spans.succeed(event);
        recorder.succeeded(event);
        return;
      case "token.failure": {
        const outcome = timedOut.delete(event.requestId) ? "timeout" : "failure";
        spans.fail(event, outcome);
        recorder.failed(event, outcome);
        return;
      }
      default:
        // Event types added later are not telemetry until this handler learns them.
        return;
    }
  };

  return (event) => {
    try {
      handle(event);
    } catch {
      // Telemetry must never break authentication; a faulty exporter or SDK only loses this event.
    }
  };
}
