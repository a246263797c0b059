/**
 * azure-identity-diagnostics/opentelemetry: DiagnosticCredential's events as OpenTelemetry spans and metrics.
 *
 * Imports `@opentelemetry/api` (an optional peer dependency) at run time, and nothing else from OpenTelemetry:
 * the application chooses and configures the SDK and exporters. The package's main entry never imports it.
 */
export { createOpenTelemetryHandler, type OpenTelemetryHandlerOptions } from "./openTelemetryHandler.js";
export {
  IDENTITY_ATTRIBUTES,
  IDENTITY_METRICS,
  IDENTITY_SPAN_EVENTS,
  INSTRUMENTATION_SCOPE,
  type TokenRequestOutcome,
} from "./attributeNames.js";
