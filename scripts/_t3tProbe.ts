import { explainAuthError } from "../src/index.js";
const probes: [string, string][] = [
  ["credential-expired", "Connect-AzAccount: ClientCertificateCredential authentication failed: Could not find tenant id for provided tenant domain 'x'. Please ensure that the provided service principal 'y' is found in the provided tenant domain."],
  ["token-expired", "Remove-AzResource : The access token expiry UTC time '1/1/2026 1:00:00 AM' is earlier than current UTC time '1/1/2026 2:00:00 AM'."],
  ["token-expired", "Set-AzContext: The access token expiry UTC time '1/1/2026 1:00:00 AM' is earlier than current UTC time '1/1/2026 2:00:00 AM'."],
  ["not-configured", "Connect-AzAccount : Cannot bind argument to parameter 'TenantId' because it is null."],
  ["managed-identity-unavailable", "ERROR: MSI: Failed to retrieve a token from 'http://127.0.0.1:40123/MSI/auth/?resource=https://management.core.windows.net/' with an error of 'Identity not found'."],
  ["not-logged-in", "Error: failed to get token: expected an empty error but received: AzureCLICredential: ERROR: Failed to connect to MSI. Please make sure MSI is configured correctly and check the network connection."],
  ["not-logged-in", "ERROR: fetching current principal id: cli is not logged in. Try running \"azd login\" to fix."],
  ["not-logged-in", "Error: reauthentication required, run `azd auth login --scope https://management.azure.com//.default` to log in"],
  ["not-logged-in", "Run Login-AzureRmAccount to login."],
  ["not-logged-in", "WARNING: Please run 'az login' to access your accounts."],
  ["federation-disabled", "##[error]Auth scheme WorkloadIdentityFederation was not supported"],
  ["federation-disabled", "Error: Unsupported authentication scheme: WorkloadIdentityFederation"],
  ["permission-denied", "##[error]Secret1: \"The user, group or application 'appid=abc;oid=def' does not have secrets get permission on key vault 'kv;location=eastus'.\" The specified Azure service connection needs to have Get, List secret management permissions on the selected key vault. To set these permissions, download the ProvisionKeyVaultPermissions.ps1 script from build/release logs and execute it, or set them from the Azure portal."],
  ["not-configured", "Error: tenantID cannot be empty\nUnable to connect to the server: getting credentials: exec: executable kubelogin failed with exit code 1"],
  ["not-configured", "E1122 kubelogin failed: serverID cannot be empty"],
  ["federation-disabled", "The workflow is not valid. .github/workflows/a.yml (Line: 5, Col: 3): Unexpected value 'id-token'"],
  ["tenant-invalid", "ERROR: Unable to get authority configuration for https://login.microsoftonline.com/bad-tenant. Authority would typically be in a format of https://login.microsoftonline.com/your_tenant Also please double check your tenant name or GUID is correct.\nRun az login --tenant with a valid tenant"],
  ["multi-tenant", "SharedTokenCacheCredential authentication failed: AADSTS70002: The client does not exist or is not enabled for consumers."],
  ["not-configured", "Error: Authenticating using the Azure CLI is only supported as a User (not a Service Principal)."],
  ["tool-missing", "{\"message\":\"Azure CLI not installed\"} running in container image mcr.microsoft.com/example"],
  ["not-logged-in", "Error: building AzureRM Client: Azure CLI Authorization Profile was not found. Please ensure the Azure CLI is installed and then log-in with `az login`."],
];
for (const [want, text] of probes) {
  const d = explainAuthError(text);
  console.log(d.category === want ? "ok  " : "MISS", want.padEnd(30), d.category.padEnd(30), d.matches[0]?.id);
}
