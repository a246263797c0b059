/**
 * Which host ManagedIdentityCredential would use, in the order identity 4.13.1 and msal-node 5 decide:
 * identity's token exchange first (AKS workload identity), then msal-node's sources — Service Fabric, App Service,
 * Azure Machine Learning, Cloud Shell, Azure Arc (variables, or the agent installed) — and IMDS otherwise.
 */
import type { EnvironmentReader } from "./environment.js";
import type { FindingList } from "./findings.js";
import { maskId, sanitizeUrl } from "./mask.js";
import type { ManagedIdentityReport, ManagedIdentitySource } from "./types.js";

export const IMDS_HOST = "169.254.169.254";
const IMDS_ENDPOINT = `http://${IMDS_HOST}/metadata/identity/oauth2/token`;
const ARC_DEFAULT_ENDPOINT = "http://127.0.0.1:40342/metadata/identity/oauth2/token";

interface SourceRule {
  readonly source: Exclude<ManagedIdentitySource, "TokenExchange" | "Imds">;
  readonly host: string;
  readonly variables: readonly string[];
  readonly endpointVariable: string;
}

/** msal-node's order: the first source whose variables are all set wins. */
const SOURCES: readonly SourceRule[] = [
  {
    source: "ServiceFabric",
    host: "Service Fabric",
    variables: ["IDENTITY_ENDPOINT", "IDENTITY_HEADER", "IDENTITY_SERVER_THUMBPRINT"],
    endpointVariable: "IDENTITY_ENDPOINT",
  },
  {
    source: "AppService",
    host: "App Service (also Azure Functions and Container Apps)",
    variables: ["IDENTITY_ENDPOINT", "IDENTITY_HEADER"],
    endpointVariable: "IDENTITY_ENDPOINT",
  },
  {
    source: "MachineLearning",
    host: "Azure Machine Learning",
    variables: ["MSI_ENDPOINT", "MSI_SECRET"],
    endpointVariable: "MSI_ENDPOINT",
  },
  {
    source: "CloudShell",
    host: "Cloud Shell",
    variables: ["MSI_ENDPOINT"],
    endpointVariable: "MSI_ENDPOINT",
  },
  {
    source: "AzureArc",
    host: "Azure Arc",
    variables: ["IDENTITY_ENDPOINT", "IMDS_ENDPOINT"],
    endpointVariable: "IDENTITY_ENDPOINT",
  },
];

/** What msal-node would pick, ignoring identity's token exchange (the constructor's view). */
export function msalSource(env: EnvironmentReader, arcAgentInstalled: boolean): ManagedIdentitySource {
  const rule = SOURCES.find((r) => r.variables.every((name) => env.get(name) !== undefined));
  if (rule) return rule.source;
  return arcAgentInstalled ? "AzureArc" : "Imds";
}

export function detectManagedIdentitySource(
  env: EnvironmentReader,
  arcAgentInstalled: boolean,
  findings: FindingList,
): ManagedIdentityReport {
  const clientId = env.get("AZURE_CLIENT_ID");
  const userAssignedClientId = clientId === undefined ? null : maskId(clientId);
  if (
    clientId !== undefined &&
    env.get("AZURE_TENANT_ID") !== undefined &&
    env.get("AZURE_FEDERATED_TOKEN_FILE") !== undefined
  ) {
    return {
      source: "TokenExchange",
      host: "AKS workload identity (token exchange)",
      decidedBy: ["AZURE_FEDERATED_TOKEN_FILE", "AZURE_CLIENT_ID", "AZURE_TENANT_ID"],
      endpoint: null,
      probe: false,
      userAssignedClientId,
    };
  }
  const rule = SOURCES.find((r) => r.variables.every((name) => env.get(name) !== undefined));
  if (rule) {
    const raw = env.get(rule.endpointVariable) ?? "";
    const endpoint = sanitizeUrl(raw);
    if (endpoint === null) {
      findings.add({
        id: "managed-identity-endpoint-invalid",
        severity: "problem",
        subject: rule.endpointVariable,
        message: `${rule.endpointVariable} is not a valid URL, so ManagedIdentityCredential cannot reach the ${rule.host} endpoint.`,
        action: `Leave ${rule.endpointVariable} as the platform sets it; do not override it in app settings.`,
        knowledgeId: "managed-identity-endpoint-error",
      });
    }
    return {
      source: rule.source,
      host: rule.host,
      decidedBy: [...rule.variables],
      endpoint,
      probe: false,
      userAssignedClientId,
    };
  }
  if (arcAgentInstalled) {
    return {
      source: "AzureArc",
      host: "Azure Arc (agent installed)",
      decidedBy: [],
      endpoint: ARC_DEFAULT_ENDPOINT,
      probe: false,
      userAssignedClientId,
    };
  }
  const podHost = env.get("AZURE_POD_IDENTITY_AUTHORITY_HOST");
  if (podHost !== undefined) {
    return {
      source: "Imds",
      host: "IMDS at AZURE_POD_IDENTITY_AUTHORITY_HOST",
      decidedBy: ["AZURE_POD_IDENTITY_AUTHORITY_HOST"],
      endpoint: sanitizeUrl(podHost),
      probe: false,
      userAssignedClientId,
    };
  }
  return {
    source: "Imds",
    host: "IMDS (Azure virtual machines, scale sets, AKS nodes)",
    decidedBy: [],
    endpoint: IMDS_ENDPOINT,
    probe: true,
    userAssignedClientId,
  };
}

/** The host name the managed identity requests go to, for the proxy check. */
export function managedIdentityHostName(report: ManagedIdentityReport): string | null {
  if (report.endpoint === null) return null;
  try {
    return new URL(report.endpoint).hostname;
  } catch {
    return null;
  }
}
