/** The variables identity and the hosts it recognises read, how each may be shown, and who reads it. */
import type { EnvironmentReader } from "./environment.js";
import { maskValue } from "./mask.js";
import type { VariableKind, VariableReport } from "./types.js";

interface KnownVariable {
  readonly kind: VariableKind;
  readonly usedBy: string;
}

const ENV = "EnvironmentCredential";
const WORKLOAD = "WorkloadIdentityCredential";
const MI = "ManagedIdentityCredential";

/** Names are matched exactly (identity reads them in upper case; proxies in both cases). */
export const KNOWN_VARIABLES: Readonly<Record<string, KnownVariable>> = {
  AZURE_TENANT_ID: { kind: "id", usedBy: `${ENV}, ${WORKLOAD}, ${MI} (token exchange)` },
  AZURE_CLIENT_ID: { kind: "id", usedBy: `${ENV}, ${WORKLOAD}, ${MI} (user-assigned identity)` },
  AZURE_CLIENT_SECRET: { kind: "secret", usedBy: ENV },
  AZURE_CLIENT_CERTIFICATE_PATH: { kind: "path", usedBy: ENV },
  AZURE_CLIENT_CERTIFICATE_PASSWORD: { kind: "secret", usedBy: ENV },
  AZURE_CLIENT_SEND_CERTIFICATE_CHAIN: { kind: "value", usedBy: ENV },
  AZURE_USERNAME: { kind: "user", usedBy: ENV },
  AZURE_PASSWORD: { kind: "secret", usedBy: ENV },
  AZURE_ADDITIONALLY_ALLOWED_TENANTS: { kind: "value", usedBy: ENV },
  AZURE_AUTHORITY_HOST: { kind: "url", usedBy: "every credential that talks to Microsoft Entra ID" },
  AZURE_FEDERATED_TOKEN_FILE: { kind: "path", usedBy: `${WORKLOAD}, ${MI} (token exchange)` },
  AZURE_TOKEN_CREDENTIALS: { kind: "value", usedBy: "DefaultAzureCredential (which members it builds)" },
  AZURE_POD_IDENTITY_AUTHORITY_HOST: { kind: "url", usedBy: `${MI} (IMDS address; turns the probe off)` },
  AZURE_REGIONAL_AUTHORITY_NAME: {
    kind: "value",
    usedBy: "confidential client credentials (regional token service)",
  },
  AZURE_IDENTITY_DISABLE_MULTITENANTAUTH: {
    kind: "value",
    usedBy: "every credential (ignores requested tenants)",
  },
  AZURE_KUBERNETES_TOKEN_PROXY: { kind: "url", usedBy: `${WORKLOAD} (enableAzureProxy)` },
  AZURE_LOG_LEVEL: { kind: "value", usedBy: "@azure/logger" },
  AZURE_CONFIG_DIR: { kind: "path", usedBy: "az (its profile and token cache)" },
  IDENTITY_ENDPOINT: { kind: "url", usedBy: `${MI} (App Service, Service Fabric, Azure Arc)` },
  IDENTITY_HEADER: { kind: "secret", usedBy: `${MI} (App Service, Service Fabric)` },
  IDENTITY_SERVER_THUMBPRINT: { kind: "value", usedBy: `${MI} (Service Fabric)` },
  IMDS_ENDPOINT: { kind: "url", usedBy: `${MI} (Azure Arc)` },
  MSI_ENDPOINT: { kind: "url", usedBy: `${MI} (Cloud Shell, Azure Machine Learning)` },
  MSI_SECRET: { kind: "secret", usedBy: `${MI} (Azure Machine Learning)` },
  SYSTEM_OIDCREQUESTURI: { kind: "url", usedBy: "AzurePipelinesCredential (not in DefaultAzureCredential)" },
  SYSTEM_ACCESSTOKEN: { kind: "secret", usedBy: "AzurePipelinesCredential (not in DefaultAzureCredential)" },
  AZURESUBSCRIPTION_CLIENT_ID: { kind: "id", usedBy: "AzureCLI@2 / AzurePowerShell@5 tasks" },
  AZURESUBSCRIPTION_TENANT_ID: { kind: "id", usedBy: "AzureCLI@2 / AzurePowerShell@5 tasks" },
  AZURESUBSCRIPTION_SERVICE_CONNECTION_ID: { kind: "id", usedBy: "AzureCLI@2 / AzurePowerShell@5 tasks" },
  ACTIONS_ID_TOKEN_REQUEST_URL: {
    kind: "url",
    usedBy: "GitHub Actions OIDC (not in DefaultAzureCredential)",
  },
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: {
    kind: "secret",
    usedBy: "GitHub Actions OIDC (not in DefaultAzureCredential)",
  },
  WEBSITE_SITE_NAME: { kind: "value", usedBy: "App Service host marker" },
  KUBERNETES_SERVICE_HOST: { kind: "value", usedBy: "Kubernetes host marker" },
  TF_BUILD: { kind: "value", usedBy: "Azure Pipelines host marker" },
  GITHUB_ACTIONS: { kind: "value", usedBy: "GitHub Actions host marker" },
  HTTPS_PROXY: { kind: "url", usedBy: "proxy for identity's HTTP requests" },
  https_proxy: { kind: "url", usedBy: "proxy for identity's HTTP requests" },
  ALL_PROXY: { kind: "url", usedBy: "proxy for identity's HTTP requests" },
  all_proxy: { kind: "url", usedBy: "proxy for identity's HTTP requests" },
  HTTP_PROXY: { kind: "url", usedBy: "proxy for identity's HTTP requests" },
  http_proxy: { kind: "url", usedBy: "proxy for identity's HTTP requests" },
  NO_PROXY: { kind: "value", usedBy: "hosts identity reaches without the proxy" },
  no_proxy: { kind: "value", usedBy: "hosts identity reaches without the proxy" },
};

/** Other variables in identity's namespaces are listed too, with their values hidden: they may be keys. */
const IDENTITY_NAMESPACE = /^(?:AZURE_|IDENTITY_|MSI_|IMDS_|AZURESUBSCRIPTION_)/;

/** Every relevant variable that is set, known ones first in catalogue order, values masked. */
export function collectVariables(env: EnvironmentReader): VariableReport[] {
  const present = new Set(env.names());
  const reports: VariableReport[] = [];
  for (const [name, known] of Object.entries(KNOWN_VARIABLES)) {
    const value = present.has(name) ? env.get(name) : undefined;
    if (value === undefined) continue;
    reports.push({
      name,
      source: "environment",
      kind: known.kind,
      shown: maskValue(known.kind, value),
      usedBy: known.usedBy,
    });
  }
  const others = [...present]
    .filter((name) => !(name in KNOWN_VARIABLES) && IDENTITY_NAMESPACE.test(name))
    .sort();
  for (const name of others) {
    reports.push({
      name,
      source: "environment",
      kind: "unknown",
      shown: maskValue("unknown", ""),
      usedBy: "not read by identity",
    });
  }
  return reports;
}
