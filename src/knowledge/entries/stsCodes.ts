/**
 * Microsoft Entra ID (AADSTS) codes not covered by a credential-specific module: MFA and Conditional Access, consent,
 * tenants and accounts, expired sessions, scopes and resources, throttling and outages.
 */
import type { KnowledgeEntry } from "../schema.js";

const ERROR_CODES = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";
const CA_TROUBLESHOOT =
  "https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access";
const CONSENT = "https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent";
const SCOPES = "https://learn.microsoft.com/entra/identity-platform/scopes-oidc";
const CLI_AUTH = "https://learn.microsoft.com/cli/azure/authenticate-azure-cli";
const lookup = (code: string) => `https://login.microsoftonline.com/error?code=${code}`;

export const stsCodeEntries = (): readonly KnowledgeEntry[] => [
  // --- MFA and Conditional Access -------------------------------------------------------------------------
  {
    id: "mfa-required",
    title: "Multi-factor authentication is required and this sign-in did not provide it",
    category: "conditional-access-mfa",
    retryable: false,
    match: {
      stsCodes: ["AADSTS50076", "AADSTS50074", "AADSTS50078", "AADSTS50158"],
      credentials: [
        "AzureCliCredential",
        "UsernamePasswordCredential",
        "AzurePowerShellCredential",
        "AzureDeveloperCliCredential",
        "VisualStudioCodeCredential",
      ],
    },
    cause:
      "A Conditional Access policy, security defaults or a risk check demands MFA (or an external challenge) for this " +
      "user and resource, or the previous MFA proof is too old. Non-interactive flows such as username/password or a " +
      "cached CLI session cannot satisfy it.",
    mitigations: [
      "Sign in again interactively and complete MFA (multi-factor authentication) for the tenant that asks for it: `az login --tenant <tenant-id>` (MFA done in your home tenant does not carry over to a guest tenant), or `az login --scope https://management.azure.com//.default` as the CLI prints; Connect-AzAccount -TenantId <tenant-id> in PowerShell.",
      "AADSTS50158 is an external authentication (a third-party MFA provider) challenge; only an interactive sign-in in a browser can satisfy it.",
      "Do not use UsernamePasswordCredential or Connect-AzAccount -Credential for accounts that need MFA; use an interactive credential or a service principal/managed identity for automation.",
      "If an interactive sign-in still fails, ask the administrator which Conditional Access policy applied (sign-in logs, by correlation ID).",
    ],
    docs: [lookup("50076"), CA_TROUBLESHOOT, CLI_AUTH],
  },
  {
    id: "mfa-registration-required",
    title: "The user must register for multi-factor authentication before signing in",
    category: "conditional-access-mfa",
    retryable: false,
    match: { stsCodes: ["AADSTS50079", "AADSTS50072", "AADSTS53004"] },
    cause:
      "Policy requires MFA but the account has no registered methods yet (or must finish registration because of risk).",
    mitigations: [
      "Sign in interactively once (https://aka.ms/mysecurityinfo) and register an authentication method for multi-factor authentication.",
      "In a web app or API, send the user back to an interactive sign-in that carries the claims value from the error (the claims challenge), so the policy can be satisfied.",
      "For automation, use a service principal or managed identity instead of a user account.",
    ],
    docs: [lookup("50079"), "https://aka.ms/mysecurityinfo"],
  },
  {
    id: "conditional-access-blocked",
    title: "A Conditional Access policy blocked token issuance",
    category: "conditional-access-mfa",
    retryable: false,
    match: { stsCodes: ["AADSTS53003", "AADSTS530032", "AADSTS530035", "AADSTS50131"] },
    cause:
      "A Conditional Access (or security defaults) policy decided that this sign-in — this user or workload, app, " +
      "location, client or risk level — must not get a token.",
    mitigations: [
      "Ask an administrator to look up the sign-in in the Entra sign-in logs by correlation ID and timestamp: the Conditional Access tab names the policy.",
      "Sign in from a location, device or client the policy allows, or have the policy adjusted for workload identities if this is automation.",
    ],
    docs: [lookup("53003"), CA_TROUBLESHOOT],
  },
  {
    id: "conditional-access-device-required",
    title: "Conditional Access requires a managed, compliant or supported device",
    category: "conditional-access-mfa",
    retryable: false,
    match: {
      stsCodes: [
        "AADSTS530003",
        "AADSTS53000",
        "AADSTS53001",
        "AADSTS53002",
        "AADSTS50005",
        "AADSTS700003",
        "AADSTS50097",
        "AADSTS53005",
      ],
    },
    cause:
      "The policy allows the resource only from a device that is Intune-managed, compliant, hybrid-joined or on a " +
      "supported platform. A container, build agent or personal machine does not qualify, and the device may not even be known to the tenant.",
    mitigations: [
      "Sign in from a compliant or joined device (on Windows, through the broker so the device identity is sent); a device-code or browser sign-in from another machine cannot prove the device state Conditional Access asks for.",
      "For automation, use a service principal or managed identity, which device policies do not apply to.",
      "Ask an administrator whether the device is registered in the tenant.",
      "AADSTS53005 asks for an app that enforces Intune app protection policies: sign in through a client app (or broker) that supports them, or ask the administrator to exclude this workload from the Conditional Access policy.",
    ],
    docs: [lookup("530003"), CA_TROUBLESHOOT],
  },
  {
    id: "sign-in-frequency-reauth",
    title: "The session is older than the sign-in frequency policy allows",
    // An expired sign-in session by the contract's expiry tie-break: the fix is signing in again.
    category: "not-logged-in",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70043"],
      // The Azure CLI's wording of the same expiry, printed without the code.
      text: ["due to sign-in frequency checks by conditional access"],
    },
    cause:
      "A Conditional Access sign-in frequency control invalidated the refresh token; a fresh interactive sign-in is needed.",
    mitigations: [
      "Sign in again (reauthenticate) with the tool that holds the session: `az login` (the CLI prints the exact `--scope` to use), `azd auth login`, Connect-AzAccount, or the app's prompt; in VS Code, sign in again from the Accounts menu (the Azure extensions share that sign-in).",
      "A Conditional Access sign-in frequency setting limits how long a session lives (the message gives the maximum in seconds); expect to sign in again at that interval, or ask an administrator about the policy for long-running work, which should use a service principal or managed identity.",
      "A library that refreshes silently (MSAL's acquireTokenSilent, a shared token cache) cannot renew a refresh token this policy rejected: catch the error, sign in again interactively, and let the new refresh token replace the old one in the cache. If DefaultAzureCredential stops at SharedTokenCacheCredential with a stale account you do not need, leave that member out (exclude_shared_token_cache_credential=True in Python, ExcludeSharedTokenCacheCredential in .NET).",
    ],
    docs: [lookup("70043"), CA_TROUBLESHOOT],
  },
  // --- Consent ---------------------------------------------------------------------------------------------
  {
    id: "consent-missing",
    title: "No user or administrator has consented to the app's access",
    category: "consent-required",
    retryable: false,
    match: {
      stsCodes: ["AADSTS65001", "AADSTS65004", "AADSTS90094", "AADSTS90095"],
      // The consent page's words when only an administrator may consent.
      text: ["in your organization that only an admin can grant"],
    },
    cause:
      "The app asks for permissions that nobody granted in this tenant (or the user declined, or only an administrator may grant them).",
    mitigations: [
      "Have an administrator grant consent to the app's API permissions (App registrations > the app > API permissions > Grant admin consent, or Enterprise applications > the app > Permissions); when the page says only an admin can grant permission, a user cannot do it. Where users may consent for themselves, one interactive sign-in lets them accept the permissions; flows without a browser (username/password, on-behalf-of calls to Microsoft Graph) cannot show that prompt and need consent given beforehand.",
      "For a client of your own API, add it as a pre-authorised client application on the API's registration.",
      "An administrator can also consent for the whole tenant by opening a sign-in URL for the app with prompt=admin_consent (or the /adminconsent endpoint with its client ID).",
      "When the app named is a Microsoft developer tool (Visual Studio, Azure CLI, Azure PowerShell) the tenant may block user consent to it: ask an administrator to consent to it, or sign in with another tool or your own app registration.",
    ],
    docs: [lookup("65001"), CONSENT],
  },
  {
    id: "first-party-app-not-preauthorized",
    title: "A Microsoft client app is not pre-authorised to call this API",
    category: "consent-required",
    retryable: false,
    match: { stsCodes: ["AADSTS65002"] },
    cause:
      "Microsoft first-party clients (Azure CLI, Visual Studio, PowerShell) cannot be consented to arbitrary APIs; the " +
      "API owner must pre-authorise them.",
    mitigations: [
      "If you own the API, add the Microsoft client's app ID as an authorised client application on the API registration.",
      "Otherwise authenticate with your own app registration: pass its client ID to the credential (a service principal, or an interactive credential with your client ID), since a Microsoft client needs preauthorization by the API owner.",
    ],
    docs: [lookup("65002")],
  },
  {
    id: "app-permissions-misconfigured",
    title: "The app requests permissions that are not configured or not consented",
    category: "consent-required",
    retryable: false,
    match: { stsCodes: ["AADSTS65005", "AADSTS650056", "AADSTS650057"] },
    cause:
      "The requested scope is missing from the app's API permissions, refers to a resource that was removed, or lacks admin consent.",
    mitigations: [
      "Add the permission under API permissions on the app registration, then grant admin consent.",
      "Check the scope string names an existing resource (for example https://graph.microsoft.com/.default).",
    ],
    docs: [lookup("650056"), CONSENT],
  },
  {
    id: "service-not-subscribed-in-tenant",
    title: "The app needs a service that the tenant has not subscribed to or enabled",
    category: "consent-required",
    retryable: false,
    match: { stsCodes: ["AADSTS650052"] },
    cause:
      "The resource's service principal does not exist in this tenant because the organisation never enabled or subscribed to that service.",
    mitigations: [
      "Ask an administrator to enable the service (or register its resource provider / create its service principal) in the tenant.",
      "Check you are signing in to the tenant that actually uses the service.",
    ],
    docs: [lookup("650052")],
  },
  {
    id: "user-not-assigned-to-app",
    title: "The user is not assigned to an application that requires assignment",
    category: "permission-denied",
    retryable: false,
    match: { stsCodes: ["AADSTS50105"] },
    cause:
      "The enterprise application has 'Assignment required' switched on and this user (or their group) is not assigned.",
    mitigations: ["Ask an administrator to assign the user or one of their groups to the application."],
    docs: [lookup("50105")],
  },
  // --- Tenants and accounts -------------------------------------------------------------------------------
  {
    id: "tenant-not-found",
    title: "The tenant does not exist in the cloud the request was sent to",
    category: "tenant-invalid",
    retryable: false,
    match: { stsCodes: ["AADSTS90002", "AADSTS90038"] },
    cause:
      "No tenant with this ID or domain exists at this authority: a typo, a deleted tenant, a tenant with no active " +
      "subscription, or a tenant in a national cloud queried through the public one.",
    mitigations: [
      "Check the tenant ID you pass (AZURE_TENANT_ID, tenantId, `az login --tenant`) against the Directory (tenant) ID in the Entra admin center.",
      "Read the tenant the message names: if it is a word from a URL (a vault or emulator path, 'secrets'), the credential took the tenant from a challenge or URL that is not an Entra authority; against a local emulator or mock, configure the emulator's authentication or skip the credential.",
      "For sovereign clouds, set the authority host (AZURE_AUTHORITY_HOST, e.g. https://login.microsoftonline.us).",
      "An empty tenant ('') or the word 'null' means the tenant setting never reached the request: set the tenant ID, or sign in again naming it (`az login --tenant <tenant-id>`, the IDE's sign-in). Check the authority URL too: https://login.microsoftonline.com/<tenant-id> in the public cloud, not a test or pre-production host.",
    ],
    docs: [
      lookup("90002"),
      "https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud",
    ],
  },
  {
    id: "tenant-not-identified",
    title: "The request did not say which tenant to sign in to",
    category: "tenant-invalid",
    retryable: false,
    // 9001023: a grant (such as client credentials) that /common and /consumers do not accept.
    match: { stsCodes: ["AADSTS50059", "AADSTS50128", "AADSTS90019", "AADSTS9001023"] },
    cause:
      "The request went to a generic endpoint (common/organizations) in a flow that needs a specific tenant, and nothing in it identified one.",
    mitigations: [
      "Pass the tenant ID to the credential (tenantId option or AZURE_TENANT_ID), or use a tenant-specific authority (https://login.microsoftonline.com/<tenant-id>) instead of common or organizations.",
    ],
    docs: [lookup("50059")],
  },
  {
    id: "app-not-multi-tenant",
    title: "A single-tenant app was used against the common endpoint",
    category: "multi-tenant",
    retryable: false,
    match: { stsCodes: ["AADSTS50194", "AADSTS90124", "AADSTS90130"] },
    cause:
      "The app registration accepts accounts of its own tenant only, but the request used /common or /organizations.",
    mitigations: [
      "Use the tenant-specific authority: pass tenantId to the credential.",
      "Or make the app multi-tenant if it really must serve several tenants.",
    ],
    docs: [lookup("50194")],
  },
  {
    id: "app-for-personal-accounts-only",
    title: "The app accepts personal Microsoft accounts only",
    category: "tenant-invalid",
    retryable: false,
    match: { stsCodes: ["AADSTS9002331"] },
    cause:
      "The app registration's supported account types are 'personal Microsoft accounts only', so work-tenant endpoints refuse it.",
    mitigations: [
      "Use the /consumers authority (tenantId: 'consumers') with this app.",
      "Or change the supported account types of the registration.",
    ],
    docs: [lookup("9002331")],
  },
  {
    id: "personal-account-not-supported",
    title: "A personal Microsoft account tried to sign in where only work or school accounts are accepted",
    category: "tenant-invalid",
    retryable: false,
    match: { stsCodes: ["AADSTS500200", "AADSTS500208"] },
    cause:
      "The account is an MSA (outlook.com, hotmail.com…) and the app or tenant accepts organisational accounts only, unless the MSA is invited as a guest.",
    mitigations: [
      "Sign in with a work or school account of the tenant.",
      "Or invite the personal account as a guest into the tenant and sign in to that tenant explicitly.",
    ],
    docs: [lookup("500200")],
  },
  {
    id: "user-not-in-tenant",
    title: "The account does not exist in the tenant it is signing in to",
    category: "multi-tenant",
    retryable: false,
    match: {
      stsCodes: ["AADSTS50020", "AADSTS50034", "AADSTS90072", "AADSTS16000", "AADSTS50014"],
      // AADSTS50020's sentence as brokers and desktop tools print it, without the code.
      text: ["does not exist in tenant", "needs to be added as an external user in the tenant"],
    },
    cause:
      "The user belongs to another tenant or identity provider and was never added (or has not redeemed an invitation) " +
      "here, or the user name is misspelled. Developer tools often hit this when the default tenant differs from the resource's tenant.",
    mitigations: [
      "Sign in to the resource's tenant explicitly (az login --tenant <id>, Connect-AzAccount -Tenant <id>, tenantId option); in an editor or desktop tool, sign out and sign in again with an account of that tenant.",
      "Ask an administrator to add the account as a guest (an external user) in that tenant, or use an account that belongs to the tenant.",
      "With .NET's DefaultAzureCredential, each developer credential takes its tenant from DefaultAzureCredentialOptions: set TenantId, or the member's own option (VisualStudioTenantId, SharedTokenCacheTenantId, VisualStudioCodeTenantId) to the resource's tenant.",
    ],
    docs: [lookup("50020")],
  },
  {
    id: "tenant-restrictions-blocked",
    title: "A tenant-restrictions or cross-tenant access policy blocks this sign-in",
    category: "multi-tenant",
    retryable: false,
    match: { stsCodes: ["AADSTS500021", "AADSTS500022", "AADSTS500212", "AADSTS500213"] },
    cause:
      "The network (tenant restrictions proxy header) or a cross-tenant access policy of the home or resource tenant " +
      "does not allow this account to access that tenant.",
    mitigations: [
      "Ask the administrators of your network or tenant to allow the target tenant, or use an account of the allowed tenant.",
      "Check whether a corporate proxy injects Restrict-Access-To-Tenants headers.",
    ],
    docs: [lookup("500021"), "https://learn.microsoft.com/entra/external-id/cross-tenant-access-overview"],
  },
  {
    id: "user-account-locked",
    title: "The user account is locked or its sign-in was blocked as suspicious",
    category: "credential-invalid",
    retryable: true,
    match: { stsCodes: ["AADSTS50053"] },
    cause:
      "Too many failed sign-ins locked the account for a while, or the request came from an IP address flagged as malicious.",
    mitigations: [
      "Wait for the lockout to expire, then sign in with the right password; stop scripts that retry with a wrong one.",
      "If it persists, ask an administrator to check the sign-in logs and unblock the account.",
    ],
    docs: [lookup("50053")],
  },
  {
    id: "user-password-expired",
    title: "The user's password has expired",
    category: "credential-expired",
    retryable: false,
    match: { stsCodes: ["AADSTS50055", "AADSTS50056"] },
    cause: "Password policy expired the password; the account must set a new one before any token is issued.",
    mitigations: [
      "Change the password interactively (for example at https://aka.ms/sspr or myaccount.microsoft.com), then sign in again.",
    ],
    docs: [lookup("50055")],
  },
  {
    id: "user-account-disabled",
    title: "The user account is disabled",
    category: "credential-invalid",
    retryable: false,
    match: { stsCodes: ["AADSTS50057"] },
    cause: "An administrator blocked sign-in for the account (or it was disabled by lifecycle processes).",
    mitigations: ["Ask an administrator to re-enable the account, or use another account."],
    docs: [lookup("50057")],
  },
  // --- Sessions and refresh tokens ------------------------------------------------------------------------
  {
    id: "session-expired-sign-in-again",
    title: "The stored sign-in (refresh token) expired or was revoked",
    category: "not-logged-in",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700082", "AADSTS50173", "AADSTS70008", "AADSTS70000", "AADSTS50132", "AADSTS50133"],
    },
    cause:
      "Developer tools and interactive credentials keep a refresh token. It was unused for too long (about 90 days), " +
      "revoked by a password reset or an administrator, or invalidated by policy, so no new access token can be issued from it.",
    mitigations: [
      "Sign in again with the tool that holds the session: az login, azd auth login, Connect-AzAccount, or the app's interactive prompt. The old refresh token cannot be renewed.",
      "After a password change or reset, every stored sign-in is revoked; sign in with the new password.",
      "With the Azure CLI, add --tenant <id> if the resource is in another tenant.",
      "In an editor or desktop tool (VS Code, Storage Explorer), sign out of the account and sign back in to reauthenticate it, with the same work or Microsoft account; if the old session sticks, reset the tool's stored sign-in (remove the account) before you sign in again.",
      "When DefaultAzureCredential reports it from SharedTokenCacheCredential, the stale account sits in the shared token cache (written by Visual Studio or an earlier sign-in): sign in again with that tool, or leave the member out (exclude_shared_token_cache_credential=True in Python, ExcludeSharedTokenCacheCredential in .NET) so the chain reaches your `az login` session.",
    ],
    docs: [lookup("700082"), CLI_AUTH],
  },
  {
    id: "silent-sign-in-no-user",
    title: "A silent sign-in found no signed-in user",
    category: "not-logged-in",
    retryable: false,
    match: { stsCodes: ["AADSTS50058"] },
    cause:
      "The app tried to get a token without prompting, but there is no session (no cookie, no cached account) to use.",
    mitigations: [
      "Sign in interactively first (or call authenticate()), then let later calls be silent.",
      "In a browser app, silent renewal needs the session cookies of login.microsoftonline.com: blocked third-party cookies or different browser security zones (Internet Explorer, older Edge) drop them, so fall back to an interactive sign-in (redirect or popup) when silent renewal fails.",
    ],
    docs: [lookup("50058")],
  },
  {
    id: "authorization-code-invalid",
    title: "The authorization code was already used or has expired",
    category: "token-expired",
    retryable: false,
    match: { stsCodes: ["AADSTS54005", "AADSTS70019", "AADSTS70016"] },
    cause:
      "Authorization codes and device codes are single-use and short-lived; this one was redeemed already, timed out, " +
      "or (device code) the user has not finished signing in yet.",
    mitigations: [
      "Start the sign-in again to get a new code, and redeem each code exactly once.",
      "For device code flow, let the library keep polling until the user completes the prompt.",
    ],
    docs: [lookup("54005")],
  },
  // --- Scopes, resources, redirect URIs -------------------------------------------------------------------
  {
    id: "scope-invalid",
    title: "The scope requested is not valid for this flow",
    // A malformed or unsuitable scope is "other" by the category contract.
    category: "other",
    retryable: false,
    match: { stsCodes: ["AADSTS70011", "AADSTS28002", "AADSTS28003", "AADSTS700022", "AADSTS90009"] },
    cause:
      "App-only credentials (secret, certificate, managed identity, federation) can only request '<resource>/.default'; " +
      "a named delegated scope, several resources at once, or a malformed scope is refused.",
    mitigations: [
      "Request a single resource with /.default, e.g. https://management.azure.com/.default or https://vault.azure.net/.default; the resource part must be a full URL with its https:// scheme (or an application ID).",
      "Use the scope the service SDK documents, and request one resource per token: do not mix scopes of different resources in one request.",
      "In a custom or sovereign environment (Azure PowerShell -Environment, az cloud), check that the environment defines the resource endpoint the scope is built from.",
    ],
    docs: [lookup("70011"), SCOPES],
  },
  {
    id: "resourceless-scope-invalid",
    title: "The scope names no resource (an invalid 'resourceless' scope)",
    category: "other",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700023"],
      text: [
        "InvalidResourcelessScope",
        "provided value for the input parameter scope isn't valid when request an access token",
      ],
      context: ["resourceless", "input parameter scope"],
    },
    cause:
      "Microsoft Entra ID's reference lists AADSTS700023 also for scopes that carry no resource (for example 'openid' " +
      "or '.default' alone) when an access token is requested; the SDK guides use the same number for an assertion audience mismatch.",
    mitigations: [
      "Request a resource scope such as https://management.azure.com/.default.",
      "If the message mentions the assertion audience instead, fix the client assertion's aud claim.",
    ],
    docs: [lookup("700023"), SCOPES],
  },
  {
    id: "resource-not-found-in-tenant",
    title: "The resource (API) in the requested scope does not exist in the tenant",
    category: "consent-required",
    retryable: false,
    match: { stsCodes: ["AADSTS500011", "AADSTS50001", "AADSTS901002"] },
    cause:
      "The resource part of the scope (an App ID URI or application ID) matches no service principal in this tenant: a " +
      "typo (often a missing or extra trailing slash), a resource of another tenant, or an API that was never provisioned here.",
    mitigations: [
      "Check the scope's resource URI exactly (e.g. https://database.windows.net/.default, api://<app-id>/.default).",
      "For your own API or a multi-tenant resource in another tenant, have that tenant's administrator install it (consent), so its service principal exists there and your client is authorized to call it.",
      "For your own API, check its app registration: the App ID URI and scope under Expose an API must match the scope requested, and an API used from another tenant must be registered as multi-tenant.",
    ],
    docs: [lookup("500011"), SCOPES],
  },
  {
    id: "redirect-uri-mismatch",
    title: "The redirect URI of the sign-in request is not registered on the app",
    category: "not-configured",
    retryable: false,
    match: {
      stsCodes: ["AADSTS50011", "AADSTS500113"],
      text: [
        "does not match the redirect URIs configured for the application",
        "No reply address is registered for the application",
      ],
    },
    cause:
      "Interactive sign-in must return to a URI listed on the app registration; the one used (for example http://localhost:<port>) is not there.",
    mitigations: [
      "Add the exact redirect URI from the message under Authentication on the app registration (platform 'Mobile and desktop' for http://localhost).",
      "Or configure the credential's redirectUri to one already registered.",
    ],
    docs: [lookup("50011"), "https://learn.microsoft.com/entra/identity-platform/reply-url"],
  },
  {
    id: "implicit-grant-not-enabled",
    title: "The app requested a token type its registration does not allow",
    category: "not-configured",
    retryable: false,
    match: { stsCodes: ["AADSTS700054", "AADSTS700051"] },
    cause:
      "The response_type (for example id_token through the implicit flow) is not enabled on the app registration.",
    mitigations: [
      "Prefer the authorization code flow with PKCE (what the Azure Identity interactive credentials use).",
      "Or enable the required token type under Authentication on the app registration.",
    ],
    docs: [lookup("700054")],
  },
  {
    id: "request-parameter-missing",
    title: "The token request is missing a required field",
    category: "not-configured",
    retryable: false,
    match: { stsCodes: ["AADSTS90014", "AADSTS900144"] },
    cause:
      "A required parameter (client_id, grant_type, scope, assertion…) was absent, usually because a value passed to the credential was empty.",
    mitigations: [
      "Check the values given to the credential (client ID, scope, assertion callback result) are non-empty.",
      "For a custom assertion callback, make sure it returns the token string and not undefined.",
    ],
    docs: [lookup("90014")],
  },
  // --- Throttling and outages -----------------------------------------------------------------------------
  {
    id: "request-loop-detected",
    title: "Microsoft Entra ID detected a request loop: the app asks for the same token too often",
    category: "other",
    retryable: false,
    match: { stsCodes: ["AADSTS50196"] },
    cause:
      "The same client requested the same token many times in a short period, typically a new credential (and " +
      "therefore an empty cache) per request, or a retry loop around a failing call. Retrying makes it worse.",
    mitigations: [
      "Create the credential once and reuse it (and service clients) for the process lifetime, so tokens are cached until they near expiry.",
      "Stop tight retry loops around getToken; back off instead.",
    ],
    docs: [lookup("50196")],
  },
  {
    id: "resource-service-principal-disabled",
    title: "The service principal of the resource (API) being asked for is disabled in this tenant",
    category: "app-not-found",
    retryable: false,
    match: { stsCodes: ["AADSTS500014"] },
    cause:
      "The token was requested for an API whose enterprise application (service principal) an administrator has " +
      "disabled in this tenant, so Microsoft Entra ID issues no token for it. Waiting does not change that.",
    mitigations: [
      "Ask a tenant administrator to enable the resource's enterprise application (Enterprise applications, Properties, 'Enabled for users to sign in').",
      "Check that the scope names the API you meant; a typo can point at another, disabled, application.",
    ],
    docs: [lookup("500014"), ERROR_CODES],
  },
  {
    id: "sts-transient-error",
    title: "Microsoft Entra ID hit a temporary problem or throttled the request",
    category: "network",
    retryable: true,
    match: {
      stsCodes: ["AADSTS50033", "AADSTS90024", "AADSTS90055", "AADSTS90006", "AADSTS90033", "AADSTS50000"],
    },
    cause:
      "The sign-in service reported a transient failure, a busy dependency, or tenant-level throttling for too many " +
      "requests. The request itself was fine.",
    mitigations: [
      "Retry with exponential back-off.",
      "Reuse credentials and their token caches so fewer token requests are made; spread bursts of requests out.",
      "If it persists, check the Azure status page and open a support case with the correlation ID and timestamp.",
    ],
    docs: [lookup("50033"), ERROR_CODES],
  },
];
