/** The sources and example messages (each runtime's wording) of the entries in ../entries/servicePrincipal.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";
import { IDS, dotnetSts, goSts, jsSts, pySts } from "./samples.js";

export const servicePrincipalExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "environment-credential-not-configured": {
    sources: ["ENV-01", "GEN-02", "js-guide"],
    examples: [
      {
        text: "CredentialUnavailableError: EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.\nVisit https://aka.ms/azsdk/python/identity/environmentcredential/troubleshoot to troubleshoot this issue.",
        runtime: "python",
        source: "ENV-01",
      },
      {
        text: "EnvironmentCredential: missing environment variable AZURE_TENANT_ID",
        runtime: "go",
        source: "ENV-01",
      },
    ],
  },
  "environment-credential-sign-in-failed": {
    sources: ["ENV-01", "GEN-01", "js-lab"],
    examples: [
      {
        text: "AuthenticationError: EnvironmentCredential authentication failed. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot. Status code: 400\nMore details:\ninvalid_request: The request body must contain the following parameter: 'grant_type'.,",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "client-secret-invalid": {
    sources: ["SEC-01", "GEN-04", "js-guide", "dotnet-guide"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "7000215",
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${IDS.client}'.`,
        ),
        runtime: "javascript",
        source: "lab",
      },
      {
        text: pySts(
          "ClientSecretCredential",
          "7000215",
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${IDS.client}'.`,
        ),
        runtime: "python",
        source: "SEC-01",
      },
      {
        text: goSts(
          "ClientSecretCredential",
          "401: 401 Unauthorized",
          "invalid_client",
          "7000215",
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${IDS.client}'.`,
          "client-secret",
        ),
        runtime: "go",
        source: "SEC-01",
      },
    ],
  },
  "client-secret-expired": {
    sources: ["SEC-02", "js-guide"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "7000222",
          `The provided client secret keys for app '${IDS.client}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
        ),
        runtime: "javascript",
        source: "lab",
      },
      {
        text: dotnetSts(
          "ClientSecretCredential",
          "7000222",
          `The provided client secret keys for app '${IDS.client}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
        ),
        runtime: "dotnet",
        source: "SEC-02",
      },
    ],
  },
  "app-not-found-in-tenant": {
    sources: ["APP-01", "js-guide", "entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "unauthorized_client",
          "700016",
          `Application with identifier '${IDS.client}' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
        ),
        runtime: "javascript",
        source: "lab",
      },
      {
        text: goSts(
          "ClientCertificateCredential",
          "400: 400 Bad Request",
          "unauthorized_client",
          "700016",
          `Application with identifier '${IDS.client}' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
          "client-cert",
        ),
        runtime: "go",
        source: "APP-01",
      },
    ],
  },
  "certificate-not-registered": {
    sources: ["CERT-01", "dotnet-guide"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "700027",
          `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '0123456789ABCDEF0123456789ABCDEF01234567', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${IDS.client}'.]`,
        ),
        runtime: "javascript",
        source: "lab",
      },
      {
        text: pySts("CertificateCredential", "700027", "Client assertion contains an invalid signature."),
        runtime: "python",
        source: "CERT-01",
      },
    ],
  },
  "client-assertion-app-id-mismatch": {
    sources: ["ASRT-01", "js-guide"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "700021",
          "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .",
        ),
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "client-assertion-audience-mismatch": {
    sources: ["ASRT-02", "js-guide"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "700023",
          "Client assertion audience claim does not match Realm issuer. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .",
        ),
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "client-assertion-malformed": {
    sources: ["ASRT-03", "js-guide"],
    examples: [
      {
        text: jsSts("invalid_request", "50027", "JWT token is invalid or malformed."),
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "Microsoft.Identity.Client.MsalServiceException: AADSTS5002726: Invalid JWT token. Found unsupported token header.",
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "username-password-invalid": {
    sources: ["UP-01"],
    examples: [
      {
        text: "invalid_grant: AADSTS50126: Error validating credentials due to invalid username or password.\r\nTrace ID: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\r\nCorrelation ID: 12345678-90ab-cdef-1234-567890abcdef\r\nTimestamp: 2026-11-22 10:00:00Z",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: pySts(
          "UsernamePasswordCredential",
          "50126",
          "Error validating credentials due to invalid username or password.",
        ),
        runtime: "python",
        source: "UP-01",
      },
    ],
  },
  "credential-required-parameter-missing": {
    sources: ["js-lab", "GEN-02"],
    examples: [
      {
        text: "System.ArgumentNullException: Value cannot be null. (Parameter 'clientSecret')\n   at Azure.Identity.ClientSecretCredential..ctor(String tenantId, String clientId, String clientSecret)",
        runtime: "dotnet",
        source: "written",
      },
      {
        text: "CredentialUnavailableError: ClientSecretCredential: clientSecret is a required parameter. To troubleshoot, visit https://aka.ms/azsdk/js/identity/serviceprincipalauthentication/troubleshoot.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "certificate-argument-invalid": {
    sources: ["js-guide"],
    examples: [
      {
        text: "Error: ClientCertificateCredential: Provide either a PEM certificate in string form, or the path to that certificate in the filesystem. To troubleshoot, visit https://aka.ms/azsdk/js/identity/serviceprincipalauthentication/troubleshoot.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "certificate-file-not-pem": {
    sources: ["js-guide", "js-lab"],
    examples: [
      {
        text: "Error: The file at the specified path does not contain a PEM-encoded certificate.",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "AuthenticationRequiredError: secretOrPrivateKey must be an asymmetric key when using PS256",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "ValueError: Failed to deserialize certificate in PEM or PKCS12 format",
        runtime: "python",
        source: "written",
      },
    ],
  },
  "certificate-password-wrong": {
    sources: ["js-lab"],
    examples: [
      {
        text: "Error: error:1C800064:Provider routines::bad decrypt",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "certificate-file-not-found": {
    sources: ["js-lab"],
    examples: [
      {
        text: "Error: ENOENT: no such file or directory, open '/etc/ssl/private/app-cert.pem'",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "client-credential-rejected": {
    sources: ["entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "50012",
          "Client assertion contains an invalid signature. [Reason - The key used is expired.]",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "client-assertion-invalid": {
    sources: ["entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "invalid_grant",
          "50013",
          "Assertion failed signature validation. [Reason - The key was not found.]",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
      {
        text: "msal.exceptions: invalid_grant: ADSTS50013: Assertion failed signature validation. [Reason - The provided signature value did not match the expected signature value.]",
        runtime: "python",
        source: "written",
      },
    ],
  },
  "on-behalf-of-assertion-expired": {
    sources: ["entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "invalid_grant",
          "500133",
          "Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token. Current time: 2026-11-22T10:00:00.0000000Z, expiry time of assertion 2026-11-22T09:00:00.0000000Z.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "on-behalf-of-audience-mismatch": {
    sources: ["entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "invalid_grant",
          "500131",
          `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '00000003-0000-0000-c000-000000000000' and the expected audience is '${IDS.client}' or one of the Application Uris of this application with App ID '${IDS.client}'(my-api).`,
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "public-client-flow-needs-credential": {
    sources: ["js-guide", "entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "7000218",
          "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "public-client-sent-credential": {
    sources: ["entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "700025",
          "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "app-disabled": {
    sources: ["entra-aadsts"],
    examples: [
      {
        text: jsSts(
          "unauthorized_client",
          "7000112",
          `Application '${IDS.client}'(build-agent) is disabled.`,
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "app-not-found-in-personal-account-tenant": {
    sources: ["azure-cli"],
    examples: [
      {
        text: `ERROR: AADSTS700016: Application with identifier '${IDS.client}' was not found in the directory 'Microsoft Services'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant. Trace ID: ${IDS.trace} Correlation ID: ${IDS.correlation} Timestamp: ${IDS.timestamp}`,
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "client-id-is-resource-id": {
    sources: ["written"],
    examples: [
      {
        text: "azure.core.exceptions.ClientAuthenticationError: WorkloadIdentityCredential authentication failed: AADSTS700016: Application with identifier '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-contoso-worker' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant.",
        runtime: "python",
        source: "written",
      },
    ],
  },
};
