/** The doctor: inspects a machine for DefaultAzureCredential, and checks it live. Node only. */
export {
  inspectMachine,
  isHealthy,
  IDENTITY_RULES_VERSION,
  type InspectMachineOptions,
} from "./inspectMachine.js";
export type { MachineFacts } from "./machine.js";
export {
  tryDefaultAzureCredential,
  DEFAULT_LIVE_SCOPE,
  DEFAULT_LIVE_TIMEOUT_MS,
  type ChainSuggestion,
  type LiveAttempt,
  type LiveCheckOptions,
  type LiveCheckResult,
} from "./liveCheck.js";
export { renderDoctorReport, renderLiveResult } from "./render.js";
export { PLAIN_STYLE, type DoctorStyle } from "./doctorStyle.js";
export type {
  AuthorityHostReport,
  CertificateReport,
  ChainMemberReport,
  ChainPrediction,
  DeveloperToolName,
  DeveloperToolReport,
  DoctorFinding,
  DoctorReport,
  EnvironmentCredentialReport,
  FederatedTokenReport,
  FindingSeverity,
  ManagedIdentityReport,
  ManagedIdentitySource,
  MemberPrediction,
  ProxyReport,
  TokenCredentialsReport,
  VariableKind,
  VariableReport,
} from "./types.js";
