/**
 * Failures seen mostly from the Python and Java libraries (azure-identity, MSAL, ADAL) and the older token
 * endpoint's envelope: assertion checks reported under the generic AADSTS50012/70002 codes, federated SAML tokens,
 * certificate keys that are too small, a token request without a scope, Java classpath or tool-output problems, and
 * Java's own wrappers of managed and workload identity failures.
 */
import type { KnowledgeEntry } from "../schema.js";

const CERT_CREDS = "https://learn.microsoft.com/entra/identity-platform/certificate-credentials";
const ERROR_CODES = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";
const SCOPES = "https://learn.microsoft.com/entra/identity-platform/scopes-oidc";
const JAVA_CONFLICTS =
  "https://learn.microsoft.com/azure/developer/java/sdk/troubleshooting-dependency-version-conflict";
const JAVA_CLI_TROUBLESHOOT = "https://aka.ms/azsdk/java/identity/azclicredential/troubleshoot";
const JAVA_GUIDE =
  "https://github.com/Azure/azure-sdk-for-java/blob/main/sdk/identity/azure-identity/TROUBLESHOOTING.md";
const lookup = (code: string) => `https://login.microsoftonline.com/error?code=${code}`;

export const pythonJavaEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "client-assertion-rejected",
    title:
      "Microsoft Entra ID rejected the signed client assertion: its signature or audience does not check out",
    category: "assertion-invalid",
    retryable: false,
    match: {
      text: ["client assertion audience claim does not match"],
      // Without a "[Reason - …]" the signature failure is the assertion's own (its header or signing); with one,
      // the reason names a key problem that client-credential-rejected and certificate-not-registered explain.
      patterns: ["client assertion contains an invalid signature\\.(?! ?\\[reason)"],
      // The older envelope: "AADSTS70002: Error validating credentials. AADSTS50012: <the check that failed>".
      context: ["aadsts50012", "aadsts70002"],
      credentials: ["ClientCertificateCredential", "ClientAssertionCredential"],
    },
    cause:
      "A certificate credential proves itself with a short JWT signed by its private key. Microsoft Entra ID could not " +
      "accept that JWT: the header does not name a registered certificate the way it expects, the signature does not " +
      "verify with that certificate, or the aud claim is not this tenant's token endpoint.",
    mitigations: [
      "Audience: set the assertion's aud to the token endpoint the request goes to (https://login.microsoftonline.com/<tenant-id>/oauth2/v2.0/token, or /oauth2/token for the v1 endpoint), with the same tenant, not the authority or the resource.",
      "Signature: the x5t header carries the certificate's SHA-1 thumbprint encoded as base64url of the raw hash bytes; a hex thumbprint string (as some old library versions sent) or a thumbprint of another certificate makes the signature check fail. Upgrade the library, and sign with the private key of the certificate registered on the app.",
      "Compare the thumbprint of the certificate you load with those listed under Certificates & secrets on the app registration.",
    ],
    docs: [CERT_CREDS, ERROR_CODES],
  },
  {
    id: "saml-assertion-invalid",
    title: "The SAML token from the federated identity provider was invalid or not properly signed",
    category: "assertion-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS50008", "AADSTS50006"],
      text: ["SAML token is invalid", "was either unsigned or the signature was invalid"],
    },
    cause:
      "For a federated domain (AD FS or another identity provider), the user's password is checked by that provider, " +
      "which hands Microsoft Entra ID a SAML token. That token was malformed, unsigned, or signed with a certificate " +
      "the domain's federation settings do not list.",
    mitigations: [
      "Check the federation trust: the identity provider's token-signing certificate must match the one configured for the domain in Microsoft Entra ID (an AD FS certificate that rolled over is a common cause); update the domain's federation settings with the new certificate.",
      "Make sure the identity provider signs the SAML assertion (or the response) with that certificate, with the signature covering the element Microsoft Entra ID validates.",
      "Username/password flows against federated accounts are fragile: prefer an interactive sign-in, a service principal or a managed identity.",
    ],
    docs: [lookup("50008"), ERROR_CODES],
  },
  {
    id: "certificate-key-too-small",
    title: "The certificate's key is shorter than the 2048 bits Microsoft Entra ID requires",
    category: "credential-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS50032"],
      text: ["is less than the minimum required 2048 bits"],
      credentials: ["ClientCertificateCredential", "EnvironmentCredential"],
    },
    cause:
      "The client assertion was signed with an RSA key of 1024 bits (or another size below 2048). Microsoft Entra ID " +
      "refuses signatures from such keys, whatever the certificate registered on the app.",
    mitigations: [
      "Create a new certificate with an RSA key of at least 2048 bits (for example `openssl req -x509 -newkey rsa:2048 ...`, or a Key Vault certificate policy with key size 2048 or more), upload its public part to the app registration and sign with it.",
      "Remove the old short-key certificate from the app registration and from every place that loads it.",
    ],
    docs: [CERT_CREDS, lookup("50032")],
  },
  {
    id: "token-request-scope-missing",
    title: "The token request carried no scope",
    category: "other",
    retryable: false,
    match: {
      stsCodes: ["AADSTS90014", "AADSTS900144"],
      context: ["field 'scope' is missing", "parameter: 'scope'"],
    },
    cause:
      "The code asked for a token without saying for which resource: get_token/getToken was called with no scope (or an " +
      "empty one), so the request to Microsoft Entra ID lacked the scope field.",
    mitigations: [
      'Pass at least one scope to the credential\'s token call: get_token("https://management.azure.com/.default") in Python, getToken in JavaScript and Java, GetToken with a TokenRequestContext in .NET.',
      "Use the resource's .default scope for app-only tokens; check that a variable holding the scope is not empty at that point.",
    ],
    docs: [SCOPES, lookup("90014")],
  },
  {
    id: "java-dependency-version-conflict",
    title: "A Java library on the classpath has a version the identity library was not built for",
    category: "other",
    retryable: false,
    match: {
      text: [
        "No suitable constructor found for type",
        "java.lang.NoSuchMethodError",
        "java.lang.NoClassDefFoundError",
      ],
    },
    cause:
      "azure-identity and MSAL for Java rely on shared libraries such as Jackson, Netty and Reactor. When the build " +
      "resolves one of them to a version another part of the application brought in, a class or constructor the " +
      "identity code calls is missing at run time. The failure is about dependencies, not about signing in.",
    mitigations: [
      "Find which version of the library (often Jackson's jackson-databind) was resolved: `mvn dependency:tree` or `gradle dependencies`, and which component pulled it in.",
      "Align versions: import the azure-sdk-bom so the Azure libraries agree, and pin Jackson (or the library named in the error) to one version they support; in Spark, Databricks or Azure Functions on Java 8, the platform's own copy may win, so shade or configure it as the platform documents.",
    ],
    docs: [JAVA_CONFLICTS],
  },
  {
    id: "azure-cli-output-unparseable",
    title: "The credential could not parse what the Azure CLI printed",
    category: "other",
    retryable: false,
    match: {
      text: ["JsonParseException", "Unrecognized token", "JSONDecodeError"],
      context: ["AzureCliCredential", "Azure CLI", "az account get-access-token"],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "AzureCliCredential runs `az account get-access-token` and reads its output as JSON. Here the output began with " +
      "something else, typically a warning the CLI printed (a preview notice, an upgrade prompt, an extension message), " +
      "so parsing failed although the sign-in itself may be fine.",
    mitigations: [
      "Upgrade the identity library (azure-identity for Java, Python or JavaScript) and the Azure CLI: newer versions cope with the warnings az prints, and newer az versions no longer flag options such as --tenant as preview.",
      "Run `az account get-access-token --output json` yourself in the same environment to see the extra text; to keep az from printing warnings at all, run `az config set core.only_show_errors=true`.",
    ],
    docs: [JAVA_CLI_TROUBLESHOOT],
  },
  {
    id: "java-managed-identity-not-available",
    title:
      "Java's managed identity credential could not get a token; the real reason is in the wrapped exception",
    category: "managed-identity-unavailable",
    retryable: false,
    match: {
      // azure-identity for Java words every managed identity failure this way (IMDS refusals, the AKS token exchange).
      text: ["Managed Identity authentication is not available"],
      // No credential bonus: a specific cause quoted in the same paste (no IMDS, identity not found) must still lead.
      errorNames: ["CredentialUnavailableException", "CredentialAuthenticationException"],
    },
    cause:
      "azure-identity for Java wraps whatever went wrong inside ManagedIdentityCredential in this one sentence. Most " +
      "often the endpoint answered without a token: no system-assigned identity is on, the user-assigned one was not " +
      "named by its client ID, or, on AKS, the identity is bound to the pod through workload identity and not reachable " +
      "as a managed identity at all.",
    mitigations: [
      "Read the 'Caused by' exception below the message, or rerun with AZURE_LOG_LEVEL=verbose and an SLF4J logger, to see what the endpoint answered.",
      "On a VM, App Service or container app: turn on the system-assigned managed identity, or attach the user-assigned one and pass its client ID (ManagedIdentityCredentialBuilder().clientId(…), AZURE_CLIENT_ID).",
      "On AKS with Microsoft Entra Workload ID, build WorkloadIdentityCredential (or DefaultAzureCredential, which picks it) instead of ManagedIdentityCredential, and check the pod's azure.workload.identity/use label and service account annotation.",
      "Off Azure there is no managed identity: use a developer credential (AzureCliCredential after az login) locally.",
    ],
    docs: [JAVA_GUIDE, "https://learn.microsoft.com/azure/aks/workload-identity-overview"],
  },
  {
    id: "java-workload-identity-request-invalid",
    title:
      "The token endpoint answered 400 to Java's workload identity exchange: the tenant or authority is likely wrong",
    category: "tenant-invalid",
    retryable: false,
    match: {
      text: ["The request to the authority host was invalid"],
      credentials: ["WorkloadIdentityCredential", "ManagedIdentityCredential"],
    },
    cause:
      "azure-identity for Java posts the pod's federated token to <authority host>/<tenant>/oauth2/v2.0/token and reports " +
      "any 400 this way, without the AADSTS code. The URL it quotes shows the tenant and authority host it used: a " +
      "client ID or a wrong cloud's host there (for example after a configuration change) makes every exchange fail.",
    mitigations: [
      "Read the URL in the message: the segment after the host must be your Directory (tenant) ID. Set it with AZURE_TENANT_ID, the builder's tenantId(…), or in Spring Cloud Azure spring.cloud.azure.profile.tenant-id, and keep the client ID in its own setting.",
      "Check the authority host matches the cloud of the tenant (AZURE_AUTHORITY_HOST, spring.cloud.azure.profile.cloud-type): login.microsoftonline.com for the public cloud, login.chinacloudapi.cn for Azure operated by 21Vianet.",
      "If tenant and host are right, check the client ID and the federated identity credential (issuer, subject system:serviceaccount:<namespace>:<name>) of the identity; a debug log of the exchange shows the AADSTS code.",
    ],
    docs: [JAVA_GUIDE, "https://learn.microsoft.com/azure/aks/workload-identity-overview"],
  },
];
