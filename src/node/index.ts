/**
 * azure-identity-diagnostics/node: helpers for Node.js tools and scripts, shared with the command line.
 *
 * - {@link scanPipelineTasks}: which Azure Pipelines tasks in a YAML file cannot use workload identity federation
 *   (what `azure-identity-diagnostics check-pipeline` prints), and the task table it reads
 *   ({@link azurePipelinesTasks}, {@link lookupPipelineTask}).
 * - {@link describeSecretShape}: what kind of thing a value is (a PEM private key, a JWT, a path…), without it.
 */
export {
  isPipelineProblem,
  scanPipelineTasks,
  type PipelineScan,
  type PipelineTaskFinding,
  type PipelineTaskStatus,
} from "./pipelineTasks.js";
export { azurePipelinesTasks, lookupPipelineTask, type PipelineTaskSupport } from "./azurePipelinesTasks.js";

// The doctor (`azure-identity-diagnostics doctor`): what DefaultAzureCredential would do on a machine, and a live check.
export {
  inspectMachine,
  isHealthy,
  tryDefaultAzureCredential,
  renderDoctorReport,
  renderLiveResult,
  PLAIN_STYLE,
  DEFAULT_LIVE_SCOPE,
  DEFAULT_LIVE_TIMEOUT_MS,
  IDENTITY_RULES_VERSION,
  type InspectMachineOptions,
  type MachineFacts,
  type LiveCheckOptions,
  type LiveCheckResult,
  type LiveAttempt,
  type ChainSuggestion,
  type DoctorStyle,
  type AuthorityHostReport,
  type CertificateReport,
  type ChainMemberReport,
  type ChainPrediction,
  type DeveloperToolName,
  type DeveloperToolReport,
  type DoctorFinding,
  type DoctorReport,
  type EnvironmentCredentialReport,
  type FederatedTokenReport,
  type FindingSeverity,
  type ManagedIdentityReport,
  type ManagedIdentitySource,
  type MemberPrediction,
  type ProxyReport,
  type TokenCredentialsReport,
  type VariableKind,
  type VariableReport,
} from "./doctor/index.js";

// What a configuration value looks like (a PEM key, a JWT…), said without printing it: for reports like the doctor's.
export { describeSecretShape, type SecretShape, type SecretShapeDescription } from "../diagnosis/redact.js";

// Types from the core entry (Diagnosis, DiagnosticEvent…) are imported from "azure-identity-diagnostics" itself.
// The command line's terminal styling (colour choice, Unicode marks) is not part of this entry.
export type { DoctorSymbol } from "./doctor/doctorStyle.js";
export type { EnvironmentMap } from "./doctor/environment.js";
