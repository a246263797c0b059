/** The sources and example messages (each runtime's wording) of the entries in ../entries/network.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const networkExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "dns-resolution-failed": {
    sources: ["node-errors", "written"],
    examples: [
      {
        text: "com.microsoft.aad.msal4j.MsalClientException: java.net.UnknownHostException: login.microsoftonline.com\n\tat com.microsoft.aad.msal4j.HttpHelper.executeHttpRequest(HttpHelper.java:60)",
        runtime: "java",
        source: "written",
      },
      {
        text: "RestError: getaddrinfo ENOTFOUND contoso-vault.vault.azure.net\n    at ClientRequest.<anonymous> (/app/node_modules/@azure/core-rest-pipeline/dist/commonjs/nodeHttpClient.js:1:1)",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='login.microsoftonline.com', port=443): Max retries exceeded (Caused by NameResolutionError: Failed to resolve 'login.microsoftonline.com' ([Errno -3] Temporary failure in name resolution))",
        runtime: "python",
        source: "written",
      },
      {
        text: 'Post "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token": dial tcp: lookup login.microsoftonline.com on 10.0.0.2:53: no such host',
        runtime: "go",
        source: "written",
      },
      {
        text: 'ERROR: logging in: failed to authenticate: Get "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration": dial tcp: lookup login.microsoftonline.com on 10.0.0.2:53: no such host',
        runtime: "azd",
        source: "written",
      },
    ],
  },
  "connection-refused-or-dropped": {
    sources: ["node-errors", "written"],
    examples: [
      {
        text: "RestError: connect ECONNREFUSED 10.1.2.3:443\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "Error: read ECONNRESET\n    at TLSWrap.onStreamRead (node:internal/stream_base_commons:217:20)",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "Unable to reach the organization: TypeError: fetch failed",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "adal: Failed to execute the refresh request. Error = 'Post \"https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token\": dial tcp 20.190.160.1:443: i/o timeout'",
        runtime: "go",
        source: "written",
      },
      {
        text: "Azure.Identity.AuthenticationFailedException: ClientSecretCredential authentication failed: Retry failed after 4 tries. (Connection refused (login.microsoftonline.com:443))",
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "proxy-tunnel-failed": {
    sources: ["written"],
    examples: [
      {
        text: "FetchError: request to https://login.microsoftonline.com/common/discovery/instance failed, reason: tunneling socket could not be established, cause=connect ECONNREFUSED 127.0.0.1:8888",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "Sign-in failed: net::ERR_PROXY_CONNECTION_FAILED",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "proxy-authentication-required": {
    sources: ["written"],
    examples: [
      {
        text: "AuthenticationRequiredError: network_error: 407 Proxy Authentication Required",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "tls-certificate-untrusted": {
    sources: ["node-tls", "cli-proxy", "written"],
    examples: [
      {
        text: "RestError: unable to get local issuer certificate\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "Error: self-signed certificate in certificate chain\n    code: 'SELF_SIGNED_CERT_IN_CHAIN'",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "ERROR: HTTPSConnectionPool(host='login.microsoftonline.com', port=443): Max retries exceeded with url: /organizations/v2.0/.well-known/openid-configuration (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain')))",
        runtime: "azure-cli",
        source: "written",
      },
      {
        text: "System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot",
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "sign-in-metadata-unreachable": {
    sources: ["msal-node-config", "written"],
    examples: [
      {
        text: "ClientAuthError: endpoints_resolution_error: Error: could not resolve endpoints. Please check network and try again. Detail: ClientAuthError: openid_config_error: Could not retrieve endpoints.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "editor-sign-in-offline": {
    sources: ["vscode-network", "written"],
    examples: [
      {
        text: "Action: azure-account.login\nError type: AzureLoginError\nError Message: Offline",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "Error: Acquiring user code failed",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "sts-outage-page": {
    sources: ["written"],
    examples: [
      {
        text: "SyntaxError: Unexpected token '<' in the token response: Our services aren't available right now. We're working to restore all services as soon as possible.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "java-request-retries-ended-on-host": {
    sources: ["written"],
    examples: [
      {
        text: "com.azure.core.exception.ClientAuthenticationException: java.lang.RuntimeException: Max retries 3 times exceeded. Error Details: login.microsoftonline.com\n\tat com.contoso.inventory.Main.main(Main.java:12)",
        runtime: "java",
        source: "written",
      },
    ],
  },
  "sts-answered-with-redirect": {
    sources: ["written"],
    examples: [
      {
        text: 'ServerError: unknown_error: An unknown error occured.\nHttp status code: 302\nHttp status message: Found\nHeaders: {"location":"https://gateway.contoso.test/portal/login"}',
        runtime: "javascript",
        source: "written",
      },
    ],
  },
};
