/**
 * Recipe: token requests as OpenTelemetry spans and metrics, exported over OTLP/HTTP to a collector (the
 * OpenTelemetry Collector, Jaeger, Grafana Alloy, or any OTLP endpoint).
 *
 *   OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 npx tsx examples/recipes/otlpCollector.ts
 *
 * The test suite points it at a fake collector on 127.0.0.1 and reads what arrived.
 */
import { DefaultAzureCredential } from "@azure/identity";
import type { TokenCredential } from "@azure/core-auth";
import { context, metrics, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { DiagnosticCredential } from "azure-identity-diagnostics";
import { createOpenTelemetryHandler } from "azure-identity-diagnostics/opentelemetry";

export interface Telemetry {
  /** Flushes what is buffered to the collector and unregisters the providers. */
  shutdown(): Promise<void>;
}

/** Starts tracing and metrics once, at process start, exporting to `endpoint` (the collector's OTLP/HTTP base). */
export function startTelemetry(
  endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? "http://localhost:4318",
): Telemetry {
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }))],
  });
  const meterProvider = new MeterProvider({
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }),
        exportIntervalMillis: 60_000,
      }),
    ],
  });
  // Token request spans become children of whatever span is active when getToken is called.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
      trace.disable();
      metrics.disable();
      context.disable();
    },
  };
}

/** Wraps `credential` so its token requests are recorded through the global providers. */
export function withOpenTelemetry(credential: TokenCredential): DiagnosticCredential {
  return new DiagnosticCredential(credential, { onEvent: createOpenTelemetryHandler() });
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const telemetry = startTelemetry();
  const credential = withOpenTelemetry(new DefaultAzureCredential());
  await credential.getToken("https://management.azure.com/.default").catch(() => (process.exitCode = 1));
  await telemetry.shutdown();
}
