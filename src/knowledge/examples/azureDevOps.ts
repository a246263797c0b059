/** The sources and example messages (each runtime's wording) of the entries in ../entries/azureDevOps.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";
import { IDS } from "./samples.js";

const ADO_TAIL = `\nTrace ID: ${IDS.trace}\nCorrelation ID: ${IDS.correlation}\nTimestamp: ${IDS.timestamp}`;

export const azureDevOpsExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "ado-task-no-federation-support": {
    sources: ["ADO-01", "ADO-02"],
    examples: [
      {
        text: "##[error]cannot request token: Get ?audience=api://AzureADTokenExchange: unsupported protocol scheme",
        runtime: "azure-devops",
        source: "ADO-01",
      },
      {
        text: "##[error]Could not fetch access token for Azure. Verify if the Service Principal used is valid and not expired.",
        runtime: "azure-devops",
        source: "ADO-01",
      },
      {
        text: "##[error]AzureFileCopy only supports service principal authorization.",
        runtime: "azure-devops",
        source: "ADO-01",
      },
      {
        text: "##[error]Error: Authentication scheme 'WorkloadIdentityFederation' is not supported by this task.",
        runtime: "azure-devops",
        source: "written",
      },
    ],
  },
  "ado-key-vault-task-denied": {
    sources: ["azure-devops"],
    examples: [
      {
        text: `##[error]ExampleSecret: "The user, group or application 'appid=${IDS.client};oid=${IDS.org}' does not have secrets list permission on key vault 'kv-example;location=westeurope'." The specified Azure service connection needs to have Get, List secret management permissions on the selected key vault.`,
        runtime: "azure-devops",
        source: "written",
      },
    ],
  },
  "ado-task-identity-not-found": {
    sources: ["ADO-01", "ADO-02"],
    examples: [
      {
        text: "##[error]Identity not found",
        runtime: "azure-devops",
        source: "ADO-01",
      },
    ],
  },
  "ado-federation-disabled-in-tenant": {
    sources: ["ADO-03"],
    examples: [
      {
        text: `##[error]AADSTS700223: The application is configured to use federated identity credentials, but their use is constrained or disabled by a policy of the tenant '${IDS.tenant}'.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ADO-03",
      },
    ],
  },
  "ado-issuer-not-allowed": {
    sources: ["ADO-03"],
    examples: [
      {
        text: `##[error]Microsoft Entra rejected the token issued by Azure DevOps with error code AADSTS700238. The issuer https://vstoken.dev.azure.com/${IDS.org} is not allowed to use workload identity federation in this tenant.`,
        runtime: "azure-devops",
        source: "ADO-03",
      },
    ],
  },
  "ado-legacy-issuer": {
    sources: ["ADO-04"],
    examples: [
      {
        text: `##[error]AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://app.vstoken.visualstudio.com'. Assertion Subject: 'sc://contoso/web/prod-connection'. Assertion Audience: 'api://AzureADTokenExchange'.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ADO-04",
      },
    ],
  },
  "ado-subject-renamed": {
    sources: ["ADO-05", "ADO-07"],
    examples: [
      {
        text: `##[error]AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://vstoken.dev.azure.com/${IDS.org}'. Assertion Subject: 'sc://contoso/web-renamed/prod-connection'. Assertion Audience: 'api://AzureADTokenExchange'.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ADO-05",
      },
    ],
  },
  "federated-credential-issuer-no-match": {
    sources: ["ADO-06", "js-guide"],
    examples: [
      {
        text: `##[error]AADSTS700211: No matching federated identity record found for presented assertion issuer 'https://vstoken.dev.azure.com/${IDS.org}'. Please note that the matching is done using a case-sensitive comparison. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ADO-06",
      },
    ],
  },
  "federated-credential-subject-no-match": {
    sources: ["ADO-07", "js-guide"],
    examples: [
      {
        text: `AuthenticationRequiredError: invalid_request: Error(s): 700213 - Timestamp: ${IDS.timestamp} - Description: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:Contoso/App:environment:Production'. Please note that the matching is done using a case-sensitive comparison. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.\r\nTrace ID: ${IDS.trace}\r\nCorrelation ID: ${IDS.correlation}\r\nTimestamp: ${IDS.timestamp} - Correlation ID: ${IDS.correlation} - Trace ID: ${IDS.trace}`,
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "federated-credentials-none-configured": {
    sources: ["ADO-08"],
    examples: [
      {
        text: `##[error]AADSTS70025: The client '${IDS.client}'(contoso-web-prod) has no configured federated identity credentials.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ADO-08",
      },
    ],
  },
  "ado-assertion-expired": {
    sources: ["ADO-09"],
    examples: [
      {
        text: `##[error]AADSTS700024: Client assertion is not within its valid time range. Current time: 2026-11-22T10:00:00.0000000Z, assertion valid from 2026-11-22T08:50:00.0000000Z, expiry time of assertion 2026-11-22T09:00:00.0000000Z.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ADO-09",
      },
    ],
  },
  "ado-service-connection-secret-invalid": {
    sources: ["ADO-10"],
    examples: [
      {
        text: `##[error]AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${IDS.client}'.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ADO-10",
      },
    ],
  },
  "ado-service-connection-secret-expired": {
    sources: ["ADO-10"],
    examples: [
      {
        text: `##[error]Script failed with error: ERROR: AADSTS7000222: The provided client secret keys for app '${IDS.client}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "written",
      },
    ],
  },
  "ado-service-connection-identity-missing": {
    sources: ["ADO-11"],
    examples: [
      {
        text: `##[error]AADSTS700016: Application with identifier '${IDS.client}' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ADO-11",
      },
    ],
  },
  "ado-cross-cloud-not-supported": {
    sources: ["ADO-12"],
    examples: [
      {
        text: `##[error]AADSTS900382: Confidential Client is not supported in Cross Cloud request.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ADO-12",
      },
    ],
  },
  "ado-jwt-not-obtained": {
    sources: ["ADO-13"],
    examples: [
      {
        text: "##[error]Failed to obtain the JSON Web Token (JWT) using service principal client ID. Exception message: An exception occurred while requesting the token.",
        runtime: "azure-devops",
        source: "ADO-13",
      },
    ],
  },
  "ado-azure-cli-too-old": {
    sources: ["ADO-14"],
    examples: [
      {
        text: "##[error]Script failed with error: UnrecognizedArgumentError: unrecognized arguments: --federated-token",
        runtime: "azure-devops",
        source: "ADO-14",
      },
    ],
  },
  "ado-cannot-create-app-registration": {
    sources: ["ADO-15"],
    examples: [
      {
        text: "Failed to create an app in Microsoft Entra ID. Error: Insufficient privileges to complete the operation in Microsoft Graph. Ensure that the user has permissions to create a Microsoft Entra Application.",
        runtime: "azure-devops",
        source: "ADO-15",
      },
    ],
  },
  "ado-entra-issuer-multi-tenant-app": {
    sources: ["ADO-16", "ado-current"],
    examples: [
      {
        text: `##[error]AADSTS70052: The identity must be a managed identity, a single tenant app, or a service account.${ADO_TAIL}`,
        runtime: "azure-devops",
        source: "ado-current",
      },
    ],
  },
  "ado-task-expects-secret": {
    sources: ["azure-devops"],
    examples: [
      {
        text: "##[error]An unexpected error occurred. ClientSecretCredential: tenantId, clientId, and clientSecret are required parameters.",
        runtime: "azure-devops",
        source: "written",
      },
      {
        text: "Logging in using ApplicationTokenCredentials, authScheme is 'WorkloadIdentityFederation'\n##[error]Error: secret must be a non empty string.",
        runtime: "azure-devops",
        source: "written",
      },
    ],
  },
};
