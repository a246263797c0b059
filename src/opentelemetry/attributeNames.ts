/**
 * Every attribute, event, span and metric name the OpenTelemetry handler writes. OpenTelemetry's semantic
 * conventions are used where they define a key (`error.type`, `exception.*`); everything else lives under
 * `azure.identity.*`. docs/observability.md documents each one, and a test keeps the two in step.
 */

/** Attribute keys, by what they mean. */
export const IDENTITY_ATTRIBUTES = {
  /** Semantic convention: the class of error the operation ended with (the thrown error's `name`). */
  errorType: "error.type",
  /** Semantic convention, on the `exception` span event. */
  exceptionType: "exception.type",
  /** Semantic convention, on the `exception` span event: the redacted message, user names masked. */
  exceptionMessage: "exception.message",
  credential: "azure.identity.credential",
  scopes: "azure.identity.scopes",
  requestId: "azure.identity.request_id",
  outcome: "azure.identity.outcome",
  succeededWith: "azure.identity.succeeded_with",
  chainMember: "azure.identity.chain.member",
  chainIndex: "azure.identity.chain.index",
  attemptOutcome: "azure.identity.attempt.outcome",
  category: "azure.identity.category",
  knowledgeId: "azure.identity.knowledge_id",
  retryable: "azure.identity.retryable",
  stsCode: "azure.identity.sts.code",
  oauthError: "azure.identity.sts.oauth_error",
  correlationId: "azure.identity.sts.correlation_id",
  stsTraceId: "azure.identity.sts.trace_id",
  warningCode: "azure.identity.warning.code",
} as const;

/** Names of the span events the handler adds. */
export const IDENTITY_SPAN_EVENTS = {
  /** Semantic convention: the exception the operation ended with. */
  exception: "exception",
  /** A `token.warning`: a silent fall-through to another chain member, or a timeout. */
  warning: "azure.identity.warning",
} as const;

/** Metric instrument names. */
export const IDENTITY_METRICS = {
  /** Counter, `{request}`: finished `getToken` calls. */
  requests: "azure.identity.token.requests",
  /** Histogram, seconds: how long `getToken` took. */
  duration: "azure.identity.token.duration",
  /** Histogram, seconds: how long each chain member's attempt took. */
  attemptDuration: "azure.identity.chain.attempt.duration",
} as const;

/** How a `getToken` call ended, as `azure.identity.outcome` reports it. */
export type TokenRequestOutcome = "success" | "failure" | "timeout";

/** The instrumentation scope name of the tracer and meter the handler uses by default. */
export const INSTRUMENTATION_SCOPE = "azure-identity-diagnostics";

/** Span name for a `getToken` call of `credential` (a class name, so the name stays low-cardinality). */
export function spanNameFor(credential: string): string {
  return `getToken ${credential}`;
}
