/**
 * Families first seen in Go and .NET logs that no other file covered: Visual Studio's token service, the Azure CLI
 * as other tools drive it, an authority path read as the tenant, the managed identity endpoint that no route
 * reaches, certificate assertions refused for their time or key, and services that accept no keys.
 */
import type { KnowledgeEntry } from "../schema.js";

const VS_TROUBLESHOOT = "https://aka.ms/azsdk/net/identity/vscredential/troubleshoot";
const CLI_UPDATE = "https://learn.microsoft.com/cli/azure/update-azure-cli";
const CLI_MSAL = "https://learn.microsoft.com/cli/azure/msal-based-azure-cli";
const IMDS = "https://learn.microsoft.com/azure/virtual-machines/instance-metadata-service";
const MI_TROUBLESHOOT = "https://aka.ms/azsdk/js/identity/managedidentitycredential/troubleshoot";
const CERT_CREDS = "https://learn.microsoft.com/entra/identity-platform/certificate-credentials";
const MSAL_AUTHORITY =
  "https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration";
// Visual Studio's token service and the options page it points to, as each release words them.
const VS_TOKEN_SERVICE = [
  "Azure Services Authentication",
  "Azure Service Authentication",
  "Microsoft.Asal.TokenService",
  "VisualStudioCredential",
] as const;

export const goDotnetEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "visual-studio-sign-in-needed",
    title: "Visual Studio has no usable Azure account: none was added, or its sign-in must be renewed",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: [
        "needs re-authentication",
        "and re-authenticate the account you want to use",
        "TS005: No accounts found",
        "add an account to be authenticated to Azure services",
      ],
      context: [...VS_TOKEN_SERVICE],
      credentials: ["VisualStudioCredential"],
    },
    cause:
      "VisualStudioCredential (and the older AppAuthentication library) ask Visual Studio's token service for a token " +
      "on behalf of the account chosen under Azure Service Authentication. That account's sign-in has lapsed (a " +
      "password change, a revoked session, a Conditional Access sign-in frequency), or no account was ever added for " +
      "this Windows user.",
    mitigations: [
      "Open Visual Studio as the same Windows user that runs the code, go to Tools > Options > Azure Services Authentication (Azure Service Authentication in some versions), and re-authenticate the account (or add one if the list is empty).",
      "If the account works in Visual Studio but the code runs elevated or as another user, sign in from that user context too: each Windows user has its own Visual Studio accounts.",
      "Or sign in with another developer tool the chain also tries (`az login`, `Connect-AzAccount`) and leave Visual Studio out of the chain.",
    ],
    docs: [VS_TROUBLESHOOT],
  },
  {
    id: "visual-studio-token-service-timeout",
    title: "Visual Studio's token service did not return a token in time",
    category: "tool-missing",
    retryable: true,
    match: {
      text: ["has failed to get access token in"],
      context: [...VS_TOKEN_SERVICE],
      credentials: ["VisualStudioCredential"],
    },
    cause:
      "VisualStudioCredential starts Microsoft.Asal.TokenService.exe from the Visual Studio installation and waits a " +
      "fixed time for it. The process could not start or finish for this user: it lacks permissions on the " +
      "installation or its profile folders, it waits for a prompt nobody sees, or a first start is slow.",
    mitigations: [
      "Run the code as a user with permissions to start Visual Studio's token service (read and execute on the Visual Studio folder, a loaded user profile); services and restricted accounts often lack them.",
      "Start Visual Studio once as that user and check that its Azure account is signed in; then retry.",
      "Raise the credential's process timeout (VisualStudioCredentialOptions.ProcessTimeout), or use another developer credential (`az login` with AzureCliCredential).",
    ],
    docs: [VS_TROUBLESHOOT],
  },
  {
    id: "azure-cli-arguments-unsupported",
    title: "The installed Azure CLI did not understand the command a tool ran (usually too old)",
    category: "tool-missing",
    retryable: false,
    match: {
      text: [
        // Go's os/exec wording when az stops on an argument error (its exit code 2).
        "Azure CLI: exit status 2",
        "az: error: unrecognized arguments",
        "is misspelled or not recognized by the system",
      ],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "Tools such as Terraform's azurerm provider, azd or an SDK credential run `az` with arguments of the CLI " +
      "version they were built for. An older CLI rejects an argument or command it does not know and exits with " +
      "status 2, so the tool gets no account or token.",
    mitigations: [
      "Upgrade the Azure CLI (`az upgrade`, or your package manager or installer) and check the version with `az version`.",
      "If several Azure CLI installs exist, make sure the process finds the new one first on its PATH.",
      "Run the command the tool ran by hand (for example `az account get-access-token -o json`) to see the CLI's own error.",
    ],
    docs: [CLI_UPDATE],
  },
  {
    id: "azure-cli-token-file-unreadable",
    title: "A tool looked for the Azure CLI's old token file, which current CLI versions no longer write",
    category: "other",
    retryable: false,
    match: {
      text: ["No Authorization Tokens were found", "accessTokens.json"],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "Older Go and Python tools read the Azure CLI's session straight from ~/.azure/accessTokens.json. Since Azure " +
      "CLI 2.30 the CLI keeps its tokens in an MSAL cache instead, so those tools find nothing even after `az login` " +
      "succeeded.",
    mitigations: [
      "Upgrade the tool that reads the CLI session (for example Terraform's azurerm provider, or an SDK built on go-autorest or adal) to a version that calls `az account get-access-token` instead of reading the file.",
      "Until then, give that tool a service principal or managed identity of its own instead of the Azure CLI session.",
    ],
    docs: [CLI_MSAL],
  },
  {
    id: "authority-path-read-as-tenant",
    title:
      "The authority carries an endpoint path, so a word of that path (authorize, token) was sent as the tenant",
    category: "tenant-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS900023", "AADSTS90002"],
      text: [
        "tenant identifier 'authorize'",
        "tenant identifier 'token'",
        "tenant identifier 'oauth2'",
        "tenant 'authorize' not found",
        "tenant 'token' not found",
        "tenant 'oauth2' not found",
      ],
      context: [
        "identifier 'authorize'",
        "identifier 'token'",
        "identifier 'oauth2'",
        "tenant 'authorize'",
        "tenant 'token'",
        "tenant 'oauth2'",
      ],
    },
    cause:
      "MSAL, ADAL and the SDKs take the tenant from the first path segment after the authority host. An authority " +
      "such as https://login.microsoftonline.com/<tenant>/oauth2/authorize or …/oauth2/token gives a last segment " +
      "that the library reads as the tenant, and Microsoft Entra ID has no tenant of that name.",
    mitigations: [
      "Set the authority to the host and tenant only: https://login.microsoftonline.com/<tenant ID or domain>, without /oauth2/authorize, /oauth2/token or /v2.0.",
      "Where a setting takes the tenant alone (tenantId, AZURE_TENANT_ID, a connection string's tenant), pass the Directory (tenant) ID, not a URL.",
    ],
    docs: [MSAL_AUTHORITY],
  },
  {
    id: "imds-retries-network-unreachable",
    title: "Every attempt to reach the managed identity endpoint failed: no network route leads to it",
    category: "imds-unreachable",
    retryable: false,
    match: {
      text: [
        "Multiple attempts failed to obtain a token from the managed identity endpoint",
        "All Managed Identity sources are unavailable",
        "The Azure Instance Metadata Service (IMDS) that runs on VMs was not detected",
      ],
      context: [
        "unreachable network",
        "unreachable host",
        "network is unreachable",
        "no route to host",
        "ENETUNREACH",
        "EHOSTUNREACH",
      ],
      credentials: ["ManagedIdentityCredential", "DefaultAzureCredential"],
    },
    cause:
      "The credential retried the instance metadata endpoint (IMDS, 169.254.169.254) and each attempt ended with a " +
      "socket error saying no route exists. That address only answers on Azure VMs and similar hosts; on a laptop, " +
      "in a local container or in another cloud there is no managed identity at all.",
    mitigations: [
      "Off Azure, do not use managed identity: sign in with a developer credential (`az login` for AzureCliCredential, or DefaultAzureCredential's developer members) and keep ManagedIdentityCredential for code running on Azure.",
      "In DefaultAzureCredential, leave managed identity out where it cannot work (AZURE_TOKEN_CREDENTIALS=dev, or a chain of the credentials you use).",
      "On an Azure VM or scale set, check that a route, firewall or proxy does not block IMDS at 169.254.169.254 (add it to NO_PROXY) and that managed identity is enabled.",
    ],
    docs: [IMDS, MI_TROUBLESHOOT],
  },
  {
    id: "client-assertion-clock-skew",
    title: "The client assertion's validity window does not contain the current time",
    category: "token-expired",
    retryable: false,
    match: {
      // The certificate path's code; a federated token's lapse (AADSTS700024) has its own entry.
      stsCodes: ["AADSTS50012"],
      context: ["not within its valid time range"],
      credentials: ["ClientCertificateCredential", "ClientAssertionCredential"],
    },
    cause:
      "A signed client assertion carries nbf and exp times in UTC. Microsoft Entra ID compares them with its own " +
      "clock: a machine clock that is off, a local time written as UTC, or an assertion built long before use " +
      "puts the window in the past or the future.",
    mitigations: [
      "Check the clock of the machine that builds the assertion: sync it with NTP and make sure the time zone is right, since nbf and exp must be UTC seconds.",
      "Build the assertion right before the token request, with a short lifetime (a few minutes), or let the library build it from the certificate.",
    ],
    docs: [CERT_CREDS],
  },
  {
    id: "client-assertion-signing-key-unsupported",
    title: "The client assertion was signed with a key or algorithm Microsoft Entra ID does not accept",
    category: "assertion-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS5002730"],
      text: ["Unsupported key for the signing algorithm"],
      credentials: ["ClientCertificateCredential", "ClientAssertionCredential"],
    },
    cause:
      "A certificate assertion must be signed with the RSA private key of a certificate registered on the app, using " +
      "RS256 or PS256. A key of another type (an elliptic-curve key), a key that does not fit the algorithm in the " +
      "assertion's header, or a hand-built JWT with another alg is refused.",
    mitigations: [
      "Sign the assertion with the certificate's RSA private key (2048 bits or more) and RS256 or PS256; if the certificate uses an EC key, create an RSA certificate and register it on the app.",
      "Prefer the library's certificate support (ClientCertificateCredential, MSAL's WithCertificate) over a hand-built assertion, so the header and signing algorithm match the key.",
    ],
    docs: [CERT_CREDS],
  },
  {
    id: "service-key-auth-disabled",
    title: "The service refused a key because key (local) authentication is turned off on the resource",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["AuthenticationTypeDisabled", "KeyBasedAuthenticationNotPermitted"],
      text: [
        "Key based authentication is disabled for this resource",
        "Key based authentication is not permitted on this storage account",
        "Local Authorization is disabled",
      ],
      httpStatus: [401, 403],
    },
    cause:
      "The resource (Azure OpenAI or another AI service, a storage account, a Cosmos DB account) has key and shared " +
      "key access disabled, often by policy, so only Microsoft Entra tokens are accepted. The client sent an API key, " +
      "an account key, a SAS signed with one, or a connection string.",
    mitigations: [
      "Authenticate with Microsoft Entra ID instead of the key: give the client a token credential (DefaultAzureCredential, ManagedIdentityCredential) and drop the API key, shared key, SAS or connection string. In Storage Explorer, sign in with Microsoft Entra ID and open the account through it rather than with its key.",
      "Give the principal a data role on the resource: Cognitive Services OpenAI User (or Cognitive Services User), Storage Blob Data Reader or Contributor, or a Cosmos DB built-in data role assigned with `az cosmosdb sql role assignment create`.",
      "Re-enable key access on the resource (disableLocalAuth, 'Allow storage account key access') only if your organisation's policy allows it.",
    ],
    docs: [
      "https://learn.microsoft.com/azure/ai-services/disable-local-auth",
      "https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent",
    ],
  },
];
