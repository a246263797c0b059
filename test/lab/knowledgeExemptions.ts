/**
 * Knowledge entries whose JavaScript wording the lab does not produce, each with the reason. The coverage check
 * (knowledgeCoverage.spec.ts) fails for an entry that is neither produced by a scenario nor listed here, and for an
 * entry listed here that a scenario does produce: the list may only hold what is truly out of reach.
 */
export const LAB_EXEMPTIONS: Readonly<Record<string, string>> = {
  "sts-answered-with-redirect":
    "Its 'Http status code: 301' wording is msal-node's own network client's (apps using msal-node directly); identity 4.13.1 reports a 301 from the token endpoint as a bare network_error (tried against the lab's fake STS).",
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
  "imds-gateway-error":
    "With the pinned identity 4.13.1, msal-node reports IMDS's HTML 502 page as no response; only identity 4.0 (the compat matrix cell) throws the AuthenticationError quoting the 502 that this entry explains.",
  "persistent-token-cache-unavailable":
    "The persistence check runs in @azure/msal-node-extensions, loaded through the @azure/identity-cache-persistence plugin and its native module, which the lab does not install; without the plugin identity only says no persistence provider was configured.",
  "imds-host-unreachable":
    "identity 4.13.1 (msal-node) reports an unreachable IMDS as 'Network unreachable' (imds-no-response); the 'connect EHOSTUNREACH 169.254.169.254' wording is older identity's and other runtimes', and the lab may not reach 169.254.169.254.",
  "managed-identity-endpoint-not-found":
    "identity 4.13.1 reports IMDS's 404 as 'Network unreachable' (seen when tried against the lab's fakes); the 'status code 404 … Failed to retrieve IMDS token after 5 retries' wording comes from older identity versions.",
  "managed-identity-answer-not-a-token":
    "identity 4.13.1 answers a 200 without a token with AuthenticationRequiredError 'Response had no expiresOn property' (seen when tried against the lab's fakes), not this 'Status code: 200 … unknown_error' wording of older versions.",
  "imds-present-no-identity":
    "The wording is a pair of verbose log lines (identity's IMDS probe and core-rest-pipeline's status), pasted from AZURE_LOG_LEVEL output; no error the credential throws carries it.",
  "developer-tool-not-on-path":
    "identity catches the spawn ENOENT of a missing tool and throws its own 'could not be found' message (azure-cli-not-installed and the like); the raw ENOENT comes from scripts and other tools.",
  "linux-secret-service-missing":
    "Comes from a keyring library (libsecret over D-Bus) used by developer tools' token caches, not from @azure/identity, which the lab drives without a D-Bus session.",
  "node-runtime-too-old":
    "Needs a Node.js older than 16 (no global AbortController); the lab runs on the Node that @azure/identity 4 supports.",
  "keychain-module-mismatch":
    "Comes from an old VS Code Azure Account keychain module mismatch, not from the credentials of @azure/identity 4.",
  "arm-action-denied-in-editor":
    "Printed by the VS Code Azure extensions' action log ('Action: … Error type: …'), not by an error a JavaScript app holds.",
  "messaging-claims-missing":
    "Thrown by the Service Bus / Event Hubs SDKs over AMQP (UnauthorizedError), which the lab has no fake for; core-rest-pipeline does not produce it.",
  "key-vault-object-disabled":
    "With Key Vault's real reply (its x-ms-keyvault-service-version header), key-vault-forbidden leads for this text; the entry serves pasted text without that header.",
  "app-deployment-forbidden":
    "Printed by the VS Code Azure App Service extension's deployment log, not by an error a JavaScript app holds.",
  "azure-devops-user-not-authorized":
    "An Azure DevOps service message (TF400813) shown by the Azure DevOps REST API and CLI, not produced by @azure/identity's credentials.",
  "device-compliance-page":
    "A Microsoft Entra sign-in page shown in the browser during interactive sign-in; the lab has no browser.",
  "authority-is-authorize-url":
    "An MSAL.js (browser) failure loading an authority given as an /authorize URL; the lab drives Node credentials.",
  "msal-authority-metadata-missing":
    "A minified MSAL.js browser bundle's TypeError; the lab runs @azure/identity's Node build.",
  "required-setting-not-provided":
    "An 'ERROR: … is required but was not provided' line from tools (azd, the Azure CLI, templates), not from @azure/identity's constructors, whose messages other entries cover.",
  "vscode-azure-account-not-signed-in":
    "VisualStudioCodeCredential in identity 4.13.1 needs the @azure/identity-vscode plugin and a VS Code sign-in, which the lab does not install.",
  "editor-cached-account-unreadable":
    "Thrown by the VS Code Azure Account extension's login cache (LoginCacheError), not by @azure/identity.",
  "storage-explorer-tenant-filtered":
    "A message of Azure Storage Explorer's account panel, not of an error a JavaScript app holds.",
  "azure-devops-identity-not-materialized":
    "An Azure DevOps service exception (AadUserStateException) for a user not yet seen by the organisation; not produced by @azure/identity.",
  "dns-resolution-failed":
    "Producing getaddrinfo ENOTFOUND needs a DNS lookup, which leaves loopback; the lab sends nothing beyond 127.0.0.1.",
  "proxy-tunnel-failed":
    "The 'tunneling socket could not be established' wording is the old tunnel agent's; core-rest-pipeline under identity 4.13.1 uses https-proxy-agent, which words it differently.",
  "proxy-authentication-required":
    "Needs an HTTPS proxy answering 407 to CONNECT; the lab has no fake proxy yet.",
  "sign-in-metadata-unreachable":
    "identity 4.13.1 reports an unreachable authority as 'endpoints_resolution_error' without MSAL's detail text (authority-endpoints-unresolved leads; seen when tried against the lab's fakes).",
  "editor-sign-in-offline":
    "Printed by the VS Code Azure Account extension's action log, not by an error a JavaScript app holds.",
  "sts-outage-page":
    "identity 4.13.1 (msal-node) reports an HTML page from the token endpoint as network_error without its text (seen when tried against the lab's fakes); the page's wording reaches older versions and other runtimes.",
};
