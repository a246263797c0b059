/** The sources and example messages (each runtime's wording) of the entries in ../entries/managedIdentity.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const managedIdentityExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "managed-identity-not-assigned": {
    sources: ["MI-01", "MI-07", "js-guide"],
    examples: [
      {
        text: 'ManagedIdentityCredential authentication failed. the requested identity isn\'t assigned to this resource\nGET http://169.254.169.254/metadata/identity/oauth2/token\nRESPONSE 400: 400 Bad Request\n{\n  "error": "invalid_request",\n  "error_description": "Identity not found"\n}',
        runtime: "go",
        source: "written",
      },
      {
        text: 'adal: Refresh request failed. Status Code = \'400\'. Response body: {"error":"invalid_request","error_description":"Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request"}',
        runtime: "go",
        source: "written",
      },
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message invalid_request: Error(s): Not Available - Timestamp: Not Available - Description: Identity not found - Correlation ID: Not Available - Trace ID: Not Available",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: ManagedIdentityCredential authentication unavailable. The requested identity has not been assigned to this resource. Error: Unexpected response \"{'error': 'invalid_request', 'error_description': 'Identity not found'}\"",
        runtime: "python",
        source: "MI-01",
      },
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message : Error(s): Not Available - Timestamp: Not Available - Description: Unable to load the proper Managed Identity. - Correlation ID: 12345678-90ab-cdef-1234-567890abcdef - Trace ID: Not Available",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "azure.identity.CredentialUnavailableError: ManagedIdentityCredential authentication unavailable. No identity has been assigned to this resource.",
        runtime: "python",
        source: "written",
      },
      {
        text: "com.azure.core.exception.ClientAuthenticationException: Couldn't acquire access token from IMDS, verify your objectId, clientId or msiResourceId",
        runtime: "java",
        source: "written",
      },
    ],
  },
  "imds-gateway-error": {
    sources: ["MI-02"],
    examples: [
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: ManagedIdentityCredential authentication unavailable. The request failed due to a gateway error.",
        runtime: "python",
        source: "MI-02",
      },
      {
        text: "AuthenticationError: ManagedIdentityCredential authentication failed. Status code: 502\nMore details:\nunknown_error Status code: 502\nMore details:\nAn unknown error has occurred. Response body:\n\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "imds-no-response": {
    sources: ["MI-03", "MI-07"],
    examples: [
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message connect ECONNREFUSED 127.0.0.1:40000",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint.",
        runtime: "python",
        source: "MI-03",
      },
      {
        text: "Azure.Identity.CredentialUnavailableException: ManagedIdentityCredential authentication unavailable. No response received from the managed identity endpoint.",
        runtime: "dotnet",
        source: "MI-03",
      },
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential: Network unreachable. Message: network_error: Network request failed",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "ManagedIdentityCredential: IMDS token request timed out",
        runtime: "go",
        source: "written",
      },
    ],
  },
  "imds-not-available": {
    sources: ["MI-03", "MI-07", "js-lab"],
    examples: [
      {
        text: "Microsoft.Azure.Services.AppAuthentication.AzureServiceTokenProviderException: Parameters: Connection String: [No connection string specified], Resource: https://vault.azure.net, Authority: . Exception Message: Tried to get token using Managed Service Identity. Access token could not be acquired. Unable to connect to the Managed Service Identity (MSI) endpoint. Please check that you are running on an Azure resource that has MSI setup.",
        runtime: "dotnet",
        source: "written",
      },
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message Attempted to use the IMDS endpoint, but it is not available.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "imds-retries-exhausted": {
    sources: ["MI-04"],
    examples: [
      {
        text: "Azure.Identity.AuthenticationFailedException: ManagedIdentityCredential authentication failed: Multiple attempts failed to obtain a token from the managed identity endpoint.",
        runtime: "dotnet",
        source: "MI-04",
      },
    ],
  },
  "managed-identity-endpoint-error": {
    sources: ["js-lab"],
    examples: [
      {
        text: "AuthenticationError: ManagedIdentityCredential authentication failed. Status code: 500\nMore details:\nundefined Status code: 500\nMore details:\nundefined",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message unknown_error: Error(s): Not Available - Timestamp: Not Available - Description: The service is temporarily unavailable. - Correlation ID: Not Available - Trace ID: Not Available",
        runtime: "javascript",
        source: "js-lab",
      },
    ],
  },
  "app-service-managed-identity-missing": {
    sources: ["MI-05", "MI-07"],
    examples: [
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: ManagedIdentityCredential authentication unavailable.",
        runtime: "python",
        source: "MI-05",
      },
      {
        text: 'ManagedIdentityCredential: Get "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.core.windows.net": dial tcp 169.254.169.254:80: i/o timeout',
        runtime: "go",
        source: "MI-05",
      },
    ],
  },
  "aks-pod-identity-not-ready": {
    sources: ["MI-06", "MI-07"],
    examples: [
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: No managed identity endpoint found.",
        runtime: "python",
        source: "MI-06",
      },
      {
        text: "ManagedIdentityCredential: no azure identity found for request clientID 00000000-0000-0000-0000-000000000001",
        runtime: "go",
        source: "MI-06",
      },
      {
        text: "failed to get key vault token: nmi response failed with status code: 404, err: <nil>",
        runtime: "go",
        source: "written",
      },
    ],
  },
  "managed-identity-id-options-conflict": {
    sources: ["MI-07", "js-lab"],
    examples: [
      {
        text: 'Error: ManagedIdentityCredential: only one of \'clientId\', \'resourceId\', or \'objectId\' can be provided. Received values: {"clientId":"00000000-0000-0000-0000-000000000001","resourceId":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id"}',
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "managed-identity-host-rejects-user-assigned": {
    sources: ["MI-07", "js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential: Specifying a `clientId` or `resourceId` is not supported by the Service Fabric managed identity environment. The managed identity configuration is determined by the Service Fabric cluster resource configuration. See https://aka.ms/servicefabricmi for more information",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "azure-arc-managed-identity-failed": {
    sources: ["MI-07", "js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message ENOENT: no such file or directory, open '/var/opt/azcmagent/tokens/contoso.key'",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message unable_to_read_secret_file: Unable to read the secret file.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "managed-identity-multiple-scopes": {
    sources: ["js-lab"],
    examples: [
      {
        text: 'CredentialUnavailableError: ManagedIdentityCredential: Multiple scopes are not supported. Scopes: ["https://vault.azure.net/.default","https://storage.azure.com/.default"]',
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "imds-answered-by-docker-desktop": {
    sources: ["written"],
    examples: [
      {
        text: "ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint. invalid_request: (403) connecting to 169.254.169.254:80: connecting to 169.254.169.254:80: dial tcp 169.254.169.254:80: connectex: A socket operation was attempted to an unreachable network.",
        runtime: "python",
        source: "written",
      },
    ],
  },
  "managed-identity-endpoint-rejects-client-id": {
    sources: ["azure-powershell"],
    examples: [
      {
        text: "Connect-AzAccount : ManagedIdentityCredential authentication failed: User assigned identity is currently not supported clientID must not be passed in request. Status: 400 (Bad Request)",
        runtime: "azure-powershell",
        source: "written",
      },
    ],
  },
};
