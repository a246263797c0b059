/** Service principals: environment variables, client secrets, certificates, assertions, username/password. */
import type { KnowledgeEntry } from "../schema.js";

const CREATE_SECRET =
  "https://learn.microsoft.com/entra/identity-platform/howto-create-service-principal-portal";
const CERT_CREDS = "https://learn.microsoft.com/entra/identity-platform/certificate-credentials";
const SP_TROUBLESHOOT = "https://aka.ms/azsdk/js/identity/serviceprincipalauthentication/troubleshoot";
const ENV_TROUBLESHOOT = "https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot";
const ERROR_CODES = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";

const SP_CREDENTIALS = [
  "ClientSecretCredential",
  "ClientCertificateCredential",
  "ClientAssertionCredential",
  "EnvironmentCredential",
  "OnBehalfOfCredential",
] as const;

export const servicePrincipalEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "environment-credential-not-configured",
    title: "EnvironmentCredential found no complete set of AZURE_* variables to sign in with",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "EnvironmentCredential is unavailable. No underlying credential could be used",
        "Environment variables are not fully configured",
        "Environment variables aren't fully configured",
        "Missing or incomplete environment variable configuration",
        "EnvironmentCredential: missing environment variable",
        // Go's wording when only some of the variables are set.
        "incomplete environment variable configuration",
        // identity 1.x.
        "one or more of the following environment variables is missing",
      ],
      credentials: ["EnvironmentCredential"],
      errorNames: ["CredentialUnavailableError"],
    },
    cause:
      "EnvironmentCredential reads the service principal from the process environment. It needs the tenant, the client ID " +
      "and one secret-like value together; when any of them is absent it reports itself unavailable and a chain moves on.",
    mitigations: [
      "For a client secret, set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET before the process starts.",
      "For a certificate, set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH (plus AZURE_CLIENT_CERTIFICATE_PASSWORD when the file is protected).",
      "Check that the environment variables reach the process itself (container env, App Service settings, a .env loader that runs before the credential is built).",
      "If you did not mean to use a service principal here, ignore this member and look at the next credential in the chain; to sign in as yourself, run `az login` or sign in from your IDE (Azure Toolkit for IntelliJ, VS Code) so a developer credential further down the chain can answer.",
    ],
    docs: [
      ENV_TROUBLESHOOT,
      "https://learn.microsoft.com/javascript/api/@azure/identity/environmentcredential",
    ],
  },
  {
    id: "environment-credential-sign-in-failed",
    title: "EnvironmentCredential was configured but its sign-in failed, which stops the whole chain",
    category: "credential-invalid",
    retryable: false,
    match: {
      text: ["EnvironmentCredential authentication failed"],
      credentials: ["EnvironmentCredential"],
      errorNames: ["AuthenticationError"],
    },
    cause:
      "The AZURE_* variables were complete, so EnvironmentCredential built an inner secret, certificate or username " +
      "credential and that one failed. The JavaScript library reports this as an AuthenticationError with status 400 " +
      "whatever the real cause was, and DefaultAzureCredential stops there instead of trying the next member.",
    mitigations: [
      "Read the text after 'More details:': it holds the inner failure (an AADSTS code, a missing certificate file, a bad password).",
      "Fix the variable that is wrong (AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH, AZURE_TENANT_ID), or unset the AZURE_* service principal variables so the chain can reach the credential you meant.",
    ],
    docs: [ENV_TROUBLESHOOT],
  },
  {
    id: "client-secret-invalid",
    title: "The client secret sent to Microsoft Entra ID is wrong",
    category: "credential-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS7000215"],
      text: ["Invalid client secret provided", "Invalid client secret is provided"],
      credentials: ["ClientSecretCredential", "EnvironmentCredential"],
    },
    cause:
      "Microsoft Entra ID could not match the secret with any secret registered on the app. The most common slip is " +
      "copying the secret's ID (a GUID) instead of its value, which the portal shows only once, right after creation.",
    mitigations: [
      "Pass the client secret value, not its Secret ID; a value usually contains characters such as '~' and is not a GUID.",
      "If you no longer have the value, create a new client secret on the app registration (Certificates & secrets) and update every place that uses it.",
      "Check that the secret belongs to the same app as the client ID, and that no quoting or trailing newline crept in.",
    ],
    docs: [CREATE_SECRET, SP_TROUBLESHOOT, "https://login.microsoftonline.com/error?code=7000215"],
  },
  {
    id: "client-secret-expired",
    title: "Every client secret of the app has expired",
    category: "credential-expired",
    retryable: false,
    match: {
      stsCodes: ["AADSTS7000222"],
      text: ["client secret keys for app", "are expired. Visit the Azure portal to create new keys"],
      credentials: ["ClientSecretCredential", "EnvironmentCredential"],
    },
    cause:
      "Client secrets carry an end date. The secret in use is past it, so Microsoft Entra ID refuses it even though it " +
      "is otherwise correct.",
    mitigations: [
      "Create a new client secret on the app registration to replace the expired one (Certificates & secrets, or `az ad app credential reset --id <app-id> --append`, which adds one and prints its value once; without --append it removes the others) and update every place that stores it: the app's configuration or vault, pipeline service connections, GitHub Actions secrets (AZURE_CREDENTIALS or the client-secret input), a cluster's cloud-provider or add-on configuration.",
      "Consider a certificate or, better, a managed identity or workload identity federation so there is no secret to expire.",
      "Track secret expiry dates (for example with an alert) so the next rotation happens before a secret has expired.",
    ],
    docs: [CREATE_SECRET, "https://login.microsoftonline.com/error?code=7000222"],
  },
  {
    id: "app-not-found-in-tenant",
    title: "The client ID does not exist in the tenant the request was sent to",
    category: "app-not-found",
    retryable: false,
    match: {
      // 7000229: the app registration exists, but the tenant holds no service principal (enterprise app) for it.
      // 70001: the older code for the same "application not found in the directory".
      stsCodes: ["AADSTS700016", "AADSTS700011", "AADSTS7000229", "AADSTS70001"],
      text: [
        "was not found in the directory",
        "wasn't found in the directory",
        "is missing service principal in the tenant",
      ],
      credentials: [...SP_CREDENTIALS, "WorkloadIdentityCredential", "UsernamePasswordCredential"],
    },
    cause:
      "Microsoft Entra ID looked for an app with this client ID in the named tenant and found none: the client ID is " +
      "mistyped, belongs to another tenant, the app was deleted, or a multi-tenant app was never added (consented) to this tenant.",
    mitigations: [
      "Compare the client ID with the 'Application (client) ID' of the app registration, and the tenant ID with the tenant that owns it. A common slip is the Object ID (of the app or its enterprise application) in place of the Application (client) ID.",
      "For a multi-tenant app, have an administrator of the target tenant add it (admin consent creates its service principal there).",
      "If the app was deleted recently, restore it from 'Deleted applications', or register a new one and update the configuration with its application ID.",
      "If the app or its service principal was created moments ago (az ad sp create-for-rbac, a toolkit, a deployment script), wait a minute or two for it to replicate, then sign in again.",
    ],
    docs: [CREATE_SECRET, "https://login.microsoftonline.com/error?code=700016"],
  },
  {
    id: "client-id-is-resource-id",
    title: "A managed identity's Azure resource ID was sent where its client ID belongs",
    category: "app-not-found",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700016", "AADSTS700011"],
      text: ["Application with identifier '/subscriptions/"],
      // The identifier is an Azure resource ID (/subscriptions/…/providers/…), which no client ID ever is.
      context: ["/subscriptions/"],
    },
    cause:
      "Microsoft Entra ID looks applications up by their client (application) ID, a GUID. The value sent is the Azure " +
      "resource ID of a user-assigned managed identity (/subscriptions/…/userAssignedIdentities/…), usually copied " +
      "into AZURE_CLIENT_ID, a workload identity annotation or a tool's client ID setting.",
    mitigations: [
      "Use the managed identity's client ID instead: az identity show --name <identity> --resource-group <group> --query clientId (or the Client ID on the identity's Overview page).",
      "With workload identity on Kubernetes, put that client ID in the service account's azure.workload.identity/client-id annotation (and AZURE_CLIENT_ID), then restart the pods so the webhook injects it again.",
      "Where an API takes the resource ID on purpose (ManagedIdentityCredential's resourceId option), pass it there, not as the client ID.",
    ],
    docs: [
      "https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-manage-user-assigned-managed-identities",
      "https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster",
    ],
  },
  {
    id: "app-not-found-in-personal-account-tenant",
    title: "The sign-in went to the personal Microsoft account tenant, which does not hold the app",
    category: "multi-tenant",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700016"],
      // The tenant a personal Microsoft account signs in to when no tenant is given.
      text: ["was not found in the directory 'Microsoft Services'"],
      context: ["in the directory 'Microsoft Services'"],
    },
    cause:
      "No tenant was named, so a personal Microsoft account signed in to the shared 'Microsoft Services' directory. " +
      "The app registration lives in your organisation's (or your own Azure) tenant, not there.",
    mitigations: [
      "Name the tenant that holds the app: `az login --tenant <tenant-id>`, Connect-AzAccount -Tenant, or the credential's tenantId option.",
      "If the app must accept personal accounts, set its supported account types to include them; otherwise sign in with a work or school account of that tenant.",
    ],
    docs: ["https://login.microsoftonline.com/error?code=700016"],
  },
  {
    id: "certificate-not-registered",
    title: "The client assertion was signed with a certificate the app registration does not know",
    category: "credential-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700027"],
      text: [
        "Client assertion contains an invalid signature",
        "Client assertion failed signature validation",
        "used to sign the client assertion is not registered",
      ],
      credentials: ["ClientCertificateCredential", "ClientAssertionCredential", "EnvironmentCredential"],
    },
    cause:
      "A certificate credential signs a short JWT with its private key; Microsoft Entra ID checks the signature against " +
      "the public certificates uploaded to the app. The key used is not among them (wrong file, renewed certificate never uploaded, or the upload was removed).",
    mitigations: [
      "Upload the public part (.cer/.pem) of the certificate you sign with to the app registration under Certificates & secrets, so the key that signs is registered.",
      "Compare the thumbprint in the message with the thumbprints listed on the app registration.",
      "Make sure the PEM file holds the private key that belongs to that certificate, not an older one.",
      "With subject name and issuer (SNI) authentication, send the certificate chain in the x5c header (sendCertificateChain in @azure/identity, x5c in msal-node's clientCertificate) and check the app accepts it for that subject.",
      "When the file holds a whole chain, the leaf certificate (the one registered on the app, whose private key is in the file) must come first; a CA certificate placed first is taken as the signing certificate.",
    ],
    docs: [CREATE_SECRET, CERT_CREDS],
  },
  {
    id: "client-assertion-app-id-mismatch",
    title: "The client assertion names a different application than the client_id",
    category: "assertion-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700021"],
      text: [
        "Client assertion application identifier doesn't match",
        "Client assertion application identifier does not match",
      ],
      credentials: ["ClientAssertionCredential", "ClientCertificateCredential"],
    },
    cause:
      "In a client assertion the issuer (iss) and subject (sub) must both be the app's client ID. The assertion your " +
      "callback returned carries another identifier, so it cannot vouch for this client.",
    mitigations: [
      "Build the assertion with iss and sub both set to the client ID you pass to the credential.",
      "If the assertion comes from another system, check that it was issued for this app and not a sibling app.",
    ],
    docs: [CERT_CREDS],
  },
  {
    id: "client-assertion-audience-mismatch",
    title: "The client assertion's audience is not the tenant's token endpoint",
    category: "assertion-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700023"],
      text: ["Client assertion audience claim does not match", "audience claim does not match Realm issuer"],
      credentials: ["ClientAssertionCredential", "ClientCertificateCredential"],
    },
    cause:
      "A client assertion must be addressed to the token endpoint of the tenant it is presented to. The aud claim in " +
      "the assertion points somewhere else (another tenant, another cloud, or a malformed URL).",
    mitigations: [
      "Set aud to the v2.0 token endpoint of the tenant the credential uses: https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token.",
      "Use the authority host of the right cloud (for example login.microsoftonline.us for US Government).",
      "With regional token endpoints turned on (MSAL's Azure region option, AZURE_REGIONAL_AUTHORITY_NAME), the request goes to a regional host: let the library build the assertion so its audience fits the endpoint it calls, or turn the region off to confirm.",
    ],
    docs: [CERT_CREDS],
  },
  {
    id: "client-assertion-malformed",
    title: "The client assertion is not a well-formed JWT",
    category: "assertion-invalid",
    retryable: false,
    match: {
      // 5002726: the newer code for a JWT header with a field Microsoft Entra ID does not accept.
      stsCodes: ["AADSTS50027", "AADSTS5002726"],
      text: ["JWT token is invalid or malformed"],
      credentials: ["ClientAssertionCredential", "WorkloadIdentityCredential", "ClientCertificateCredential"],
    },
    cause:
      "Microsoft Entra ID could not parse or validate the assertion: a part is missing, it is not base64url, required " +
      "claims (iss, sub, aud, exp, nbf, jti) are missing, or its time window does not cover now.",
    mitigations: [
      "Return the raw JWT string from the assertion callback (header.payload.signature), without quotes, a 'Bearer ' prefix or a trailing newline.",
      "Include iss, sub, aud, exp, nbf and jti, signed with RS256 or PS256, and check the machine clock.",
      "For a federated token read from a file or fetched from a platform, check that what is passed as the assertion is the token itself and not an error page or an empty string.",
      "Set aud to the one token endpoint URL (https://login.microsoftonline.com/<tenant-id>/oauth2/v2.0/token) as a plain string: some OpenID client libraries build client_assertion with an array audience, which is refused.",
      "For a certificate-signed assertion, the header must name the certificate: x5t holds its SHA-1 thumbprint as base64url of the raw hash bytes (not the hex text). Keep the header to the usual fields (alg, typ, x5t or x5t#S256, and x5c where needed): AADSTS5002726 reports a header field it does not support, such as a cty that a JWT library added, so build the header without it.",
    ],
    docs: [CERT_CREDS],
  },
  {
    id: "username-password-invalid",
    title: "The username or password is wrong",
    category: "credential-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS50126"],
      text: [
        "invalid username or password",
        "Error validating credentials due to invalid username or password",
      ],
      credentials: ["UsernamePasswordCredential", "EnvironmentCredential"],
    },
    cause:
      "The resource owner password flow sent a user name and password that Microsoft Entra ID rejected: a typo, an " +
      "old password, a federated account whose password lives elsewhere, or a user of another tenant.",
    mitigations: [
      "Check AZURE_USERNAME / AZURE_PASSWORD (or the constructor arguments) and that the user belongs to this tenant.",
      "Prefer another credential: the password flow cannot do multi-factor authentication and is deprecated.",
    ],
    docs: [
      "https://aka.ms/azsdk/js/identity/usernamepasswordcredential/troubleshoot",
      "https://login.microsoftonline.com/error?code=50126",
    ],
  },
  {
    id: "credential-required-parameter-missing",
    title: "A credential was constructed without one of its required values",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "is a required parameter. To troubleshoot",
        "tenantId, clientId, and clientSecret are required parameters",
        "tenantId and clientId are required parameters",
        "You must provide one of clientSecret, certificatePath, or a getAssertion callback",
        // .NET's ArgumentNullException for the same values.
        "Value cannot be null. (Parameter 'client",
        "Value cannot be null. (Parameter 'tenant",
      ],
      credentials: [
        "ClientSecretCredential",
        "ClientCertificateCredential",
        "OnBehalfOfCredential",
        "UsernamePasswordCredential",
        "ClientAssertionCredential",
      ],
    },
    cause:
      "The constructor received an empty or undefined tenant ID, client ID, secret or other mandatory value, most " +
      "often because an environment variable it was read from is not set in this process.",
    mitigations: [
      "Check the value named in the message where you build the credential; log whether it is defined (never its content).",
      "Make sure configuration is loaded before the credential is constructed (dotenv, Key Vault references, app settings).",
    ],
    docs: [SP_TROUBLESHOOT],
  },
  {
    id: "certificate-argument-invalid",
    title: "ClientCertificateCredential got neither or both of a PEM string and a certificate path",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "Provide either a PEM certificate in string form, or the path to that certificate",
        "providing both the contents of a PEM certificate and the path to a PEM certificate is forbidden",
      ],
      credentials: ["ClientCertificateCredential"],
    },
    cause: "The certificate must be given exactly one way: its PEM text or a path to a PEM file.",
    mitigations: [
      "Pass either { certificate } or { certificatePath }, not both and not neither.",
      "With EnvironmentCredential, set AZURE_CLIENT_CERTIFICATE_PATH to the PEM file.",
    ],
    docs: [SP_TROUBLESHOOT],
  },
  {
    id: "certificate-file-not-pem",
    title: "The certificate file is not a PEM file with both the certificate and its private key",
    category: "credential-invalid",
    retryable: false,
    match: {
      text: [
        "does not contain a PEM-encoded certificate",
        "doesn't contain a PEM-encoded certificate",
        "secretOrPrivateKey must be an asymmetric key",
        // Python's and ADAL Python's wording of the same failure.
        "Failed to deserialize certificate in PEM or PKCS12 format",
        "The certificate must include its private key",
        "Expected Start of Certificate to be",
      ],
      credentials: ["ClientCertificateCredential", "EnvironmentCredential"],
    },
    cause:
      "The JavaScript credential reads PEM only. A PFX/PKCS#12 file, a PEM holding only the certificate, or an " +
      "encrypted private key without its password cannot be used to sign the assertion.",
    mitigations: [
      "Convert the certificate to a single PEM with both the private key and the certificate, e.g. `openssl pkcs12 -in cert.pfx -out cert.pem -nodes`.",
      "If the key is encrypted, pass certificatePassword (or AZURE_CLIENT_CERTIFICATE_PASSWORD).",
    ],
    docs: [SP_TROUBLESHOOT],
  },
  {
    id: "certificate-password-wrong",
    title: "The certificate's private key could not be decrypted with the given password",
    category: "credential-invalid",
    retryable: false,
    match: {
      text: ["bad decrypt"],
      credentials: ["ClientCertificateCredential", "EnvironmentCredential"],
    },
    cause:
      "OpenSSL failed to decrypt the private key in the PEM file: the password is wrong or belongs to another file.",
    mitigations: [
      "Check certificatePassword / AZURE_CLIENT_CERTIFICATE_PASSWORD for this file.",
      "Or export an unencrypted PEM and protect the file with file-system permissions or a secret store.",
    ],
    docs: [SP_TROUBLESHOOT],
  },
  {
    id: "certificate-file-not-found",
    title: "The certificate file named in the configuration does not exist",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["ENOENT: no such file or directory"],
      context: [".pem", ".pfx", ".crt", "certificate"],
      credentials: ["ClientCertificateCredential", "EnvironmentCredential"],
    },
    cause:
      "The path in certificatePath or AZURE_CLIENT_CERTIFICATE_PATH points to no file inside this process's file system.",
    mitigations: [
      "Use an absolute path that exists where the code runs (inside the container, not on the build machine).",
      "Check that the secret volume or mount is present and readable by the process user.",
    ],
    docs: [SP_TROUBLESHOOT],
  },
  {
    id: "client-credential-rejected",
    title: "Microsoft Entra ID rejected the app's credential (secret or certificate) as a whole",
    category: "credential-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70002", "AADSTS50012"],
      credentials: [...SP_CREDENTIALS],
    },
    cause:
      "The client authenticated with a credential Microsoft Entra ID could not validate: an unknown secret, a " +
      "certificate whose chain, subject or thumbprint is not trusted for the app, or an assertion signed with the wrong key.",
    mitigations: [
      "Read the description after the code: it usually names the failing check (thumbprint, subject, signature).",
      "Re-create or re-upload the secret or certificate on the app registration and update the app's configuration. 'Invalid client secret' (AADSTS50012) also follows a secret that expired or was rotated: create a new client secret and update every place that stores it (app settings, the pipeline's service connection, CI secrets).",
    ],
    docs: [ERROR_CODES, CERT_CREDS],
  },
  {
    id: "client-assertion-invalid",
    title: "The client or user assertion is expired, malformed or from an unexpected issuer",
    category: "assertion-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS50013", "AADSTS50048", "AADSTS700030"],
      text: ["Assertion failed signature validation"],
      credentials: [
        "ClientAssertionCredential",
        "ClientCertificateCredential",
        "OnBehalfOfCredential",
        "WorkloadIdentityCredential",
      ],
    },
    cause:
      "Microsoft Entra ID refused the signed assertion presented with the request: its signature, issuer, subject, " +
      "audience or lifetime does not pass validation (for example sub and iss differ, or the certificate subject is not authorised).",
    mitigations: [
      "Decode the assertion (never share its signature) and compare iss, sub, aud and exp with what the app expects.",
      "For a certificate assertion, set iss and sub to the client ID; for subject-name/issuer authentication, send the x5c chain.",
      "Create a fresh assertion right before the token request.",
      "On-behalf-of: the user assertion must be the access token your API received, issued for your API (its aud is your app's ID or URI). An ID token, a token meant for another resource such as Microsoft Graph, or a platform-injected token for another audience fails signature validation (AADSTS50013).",
    ],
    docs: [CERT_CREDS, ERROR_CODES],
  },
  {
    id: "on-behalf-of-assertion-expired",
    title: "The user token passed to the on-behalf-of flow has expired",
    category: "token-expired",
    retryable: false,
    match: {
      stsCodes: ["AADSTS500133"],
      text: [
        "Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion",
      ],
      credentials: ["OnBehalfOfCredential"],
    },
    cause:
      "OnBehalfOfCredential exchanges the caller's incoming access token; that token was already past its expiry (or " +
      "the clock of one side is off), so it cannot be exchanged. Resending the same token never works.",
    mitigations: [
      "Have the client send a fresh access token with the request, and build the OnBehalfOfCredential per request from it.",
      "Do not cache the incoming user assertion longer than its exp; check the server's clock.",
    ],
    docs: ["https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow"],
  },
  {
    id: "on-behalf-of-audience-mismatch",
    title: "The user token given to the on-behalf-of flow was issued for another app",
    category: "assertion-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS500131"],
      credentials: ["OnBehalfOfCredential"],
    },
    cause:
      "The on-behalf-of flow only accepts an incoming token whose audience is the middle-tier app itself. The token " +
      "passed in was requested for another resource (often Microsoft Graph).",
    mitigations: [
      "Make the client request a token for your API's scope (api://<your-api-client-id>/.default or a named scope) and pass that one.",
      "Check that OnBehalfOfCredential uses the client ID of the API that received the token.",
      "The incoming token's audience must equal the API's client ID or one of its Application ID URIs exactly, case and trailing slash included: compare the aud the message names with the Application ID URI on the API's registration.",
    ],
    docs: ["https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow"],
  },
  {
    id: "public-client-flow-needs-credential",
    title: "A confidential app was used with a public-client flow that sends no secret",
    category: "not-configured",
    retryable: false,
    match: {
      stsCodes: ["AADSTS7000218"],
      text: ["must contain the following parameter: 'client_assertion' or 'client_secret'"],
      credentials: ["UsernamePasswordCredential", "DeviceCodeCredential", "InteractiveBrowserCredential"],
    },
    cause:
      "Username/password, device code and interactive flows act as a public client and send no client secret. The app " +
      "registration is confidential, so Microsoft Entra ID insists on a secret or assertion.",
    mitigations: [
      "Turn on 'Allow public client flows' under Authentication on the app registration.",
      "Or keep the app confidential and send its client secret or certificate (ClientSecretCredential, ClientCertificateCredential, or MSAL's confidential client).",
      "For a browser app (msal-browser), register the redirect URI under the Single-page application (SPA) platform, not the Web platform.",
    ],
    docs: [ERROR_CODES],
  },
  {
    id: "public-client-sent-credential",
    title: "A public client app sent a secret or assertion it must not send",
    category: "not-configured",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700025"],
      text: ["Client is public so neither 'client_assertion' nor 'client_secret' should be presented"],
    },
    cause:
      "The app registration is marked as a public client, but the request authenticated the client with a secret or assertion.",
    mitigations: [
      "Use the app as confidential: turn off 'Allow public client flows' if this app is only used by services.",
      "Or stop sending a secret: use a public-client credential (device code, interactive) with it.",
    ],
    docs: [ERROR_CODES],
  },
  {
    id: "app-disabled",
    title: "The application or its service principal is disabled",
    category: "app-not-found",
    retryable: false,
    match: {
      stsCodes: ["AADSTS7000112"],
      credentials: [...SP_CREDENTIALS],
    },
    cause:
      "An administrator turned off sign-in for the app in this tenant (enterprise application 'Enabled for users to sign in?' = No), " +
      "or disabled the service principal, so no token is issued for it.",
    mitigations: [
      "Ask a tenant administrator to re-enable the enterprise application / service principal.",
      "If it was disabled on purpose (for example after a leak), use the app that replaced it.",
    ],
    docs: [ERROR_CODES],
  },
];
