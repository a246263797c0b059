/** The sources and example messages (each runtime's wording) of the entries in ../entries/appSignIn.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const appSignInExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "device-compliance-page": {
    sources: ["written"],
    examples: [
      {
        text: "You can't get there from here\nThis application contains sensitive information and can only be accessed from:\nDevices or client applications that meet Microsoft management compliance policy.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "tenant-id-empty": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "AuthenticationRequiredError: invalid_request: Error(s): 900021 - Description: AADSTS900021: Requested tenant identifier '00000000-0000-0000-0000-000000000000' is not valid. Tenant identifiers may not be an empty GUID.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "guest-account-disabled": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "InteractionRequiredAuthError: invalid_grant: AADSTS500571: The guest user account is disabled.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "external-session-invalid": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "InteractionRequiredAuthError: invalid_grant: AADSTS50139: Session is invalid due to missing an external refresh token.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "client-credential-missing": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "ServerError: invalid_client: 7000216 - AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "public-client-needs-secret": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "AuthenticationRequiredError: invalid_client: AADSTS70002: The request body must contain the following parameter: 'client_secret or client_assertion'.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "app-not-enabled-for-personal-accounts": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "invalid_client: AADSTS70002: The client does not exist or is not enabled for consumers.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "response-mode-unsupported": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "invalid_request: AADSTS70007: The application requested an unsupported mode 'fragment' when requesting a token.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "encryption-key-version-not-found": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: 'Device code request failed: {"error":"invalid_request","error_description":"AADSTS220050: The specified encryption key version override 12 was not found in the list of keys."}',
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "user-key-not-configured": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "invalid_grant: AADSTS135010: UserPrincipal doesn't have the key ID configured.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "client-id-placeholder": {
    sources: ["written"],
    examples: [
      {
        text: "AADSTS700016: Application with identifier 'Enter_the_Application_Id_Here' was not found in the directory 'contoso.onmicrosoft.com'.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "resource-name-holds-scope": {
    sources: ["entra-aadsts", "written"],
    examples: [
      {
        text: "AuthenticationError: invalid_resource: AADSTS500011: The resource principal named https://vault.azure.net/.default was not found in the tenant named contoso.",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "ERROR: AADSTS500011: The resource principal named api://orders/orders.read was not found in the tenant named contoso.",
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "authority-is-authorize-url": {
    sources: ["written"],
    examples: [
      {
        text: "Failed to load https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?p=signin/v2.0/.well-known/openid-configuration: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "msal-authority-metadata-missing": {
    sources: ["written"],
    examples: [
      {
        text: "TypeError: Cannot read properties of undefined (reading 'replace')\n    at t.replaceTenant (main.js:2:1)",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "required-setting-not-provided": {
    sources: ["written"],
    examples: [
      {
        text: "ERROR: Tenant ID is required but was not provided.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "vscode-azure-account-not-signed-in": {
    sources: ["VSC-02", "written"],
    examples: [
      {
        text: "CredentialUnavailableError: Could not retrieve the token associated with Visual Studio Code. Did you connect using the 'Azure Account' extension?",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "editor-cached-account-unreadable": {
    sources: ["written"],
    examples: [
      {
        text: "LoginCacheError: Failed to get login account token from cache. Sign out and sign in again.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "storage-explorer-tenant-filtered": {
    sources: ["written"],
    examples: [
      {
        text: "The resource you are attempting to access is in a tenant which is currently filtered out.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "azure-devops-identity-not-materialized": {
    sources: ["written"],
    examples: [
      {
        text: "AadUserStateException: Identity 1f2e3d4c has not been materialized, please use interactive login over the browser first.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
};
