/**
 * Recipe: token requests in Application Insights through the Azure Monitor OpenTelemetry distro. Failed
 * requests appear as failed dependencies named `getToken <credential>`, with the `azure.identity.*`
 * attributes as custom properties; the metrics appear under custom metrics.
 *
 *   APPLICATIONINSIGHTS_CONNECTION_STRING="InstrumentationKey=…;IngestionEndpoint=…" \
 *     npx tsx examples/recipes/applicationInsights.ts
 *
 * The test suite gives it a connection string whose ingestion endpoint is a fake on 127.0.0.1.
 */
import { DefaultAzureCredential } from "@azure/identity";
import type { TokenCredential } from "@azure/core-auth";
import {
  shutdownAzureMonitor,
  useAzureMonitor,
  type AzureMonitorOpenTelemetryOptions,
} from "@azure/monitor-opentelemetry";
import { DiagnosticCredential } from "azure-identity-diagnostics";
import { createOpenTelemetryHandler } from "azure-identity-diagnostics/opentelemetry";

/** The distro's configuration: where to send, and which optional features to leave off. */
export function azureMonitorOptions(
  connectionString = process.env.APPLICATIONINSIGHTS_CONNECTION_STRING,
): AzureMonitorOpenTelemetryOptions {
  return {
    azureMonitorExporterOptions: { ...(connectionString ? { connectionString } : {}) },
    // Live Metrics holds a second, long-lived connection to its own endpoint: turn it on where someone watches.
    enableLiveMetrics: false,
    // The default sampler (5 traces a second) starts with an empty budget, so it drops the token requests made
    // at start-up, the ones most likely to fail. Sample by ratio; lower the ratio for busy services.
    tracesPerSecond: 0,
    samplingRatio: 1,
  };
}

/** Starts the distro once, at process start. It registers the global providers our handler writes to. */
export function startApplicationInsights(options: AzureMonitorOpenTelemetryOptions = azureMonitorOptions()): {
  shutdown(): Promise<void>;
} {
  useAzureMonitor(options);
  return { shutdown: () => shutdownAzureMonitor() };
}

/** Wraps `credential` so its token requests are recorded through the distro. */
export function withOpenTelemetry(credential: TokenCredential): DiagnosticCredential {
  return new DiagnosticCredential(credential, { onEvent: createOpenTelemetryHandler() });
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const telemetry = startApplicationInsights();
  const credential = withOpenTelemetry(new DefaultAzureCredential());
  await credential.getToken("https://management.azure.com/.default").catch(() => (process.exitCode = 1));
  await telemetry.shutdown();
}
