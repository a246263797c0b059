/**
 * The real OpenTelemetry SDK with in-memory exporters: spans land in an `InMemorySpanExporter` as each ends,
 * metrics are read on demand by a pull `MetricReader`.
 */
import type { Attributes } from "@opentelemetry/api";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";
import { MeterProvider, MetricReader, type MetricData } from "@opentelemetry/sdk-metrics";

/** A reader that exports only when `collect()` is called. */
class PullMetricReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface InMemoryTelemetry {
  readonly tracerProvider: BasicTracerProvider;
  readonly meterProvider: MeterProvider;
  spans(): ReadableSpan[];
  /** Every metric collected now, by instrument name. */
  metrics(): Promise<Map<string, MetricData>>;
  shutdown(): Promise<void>;
}

export function startInMemoryTelemetry(): InMemoryTelemetry {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new PullMetricReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  return {
    tracerProvider,
    meterProvider,
    spans: () => exporter.getFinishedSpans(),
    async metrics() {
      const { resourceMetrics } = await reader.collect();
      const byName = new Map<string, MetricData>();
      for (const scope of resourceMetrics.scopeMetrics)
        for (const metric of scope.metrics) byName.set(metric.descriptor.name, metric);
      return byName;
    },
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}

/** Every string a span exposes to a backend: name, attributes, status, events and their attributes. */
export function spanText(span: ReadableSpan): string {
  const values = (attributes: Attributes | undefined): unknown[] => Object.values(attributes ?? {});
  return JSON.stringify([
    span.name,
    values(span.attributes),
    span.status,
    span.events.map((event) => [event.name, values(event.attributes)]),
  ]);
}
