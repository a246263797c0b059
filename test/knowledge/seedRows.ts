/** Every row id of the seed README (../shared/seeds/README.md), committed here because CI clones only this repo. */
export const SEED_ROWS: readonly { id: string; summary: string }[] = [
  {
    id: "GEN-01",
    summary:
      "an authentication error raised by any service call (token requested lazily, on first call and on refresh)",
  },
  {
    id: "GEN-02",
    summary: "credential unavailable (cannot authenticate in this environment; a chain moves on)",
  },
  { id: "GEN-03", summary: "service answers 401/403 after a token was obtained" },
  {
    id: "GEN-04",
    summary: "reading an STS error: failing credential type, STS code and message, correlation ID, timestamp",
  },
  { id: "GEN-05", summary: "logging" },
  {
    id: "DAC-01",
    summary:
      '"DefaultAzureCredential failed to retrieve/acquire a token" \u2014 every credential in the chain unavailable',
  },
  { id: "DAC-02", summary: "401/403 from the service after DefaultAzureCredential succeeded" },
  { id: "DAC-03", summary: '"managed identity timed out"' },
  { id: "ENV-01", summary: "EnvironmentCredential: environment variables not fully configured" },
  { id: "SEC-01", summary: "AADSTS7000215 invalid client secret" },
  { id: "SEC-02", summary: "AADSTS7000222 expired client secret" },
  { id: "APP-01", summary: "AADSTS700016 application not found in tenant" },
  { id: "CERT-01", summary: "AADSTS700027 client assertion has an invalid signature" },
  { id: "ASRT-01", summary: "AADSTS700021 assertion app identifier does not match client_id" },
  { id: "ASRT-02", summary: "AADSTS700023 assertion audience does not match" },
  { id: "ASRT-03", summary: "AADSTS50027 JWT invalid or malformed" },
  { id: "UP-01", summary: "AADSTS50126 invalid username or password (001)" },
  { id: "MI-01", summary: "IMDS 400: requested identity not assigned to this resource" },
  { id: "MI-02", summary: "IMDS gateway error 502/504" },
  { id: "MI-03", summary: "no response from the managed identity endpoint / timed out" },
  { id: "MI-04", summary: "multiple attempts failed to obtain a token from the endpoint" },
  {
    id: "MI-05",
    summary:
      'App Service / Functions: managed identity unavailable (IDENTITY_ENDPOINT / IDENTITY_HEADER missing); (go) "...',
  },
  {
    id: "MI-06",
    summary:
      'AKS pod identity: "No managed identity endpoint found" / (go) "no azure identity found for request clientID"',
  },
  { id: "MI-07", summary: "host table: App Service/Functions, Arc, AKS, Service Fabric, VM/VMSS" },
  { id: "CLI-01", summary: "Azure CLI not installed / not found on path" },
  { id: "CLI-02", summary: "Please run 'az login' to set up account (not logged in, or login expired)" },
  { id: "CLI-03", summary: "subscription name contains invalid characters" },
  { id: "AZD-01", summary: "Azure Developer CLI not found" },
  { id: "AZD-02", summary: "Please run 'azd auth login'" },
  { id: "PS-01", summary: "PowerShell not installed" },
  { id: "PS-02", summary: "Az.Accounts module >= 2.2.0 not installed" },
  { id: "PS-03", summary: "Please run 'Connect-AzAccount'" },
  { id: "VSC-01", summary: "VS Code credential: Azure Account extension newer than 0.9.11 (001)" },
  { id: "VSC-02", summary: "failed to read VS Code credentials (001)" },
  { id: "VSC-03", summary: "interaction required: cached VS Code token expired (001)" },
  { id: "VSC-04", summary: "ADFS tenant not supported (001)" },
  {
    id: "WI-01",
    summary:
      'WorkloadIdentityCredential not fully configured / (go) "no client ID/tenant ID/token file specified"',
  },
  {
    id: "AZP-01",
    summary: "AADSTS900023 tenant identifier is neither a valid DNS name nor a valid external domain",
  },
  { id: "AZP-02", summary: "No service connection found with identifier" },
  { id: "AZP-03", summary: "401 from the OIDC endpoint" },
  { id: "AZP-04", summary: "OIDC token not found in response (message from Azure DevOps inside)" },
  { id: "AZP-05", summary: "missing SYSTEM_OIDCREQUESTURI" },
  { id: "AZP-06", summary: "AADSTS700016 for the pipeline's client ID" },
  { id: "MT-01", summary: "credential not configured to acquire tokens for tenant X" },
  { id: "WAM-01", summary: "AADSTS50011 redirect URI missing (broker)" },
  { id: "WAM-02", summary: "Microsoft account sign-in through the Windows broker" },
  {
    id: "ADO-01",
    summary:
      'task does not support workload identity federation: "unsupported protocol scheme" for ?audience=api://Azure...',
  },
  { id: "ADO-02", summary: "the task table itself: which tasks/versions support it, which to upgrade to" },
  {
    id: "ADO-03",
    summary:
      "AADSTS700223 / AADSTS700238: federation disabled or constrained in the tenant; issuer of the org not allowed",
  },
  { id: "ADO-04", summary: "AADSTS70021 with issuer https://app.vstoken.visualstudio.com" },
  { id: "ADO-05", summary: "AADSTS70021 with subject sc://<org>/<project>/<connection>" },
  { id: "ADO-06", summary: "AADSTS700211 no matching federated identity record for the issuer" },
  { id: "ADO-07", summary: "AADSTS700213 no matching federated identity record for the subject" },
  { id: "ADO-08", summary: "AADSTS70025 the app has no federated identity credentials" },
  { id: "ADO-09", summary: "AADSTS700024 client assertion not within its valid time range" },
  { id: "ADO-10", summary: "AADSTS7000215 on a service connection" },
  { id: "ADO-11", summary: "AADSTS700016 on a service connection" },
  { id: "ADO-12", summary: "AADSTS900382 confidential client not supported in cross cloud" },
  { id: "ADO-13", summary: "failed to obtain the JWT using the service principal client ID" },
  { id: "ADO-14", summary: "unrecognized arguments: --federated-token" },
  {
    id: "ADO-15",
    summary:
      'no permission to create a service principal / "Insufficient privileges to complete the operation in Microso...',
  },
  { id: "ADO-16", summary: "an AADSTS code not listed" },
];
