/** The sources and example messages (each runtime's wording) of the entries in ../entries/pythonJava.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const pythonJavaExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "client-assertion-rejected": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: 'adal.adal_error.AdalError: Get Token request returned http error: 401 and server response: {"error":"invalid_client","error_description":"AADSTS70002: Error validating credentials. AADSTS50012: Client assertion audience claim does not match Realm issuer.","error_codes":[70002,50012]}',
        runtime: "python",
        source: "written",
      },
      {
        text: "Microsoft.IdentityModel.Clients.ActiveDirectory.AdalServiceException: AADSTS70002: Error validating credentials. AADSTS50012: Client assertion contains an invalid signature.",
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "saml-assertion-invalid": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: 'AdalError: Get Token request returned http error: 400 and server response: {"error":"invalid_grant","error_description":"AADSTS70002: Error validating credentials. AADSTS50008: SAML token is invalid.","error_codes":[70002,50008]}',
        runtime: "python",
        source: "written",
      },
    ],
  },
  "certificate-key-too-small": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "com.microsoft.aad.msal4j.MsalServiceException: AADSTS50032: RSA key size 1024 is less than the minimum required 2048 bits.",
        runtime: "java",
        source: "written",
      },
    ],
  },
  "token-request-scope-missing": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "azure.core.exceptions.ClientAuthenticationError: Authentication failed: AADSTS90014: The required field 'scope' is missing from the credential.",
        runtime: "python",
        source: "written",
      },
      {
        text: "AuthenticationRequiredError: invalid_request: AADSTS900144: The request body must contain the following parameter: 'scope'.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "java-dependency-version-conflict": {
    sources: ["written"],
    examples: [
      {
        text: "Exception in thread \"main\" java.lang.NoSuchMethodError: 'com.fasterxml.jackson.databind.ObjectMapper com.fasterxml.jackson.databind.ObjectMapper.configure(...)'\n\tat com.microsoft.aad.msal4j.JsonHelper.<clinit>(JsonHelper.java)",
        runtime: "java",
        source: "written",
      },
    ],
  },
  "azure-cli-output-unparseable": {
    sources: ["written"],
    examples: [
      {
        text: "AzureCliCredential authentication failed. Error Details: com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'WARNING': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        runtime: "java",
        source: "written",
      },
    ],
  },
  "java-managed-identity-not-available": {
    sources: ["written"],
    examples: [
      {
        text: "[main] ERROR com.azure.identity.ManagedIdentityCredential - Azure Identity => ERROR in getToken() call for scopes [https://storage.azure.com/.default]: Managed Identity authentication is not available.\ncom.azure.identity.CredentialUnavailableException: Managed Identity authentication is not available.",
        runtime: "java",
        source: "written",
      },
    ],
  },
  "java-workload-identity-request-invalid": {
    sources: ["written"],
    examples: [
      {
        text: "com.azure.identity.CredentialUnavailableException: WorkloadIdentityCredential authentication unavailable. The request to the authority host was invalid. Additional details: Server returned HTTP response code: 400 for URL: https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/oauth2/v2.0/token.",
        runtime: "java",
        source: "written",
      },
    ],
  },
};
