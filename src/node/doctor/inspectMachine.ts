/**
 * `inspectMachine()`: looks at this machine the way DefaultAzureCredential would, member by member, without a
 * network call and without running any tool. Reads only the injected environment, the files the variables name,
 * PATH, az's profile and a few local marker files.
 */
import { createEnvironmentReader, type EnvironmentMap, type EnvironmentReader } from "./environment.js";
import { inspectCertificateFile } from "./certificateFile.js";
import { predictMembers, predictOutcome } from "./chain.js";
import { findDeveloperTools } from "./developerTools.js";
import { checkIdentityValues, decideEnvironmentCredential } from "./environmentCredential.js";
import { inspectFederatedTokenFile } from "./federatedTokenFile.js";
import { FindingList } from "./findings.js";
import { detectMachineFacts, type MachineFacts } from "./machine.js";
import { detectManagedIdentitySource, managedIdentityHostName, msalSource } from "./managedIdentitySource.js";
import { installedIdentityVersion } from "./identityVersion.js";
import { notShown, sanitizeUrl } from "./mask.js";
import { describeSecretShape } from "./secretShape.js";
import { inspectProxy } from "./proxy.js";
import { inspectTokenCredentials } from "./tokenCredentials.js";
import type { AuthorityHostReport, DoctorReport } from "./types.js";
import { collectVariables } from "./variables.js";

/** The identity release whose decisions doctor models. */
export const IDENTITY_RULES_VERSION = "4.13.1";

const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
const KNOWN_AUTHORITY_HOSTS = [
  "login.microsoftonline.com",
  "login.microsoftonline.us",
  "login.chinacloudapi.cn",
  "login.partner.microsoftonline.cn",
];

export interface InspectMachineOptions {
  /** The environment to inspect, e.g. `process.env`. Identity's own reads of `process.env` are not involved. */
  env: EnvironmentMap;
  /** Directory relative paths are resolved against (identity uses the process's). Default `process.cwd()`. */
  cwd?: string;
  /** Default `process.platform`. */
  platform?: string;
  /** The time expiry is judged against. Default now. */
  now?: Date;
  /** Facts to use instead of detecting them (tests, or a machine known better than its files tell). */
  machine?: Partial<MachineFacts>;
  /** The installed @azure/identity version to report instead of reading its package.json (`null`: not installed). */
  identityVersion?: string | null;
}

function inspectAuthorityHost(env: EnvironmentReader, findings: FindingList): AuthorityHostReport {
  const raw = env.get("AZURE_AUTHORITY_HOST");
  if (raw === undefined) return { value: DEFAULT_AUTHORITY_HOST, fromEnvironment: false, https: true };
  const shown = sanitizeUrl(raw);
  const https = raw.startsWith("https:");
  if (!https) {
    findings.add({
      id: "authority-host-not-https",
      severity: "problem",
      subject: "AZURE_AUTHORITY_HOST",
      message: `AZURE_AUTHORITY_HOST (${shown ?? "not a URL"}) does not start with https: every credential that talks to Microsoft Entra ID throws in its constructor, so DefaultAzureCredential silently drops ManagedIdentityCredential, and EnvironmentCredential and WorkloadIdentityCredential when they are configured.`,
      action: `Use https://, e.g. ${DEFAULT_AUTHORITY_HOST}, or unset AZURE_AUTHORITY_HOST for the public cloud.`,
      knowledgeId: "authority-host-not-https",
    });
  } else if (shown === null) {
    findings.add({
      id: "authority-host-invalid",
      severity: "problem",
      subject: "AZURE_AUTHORITY_HOST",
      message: "AZURE_AUTHORITY_HOST is not a valid URL.",
      action: `Set it to ${DEFAULT_AUTHORITY_HOST} (public cloud), https://login.microsoftonline.us or https://login.chinacloudapi.cn, or unset it.`,
      knowledgeId: "authority-endpoints-unresolved",
    });
  } else if (!KNOWN_AUTHORITY_HOSTS.includes(new URL(raw).hostname)) {
    findings.add({
      id: "authority-host-custom",
      severity: "info",
      subject: "AZURE_AUTHORITY_HOST",
      message: `AZURE_AUTHORITY_HOST points at ${shown}, which is not one of Microsoft's sign-in hosts; credentials will ask it for tokens.`,
    });
  }
  return { value: shown ?? "not a valid URL", fromEnvironment: true, https };
}

function noteHosts(env: EnvironmentReader, findings: FindingList): void {
  if (env.get("SYSTEM_OIDCREQUESTURI") !== undefined) {
    const missing = [
      "AZURESUBSCRIPTION_CLIENT_ID",
      "AZURESUBSCRIPTION_TENANT_ID",
      "AZURESUBSCRIPTION_SERVICE_CONNECTION_ID",
      "SYSTEM_ACCESSTOKEN",
    ].filter((name) => env.get(name) === undefined);
    findings.add({
      id: "azure-pipelines-detected",
      severity: "info",
      subject: "SYSTEM_OIDCREQUESTURI",
      message:
        "This is an Azure Pipelines job. DefaultAzureCredential does not use the pipeline's service connection: AzurePipelinesCredential (not in the chain) does, or AzureCliCredential inside an AzureCLI@2 task.",
      action:
        missing.length === 0
          ? "Build AzurePipelinesCredential from AZURESUBSCRIPTION_TENANT_ID, AZURESUBSCRIPTION_CLIENT_ID, AZURESUBSCRIPTION_SERVICE_CONNECTION_ID and SYSTEM_ACCESSTOKEN."
          : `Run the step as an AzureCLI@2 task (it sets the AZURESUBSCRIPTION_* variables and signs az in) and map System.AccessToken into SYSTEM_ACCESSTOKEN; missing now: ${missing.join(", ")}.`,
      knowledgeId: "pipelines-not-in-pipeline",
    });
  }
  if (env.get("ACTIONS_ID_TOKEN_REQUEST_URL") !== undefined) {
    findings.add({
      id: "github-actions-oidc-detected",
      severity: "info",
      subject: "ACTIONS_ID_TOKEN_REQUEST_URL",
      message:
        "This is a GitHub Actions job with OIDC. DefaultAzureCredential does not read GitHub's token itself.",
      action:
        "Run azure/login with client-id, tenant-id and subscription-id first: AzureCliCredential then uses that login.",
    });
  }
}

/**
 * A path variable that holds a secret or a file's content instead of a path (a common paste mistake): report what
 * it looks like, never the value, and return `true` so the file is not looked for.
 */
function pathHoldsContent(env: EnvironmentReader, name: string, findings: FindingList): boolean {
  const value = env.get(name);
  const shape = value === undefined ? null : describeSecretShape(value);
  if (shape === null) return false;
  findings.add({
    id: "path-holds-content",
    severity: "problem",
    subject: name,
    message: `${name} is ${notShown(shape, "a path")}. Identity treats it as a file name and will not find that file.`,
    action: `Save the content to a file, set ${name} to that file's path, and replace the secret if it was shared or logged.`,
  });
  return true;
}

/**
 * Inspects the machine for DefaultAzureCredential. Never throws for any environment or file content; never
 * contacts the network or runs a program. Secrets are checked locally and never copied into the report.
 *
 * @example
 * ```ts
 * const report = inspectMachine({ env: process.env });
 * console.log(report.prediction.summary, report.prediction.nextStep);
 * ```
 */
export function inspectMachine(options: InspectMachineOptions): DoctorReport {
  const platform = options.platform ?? process.platform;
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const env = createEnvironmentReader(options.env, platform);
  const findings = new FindingList();
  const machine = detectMachineFacts(env, platform, cwd, options.machine);

  const tokenCredentials = inspectTokenCredentials(env, findings);
  const authorityHost = inspectAuthorityHost(env, findings);
  const environmentCredential = decideEnvironmentCredential(env);
  checkIdentityValues(env, environmentCredential, findings);

  const certificatePath = pathHoldsContent(env, "AZURE_CLIENT_CERTIFICATE_PATH", findings)
    ? undefined
    : env.get("AZURE_CLIENT_CERTIFICATE_PATH");
  const certificate =
    certificatePath !== undefined && environmentCredential.mode === "client-certificate"
      ? inspectCertificateFile(
          certificatePath,
          env.get("AZURE_CLIENT_CERTIFICATE_PASSWORD"),
          cwd,
          now,
          findings,
        )
      : null;
  const tokenFile = pathHoldsContent(env, "AZURE_FEDERATED_TOKEN_FILE", findings)
    ? undefined
    : env.get("AZURE_FEDERATED_TOKEN_FILE");
  const federatedToken =
    tokenFile === undefined ? null : inspectFederatedTokenFile(tokenFile, cwd, now, findings);

  const managedIdentity = detectManagedIdentitySource(env, machine.arcAgentInstalled, findings);
  const proxy = inspectProxy(env, managedIdentityHostName(managedIdentity), machine.azureVm, findings);
  const developerTools = findDeveloperTools(env, platform, cwd);
  noteHosts(env, findings);

  const inputs = {
    env,
    tokenCredentials,
    authorityHost,
    proxy,
    environmentCredential,
    managedIdentity,
    msalSource: msalSource(env, machine.arcAgentInstalled),
    tools: developerTools,
    machine,
    findings,
  };
  const chain = predictMembers(inputs);
  const prediction = predictOutcome(chain, inputs);
  return {
    identityRules: IDENTITY_RULES_VERSION,
    identityVersion:
      options.identityVersion === undefined ? installedIdentityVersion(cwd) : options.identityVersion,
    platform,
    variables: collectVariables(env),
    environmentCredential,
    certificate,
    federatedToken,
    managedIdentity,
    developerTools,
    tokenCredentials,
    authorityHost,
    proxy,
    azureVm: machine.azureVm,
    findings: findings.items,
    chain,
    prediction,
    problems: findings.items.filter((f) => f.severity === "problem").length,
  };
}

/** Whether `doctor` should exit 0: the chain is predicted to work and no problem was found. */
export function isHealthy(report: DoctorReport): boolean {
  return report.prediction.verdict === "works" && report.problems === 0;
}
