/**
 * azure-identity-diagnostics: makes Azure authentication failures explain themselves.
 *
 * - {@link explainAuthError}: diagnose anything a catch block holds.
 * - {@link DiagnosticCredential}: wrap a credential or chain; failures carry their diagnosis, events report
 *   every attempt.
 * - {@link renderDiagnosis}: the readable form.
 */
export { explainAuthError } from "./explainAuthError.js";
export { DiagnosticCredential, type DiagnosticCredentialOptions } from "./diagnosticCredential.js";
export { renderDiagnosis, type RenderOptions } from "./diagnosis/render.js";
export { getDiagnosis } from "./diagnosis/attach.js";
export { redactSecrets } from "./diagnosis/redact.js";
export { readTokenIdentity, type TokenIdentity } from "./diagnosis/tokenIdentity.js";
export { createJsonLinesSink, diagnosticsLogger, type LineWriter } from "./events/emit.js";
export { DIAGNOSTIC_CHANNELS } from "./events/channels.js";
export {
  createChainTimings,
  type ChainMemberTiming,
  type ChainTiming,
  type ChainTimings,
  type ChainTimingsOptions,
  type ChainTimingsSummary,
  type ImdsProbeTiming,
} from "./events/chainTimings.js";
export { listKnowledgeEntries, lookupKnowledge } from "./knowledge/index.js";
export {
  lookupPipelineTask,
  azurePipelinesTasks,
  type PipelineTaskSupport,
} from "./knowledge/azurePipelinesTasks.js";
export type { KnowledgeEntry, KnowledgeExample, MatchRules } from "./knowledge/schema.js";
export {
  ATTEMPT_OUTCOMES,
  DIAGNOSIS_CATEGORIES,
  ERROR_RUNTIMES,
  type AttemptDiagnosis,
  type AttemptOutcome,
  type Diagnosis,
  type DiagnosisCategory,
  type ErrorRuntime,
  type KnowledgeMatch,
} from "./diagnosis/types.js";
export type {
  AttemptEndEvent,
  AttemptStartEvent,
  DiagnosticEvent,
  DiagnosticEventBase,
  DiagnosticEventHandler,
  TokenFailureEvent,
  TokenRequestEvent,
  TokenSuccessEvent,
  TokenWarningEvent,
} from "./events/types.js";
