/**
 * Entries the matcher uses when nothing more specific applies. They are data like every other entry, but
 * they are chosen by the matcher (an AADSTS code no entry knows, a service reply no entry knows), not by
 * match rules.
 */
import type { KnowledgeEntry } from "./schema.js";

/** Microsoft's lookup page for an AADSTS number. */
export function stsLookupUrl(stsCode: string): string {
  return `https://login.microsoftonline.com/error?code=${stsCode.replace(/^AADSTS/i, "")}`;
}

/** Used for an AADSTS code that no entry lists (its lookup link is added per code). */
export const unlistedStsCodeEntry: KnowledgeEntry = {
  id: "sts-code-unlisted",
  title: "Microsoft Entra ID rejected the token request with a code this knowledge base does not list",
  category: "other",
  retryable: false,
  match: {},
  cause:
    "The identity provider refused to issue a token and explained why in the AADSTS code and its description. " +
    "This particular code has no dedicated entry here, so the description next to the code is the best guide.",
  mitigations: [
    "Read the sentence after the AADSTS code: it names the setting, app or user that was refused.",
    "Open Microsoft's lookup page for the code (linked below) for its official meaning.",
    "Give the correlation ID and timestamp to your tenant administrator: they find the exact request in the Entra sign-in logs with them.",
  ],
  docs: ["https://learn.microsoft.com/entra/identity-platform/reference-error-codes"],
};

/** A chain member that never settled, stopped by `DiagnosticCredential`'s `timeoutMs`. */
export const credentialTimedOutEntry: KnowledgeEntry = {
  id: "credential-timed-out",
  title: "A credential did not return a token in time and was stopped by the timeout",
  category: "managed-identity-unavailable",
  retryable: true,
  match: { text: ["did not return a token within"], errorNames: ["CredentialUnavailableError"] },
  cause:
    "The member named in the message started a token request and never finished it. The usual culprit is a " +
    "managed identity endpoint that answers DefaultAzureCredential's availability probe but never the token " +
    "request itself; identity's own abort signal does not reach that request, so only an outer timeout ends it.",
  mitigations: [
    "On a machine without managed identity, leave it out: set AZURE_TOKEN_CREDENTIALS=dev, or build a ChainedTokenCredential of the credentials you use.",
    "On Azure, check that managed identity is enabled for this resource and that nothing (a proxy, a firewall, a sidecar) holds requests to 169.254.169.254.",
    "In production, use ManagedIdentityCredential directly instead of DefaultAzureCredential.",
  ],
  docs: ["https://aka.ms/azsdk/js/identity/managedidentitycredential/troubleshoot"],
};

const ERROR_CODES = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";
const MI_OVERVIEW = "https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/overview";
const RBAC = "https://learn.microsoft.com/azure/role-based-access-control/troubleshooting";

/**
 * One entry per family of fix, for a failure no specific entry knows but whose family shows (a phrase, an
 * OAuth error, a status line, an AADSTS code's range, the credential that failed): chosen by the engine's family
 * rules (src/diagnosis/families.ts), never by match rules, so their advice is generic but true for the family.
 */
export const familyEntries: readonly KnowledgeEntry[] = [
  {
    id: "family-managed-identity-refused",
    title: "The managed identity endpoint answered, but not with a token for this identity",
    category: "managed-identity-unavailable",
    retryable: false,
    match: {},
    cause:
      "The code runs where a managed identity endpoint exists, and that endpoint refused the request: no identity " +
      "is enabled or assigned to this resource, several are and none was chosen, or the one asked for is not there.",
    mitigations: [
      "Enable a managed identity on the resource the code runs on (the VM, app, container or Azure Machine Learning compute instance: system-assigned), or assign the user-assigned identity you mean to use to that resource.",
      "With user-assigned identities, pass the identity's client ID to the credential (managedIdentityClientId / client_id / AZURE_CLIENT_ID).",
      "On Kubernetes, check that the pod's identity binding or workload identity annotation names that identity.",
    ],
    docs: [MI_OVERVIEW],
  },
  {
    id: "family-imds-unreachable",
    title: "No managed identity endpoint answered",
    category: "imds-unreachable",
    retryable: true,
    match: {},
    cause:
      "The request to the managed identity endpoint (169.254.169.254 or the platform's local endpoint) got no " +
      "answer: the code is not running on Azure, or something between it and the endpoint drops or refuses it.",
    mitigations: [
      "Off Azure (a laptop, a build agent, another cloud), use a developer credential (the Azure CLI after az login, your IDE's Azure sign-in) or a service principal instead of managed identity.",
      "On Azure, check that nothing (a proxy setting, a firewall, a container network) blocks 169.254.169.254.",
    ],
    docs: [MI_OVERVIEW],
  },
  {
    id: "family-network",
    title: "The identity provider or an endpoint could not be reached over the network",
    category: "network",
    retryable: true,
    match: {},
    cause:
      "The request never got an answer it could use: the host name did not resolve, the connection was refused, " +
      "reset or timed out, a proxy asked for credentials, or a TLS inspection certificate was not trusted.",
    mitigations: [
      "Check that this machine reaches login.microsoftonline.com (and the service's host) on port 443: DNS, firewall, proxy.",
      "Behind a proxy, set HTTPS_PROXY; behind TLS inspection, trust its root certificate (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE).",
      "If it was a passing outage, try again.",
    ],
    docs: ["https://learn.microsoft.com/azure/developer/intro/azure-service-sdk-tool-versions"],
  },
  {
    id: "family-tool-missing",
    title: "A developer tool the credential runs could not be started",
    category: "tool-missing",
    retryable: false,
    match: {},
    cause:
      "The credential starts a command-line tool (az, azd, pwsh) and this process could not find or run it: it is " +
      "not installed, too old, or not on the PATH this process sees.",
    mitigations: [
      "Install or upgrade the tool, then open a new terminal so the PATH is read again.",
      "If it works in your terminal but not here, give this process the same PATH (apps started from a dock, a service or an IDE often get a shorter one).",
    ],
    docs: ["https://learn.microsoft.com/cli/azure/install-azure-cli"],
  },
  {
    id: "family-not-logged-in",
    title: "The tool or account needs you to sign in (again)",
    category: "not-logged-in",
    retryable: false,
    match: {},
    cause:
      "The developer tool or account the credential relies on has no usable sign-in: nobody signed in, or the " +
      "session expired, was revoked or was signed out.",
    mitigations: [
      "Sign in again with the tool the credential uses: az login, azd auth login, Connect-AzAccount, or your IDE's Azure sign-in.",
      "Sign in as the account that has access, to the tenant that holds the resource (az login --tenant <tenant-id>).",
    ],
    docs: ["https://learn.microsoft.com/cli/azure/authenticate-azure-cli"],
  },
  {
    id: "family-assertion-invalid",
    title: "The client assertion or token presented could not be validated",
    category: "assertion-invalid",
    retryable: false,
    match: {},
    cause:
      "The signed token sent in place of a secret (a certificate's JWT or a federated token) is malformed, signed " +
      "with a key the app does not know, or carries claims that do not fit this client.",
    mitigations: [
      "Check that the certificate (or key) used to sign is the one uploaded to the app registration, and that its private key is included.",
      "For a federated token, check its issuer, subject and audience against the app's federated credential.",
    ],
    docs: [ERROR_CODES],
  },
  {
    id: "family-credential-invalid",
    title: "The secret, certificate or password presented was not accepted",
    category: "credential-invalid",
    retryable: false,
    match: {},
    cause:
      "Microsoft Entra ID did not accept the client's credential: the secret's value is wrong (often its ID was " +
      "copied), the certificate is not the one registered or could not be read, or the password is wrong.",
    mitigations: [
      "Use the secret's value, not its ID; if unsure, create a new secret and update every place that stores it.",
      "For a certificate, check it is the one registered on the app and that the file holds the private key in the format the library expects.",
    ],
    docs: [ERROR_CODES],
  },
  {
    id: "family-app-not-found",
    title: "The client application is not known or not allowed for this request",
    category: "app-not-found",
    retryable: false,
    match: {},
    cause:
      "The client (application) ID is not registered in the tenant asked, or the app is not allowed to use this " +
      "kind of request.",
    mitigations: [
      "Check the client ID is the app registration's Application (client) ID (not its Object ID) and the tenant ID is the app's tenant.",
      "If the app was just created, wait a few minutes for it to replicate, then try again.",
    ],
    docs: [ERROR_CODES],
  },
  {
    id: "family-consent-required",
    title: "Consent for the app or the resource is missing",
    category: "consent-required",
    retryable: false,
    match: {},
    cause:
      "The user or an administrator has not consented to the permissions the app asks for, or refused them.",
    mitigations: [
      "Ask an administrator to grant admin consent for the app's API permissions.",
      "Check the scope names a resource that exists in this tenant.",
    ],
    docs: ["https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent"],
  },
  {
    id: "family-conditional-access",
    title: "A sign-in policy demands something this flow cannot give",
    category: "conditional-access-mfa",
    retryable: false,
    match: {},
    cause:
      "Conditional Access or multi-factor authentication requires an interactive sign-in or a device state that " +
      "this non-interactive flow cannot provide.",
    mitigations: [
      "Sign in interactively (az login, an interactive or device code credential) to satisfy the policy.",
      "For automation, use a service principal or managed identity that the policy does not target; ask your administrator.",
    ],
    docs: ["https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access"],
  },
  {
    id: "family-permission-denied",
    title: "The service refused the token: the caller lacks permission",
    category: "permission-denied",
    retryable: false,
    match: {},
    cause:
      "A token was issued and the service answered 401 or 403: the principal it names has no role, access policy " +
      "or network rule that allows this operation.",
    mitigations: [
      "Grant the principal the token names a role assignment (or access policy) for this operation on this resource.",
      "Role changes can take several minutes to apply; a managed identity's token may be cached for up to 24 hours.",
    ],
    docs: [RBAC],
  },
];

/** Entries that belong to the matcher and to `DiagnosticCredential` rather than to a seed guide. */
export const fallbackEntries: readonly KnowledgeEntry[] = [
  unlistedStsCodeEntry,
  credentialTimedOutEntry,
  ...familyEntries,
];
