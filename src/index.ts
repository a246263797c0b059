/**
 * azure-identity-diagnostics: makes Azure authentication failures explain themselves.
 *
 * - {@link explainAuthError}: diagnose anything a catch block holds.
 * - {@link DiagnosticCredential}: wrap a credential or chain; failures carry their diagnosis, events report
 *   every attempt.
 * - {@link renderDiagnosis}: the readable form.
 *
 * Not exported on purpose: the `@azure/logger` instance events are written to (set `AZURE_LOG_LEVEL` to see
 * them), and the Azure Pipelines task table (in `azure-identity-diagnostics/node`, next to the pipeline check).
 */

// Diagnosis.
export { explainAuthError } from "./explainAuthError.js";
export { getDiagnosis } from "./diagnosis/attach.js";
export { renderDiagnosis, type RenderOptions } from "./diagnosis/render.js";
export { redactSecrets } from "./diagnosis/redact.js";
export { readTokenIdentity, type TokenIdentity } from "./diagnosis/tokenIdentity.js";
export {
  ATTEMPT_OUTCOMES,
  DIAGNOSIS_CONFIDENCES,
  type AttemptDiagnosis,
  type AttemptOutcome,
  type Diagnosis,
  type DiagnosisConfidence,
  type KnowledgeMatch,
} from "./diagnosis/types.js";

// The decorator and its events.
export { DiagnosticCredential, type DiagnosticCredentialOptions } from "./diagnosticCredential.js";
export { DIAGNOSTIC_CHANNELS } from "./events/channels.js";
export type {
  AttemptEndEvent,
  AttemptStartEvent,
  DiagnosticEvent,
  DiagnosticEventBase,
  DiagnosticEventHandler,
  EventAttempt,
  EventDiagnosis,
  TokenFailureEvent,
  TokenRequestEvent,
  TokenSuccessEvent,
  TokenWarningEvent,
} from "./events/types.js";

// Sinks: ready-made `onEvent` handlers.
export { createJsonLinesSink, type LineWriter } from "./events/emit.js";
export {
  createChainTimings,
  type ChainMemberTiming,
  type ChainTiming,
  type ChainTimings,
  type ChainTimingsOptions,
  type ChainTimingsSummary,
  type ImdsProbeTiming,
} from "./events/chainTimings.js";

// Knowledge lookups and the lists a diagnosis draws its values from.
export { listKnowledgeEntries, lookupKnowledge } from "./knowledge/index.js";
export type { KnowledgeEntry, MatchRules } from "./knowledge/schema.js";
export { DIAGNOSIS_CATEGORIES, type DiagnosisCategory } from "./knowledge/diagnosisCategories.js";
export { ERROR_RUNTIMES, type ErrorRuntime } from "./knowledge/errorRuntimes.js";
