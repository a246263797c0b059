/** The sources and example messages (each runtime's wording) of the entries in ../entries/goDotnet.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const goDotnetExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "visual-studio-sign-in-needed": {
    sources: ["written"],
    examples: [
      {
        text: "Azure.Identity.CredentialUnavailableException: Process \"C:\\Program Files\\Microsoft Visual Studio\\2022\\Community\\Common7\\IDE\\CommonExtensions\\Microsoft\\Asal\\TokenService\\Microsoft.Asal.TokenService.exe\" has failed with unexpected error: TS003: Error, TS001: This account 'dev@contoso.com' needs re-authentication. Please go to Tools->Options->Azure Services Authentication, and re-authenticate the account you want to use..",
        runtime: "dotnet",
        source: "written",
      },
      {
        text: "VisualStudioCredential authentication failed: TS003: Error, TS005: No accounts found. Please go to Tools->Options->Azure Services Authentication, and add an account to be authenticated to Azure services during development.",
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "visual-studio-token-service-timeout": {
    sources: ["written"],
    examples: [
      {
        text: 'Azure.Identity.CredentialUnavailableException: Process "C:\\Program Files\\Microsoft Visual Studio\\2022\\Enterprise\\Common7\\IDE\\CommonExtensions\\Microsoft\\Asal\\TokenService\\Microsoft.Asal.TokenService.exe" has failed to get access token in 30 seconds.',
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "azure-cli-arguments-unsupported": {
    sources: ["written"],
    examples: [
      {
        text: "Error: building AzureRM Client: obtain subscription from Azure CLI: running Azure CLI: exit status 2: az: error: unrecognized arguments: --only-show-errors",
        runtime: "go",
        source: "written",
      },
    ],
  },
  "azure-cli-token-file-unreadable": {
    sources: ["written"],
    examples: [
      {
        text: "Error: Error building AzureRM Client: Error populating Client ID from the Azure CLI: No Authorization Tokens were found - please ensure the Azure CLI is installed and then log-in with `az login`.",
        runtime: "go",
        source: "written",
      },
    ],
  },
  "authority-path-read-as-tenant": {
    sources: ["written"],
    examples: [
      {
        text: "Microsoft.Identity.Client.MsalServiceException: AADSTS900023: Specified tenant identifier 'authorize' is neither a valid DNS name, nor a valid external domain. Trace ID: 0d6c2f1e-5b0a-4d64-9b7e-3a2f1c8e4d00 Correlation ID: 7e1b9c44-2d3a-4f6b-8c1d-5a9e0f3b2c11 Timestamp: 2025-03-04 10:11:12Z",
        runtime: "dotnet",
        source: "written",
      },
      {
        text: 'adal: Refresh request failed. Status Code = \'400\'. Response body: {"error":"invalid_request","error_description":"AADSTS900023: Specified tenant identifier \'token\' is neither a valid DNS name, nor a valid external domain."}',
        runtime: "go",
        source: "written",
      },
    ],
  },
  "imds-retries-network-unreachable": {
    sources: ["written"],
    examples: [
      {
        text: "Azure.Identity.CredentialUnavailableException: ManagedIdentityCredential authentication unavailable. Multiple attempts failed to obtain a token from the managed identity endpoint.\n ---> System.AggregateException: Retry failed after 4 tries. (A socket operation was attempted to an unreachable network. (169.254.169.254:80))",
        runtime: "dotnet",
        source: "written",
      },
      {
        text: 'ManagedIdentityCredential: Multiple attempts failed to obtain a token from the managed identity endpoint. Get "http://169.254.169.254/metadata/identity/oauth2/token": dial tcp 169.254.169.254:80: connect: network is unreachable',
        runtime: "go",
        source: "written",
      },
    ],
  },
  "client-assertion-clock-skew": {
    sources: ["written"],
    examples: [
      {
        text: "Microsoft.Identity.Client.MsalServiceException: AADSTS70002: Error validating credentials. AADSTS50012: Client assertion is not within its valid time range. Trace ID: 3b1f0c2d-9a4e-4e71-8f5a-2c6d7e8f9a00 Correlation ID: 5c2d3e4f-6a7b-4c8d-9e0f-1a2b3c4d5e6f Timestamp: 2025-01-15 08:00:00Z",
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "client-assertion-signing-key-unsupported": {
    sources: ["written"],
    examples: [
      {
        text: "Microsoft.Identity.Client.MsalServiceException: AADSTS5002730: Invalid JWT token. Unsupported key for the signing algorithm. Trace ID: 8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c00 Correlation ID: 1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9 Timestamp: 2025-02-20 14:30:00Z",
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "service-key-auth-disabled": {
    sources: ["written"],
    examples: [
      {
        text: 'Azure.RequestFailedException: Service request failed.\nStatus: 403 (Forbidden)\n\nContent:\n{"error":{"code":"AuthenticationTypeDisabled","message":"Key based authentication is disabled for this resource."}}',
        runtime: "dotnet",
        source: "written",
      },
      {
        text: "RESPONSE 403: 403 Key based authentication is not permitted on this storage account.\nERROR CODE: KeyBasedAuthenticationNotPermitted",
        runtime: "go",
        source: "written",
      },
    ],
  },
};
