/**
 * Sign-in failures that apps built on MSAL and editor extensions hit: AADSTS codes the STS entries do not list,
 * placeholder settings, authorities that are not a tenant, device policies, and the sign-in state editors and
 * desktop tools keep (cached accounts, tenant filters, the old VS Code Azure Account sign-in).
 */
import type { KnowledgeEntry } from "../schema.js";

const ERROR_CODES = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";
const CA_TROUBLESHOOT =
  "https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access";
const APP_REGISTER = "https://learn.microsoft.com/entra/identity-platform/quickstart-register-app";
const MSAL_AUTHORITY =
  "https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration";
const JS_GUIDE =
  "https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/identity/identity/TROUBLESHOOTING.md";

function lookup(code: string): string {
  return `https://login.microsoftonline.com/error?code=${code}`;
}

export const appSignInEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "device-compliance-page",
    title: "The sign-in page refused the device: the app may only be used from a compliant or managed device",
    category: "conditional-access-mfa",
    retryable: false,
    match: {
      text: ["meet Microsoft management compliance policy", "You can't get there from here"],
    },
    cause:
      "Conditional Access demands a device that Intune reports as compliant, and the browser or sign-in component used " +
      "cannot show the device's state (an embedded or unsupported browser, or an old sign-in library).",
    mitigations: [
      "Sign in from a compliant, managed device, through a browser or broker that passes the device state (Edge signed in to the work profile, Chrome with the accounts extension, the platform broker).",
      "In desktop tools with an older embedded sign-in, switch to their MSAL or system-browser sign-in option (Storage Explorer: the MSAL/authentication library setting), which can satisfy the compliance check.",
      "Ask the administrator whether the device is enrolled and compliant, or which policy blocks it.",
    ],
    docs: [CA_TROUBLESHOOT],
  },
  {
    id: "tenant-id-empty",
    title: "The tenant ID in the request is an empty GUID or otherwise not a tenant",
    category: "tenant-invalid",
    retryable: false,
    match: { stsCodes: ["AADSTS900021"] },
    cause:
      "The authority was built from a tenant value that was never filled in (00000000-0000-0000-0000-000000000000), " +
      "usually because a tool could not discover the tenant and used its default.",
    mitigations: [
      "Pass the real tenant ID or domain: the tool's --tenant option, the tenantId credential option or AZURE_TENANT_ID.",
      "For tools that discover the tenant (from an organization or subscription), sign in with az login --tenant <id> first, or update the tool if discovery is broken.",
    ],
    docs: [lookup("900021"), ERROR_CODES],
  },
  {
    id: "guest-account-disabled",
    title: "The guest (external) account is disabled in this tenant",
    category: "credential-invalid",
    retryable: false,
    match: { stsCodes: ["AADSTS500571"] },
    cause:
      "The account is a guest in the resource's tenant, and that tenant's administrators blocked its sign-in; the " +
      "account in its home tenant may be fine.",
    mitigations: [
      "Ask an administrator of the resource's tenant to enable the guest account (or re-invite it) if it was disabled by mistake.",
      "Otherwise sign in to a tenant where the account is active.",
    ],
    docs: [lookup("500571"), ERROR_CODES],
  },
  {
    id: "external-session-invalid",
    title: "The session is no longer valid (its external refresh token is missing) and needs a new sign-in",
    category: "not-logged-in",
    retryable: false,
    match: { stsCodes: ["AADSTS50139"] },
    cause:
      "The session held by the tool or browser depends on a refresh token that is gone, typically after a password " +
      "reset or when the account's session was ended elsewhere.",
    mitigations: [
      "Sign out of the account in the tool and sign in again with the same account.",
      "If the sign-in keeps failing, remove the account from the tool and add it back.",
    ],
    docs: [lookup("50139"), ERROR_CODES],
  },
  {
    id: "client-credential-missing",
    title:
      "A client-credentials request reached Microsoft Entra ID without a secret, certificate or assertion",
    category: "not-configured",
    retryable: false,
    match: { stsCodes: ["AADSTS7000216"] },
    cause:
      "App-only sign-in needs the app's credential in the request. It was sent empty: the secret or certificate " +
      "setting was undefined when the credential was built (an unset variable, a wrong option name), or a library " +
      "version dropped it.",
    mitigations: [
      "Check the value you pass is really set: ClientSecretCredential(tenantId, clientId, clientSecret) with the secret, or clientSecret / clientCertificate in msal-node's auth configuration; log whether it is empty, not its value.",
      "If the configuration is right and it started after an upgrade, check the release notes of msal-node (and @azure/identity) for a version that stopped sending the credential, and pin the previous version.",
    ],
    docs: [lookup("7000216"), JS_GUIDE],
  },
  {
    id: "public-client-needs-secret",
    title: "A public-client flow was used with an app that is registered as a confidential (web) client",
    category: "not-configured",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70002"],
      context: ["must contain the following parameter"],
    },
    cause:
      "Device code, interactive and username/password flows send no client secret. The app registration is a web " +
      "(confidential) app, so the token endpoint insists on a secret or assertion.",
    mitigations: [
      "For a desktop, mobile or CLI app, add the Mobile and desktop (native) platform and turn on 'Allow public client flows' on the app registration, so it is treated as a public client.",
      "For a browser app, register its redirect URI under the Single-page application platform, not Web.",
      "If the app really is confidential, use a flow that sends its secret or certificate.",
    ],
    docs: [lookup("70002"), APP_REGISTER],
  },
  {
    id: "app-not-enabled-for-personal-accounts",
    title: "The app does not accept personal Microsoft accounts, and one was used",
    category: "other",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70002"],
      text: ["is not enabled for consumers"],
    },
    cause:
      "The client ID belongs to an app whose supported account types exclude personal Microsoft accounts, and the " +
      "request went to the consumers side. When the client is a tool's own app (an editor, an extension), the fault is " +
      "in the tool's configuration, not yours.",
    mitigations: [
      "If it is a tool (VS Code or an extension), update it to the latest version or check its issue tracker: such faults are fixed in the tool.",
      "For your own app, sign in with a work or school account, or change the app's supported account types to include personal accounts.",
    ],
    docs: [lookup("70002"), APP_REGISTER],
  },
  {
    id: "response-mode-unsupported",
    title: "The app asked for a response mode the token endpoint does not support",
    category: "other",
    retryable: false,
    match: { stsCodes: ["AADSTS70007"] },
    cause:
      "The authorization or token request carried a response_mode (such as query) that is not allowed for it. Apps " +
      "do not set this themselves: it comes from the sign-in library or tool, usually after a version change.",
    mitigations: [
      "Update the tool or library to a version that fixes the response_mode it sends, or return to the last version that worked.",
      "Meanwhile use another sign-in method the tool offers (for example the Azure CLI's token, such as the Azure DevOps MCP server's -a azcli option).",
    ],
    docs: [lookup("70007"), ERROR_CODES],
  },
  {
    id: "encryption-key-version-not-found",
    title: "The request referred to an encryption key version the service no longer has",
    category: "other",
    retryable: false,
    match: { stsCodes: ["AADSTS220050"] },
    cause:
      "A value the client kept from an earlier exchange names a key version that the service has rotated away. It is " +
      "stale client state, not a setting you chose.",
    mitigations: [
      "Sign out, remove the account from the tool (or reset its sign-in state) and sign in again so it starts fresh.",
      "If it persists, update the tool: its sign-in code kept state it should not.",
    ],
    docs: [lookup("220050"), ERROR_CODES],
  },
  {
    id: "user-key-not-configured",
    title: "The sign-in used a device-bound key that is not registered for this user",
    category: "other",
    retryable: false,
    match: { stsCodes: ["AADSTS135010"] },
    cause:
      "The client signed in with a key bound to the device or broker (Windows Hello, a platform broker) that the " +
      "directory does not hold for the user. It usually follows a tool update that switched its sign-in path.",
    mitigations: [
      "Update the tool to its latest version or go back to the version that worked; report it on its issue tracker.",
      "Switch the tool's sign-in away from the broker (its authentication library or broker setting) until it is fixed.",
    ],
    docs: [lookup("135010"), ERROR_CODES],
  },
  {
    id: "client-id-placeholder",
    title: "The client ID is still a placeholder from a sample or template",
    category: "not-configured",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700016", "AADSTS700011"],
      text: [
        "Enter_the_Application_Id_Here",
        "your client ID",
        "your-client-id",
        "YOUR_CLIENT_ID",
        "<client-id>",
        "<your-client-id>",
      ],
      context: ["Application with identifier '"],
    },
    cause:
      "The sample's configuration was never filled in, so the text standing for the client ID was sent as if it were " +
      "one, and no app has that identifier.",
    mitigations: [
      "Register an application (App registrations in the Entra admin center) or pick an existing one, and put its client ID (the Application (client) ID on its overview page) in the configuration in place of the placeholder.",
      "Fill in the sample's other placeholders (tenant ID, redirect URI) the same way before running it.",
    ],
    docs: [APP_REGISTER],
  },
  {
    id: "resource-name-holds-scope",
    title: "A scope (…/.default or …/permission) was sent where a resource name was expected",
    category: "other",
    retryable: false,
    match: {
      stsCodes: ["AADSTS500011"],
      // A scope ends in /.default, or is api://app/permission; https://host/path alone can be a real App ID URI.
      patterns: [
        "resource principal named [^\\s]{1,200}/\\.default was not found",
        "resource principal named api://[^\\s/]{1,100}/\\S{1,100} was not found",
      ],
    },
    cause:
      "The resource (audience) named in the message is a scope (it ends with /.default or a permission name): it was passed to a setting or endpoint " +
      "that expects a resource URI (v1 'resource', an audience option), so the directory looked for an app with that whole string.",
    mitigations: [
      "Pass the resource URI without /.default where a resource or audience is expected, and the scope <resource>/.default only where a scope is expected.",
      "With the Azure CLI, az account get-access-token takes a scope with --scope and a resource URI with --resource; do not pass one as the other.",
      "Check the service's documented audience for your cloud (sovereign clouds have their own resource URIs).",
    ],
    docs: [lookup("500011"), "https://learn.microsoft.com/entra/identity-platform/scopes-oidc"],
  },
  {
    id: "authority-is-authorize-url",
    title: "The authority is a full authorize URL, so the sign-in metadata URL built from it is wrong",
    category: "tenant-invalid",
    retryable: false,
    match: {
      text: ["/oauth2/v2.0/authorize?"],
      context: [".well-known/openid-configuration"],
    },
    cause:
      "MSAL appends /v2.0/.well-known/openid-configuration to the authority. An authority that already contains the " +
      "/oauth2/v2.0/authorize endpoint and its query gives a URL that does not exist, which browsers report as a CORS failure.",
    mitigations: [
      "Set the authority to the host and tenant only: https://login.microsoftonline.com/<tenant-id or domain> (B2C: https://<tenant>.b2clogin.com/<tenant>.onmicrosoft.com/<policy>).",
      "Keep policies and other parameters out of the authority; pass them as request options.",
    ],
    docs: [MSAL_AUTHORITY],
  },
  {
    id: "msal-authority-metadata-missing",
    title: "MSAL crashed filling in the tenant because the authority's metadata never loaded",
    category: "tenant-invalid",
    retryable: false,
    match: {
      text: ["replaceTenant"],
      context: ["of undefined", "reading 'replace'"],
    },
    cause:
      "MSAL substitutes the tenant into endpoints from the authority's metadata. When the tenant in the authority does " +
      "not exist (often a user-typed tenant ID), the metadata is missing and older msal-browser versions crash instead of reporting it.",
    mitigations: [
      "Check the tenant in the authority (https://login.microsoftonline.com/<tenant>): it must be an existing tenant ID or verified domain.",
      "Validate user-entered tenant IDs before building the authority, and update msal-browser so a bad authority is reported as an error.",
    ],
    docs: [MSAL_AUTHORITY],
  },
  {
    id: "required-setting-not-provided",
    title: "A tool stopped because a setting it requires was not provided",
    category: "not-configured",
    retryable: false,
    match: {
      // Azure Pipelines names a task input left empty as "##[error]Input required: <name>".
      text: ["is required but was not provided", "##[error]Input required:"],
    },
    cause:
      "The tool reads its organization, tenant or endpoint from options or environment variables, and the one named in " +
      "the message was empty. Hosts that start tools for you (editors, agent hosts for MCP servers) do not always pass " +
      "the environment block you configured.",
    mitigations: [
      "Provide the setting the message names, as an option or through its environment variables (for example AZURE_DEVOPS_ORG_URL for the Azure DevOps MCP server), and check they reach the process the host starts.",
      "If the host ignores its env block, pass the value as a command-line argument in the server definition instead.",
      "In a pipeline task, set the input the message names (for example azureSubscription, the service connection) in the step's inputs; a variable used there must be defined for that stage.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "vscode-azure-account-not-signed-in",
    title: "VisualStudioCodeCredential found no token from VS Code's Azure Account sign-in",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: [
        "Could not retrieve the token associated with Visual Studio Code",
        "Did you connect using the 'Azure Account' extension",
      ],
      credentials: ["VisualStudioCodeCredential"],
    },
    cause:
      "Older @azure/identity versions read the token that VS Code's Azure Account extension stored after its sign-in. " +
      "Nobody signed in with that extension, or its stored sign-in expired.",
    mitigations: [
      "In VS Code, sign in with the Azure Account extension (command 'Azure: Sign In'), then run the code again.",
      "Current @azure/identity versions use the Azure Resources extension and @azure/identity-vscode instead; or use AzureCliCredential after az login.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "editor-cached-account-unreadable",
    title: "The tool could not read the signed-in Azure account from its token cache",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: ["Failed to get login account token from cache"],
    },
    cause:
      "The tool keeps the Azure account it signed in with in a local cache. The cached entry is missing, expired or " +
      "unreadable, so no token can be produced without a new sign-in.",
    mitigations: [
      "Sign out of the Azure account in the tool and sign back in.",
      "If it keeps failing, clear the tool's stored accounts and sign in again.",
    ],
    docs: ["https://learn.microsoft.com/microsoftteams/platform/toolkit/troubleshoot"],
  },
  {
    id: "storage-explorer-tenant-filtered",
    title: "The resource is in a tenant the desktop tool has filtered out for this account",
    category: "multi-tenant",
    retryable: false,
    match: {
      text: ["in a tenant which is currently filtered out"],
    },
    cause:
      "Storage Explorer signs in to the tenants you select per account. The resource belongs to a tenant that is not " +
      "selected, so the tool does not request tokens for it.",
    mitigations: [
      "Open Account Management, select (un-filter) the tenant that holds the resource under your account, and re-authenticate if the tool asks.",
      "If that tenant does not appear, your account is not a member or guest of it: ask for an invitation, or sign in with an account of that tenant.",
    ],
    docs: ["https://learn.microsoft.com/troubleshoot/azure/azure-storage/storage-explorer-troubleshooting"],
  },
  {
    id: "azure-devops-identity-not-materialized",
    title: "Azure DevOps does not know this identity in the organization's tenant yet",
    category: "multi-tenant",
    retryable: false,
    match: {
      text: ["has not been materialized"],
    },
    cause:
      "The token came from a tenant other than the one backing the Azure DevOps organization, or the user has never " +
      "signed in to the organization, so Azure DevOps has no matching identity.",
    mitigations: [
      "Sign in to the tenant that backs the organization: az login --tenant <tenant-id> (or pass that tenant to your credential), then retry.",
      "If the user never used the organization, sign in once in the browser at https://dev.azure.com/<organization> so the identity is created.",
    ],
    docs: [
      "https://learn.microsoft.com/azure/devops/organizations/accounts/connect-organization-to-azure-ad",
    ],
  },
];
