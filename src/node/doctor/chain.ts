/**
 * Predicts, member by member, what DefaultAzureCredential (identity 4.13.1) would do on this machine, and what the
 * chain as a whole would return. The rules: a member whose constructor throws is replaced by a stand-in that
 * returns nothing; "unavailable" moves the chain on; EnvironmentCredential's failures stop it; the other members'
 * failures are unavailable or AuthenticationRequiredError, which move the chain on without a word.
 */
import type { EnvironmentReader } from "./environment.js";
import type { FindingList } from "./findings.js";
import type { MachineFacts } from "./machine.js";
import { IMDS_HOST } from "./managedIdentitySource.js";
import { maskId } from "./mask.js";
import { DEFAULT_CHAIN, selectedMembers, type ChainMemberName } from "./tokenCredentials.js";
import type {
  AuthorityHostReport,
  ChainMemberReport,
  ChainPrediction,
  DeveloperToolReport,
  EnvironmentCredentialReport,
  ManagedIdentityReport,
  ManagedIdentitySource,
  ProxyReport,
  TokenCredentialsReport,
} from "./types.js";

export interface ChainInputs {
  readonly env: EnvironmentReader;
  readonly tokenCredentials: TokenCredentialsReport;
  readonly authorityHost: AuthorityHostReport;
  readonly proxy: ProxyReport;
  readonly environmentCredential: EnvironmentCredentialReport;
  readonly managedIdentity: ManagedIdentityReport;
  /** msal-node's source as the constructor sees it (token exchange aside). */
  readonly msalSource: ManagedIdentitySource;
  readonly tools: readonly DeveloperToolReport[];
  readonly machine: MachineFacts;
  readonly findings: FindingList;
}

type Prediction = Omit<ChainMemberReport, "credential">;

const unavailable = (reason: string): Prediction => ({
  prediction: "unavailable",
  reason,
  likely: false,
  stopsChain: false,
});
const dropped = (reason: string): Prediction => ({
  prediction: "dropped",
  reason,
  likely: false,
  stopsChain: false,
});
const tries = (reason: string): Prediction => ({
  prediction: "tries",
  reason,
  likely: true,
  stopsChain: false,
});
const maybe = (reason: string, likely: boolean): Prediction => ({
  prediction: "maybe",
  reason,
  likely,
  stopsChain: false,
});
const fails = (reason: string, stopsChain: boolean): Prediction => ({
  prediction: "fails",
  reason,
  likely: false,
  stopsChain,
});

/** Why a credential that builds an HTTP client in its constructor cannot be built here; `null` when it can. */
function httpClientBlocker(inputs: ChainInputs): string | null {
  if (!inputs.authorityHost.https) return "its constructor throws: AZURE_AUTHORITY_HOST is not https";
  if (!inputs.proxy.validUrl)
    return `its constructor throws: ${inputs.proxy.variable ?? "the proxy"} is not a valid URL`;
  return null;
}

const TENANT_ID = /^[0-9a-zA-Z.-]+$/;

/** A short reason naming the first problem found about `subjects`; the finding itself carries the full sentence. */
function firstProblem(inputs: ChainInputs, subjects: readonly string[]): string | null {
  const finding = inputs.findings.problemsAbout(...subjects)[0];
  return finding === undefined ? null : `the problem found with ${finding.subject} (check ${finding.id})`;
}

function environmentMember(inputs: ChainInputs): Prediction {
  const { env, environmentCredential: ec } = inputs;
  const tenant = env.get("AZURE_TENANT_ID");
  if (tenant !== undefined && !TENANT_ID.test(tenant))
    return dropped("its constructor throws: AZURE_TENANT_ID is not a valid tenant id");
  if (ec.mode === null) {
    return unavailable(
      ec.missing.length > 0
        ? `no complete set of variables (${ec.missing.join(", ")} missing)`
        : env.get("AZURE_CLIENT_ID") !== undefined
          ? "no client secret, certificate or user name is set (AZURE_CLIENT_ID alone is for workload or managed identity)"
          : "none of its variables are set (AZURE_TENANT_ID, AZURE_CLIENT_ID and a secret, certificate or user name and password)",
    );
  }
  const blocker = httpClientBlocker(inputs);
  if (blocker) return dropped(blocker);
  const subjects = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"];
  if (ec.mode === "client-secret") subjects.push("AZURE_CLIENT_SECRET");
  if (ec.mode === "client-certificate")
    subjects.push("AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_CLIENT_CERTIFICATE_PASSWORD");
  if (ec.mode === "username-password") subjects.push("AZURE_USERNAME", "AZURE_PASSWORD");
  const problem = firstProblem(inputs, subjects);
  if (problem) return fails(problem, true);
  const how =
    ec.mode === "client-secret"
      ? "a client secret"
      : ec.mode === "client-certificate"
        ? "a certificate"
        : "a user name and password";
  return tries(`signs in as app ${maskId(env.get("AZURE_CLIENT_ID") ?? "")} with ${how}`);
}

function workloadConfigured(env: EnvironmentReader): boolean {
  return env.get("AZURE_CLIENT_ID") !== undefined && env.get("AZURE_FEDERATED_TOKEN_FILE") !== undefined;
}

const WORKLOAD_SUBJECTS = ["AZURE_FEDERATED_TOKEN_FILE", "AZURE_CLIENT_ID", "AZURE_TENANT_ID"];

function workloadMember(inputs: ChainInputs): Prediction {
  const { env } = inputs;
  const tenant = env.get("AZURE_TENANT_ID");
  if (tenant !== undefined && !TENANT_ID.test(tenant))
    return dropped("its constructor throws: AZURE_TENANT_ID is not a valid tenant id");
  const missing = WORKLOAD_SUBJECTS.filter((name) => env.get(name) === undefined);
  if (missing.length > 0)
    return dropped(`not configured: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set`);
  if (!workloadConfigured(env)) return dropped("not configured");
  const blocker = httpClientBlocker(inputs);
  if (blocker) return dropped(blocker);
  const problem = firstProblem(inputs, WORKLOAD_SUBJECTS);
  if (problem) return fails(`${problem}; the chain then moves on without saying so`, false);
  return tries(`exchanges the federated token for app ${maskId(env.get("AZURE_CLIENT_ID") ?? "")}`);
}

function managedIdentityMember(inputs: ChainInputs): Prediction {
  const { env, managedIdentity: mi, proxy, machine } = inputs;
  const blocker = httpClientBlocker(inputs);
  if (blocker) return dropped(blocker);
  const clientId = env.get("AZURE_CLIENT_ID");
  if (
    clientId !== undefined &&
    (inputs.msalSource === "CloudShell" || inputs.msalSource === "ServiceFabric")
  ) {
    return dropped(
      `its constructor throws: ${inputs.msalSource === "CloudShell" ? "Cloud Shell" : "Service Fabric"} does not accept a user-assigned identity, and AZURE_CLIENT_ID asks for one`,
    );
  }
  const who =
    mi.userAssignedClientId === null
      ? "the system-assigned identity"
      : `the user-assigned identity ${mi.userAssignedClientId} (AZURE_CLIENT_ID)`;
  if (mi.source === "TokenExchange") {
    const problem = firstProblem(inputs, WORKLOAD_SUBJECTS);
    if (problem) return fails(`${problem}; the chain then moves on`, false);
    return tries("exchanges the federated token (the same request as WorkloadIdentityCredential)");
  }
  if (proxy.catchesManagedIdentity && !(mi.source === "Imds" && mi.probe && machine.azureVm !== true)) {
    return fails(
      `${proxy.variable ?? "the proxy"} catches ${proxy.managedIdentityHost ?? "the endpoint"} (the chain then moves on)`,
      false,
    );
  }
  if (inputs.findings.has("managed-identity-endpoint-invalid"))
    return fails("the endpoint variable is not a valid URL (the chain then moves on)", false);
  if (mi.source !== "Imds" || !mi.probe) return tries(`asks the ${mi.host} endpoint for a token for ${who}`);
  const probed = inputs.tokenCredentials.selection !== "ManagedIdentityCredential";
  if (machine.azureVm === true) return tries(`asks IMDS on this Azure VM for a token for ${who}`);
  if (machine.azureVm === false) {
    return probed
      ? unavailable(`its probe of ${IMDS_HOST} fails: this is not an Azure VM`)
      : fails(
          `not an Azure VM, and with AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential there is no probe: IMDS requests are retried for about 20 s before it gives up`,
          false,
        );
  }
  return maybe(
    probed
      ? `only on Azure compute with a managed identity: DefaultAzureCredential probes ${IMDS_HOST} first (up to 1 s)`
      : `only on Azure compute with a managed identity (no probe: off Azure, IMDS requests are retried for about 20 s)`,
    false,
  );
}

function toolPath(inputs: ChainInputs, name: DeveloperToolReport["name"]): DeveloperToolReport | undefined {
  return inputs.tools.find((t) => t.name === name && t.path !== null);
}

function memberPrediction(name: ChainMemberName, inputs: ChainInputs): Prediction {
  switch (name) {
    case "EnvironmentCredential":
      return environmentMember(inputs);
    case "WorkloadIdentityCredential":
      return workloadMember(inputs);
    case "ManagedIdentityCredential":
      return managedIdentityMember(inputs);
    case "VisualStudioCodeCredential":
      return inputs.machine.vscodePluginInstalled
        ? maybe(
            "only if the app registers @azure/identity-vscode (useIdentityPlugin) and you signed in with VS Code's Azure Resources extension",
            false,
          )
        : unavailable("@azure/identity-vscode is not installed here");
    case "AzureCliCredential": {
      const az = toolPath(inputs, "az");
      if (!az) return unavailable("az is not on PATH");
      if (az.signedIn === false)
        return unavailable(
          `az (${az.path ?? ""}) is installed, but its profile lists no account: it reports 'Please run az login'`,
        );
      return maybe(
        az.signedIn === true
          ? `az (${az.path ?? ""}) is signed in according to its profile (its login may still need renewing)`
          : `az (${az.path ?? ""}) is installed; it answers if you have run az login (doctor does not run az)`,
        true,
      );
    }
    case "AzurePowerShellCredential": {
      const pwsh = toolPath(inputs, "pwsh");
      return pwsh
        ? maybe(
            `${pwsh.path ?? "pwsh"} is installed; it answers if the Az.Accounts module is installed and Connect-AzAccount was run`,
            false,
          )
        : unavailable("pwsh is not on PATH");
    }
    case "AzureDeveloperCliCredential": {
      const azd = toolPath(inputs, "azd");
      return azd
        ? maybe(`azd (${azd.path ?? ""}) is installed; it answers if you have run azd auth login`, true)
        : unavailable("azd is not on PATH");
    }
    case "BrokerCredential": {
      if (!inputs.machine.brokerPluginInstalled)
        return dropped("its constructor throws: @azure/identity-broker is not installed here");
      const blocker = httpClientBlocker(inputs);
      if (blocker) return dropped(blocker);
      return maybe(
        "Windows only: the account signed in to Windows, if the app registers @azure/identity-broker",
        false,
      );
    }
  }
}

export function predictMembers(inputs: ChainInputs): ChainMemberReport[] {
  const selected = selectedMembers(inputs.tokenCredentials);
  return DEFAULT_CHAIN.map((credential) => {
    if (selected === null) {
      return {
        credential,
        prediction: "excluded",
        reason: "AZURE_TOKEN_CREDENTIALS is invalid: DefaultAzureCredential's constructor throws",
        likely: false,
        stopsChain: false,
      };
    }
    if (!selected.includes(credential)) {
      return {
        credential,
        prediction: "excluded",
        reason: `left out by AZURE_TOKEN_CREDENTIALS=${inputs.tokenCredentials.value ?? ""}`,
        likely: false,
        stopsChain: false,
      };
    }
    return { credential, ...memberPrediction(credential, inputs) };
  });
}

const GENERIC_SETUP =
  "For local development install the Azure CLI and run az login; on Azure, enable a managed identity for the app; elsewhere set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH).";
/** The same, for a chain AZURE_TOKEN_CREDENTIALS limits to the deployed-service members: no developer tool advice. */
const PROD_SETUP =
  "On Azure, enable a managed identity for the app (set AZURE_CLIENT_ID for a user-assigned one); on AKS, set up workload identity; elsewhere set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH).";

export function predictOutcome(members: readonly ChainMemberReport[], inputs: ChainInputs): ChainPrediction {
  const problems = inputs.findings.items.filter((f) => f.severity === "problem");
  const firstAction = problems.find((p) => p.action !== null)?.action ?? null;
  if (!inputs.tokenCredentials.valid) {
    return {
      verdict: "fails",
      firstResponder: null,
      summary:
        "DefaultAzureCredential cannot even be built: its constructor throws on AZURE_TOKEN_CREDENTIALS.",
      nextStep: firstAction ?? "Unset AZURE_TOKEN_CREDENTIALS.",
    };
  }
  const quiet: ChainMemberReport[] = [];
  const uncertain: ChainMemberReport[] = [];
  for (const member of members) {
    if (
      member.prediction === "excluded" ||
      member.prediction === "dropped" ||
      member.prediction === "unavailable"
    )
      continue;
    if (member.prediction === "fails") {
      if (member.stopsChain) {
        return {
          verdict: "fails",
          firstResponder: member.credential,
          summary: `${member.credential} would fail and stop the chain: ${member.reason}`,
          nextStep: firstAction ?? `Fix ${member.credential}'s configuration.`,
        };
      }
      quiet.push(member);
      continue;
    }
    if (member.prediction === "maybe" && !member.likely) {
      uncertain.push(member);
      continue;
    }
    const before =
      quiet.length > 0
        ? ` First ${quiet.map((q) => q.credential).join(" and ")} would fail without a word, so the token would come from ${member.credential}, not from the identity configured for ${quiet.length === 1 ? "it" : "them"}.`
        : "";
    const summary =
      member.prediction === "tries"
        ? `${member.credential} would answer first: it ${member.reason}.${before}`
        : `${member.credential} would answer first, if it can: ${member.reason}.${before}`;
    const nextStep =
      firstAction ??
      (quiet.length > 0
        ? `Fix ${quiet[0]?.credential ?? "the failing member"} (see above), or unset its variables if ${member.credential} is the identity you want.`
        : member.prediction === "tries"
          ? "Nothing to fix here. Run doctor --live to ask for a token for real (Microsoft Entra ID may still refuse the credential)."
          : `Run doctor --live to check that ${member.credential} really returns a token.`);
    return { verdict: "works", firstResponder: member.credential, summary, nextStep };
  }
  const unless =
    uncertain.length > 0
      ? ` (unless ${uncertain.map((u) => `${u.credential} answers, ${u.reason}`).join("; ")})`
      : "";
  const az = inputs.tools.find((t) => t.name === "az");
  const included = (name: string): boolean =>
    members.some((m) => m.credential === name && m.prediction !== "excluded");
  const fallback =
    az?.path != null && az.signedIn === false && included("AzureCliCredential")
      ? "Run az login (AzureCliCredential then answers)."
      : inputs.machine.azureVm === true
        ? "Enable a managed identity on this VM (or assign a user-assigned one and set AZURE_CLIENT_ID to its client id), then give it a role on the resource."
        : inputs.env.get("SYSTEM_OIDCREQUESTURI") !== undefined
          ? "In Azure Pipelines, run the code in an AzureCLI@2 task (AzureCliCredential then uses its service connection), or use AzurePipelinesCredential."
          : included("AzureCliCredential")
            ? GENERIC_SETUP
            : PROD_SETUP;
  return {
    verdict: "fails",
    firstResponder: null,
    summary: `No member is expected to return a token${unless}${quiet.length > 0 ? `; ${quiet.map((q) => q.credential).join(" and ")} would fail without a word` : ""}.`,
    nextStep: firstAction ?? fallback,
  };
}
