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
  "imds-gateway-error":
    "With the pinned identity 4.13.1, msal-node reports IMDS's HTML 502 page as no response; only identity 4.0 (the compat matrix cell) throws the AuthenticationError quoting the 502 that this entry explains.",
  "persistent-token-cache-unavailable":
    "The persistence check runs in @azure/msal-node-extensions, loaded through the @azure/identity-cache-persistence plugin and its native module, which the lab does not install; without the plugin identity only says no persistence provider was configured.",
};
