/** The sources and example messages (each runtime's wording) of the entries in ../entries/workloadIdentity.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";
import { IDS, jsSts } from "./samples.js";

export const workloadIdentityExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "workload-identity-not-configured": {
    sources: ["WI-01", "js-guide"],
    examples: [
      {
        text: 'CredentialUnavailableError: WorkloadIdentityCredential: is unavailable. clientId is a required parameter. In DefaultAzureCredential and ManagedIdentityCredential, this can be provided as an environment variable - "AZURE_CLIENT_ID".\n        See the troubleshooting guide for more information: https://aka.ms/azsdk/js/identity/workloadidentitycredential/troubleshoot',
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "WorkloadIdentityCredential: no client ID/tenant ID/token file specified",
        runtime: "go",
        source: "WI-01",
      },
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: WorkloadIdentityCredential authentication unavailable. The workload options are not fully configured. See the troubleshooting guide for more information: https://aka.ms/azsdk/python/identity/workloadidentitycredential/troubleshoot",
        runtime: "python",
        source: "WI-01",
      },
    ],
  },
  "workload-identity-token-file-unreadable": {
    sources: ["WI-01", "awi-known-issues"],
    examples: [
      {
        text: "AuthenticationRequiredError: ENOENT: no such file or directory, open '/var/run/secrets/azure/tokens/azure-identity-token'",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "open /var/run/secrets/azure/tokens/azure-identity-token: permission denied",
        runtime: "go",
        source: "awi-known-issues",
      },
    ],
  },
  "workload-identity-proxy-misconfigured": {
    sources: ["js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: WorkloadIdentityCredential: is unavailable. AZURE_KUBERNETES_TOKEN_PROXY is not set but other custom endpoint-related environment variables are present",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "federated-credential-no-match": {
    sources: ["entra-fic", "js-guide"],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "70021",
          "No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:contoso/app:ref:refs/heads/main'. Assertion Audience: 'api://AzureADTokenExchange'. https://learn.microsoft.com/entra/workload-id/workload-identity-federation",
        ),
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "aks-federated-credential-no-match": {
    sources: ["awi-troubleshooting", "WI-01"],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "70021",
          `No matching federated identity record found for presented assertion. Assertion Issuer: 'https://eastus.oic.prod-aks.azure.com/${IDS.tenant}/${IDS.org}'. Assertion Subject: 'system:serviceaccount:default:workload-sa'. Assertion Audience: 'api://AzureADTokenExchange'.`,
        ),
        runtime: "javascript",
        source: "awi-troubleshooting",
      },
    ],
  },
  "federated-credential-audience-no-match": {
    sources: ["js-guide", "entra-fic"],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "700212",
          "No matching federated identity record found for presented assertion audience 'api://AKSIdentityBinding'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.",
        ),
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "federated-assertion-expired": {
    sources: ["ADO-09", "entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "700024",
          "Client assertion is not within its valid time range. Current time: 2026-11-22T10:00:00.0000000Z, assertion valid from 2026-11-22T08:40:00.0000000Z, expiry time of assertion 2026-11-22T09:40:00.0000000Z. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .",
        ),
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "external-oidc-issuer-unreachable": {
    sources: ["awi-troubleshooting", "entra-aadsts"],
    examples: [
      {
        text: jsSts("invalid_request", "90061", "Request to External OIDC endpoint failed."),
        runtime: "javascript",
        source: "awi-troubleshooting",
      },
    ],
  },
  "federation-token-type-forbidden": {
    sources: ["entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "700229",
          "Forbidden token type. Only app-only tokens may be used as Federated Identity Credentials for AAD issuer.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "github-actions-oidc-token-unavailable": {
    sources: ["written"],
    examples: [
      {
        text: "Error: Please make sure to give write permissions to id-token in the workflow.\nError: Login failed with Error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable. Double check if the 'auth-type' is correct. Refer to https://github.com/Azure/login#readme for more information.",
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "github-oidc-enterprise-claim-required": {
    sources: ["github-actions"],
    examples: [
      {
        text: `Error: AADSTS7002381: Federated identity credentials issued by 'https://token.actions.githubusercontent.com/' for applications or managed identities registered in this tenant must contain the enterprise claim with value 'contoso' but actual value is ''. Trace ID: ${IDS.trace} Correlation ID: ${IDS.correlation} Timestamp: ${IDS.timestamp}`,
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "oidc-token-requested-from-wrong-platform": {
    sources: ["azure-devops"],
    examples: [
      {
        text: 'Error: githubAssertion: received HTTP status 405 with response: {"count":1,"value":{"Message":"The requested resource does not support http method \'GET\'."}}',
        runtime: "go",
        source: "written",
      },
      {
        text: 'ChainedTokenCredential: failed to acquire a token.\nAttempted credentials:\n\tClientAssertionCredential: getAssertion: received HTTP status 405 with response: {"count":1,"value":{"Message":"The requested resource does not support http method \'GET\'."}}',
        runtime: "go",
        source: "written",
      },
    ],
  },
  "federated-token-lifetime-too-long": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: `Azure.Identity.AuthenticationFailedException: WorkloadIdentityCredential authentication failed: AADSTS70023: External OIDC Provider token must have a lifetime of less than or equal to 1.01:00:00. Trace ID: ${IDS.trace} Correlation ID: ${IDS.correlation} Timestamp: ${IDS.timestamp}`,
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "kubelogin-settings-missing": {
    sources: ["written"],
    examples: [
      {
        text: "Error: tenantID cannot be empty\nerror: getting credentials: exec: executable kubelogin failed with exit code 1",
        runtime: "unknown",
        source: "written",
      },
      {
        text: "kubelogin: either ACTIONS_ID_TOKEN_REQUEST_TOKEN and ACTIONS_ID_TOKEN_REQUEST_URL environment variables have to be set or federated token file has to be provided",
        runtime: "unknown",
        source: "written",
      },
    ],
  },
  "github-oidc-not-supported-by-server": {
    sources: ["github-actions"],
    examples: [
      {
        text: "The workflow is not valid. .github/workflows/deploy.yml (Line: 12, Col: 7): The key 'id-token' is not allowed",
        runtime: "unknown",
        source: "written",
      },
    ],
  },
  "github-azure-login-inputs-missing": {
    sources: ["github-actions"],
    examples: [
      {
        text: "Error: Login failed with Error: Not all parameters are provided in 'creds'. Double-check if all keys are defined in 'creds': 'clientId', 'clientSecret', 'subscriptionId', 'tenantId'.",
        runtime: "unknown",
        source: "written",
      },
      {
        text: "Error: Login failed with Error: Using auth-type: SERVICE_PRINCIPAL. Not all values are present. Ensure 'client-id' and 'tenant-id' are supplied.",
        runtime: "unknown",
        source: "written",
      },
    ],
  },
  "github-azure-login-creds-rejected": {
    sources: ["github-actions"],
    examples: [
      {
        text: "Error: Az CLI Login failed. Please check the credentials and make sure az is installed on the runner.\nError: The process '/usr/bin/az' failed with exit code 1",
        runtime: "unknown",
        source: "written",
      },
    ],
  },
};
