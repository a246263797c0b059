/**
 * Records finished calls and chain member attempts as metrics. Attributes are bounded sets (credential class
 * names, outcomes, error names, categories), so the series count stays small whatever the traffic.
 */
import type { Attributes, Counter, Histogram, Meter } from "@opentelemetry/api";
import type { AttemptEndEvent, TokenFailureEvent, TokenSuccessEvent } from "../events/types.js";
import { errorTypeOf } from "./attributes.js";
import { IDENTITY_ATTRIBUTES as A, IDENTITY_METRICS, type TokenRequestOutcome } from "./attributeNames.js";

/** From a cached token (milliseconds) to a managed identity probe or a developer tool (seconds). */
const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

interface Instruments {
  readonly requests: Counter;
  readonly duration: Histogram;
  readonly attemptDuration: Histogram;
}

export class MetricRecorder {
  readonly #meter: () => Meter;
  #instruments: Instruments | undefined;

  constructor(meter: () => Meter) {
    this.#meter = meter;
  }

  succeeded(event: TokenSuccessEvent): void {
    this.#recordCall(event.durationMs, { [A.credential]: event.credential, [A.outcome]: "success" });
  }

  failed(event: TokenFailureEvent, outcome: Exclude<TokenRequestOutcome, "success">): void {
    this.#recordCall(event.durationMs, {
      [A.credential]: event.credential,
      [A.outcome]: outcome,
      [A.errorType]: errorTypeOf(event.errorName),
      [A.category]: event.diagnosis.category,
    });
  }

  attemptEnded(event: AttemptEndEvent): void {
    this.#use().attemptDuration.record(event.durationMs / 1000, {
      [A.credential]: event.credential,
      [A.chainMember]: event.member,
      [A.attemptOutcome]: event.outcome,
    });
  }

  #recordCall(durationMs: number, attributes: Attributes): void {
    const instruments = this.#use();
    instruments.requests.add(1, attributes);
    instruments.duration.record(durationMs / 1000, attributes);
  }

  /** Instruments are made on first use: a meter taken before the SDK is registered would stay a no-op. */
  #use(): Instruments {
    if (this.#instruments) return this.#instruments;
    const meter = this.#meter();
    const histogram = (name: string, description: string): Histogram =>
      meter.createHistogram(name, {
        description,
        unit: "s",
        advice: { explicitBucketBoundaries: DURATION_BUCKETS_SECONDS },
      });
    this.#instruments = {
      requests: meter.createCounter(IDENTITY_METRICS.requests, {
        description: "getToken calls through DiagnosticCredential, by credential and outcome.",
        unit: "{request}",
      }),
      duration: histogram(IDENTITY_METRICS.duration, "How long getToken took, by credential and outcome."),
      attemptDuration: histogram(
        IDENTITY_METRICS.attemptDuration,
        "How long each chain member's attempt took, by chain, member and outcome.",
      ),
    };
    return this.#instruments;
  }
}
