/**
 * The sources and example messages (each runtime's wording) of the entries in ../entries/managedIdentityEndpoints.ts,
 * by entry id.
 */
import type { KnowledgeEvidence } from "../schema.js";

export const managedIdentityEndpointExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "imds-host-unreachable": {
    sources: ["MI-03", "written"],
    examples: [
      {
        text: 'ManagedIdentityCredential: Get "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01": dial tcp 169.254.169.254:80: connect: no route to host',
        runtime: "go",
        source: "written",
      },
      {
        text: "AuthenticationError: ManagedIdentityCredential authentication failed.(status code undefined).\nMore details:\nrequest to http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01 failed, reason: connect EHOSTUNREACH 169.254.169.254:80",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "requests.exceptions.ConnectionError: HTTPConnectionPool(host='169.254.169.254', port=80): Max retries exceeded with url: /metadata/identity/oauth2/token (Caused by NewConnectionError('Failed to establish a new connection: [Errno 113] No route to host'))",
        runtime: "python",
        source: "written",
      },
    ],
  },
  "managed-identity-endpoint-not-found": {
    sources: ["MI-07", "written"],
    examples: [
      {
        text: "AuthenticationError: ManagedIdentityCredential authentication failed.(status code 404). More details: ManagedIdentityCredential - IMDS: Failed to retrieve IMDS token after 5 retries.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "app-service-identity-endpoint-failed": {
    sources: ["MI-07", "written"],
    examples: [
      {
        text: 'Error: Invalid token response. Response body is: {"statusCode":500,"message":"An unexpected error occured while fetching the AAD Token."}',
        runtime: "javascript",
        source: "written",
      },
      {
        text: "AuthenticationError: ManagedIdentityCredential authentication failed.(status code 400). More details: unknown_error(status code 503).",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "managed-identity-answer-not-a-token": {
    sources: ["written"],
    examples: [
      {
        text: "AuthenticationError: ManagedIdentityCredential authentication failed. Status code: 200\nMore details:\nunknown_error Status code: 200",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "imds-present-no-identity": {
    sources: ["written"],
    examples: [
      {
        text: "azure:identity:info ManagedIdentityCredential => IMDS endpoint is available\nazure:identity:info IdentityClient: sending token request to [http://169.254.169.254/metadata/identity/oauth2/token]\nazure:core-http:info Response status code: 400",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "azure:identity:info ManagedIdentityCredential - IMDS => ManagedIdentityCredential - IMDS: The Azure IMDS endpoint is available\nazure:core-rest-pipeline:info Response status code: 400",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "imds-connection-blocked": {
    sources: ["written"],
    examples: [
      {
        text: "Azure.Identity.CredentialUnavailableException: ManagedIdentityCredential authentication unavailable. No connection could be made because the target machine actively refused it. (169.254.169.254:80)",
        runtime: "dotnet",
        source: "written",
      },
      {
        text: "ContosoJob: ManagedIdentityCredential.GetToken failed: An attempt was made to access a socket in a way forbidden by its access permissions. (169.254.169.254:80)",
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
};
