/**
 * Knowledge entries whose JavaScript wording the lab does not produce, each with the reason. The coverage check
 * (knowledgeCoverage.spec.ts) fails for an entry that is neither produced by a scenario nor listed here, and for an
 * entry listed here that a scenario does produce: the list may only hold what is truly out of reach.
 */
export const LAB_EXEMPTIONS: Readonly<Record<string, string>> = {
  "workload-identity-proxy-misconfigured":
    "The AKS token-proxy settings (AZURE_KUBERNETES_TOKEN_PROXY…) exist from identity 4.14 on; 4.13.1, the version the lab pins, has no such check.",
  "broker-plugin-missing":
    "Its text comes from identity 4.14's broker support; 4.13.1 builds DefaultAzureCredential's broker member without that message.",
  "broker-redirect-uri-missing":
    "Raised during the Windows broker's (WAM) interactive sign-in, which needs Windows and @azure/identity-broker.",
  "silent-sign-in-no-user":
    "Comes from silent sign-in of interactive credentials with a cached account; the lab has no browser or device-code user to sign in.",
  "implicit-grant-not-enabled":
    "Entra answers it at the authorize endpoint in the browser; no credential's token request can receive it.",
  "default-credential-unexpected-identity":
    "The JavaScript library never names the chain in a service's RestError; the entry serves other runtimes' logs and pasted text.",
  "credential-authentication-failed":
    "identity 4.13.1 builds AuthenticationError('unknown_error') only on paths its current credentials no longer take (4.0's managed identity does; see the compat matrix).",
  "imds-host-unreachable":
    "Its text names 169.254.169.254 itself; the lab reaches IMDS only through a loopback proxy or AZURE_POD_IDENTITY_AUTHORITY_HOST, so the refused address is 127.0.0.1 (the unreachable-IMDS scenario leads imds-no-response).",
  "managed-identity-endpoint-not-found":
    '"Failed to retrieve IMDS token after N retries" is older identity wording; 4.13.1 hands IMDS to msal-node, whose 404 reply has no such text.',
  "managed-identity-answer-not-a-token":
    'Its "authentication failed. Status code: 200" text is identity 4.0\'s; 4.13.1 answers a 200 without a token with \'Response had no "expiresOn" property.\', which no entry matches.',
  "developer-tool-not-on-path":
    'identity 4.13.1 turns a missing az, azd or pwsh into its own "could not be found" messages (covered by their own entries); the raw spawn/shell text never reaches the error.',
  "linux-secret-service-missing":
    "Comes from the OS keyring (D-Bus secret service) used by persistent caches and editors; the lab runs no keyring and identity 4.13.1 never calls one.",
  "node-runtime-too-old":
    "Needs a Node.js without AbortController (before 15); the lab runs on Node 20, the oldest identity 4.13.1 supports (engines >=20).",
  "keychain-module-mismatch":
    "Thrown by an editor extension's mismatched keychain module, not by @azure/identity; the lab has no editor or keychain.",
  "arm-action-denied-in-editor":
    "Its 'Action / Error type / Error Message' layout is the VS Code Azure extensions' output panel, which the lab does not run; the plain ARM refusal is covered as arm-authorization-failed.",
  "messaging-claims-missing":
    "Service Bus and Event Hubs refuse over AMQP with UnauthorizedError; the lab's resource fake speaks HTTPS only and runs no AMQP broker.",
  "key-vault-object-disabled":
    "The lab's Key Vault reply with this exact text leads key-vault-forbidden (see services.spec.ts, 'the operation is not allowed on this secret'); recorded as a knowledge finding.",
  "app-deployment-forbidden":
    "Its text is the VS Code App Service extension's deploy output (host runtime refusing the deployment), which no credential or lab service produces.",
  "azure-devops-user-not-authorized":
    "TF400813 comes from Azure DevOps REST APIs, which the lab's Azure Pipelines fake (the OIDC endpoint only) does not emulate.",
  "device-compliance-page":
    "It is the sign-in page Entra shows in a browser for a device compliance policy; no token request returns it, and the lab has no browser.",
  "authority-is-authorize-url":
    "A browser CORS error from MSAL.js fetching metadata under an /authorize URL; msal-node in Node has no CORS check, so the lab cannot raise it.",
  "msal-authority-metadata-missing":
    "The replaceTenant TypeError is an old MSAL.js browser build's; msal-node validates the discovery document, and an incomplete one gives endpoints_resolution_error in the lab.",
  "required-setting-not-provided":
    "Its text comes from CI tasks and deployment scripts (GitHub Actions inputs, Azure CLI), not from @azure/identity, which names its own missing parameters.",
  "vscode-azure-account-not-signed-in":
    "That VisualStudioCodeCredential wording is from identity versions that read the Azure Account extension; 4.13.1 says the VS Code plugin is missing (vscode-credential-not-available).",
  "editor-cached-account-unreadable":
    "LoginCacheError is raised by the VS Code Azure sign-in extension reading its own cache; the lab runs no editor.",
  "storage-explorer-tenant-filtered":
    "Its text is Azure Storage Explorer's account filter, an application the lab does not emulate.",
  "azure-devops-identity-not-materialized":
    "AadUserStateException comes from Azure DevOps sign-in for a user who never opened the web UI; the lab's pipelines fake serves only the OIDC endpoint.",
  "dns-resolution-failed":
    "getaddrinfo failures need a name lookup, which would query a real resolver; the lab never lets a query leave loopback, and no name is guaranteed to fail locally.",
  "proxy-tunnel-failed":
    "\"tunneling socket could not be established\" is the old tunnel package's text and ERR_PROXY_* are Chromium's; core-rest-pipeline reports a dead proxy as connect ECONNREFUSED.",
  "sign-in-metadata-unreachable":
    'msal-node in identity 4.13.1 shortens it to "endpoints_resolution_error: See https://aka.ms/msal.js.errors…" (closed port, bad TLS, proxy 407 alike), which leads authority-endpoints-unresolved.',
  "editor-sign-in-offline":
    "Raised by the VS Code Azure Account sign-in (device code UI) when offline; the lab runs no editor.",
  "sts-outage-page":
    'msal-node does not quote a non-JSON token-endpoint body: the lab\'s HTML 503 outage page gives "network_error", which leads sts-network-error.',
};
