/** The sources and example messages (each runtime's wording) of the entries in ../entries/azurePipelines.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";
import { IDS, jsSts } from "./samples.js";

export const azurePipelinesExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "tenant-id-not-valid-domain": {
    sources: ["AZP-01"],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "900023",
          "Specified tenant identifier '$(AZURE_TENANT_ID)' is neither a valid DNS name, nor a valid external domain.",
        ),
        runtime: "javascript",
        source: "AZP-01",
      },
    ],
  },
  "pipelines-service-connection-not-found": {
    sources: ["AZP-02"],
    examples: [
      {
        text: 'AuthenticationError: AzurePipelinesCredential: Authentication Failed. oidcToken field not detected in the response. Status code: 404\nMore details:\nResponse from service = {"$id":"1","innerException":null,"message":"No service connection found with identifier 33333333-4444-5555-6666-777777777777.","typeName":"Microsoft.TeamFoundation.DistributedTask.WebApi.ServiceEndpointNotFoundException"}. See the troubleshooting guide for more information: https://aka.ms/azsdk/js/identity/azurepipelinescredential/troubleshoot,',
        runtime: "javascript",
        source: "AZP-02",
      },
    ],
  },
  "pipelines-oidc-unauthorized": {
    sources: ["AZP-03"],
    examples: [
      {
        text: "azure.core.exceptions.ClientAuthenticationError: 401 (Unauthorized) response from OIDC endpoint.",
        runtime: "python",
        source: "AZP-03",
      },
      {
        text: 'AuthenticationError: AzurePipelinesCredential: Authentication Failed. Received null token from OIDC request. Status code: 401\nMore details:\nComplete response - {"status":401,"bodyAsText":"","headers":{"x-vss-e2eid":"bbbbbbbb-cccc-dddd-eeee-ffffffffffff"}}. See the troubleshooting guide for more information: https://aka.ms/azsdk/js/identity/azurepipelinescredential/troubleshoot,',
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "pipelines-oidc-token-missing": {
    sources: ["AZP-04", "ADO-01"],
    examples: [
      {
        text: 'azure.core.exceptions.ClientAuthenticationError: OIDC token not found in response. Response = {"$id":"1", "innerException":null, "message":"The version of the API is not supported.", "typeName":"Microsoft.VisualStudio.Services.WebApi.VssInvalidPreviewVersionException, Microsoft.VisualStudio.Services.WebApi", "typeKey":"VssInvalidPreviewVersionException", "errorCode":0}',
        runtime: "python",
        source: "AZP-04",
      },
    ],
  },
  "pipelines-not-in-pipeline": {
    sources: ["AZP-05"],
    examples: [
      {
        text: 'CredentialUnavailableError: AzurePipelinesCredential: is unavailable. Ensure that you\'re running this task in an Azure Pipeline, so that following missing system variable(s) can be defined- "SYSTEM_OIDCREQUESTURI"',
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: Missing value for the SYSTEM_OIDCREQUESTURI environment variable. AzurePipelinesCredential is intended for use in Azure Pipelines where the SYSTEM_OIDCREQUESTURI environment variable is set.",
        runtime: "python",
        source: "AZP-05",
      },
    ],
  },
  "pipelines-app-not-found": {
    sources: ["AZP-06"],
    examples: [
      {
        text:
          "AzurePipelinesCredential => getToken() => ERROR. " +
          jsSts(
            "unauthorized_client",
            "700016",
            `Application with identifier '${IDS.client}' was not found in the directory 'Microsoft'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
          ),
        runtime: "javascript",
        source: "AZP-06",
      },
    ],
  },
  "pipelines-required-parameter-missing": {
    sources: ["AZP-05", "js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: AzurePipelinesCredential: is unavailable. serviceConnectionId is a required parameter.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "pipelines-insecure-oidc-url": {
    sources: ["js-lab"],
    examples: [
      {
        text: "AuthenticationRequiredError: Cannot connect to http://dev.azure.com/contoso/_apis/distributedtask/oidctoken while allowInsecureConnection is false.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
};
