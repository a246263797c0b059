/** The sources and example messages (each runtime's wording) of the entries in ../entries/general.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";
import { IDS } from "./samples.js";

export const generalExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "credential-authentication-failed": {
    sources: ["GEN-01", "GEN-04", "js-guide"],
    examples: [
      {
        text: "AuthenticationError: unknown_error Status code: 500\nMore details:\nAn unknown error occurred and no additional details are available.,",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "credential-unavailable": {
    sources: ["GEN-02", "js-guide"],
    examples: [
      {
        text: "Azure.Identity.CredentialUnavailableException: VisualStudioCodeCredential authentication unavailable. Token acquisition failed. Ensure that you have authenticated in VSCode Azure Account.",
        runtime: "dotnet",
        source: "GEN-02",
      },
    ],
  },
  "all-chain-sources-skipped": {
    sources: ["GEN-02", "GEN-05", "js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: Failed to retrieve a valid token",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "logging-level-invalid": {
    sources: ["GEN-05", "js-lab"],
    examples: [
      {
        text: "AZURE_LOG_LEVEL set to unknown log level 'debug'; logging is not enabled. Acceptable values: verbose, info, warning, error.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "tenant-id-malformed": {
    sources: ["js-lab"],
    examples: [
      {
        text: "NewClientSecretCredential: invalid tenantID. You can locate your tenantID by following the instructions listed here: https://learn.microsoft.com/partner-center/find-ids-and-domain-names",
        runtime: "go",
        source: "written",
      },
      {
        text: "Error: Invalid tenant id provided. You can locate your tenant id by following the instructions listed here: https://learn.microsoft.com/partner-center/find-ids-and-domain-names.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "authority-host-not-https": {
    sources: ["js-lab"],
    examples: [
      {
        text: "Error: The authorityHost address must use the 'https' protocol.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "authority-endpoints-unresolved": {
    sources: ["js-guide", "js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "sts-network-error": {
    sources: ["js-lab"],
    examples: [
      {
        text: "AuthenticationRequiredError: network_error: See https://aka.ms/msal.js.errors#network_error for details",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "AuthenticationRequiredError: unknown_error: Error(s): Not Available - Timestamp: Not Available - Description: An unknown error occured.\nHttp status code: 200\nHttp status message: <html><body>Proxy login required</body></html>",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "token-credentials-value-invalid": {
    sources: ["js-guide", "js-lab"],
    examples: [
      {
        text: "Error: Invalid value for AZURE_TOKEN_CREDENTIALS = production. Valid values are 'prod' or 'dev' or any of these credentials - EnvironmentCredential, WorkloadIdentityCredential, ManagedIdentityCredential, VisualStudioCodeCredential, AzureCliCredential, AzurePowerShellCredential, AzureDeveloperCliCredential.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "required-env-vars-missing": {
    sources: ["js-guide", "js-lab"],
    examples: [
      {
        text: "Error: Required environment variable 'AZURE_CLIENT_ID' for DefaultAzureCredential is not set or empty.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "tenant-not-allowed-for-credential": {
    sources: ["MT-01", "js-guide"],
    examples: [
      {
        text: `CredentialUnavailableError: The current credential is not configured to acquire tokens for tenant ${IDS.tenant}. To enable acquiring tokens for this tenant add it to the AdditionallyAllowedTenants on the credential options, or add "*" to AdditionallyAllowedTenants to allow acquiring tokens for any tenant.`,
        runtime: "javascript",
        source: "lab",
      },
      {
        text: `azure.core.exceptions.ClientAuthenticationError: The current credential is not configured to acquire tokens for tenant ${IDS.tenant}. To enable acquiring tokens for this tenant add it to the additionally_allowed_tenants when creating the credential, or add "*" to additionally_allowed_tenants to allow acquiring tokens for any tenant.`,
        runtime: "python",
        source: "MT-01",
      },
    ],
  },
  "automatic-authentication-disabled": {
    sources: ["js-lab"],
    examples: [
      {
        text: "AuthenticationRequiredError: Automatic authentication has been disabled. You may call the authentication() method.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "bearer-token-provider-refresh-failed": {
    sources: ["GEN-01", "js-lab"],
    examples: [
      {
        text: "Error: Failed to refresh access token.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "localhost-unresolvable": {
    sources: ["network"],
    examples: [
      {
        text: "ERROR: logging in: listen tcp: lookup localhost on 1.1.1.1:53: no such host",
        runtime: "azd",
        source: "written",
      },
    ],
  },
  "authority-tenant-required": {
    sources: ["written"],
    examples: [
      {
        text: "AuthenticationRequiredError: missing_tenant_id_error: See https://aka.ms/msal.js.errors#missing_tenant_id_error for details",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "[contoso-sync] ClientAuthError: missing_tenant_id_error: A tenant id - not common, organizations, or consumers - must be specified when using the client_credentials flow.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
};
