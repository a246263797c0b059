/** Failures common to every credential: how errors surface, tenants, authority hosts, logging, multi-tenant. */
import type { KnowledgeEntry } from "../schema.js";

const JS_GUIDE =
  "https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/identity/identity/TROUBLESHOOTING.md";
const ERROR_CODES = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";
const LOGGER = "https://learn.microsoft.com/javascript/api/overview/azure/logger-readme";
const FIND_TENANT = "https://learn.microsoft.com/entra/fundamentals/how-to-find-tenant";

export const generalEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "credential-authentication-failed",
    title: "A service call failed because its credential could not get a token",
    category: "other",
    retryable: false,
    match: {
      text: [
        "An unknown error occurred and no additional details are available",
        "An unknown error has occurred. Response body",
        "The service indicated that the request was invalid",
        "unknown_error",
      ],
      errorNames: [
        "AuthenticationError",
        "AuthenticationRequiredError",
        "ClientAuthenticationError",
        "AuthenticationFailedError",
      ],
    },
    cause:
      "Service clients ask their credential for a token only when they first send a request and again when the token " +
      "nears expiry, so an identity failure shows up as an exception from an ordinary service call. The problem lies " +
      "with the credential and Microsoft Entra ID, not with the service that was being called.",
    mitigations: [
      "Look at the credential type, the AADSTS code and its description, the correlation ID and the timestamp in the message; together they say who refused what.",
      "Reproduce with credential.getToken(scope) alone to separate identity problems from service problems.",
      "Turn on logging (AZURE_LOG_LEVEL=info) to see each credential's attempt.",
    ],
    docs: [JS_GUIDE, ERROR_CODES],
  },
  {
    id: "credential-unavailable",
    title: "The credential cannot run in this environment, so a chain moves on to the next one",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["authentication unavailable", "CredentialUnavailableException"],
      errorNames: ["CredentialUnavailableError", "CredentialUnavailableException"],
    },
    cause:
      "A credential that lacks what it needs here (variables, a signed-in tool, an endpoint) reports itself " +
      "unavailable instead of failing. ChainedTokenCredential and DefaultAzureCredential read that as 'try the next " +
      "member'; on its own it simply means this way of signing in is not set up.",
    mitigations: [
      "If this is the credential you meant to use, set up what its message asks for.",
      "Otherwise ignore it and look at the member of the chain you expected to succeed.",
      "Narrow the chain to what you use (ChainedTokenCredential, or AZURE_TOKEN_CREDENTIALS=dev/prod/<CredentialName>) so the report only shows relevant members.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "all-chain-sources-skipped",
    title: "Every credential the chain was allowed to use was skipped, so no token was produced",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["Failed to retrieve a valid token"],
      credentials: ["DefaultAzureCredential", "ChainedTokenCredential"],
      errorNames: ["CredentialUnavailableError"],
    },
    cause:
      "The chain ended without any member throwing: the members it kept could not even be constructed (for example " +
      "AZURE_TOKEN_CREDENTIALS names WorkloadIdentityCredential but its variables are missing), so DefaultAzureCredential " +
      "replaced them with placeholders that return nothing. The real reason is only written to the log.",
    mitigations: [
      "Turn on logging (AZURE_LOG_LEVEL=info) and read the 'Skipped … because of an error creating the credential' lines.",
      "Provide the configuration of the credential named in AZURE_TOKEN_CREDENTIALS, or unset that variable.",
    ],
    docs: [JS_GUIDE, LOGGER],
  },
  {
    id: "logging-level-invalid",
    title: "AZURE_LOG_LEVEL has a value the Azure logger does not know, so logging stayed off",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["set to unknown log level", "Unknown log level '"],
    },
    cause:
      "The Azure SDK logger accepts only verbose, info, warning and error. Any other value is rejected, and without " +
      "logging the attempts of each credential stay invisible.",
    mitigations: [
      'Set AZURE_LOG_LEVEL=info (or verbose) before the process starts, or call setLogLevel("info") from @azure/logger early.',
      "Use the @azure/logger instance that @azure/identity itself resolves; a second copy in node_modules logs nothing for identity.",
    ],
    docs: [LOGGER],
  },
  {
    id: "tenant-id-malformed",
    title: "The tenant ID contains characters no tenant ID or domain can have",
    category: "tenant-invalid",
    retryable: false,
    match: {
      // Go words it "invalid tenantID".
      text: ["Invalid tenant id provided", "invalid tenantID. You can locate your tenantID"],
    },
    cause:
      "Credentials check the tenant before sending anything: it must be a GUID or a domain made of letters, digits, " +
      "'-' and '.'. A quoted value, a URL, a space or a stray newline fails that check.",
    mitigations: [
      "Use the Directory (tenant) ID GUID from the Entra admin center, or the tenant's primary domain (contoso.onmicrosoft.com).",
      "Strip quotes, whitespace and trailing newlines from AZURE_TENANT_ID or the option you pass.",
    ],
    docs: [FIND_TENANT],
  },
  {
    id: "authority-tenant-required",
    title: "An app-only token was requested from common, organizations or consumers instead of one tenant",
    category: "tenant-invalid",
    retryable: false,
    match: {
      text: ["missing_tenant_id_error", "must be specified when using the client_credentials flow"],
    },
    cause:
      "A token for the application itself (client credentials: a secret, certificate or assertion) is always issued " +
      "by one tenant. The authority ends in common, organizations or consumers, which only sign in users, so the " +
      "library refuses before asking.",
    mitigations: [
      "Put the tenant ID (the Directory (tenant) ID GUID, or a verified domain) in the authority: https://login.microsoftonline.com/<tenant-id>.",
      "With @azure/identity or another Azure SDK, pass the tenant ID to the credential (tenantId, AZURE_TENANT_ID) rather than common.",
      "For a multi-tenant app, request the token from the tenant whose resources it calls, one authority per tenant.",
    ],
    docs: [
      FIND_TENANT,
      "https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration",
    ],
  },
  {
    id: "authority-host-not-https",
    title: "The authority host is an http:// URL, which credentials refuse",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["The authorityHost address must use the 'https' protocol"],
    },
    cause:
      "Tokens may only be requested over TLS. AZURE_AUTHORITY_HOST or the authorityHost option starts with http://; " +
      "inside DefaultAzureCredential this silently removes the environment, workload and managed identity members.",
    mitigations: [
      "Use https://login.microsoftonline.com (or your sovereign cloud's https host) for AZURE_AUTHORITY_HOST / authorityHost.",
      "Unset AZURE_AUTHORITY_HOST when you use the public cloud.",
    ],
    docs: ["https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud"],
  },
  {
    id: "authority-endpoints-unresolved",
    title: "The credential could not load the tenant's sign-in metadata",
    category: "tenant-invalid",
    retryable: false,
    match: {
      text: [
        "endpoints_resolution_error",
        "openid_config_error",
        "Endpoints cannot be resolved",
        // MSAL for Python (the Azure CLI, azure-identity) when the authority's metadata cannot be loaded.
        "Unable to get authority configuration for",
      ],
    },
    cause:
      "Before asking for a token, MSAL downloads the tenant's OpenID configuration. That failed: the tenant does not " +
      "exist in this cloud (AADSTS90002 hidden inside), the authority host is wrong, a proxy or TLS inspection breaks the " +
      "certificate chain, or the machine is offline. The JavaScript library reports it as 'unavailable', so a chain moves on.",
    mitigations: [
      "Check the tenant ID and the authority host (public cloud vs. sovereign cloud) used by the credential. The Azure CLI takes the host from its cloud: `az cloud show` / `az cloud set --name AzureCloud` (retired clouds such as Azure Germany, login.microsoftonline.de, no longer hold tenants).",
      "Test https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration from the same machine; fix proxy (HTTPS_PROXY) or CA trust (NODE_EXTRA_CA_CERTS) if it fails.",
      "For a multi-tenant app used in another tenant, have that tenant's administrator add the app.",
    ],
    docs: [JS_GUIDE, "https://aka.ms/msal.js.errors"],
  },
  {
    id: "sts-network-error",
    title: "The token request did not reach Microsoft Entra ID or got no usable answer",
    category: "network",
    retryable: true,
    match: {
      text: [
        "network_error: See https://aka.ms/msal.js.errors#network_error",
        "network_error: Network request failed",
        "A server error occured.",
        "A client error occured.",
        // msal-node 7 (identity 4.14) reports a 200 answer that is not JSON this way, with the status and body.
        "Description: An unknown error occured.",
      ],
      // How confidential-client flows throw it; lifts it above the generic unknown_error entry.
      errorNames: ["AuthenticationRequiredError"],
    },
    cause:
      "MSAL could not complete the HTTPS exchange with the token endpoint: DNS, proxy, firewall or TLS problems, or " +
      "the endpoint (or something in between) answered with a page that is not an OAuth response.",
    mitigations: [
      "Retry after a short delay; if it persists, test the network path to https://login.microsoftonline.com from the same host.",
      "Set HTTPS_PROXY/NO_PROXY correctly, and trust the proxy's CA with NODE_EXTRA_CA_CERTS if it inspects TLS.",
      "Read the HTTP status and body in the message: an HTML page usually comes from a proxy or captive portal.",
    ],
    docs: ["https://aka.ms/msal.js.errors"],
  },
  {
    id: "localhost-unresolvable",
    title: "The name localhost could not be resolved, so a sign-in redirect listener could not start",
    category: "network",
    retryable: false,
    match: {
      text: ["lookup localhost on"],
    },
    cause:
      "Interactive sign-ins (az login, azd auth login, InteractiveBrowserCredential) listen on localhost for the " +
      "browser's redirect. The resolver was asked for localhost and sent the query to an external DNS server, which " +
      "does not know it: the hosts file lacks the localhost line.",
    mitigations: [
      "Add `127.0.0.1 localhost` (and `::1 localhost`) to the hosts file (/etc/hosts, or C:\\Windows\\System32\\drivers\\etc\\hosts) and retry.",
      "Or sign in with a flow that needs no local listener, such as `azd auth login --use-device-code` / `az login --use-device-code`.",
    ],
    docs: ["https://learn.microsoft.com/azure/developer/azure-developer-cli/reference#azd-auth-login"],
  },
  {
    id: "token-credentials-value-invalid",
    title: "AZURE_TOKEN_CREDENTIALS holds a value DefaultAzureCredential does not accept",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["Invalid value for AZURE_TOKEN_CREDENTIALS"],
      credentials: ["DefaultAzureCredential"],
    },
    cause:
      "The variable narrows DefaultAzureCredential to 'dev', 'prod' or a single credential class name; anything else " +
      "(a typo, a list, quotes) makes the constructor throw.",
    mitigations: [
      "Set AZURE_TOKEN_CREDENTIALS to dev, prod, or exactly one name such as ManagedIdentityCredential or AzureCliCredential.",
      "Unset it to get the full default chain.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "required-env-vars-missing",
    title: "DefaultAzureCredential was told to require environment variables that are not set",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "for DefaultAzureCredential is not set or empty",
        "for DefaultAzureCredential are not set or empty",
        "Required environment variables are missing",
      ],
      credentials: ["DefaultAzureCredential"],
    },
    cause:
      "The application opted in (requiredEnvVars) to failing fast when some variables are missing, and at least one is empty.",
    mitigations: [
      "Set the variables named in the message before the process starts.",
      "If they are optional in this environment, remove them from requiredEnvVars.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "tenant-not-allowed-for-credential",
    title: "A token was requested for a tenant the credential is not allowed to use",
    category: "multi-tenant",
    retryable: false,
    match: {
      text: [
        "is not configured to acquire tokens for tenant",
        "additionallyAllowedTenants",
        "AdditionallyAllowedTenants",
      ],
    },
    cause:
      "A service challenge (or getToken's tenantId option) asked for a token from a tenant other than the one the " +
      "credential was built for. Credentials refuse such cross-tenant requests unless the tenant is explicitly allowed.",
    mitigations: [
      "Add that tenant ID to additionallyAllowedTenants in the credential options (additionally_allowed_tenants in Python, AdditionallyAllowedTenants in .NET, additionallyAllowedTenants(…) on Java's builders, AdditionallyAllowedTenants in Go).",
      'Or add "*" to additionallyAllowedTenants to allow any tenant (only when the app is meant to be multi-tenant).',
      "If the resource should live in your own tenant, check that the service endpoint and subscription are the ones you expect.",
    ],
    docs: [
      JS_GUIDE,
      "https://learn.microsoft.com/javascript/api/@azure/identity/defaultazurecredentialoptions",
    ],
  },
  {
    id: "automatic-authentication-disabled",
    title: "An interactive credential needs the user to sign in, but automatic prompting is turned off",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: ["Automatic authentication has been disabled"],
      credentials: ["InteractiveBrowserCredential", "DeviceCodeCredential", "AuthorizationCodeCredential"],
    },
    cause:
      "The credential was created with disableAutomaticAuthentication and has no cached account for these scopes, so " +
      "getToken stops instead of opening a prompt.",
    mitigations: [
      "Call credential.authenticate(scopes) first (at a point where prompting is acceptable) and keep the returned AuthenticationRecord.",
      "Pass that record back (authenticationRecord option) together with a persistent token cache on later runs.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "bearer-token-provider-refresh-failed",
    title: "The pipeline policy could not refresh its access token",
    category: "other",
    retryable: false,
    match: {
      text: ["Failed to refresh access token", "Failed to get access token"],
    },
    cause:
      "The bearer-token policy of an Azure SDK client (or getBearerTokenProvider) asked its credential for a new token " +
      "and got an error or nothing. The real reason is the credential's own error, usually attached as the cause.",
    mitigations: [
      "Inspect error.cause (and its own cause) for the credential's message and AADSTS code.",
      "Call credential.getToken(scope) directly to reproduce the failure without the service client.",
    ],
    docs: [JS_GUIDE],
  },
];
