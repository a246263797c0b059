/**
 * Failures on the way to Microsoft Entra ID or a service, before any identity decision: name resolution, refused or
 * dropped connections, proxies (tunnels, 407), TLS inspection, sign-in metadata that cannot be fetched, editors that
 * consider themselves offline, and the identity provider's own outage page.
 */
import type { KnowledgeEntry } from "../schema.js";

const JS_GUIDE =
  "https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/identity/identity/TROUBLESHOOTING.md";
const NODE_CA = "https://nodejs.org/api/cli.html#node_extra_ca_certsfile";
const NODE_ERRORS = "https://nodejs.org/api/errors.html#common-system-errors";
const CLI_PROXY =
  "https://learn.microsoft.com/cli/azure/use-azure-cli-successfully-troubleshooting#work-behind-a-proxy";
const MSAL_NODE_PROXY =
  "https://learn.microsoft.com/entra/msal/javascript/node/configuration#proxy-configuration";
const VSCODE_NETWORK = "https://code.visualstudio.com/docs/setup/network";
const ENTRA_ENDPOINTS = "https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud";

export const networkEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "dns-resolution-failed",
    title: "A host name (the sign-in endpoint or a service) could not be resolved by DNS",
    category: "network",
    retryable: true,
    match: {
      text: [
        "getaddrinfo ENOTFOUND",
        "getaddrinfo EAI_AGAIN",
        "Temporary failure in name resolution",
        "Name or service not known",
        "nodename nor servname provided",
        "No such host is known",
        ": no such host",
        "server misbehaving",
        // Java's: the exception's message is the host name alone.
        "java.net.UnknownHostException",
      ],
    },
    cause:
      "The process asked its DNS resolver for a host (login.microsoftonline.com, a vault, a storage account) and got " +
      "no address: the name is mistyped, the machine or container has no working DNS (a dev container's or VPN's " +
      "resolver, an offline host), or a private DNS zone does not answer from here. ENOTFOUND means no such name; " +
      "EAI_AGAIN means the resolver did not answer in time.",
    mitigations: [
      "Check the host name in the message for typos (a vault or account URL, an authority host).",
      "Test DNS from the same place the code runs: `nslookup login.microsoftonline.com` (or the service host). In a container or dev container, check its resolver (/etc/resolv.conf, Docker's DNS at 127.0.0.11) and the host's VPN or proxy settings.",
      "On a company VPN or network, its DNS servers or split tunnel decide what resolves: connect or disconnect the VPN, or ask IT to fix the DNS settings; where only a proxy reaches the internet, set HTTPS_PROXY (and NO_PROXY for local hosts) so requests go through it.",
      "For a private endpoint, the name must resolve through its private DNS zone from this network.",
      "EAI_AGAIN and other passing DNS failures usually clear: retry after a short delay, and check the machine's network connection if they repeat.",
    ],
    docs: ["https://learn.microsoft.com/azure/private-link/private-endpoint-dns", NODE_ERRORS],
  },
  {
    id: "connection-refused-or-dropped",
    title: "The connection to the sign-in or service endpoint was refused, reset or timed out",
    category: "network",
    retryable: true,
    match: {
      text: [
        "ECONNREFUSED",
        "ECONNRESET",
        "ETIMEDOUT",
        "ENETUNREACH",
        "EHOSTUNREACH",
        "socket hang up",
        "TypeError: fetch failed",
        "access a socket in a way forbidden by its access permissions",
        // Go's and .NET's wordings of refused, unroutable and timed-out connections.
        ": i/o timeout",
        "Connection refused",
        "connect: connection timed out",
        "connect: network is unreachable",
        "connect: no route to host",
        "target machine actively refused it",
        "connected party did not properly respond after a period of time",
        "due to the configured HttpClient.Timeout",
        "Request to the endpoint timed out",
      ],
    },
    cause:
      "The request left the process but no usable connection was made: nothing listens at that address " +
      "(ECONNREFUSED), a firewall or proxy dropped or reset it (ECONNRESET, socket hang up), no route exists " +
      "(EHOSTUNREACH, ENETUNREACH) or nothing answered in time (ETIMEDOUT). On Windows, a local firewall or security " +
      "product that blocks the socket reports it as an access-permission error.",
    mitigations: [
      "Check that this machine can open https://login.microsoftonline.com and the service's host on port 443 (curl or a browser on the same network); the address in the message says which endpoint failed.",
      "On a corporate network, requests may have to go through a proxy: set HTTPS_PROXY and NO_PROXY for the process, or ask IT to allow the Azure endpoints through the firewall.",
      "An address such as 127.0.0.1 in the message means the process was sent to a local proxy or emulator that is not running: start it, or remove the setting that points there.",
      "A reset or timeout that comes and goes is often passing: retry with backoff (SDK clients retry on their own) before changing anything.",
    ],
    docs: [NODE_ERRORS, JS_GUIDE],
  },
  {
    id: "java-request-retries-ended-on-host",
    title:
      "Java's HTTP retries ended on an error that names only a host: the host could not be resolved or reached",
    category: "network",
    retryable: true,
    match: {
      // azure-core's and MSAL for Java's retry wrapper, where the details are an UnknownHostException's message: a bare
      // host name at the end of the line.
      patterns: [
        "max retries \\d{1,3} times exceeded\\. error details: [a-z0-9-]{1,63}\\.[a-z0-9.-]{2,200}(?:\\r?\\n|$)",
      ],
    },
    cause:
      "Java's HTTP clients retry a failed request and then report the last error's message. When that message is only a " +
      "host name, the error was an UnknownHostException: DNS gave no address for it (no network, a VPN or proxy that " +
      "must be used, a private DNS zone), so no answer ever came from the sign-in endpoint.",
    mitigations: [
      "Check the network path from this machine to the host named after 'Error Details' (usually login.microsoftonline.com): nslookup and curl it from the same machine, VPN on or off.",
      "Behind a proxy, the JVM must be told about it: start Java with -Dhttps.proxyHost=<proxy> -Dhttps.proxyPort=<port> (or -Djava.net.useSystemProxies=true), or set the IDE's proxy (IntelliJ: Settings > Appearance & Behavior > System Settings > HTTP Proxy); Azure SDK clients also read HTTPS_PROXY.",
      "Retry once the connection or DNS is back; a passing outage clears on its own.",
    ],
    docs: ["https://learn.microsoft.com/azure/developer/java/sdk/proxying"],
  },
  {
    id: "sts-answered-with-redirect",
    title: "The token request got a redirect (HTTP 3xx) instead of an answer from Microsoft Entra ID",
    category: "network",
    retryable: false,
    match: {
      // msal-node's report of a reply it cannot use: "Http status code: 301 / Http status message: Moved Permanently".
      patterns: ["http status code: 30[1-8]\\b"],
      httpStatus: [301, 302, 303, 307, 308],
    },
    cause:
      "The token endpoint never redirects a token request, so a 3xx came from something else: a proxy, firewall or " +
      "captive portal on the network path that rewrote the request, or an authority URL so malformed (a host name " +
      "repeated in the path, a port in the wrong place) that the front door sent it elsewhere.",
    mitigations: [
      "Look at the Location header in the message: a login page of your network or a proxy means a firewall or proxy intercepts the request; let login.microsoftonline.com through, or set HTTPS_PROXY so requests go through the proxy properly.",
      "Check the authority the app uses: it must be https://login.microsoftonline.com/<tenant-id> (or your cloud's host), with no host name or port repeated in the path.",
      "Try the same sign-in from another network to tell a network device from a configuration error.",
    ],
    docs: [ENTRA_ENDPOINTS, MSAL_NODE_PROXY],
  },
  {
    id: "proxy-tunnel-failed",
    title: "The HTTPS tunnel through the configured proxy could not be set up",
    category: "network",
    retryable: false,
    match: {
      text: [
        "tunneling socket could not be established",
        "ERR_PROXY_CONNECTION_FAILED",
        "ERR_TUNNEL_CONNECTION_FAILED",
      ],
    },
    cause:
      "The process is configured to reach the internet through a proxy, and asking that proxy for a tunnel failed: " +
      "the proxy address is stale or points at a local tool that is not running, the proxy refused the connection, or " +
      "it answered with something other than a tunnel.",
    mitigations: [
      "Check the proxy settings this process uses: HTTPS_PROXY/HTTP_PROXY and NO_PROXY, the app's own proxy setting, and the operating system's proxy or PAC script. A proxy at 127.0.0.1 or localhost belongs to a local tool that must be running; a 407 status means the proxy wants authentication (credentials in the proxy URL).",
      "In desktop tools, let them follow the system proxy settings (Storage Explorer: use system proxy; VS Code: http.proxySupport) instead of a hand-typed address, or correct the address in their settings.",
      "If the proxy also inspects TLS, trust its root certificate as well (NODE_EXTRA_CA_CERTS, or the tool's certificate import).",
    ],
    docs: [VSCODE_NETWORK, NODE_CA],
  },
  {
    id: "proxy-authentication-required",
    title: "The proxy asked for credentials (HTTP 407) before it would forward the request",
    category: "network",
    retryable: false,
    match: {
      text: ["Proxy Authentication Required", "statusCode=407"],
      httpStatus: [407],
    },
    cause:
      "The proxy between this machine and Azure only forwards requests from authenticated users. The process sent " +
      "no proxy credentials, or ones the proxy does not accept (many corporate proxies expect Windows authentication, " +
      "which Node.js and the Azure CLI do not perform on their own).",
    mitigations: [
      "Give the proxy credentials in the proxy URL the process uses: HTTPS_PROXY=http://<user>:<password>@<proxy>:<port> (URL-encode special characters), and keep that variable out of logs.",
      "If the proxy needs Windows (NTLM/Kerberos) authentication, run a local authenticating proxy that forwards to it and point HTTPS_PROXY at that, or ask IT to let login.microsoftonline.com and the Azure endpoints through without proxy authentication.",
    ],
    docs: [VSCODE_NETWORK, CLI_PROXY],
  },
  {
    id: "tls-certificate-untrusted",
    title: "The TLS certificate presented for a sign-in or service endpoint is not trusted (usually a proxy)",
    category: "network",
    retryable: false,
    match: {
      text: [
        "unable to get local issuer certificate",
        "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        // Node.js before 17 writes "self signed", later versions "self-signed".
        "self signed certificate",
        "self-signed certificate in certificate chain",
        "SELF_SIGNED_CERT_IN_CHAIN",
        "DEPTH_ZERO_SELF_SIGNED_CERT",
        "unable to verify the first certificate",
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        "CERTIFICATE_VERIFY_FAILED",
        "certificate verify failed",
        "x509: certificate signed by unknown authority",
        "The remote certificate is invalid according to the validation procedure",
        // .NET (Core) and Java wordings of an untrusted chain.
        "The remote certificate is invalid because of errors in the certificate chain",
        "PKIX path building failed",
        "Certificate verification failed. This typically happens when using Azure CLI behind a proxy",
      ],
    },
    cause:
      "The HTTPS connection was answered with a certificate chain this process does not trust. Almost always a " +
      "corporate proxy, VPN client or security product inspects TLS and re-signs traffic with its own root certificate, " +
      "which the operating system may trust but the runtime's own CA bundle (Python's certifi in the Azure CLI, Node.js) does not.",
    mitigations: [
      "Get the proxy's root certificate (and any intermediate CA) from your IT team and add it to the bundle the tool uses: REQUESTS_CA_BUNDLE pointing at a PEM file for the Azure CLI and Python, NODE_EXTRA_CA_CERTS for Node.js, the system store for .NET and Go.",
      "Node.js reads NODE_EXTRA_CA_CERTS only when the process starts. Desktop tools built on it can use the system proxy and the system's trusted certificates instead, once the certificate is installed in the OS store (VS Code: http.systemCertificates; Storage Explorer: import it under its SSL certificate settings).",
      "Set HTTPS_PROXY (and NO_PROXY) so the tool goes through the proxy rather than around it; a TLS error such as 'wrong version number' means something that does not speak TLS answered, often a proxy address given with the wrong scheme or port.",
      "A self-signed certificate that only your VPN or proxy presents is a network setting to fix, not a credential problem. Do not switch certificate verification off (AZURE_CLI_DISABLE_CONNECTION_VERIFICATION, NODE_TLS_REJECT_UNAUTHORIZED=0) except for a short test.",
    ],
    docs: [CLI_PROXY, NODE_CA, VSCODE_NETWORK],
  },
  {
    id: "sign-in-metadata-unreachable",
    title: "MSAL could not download the authority's sign-in metadata (OpenID configuration)",
    category: "network",
    retryable: true,
    match: {
      // msal-common's own wording; identity's bare "See https://aka.ms/…" form stays with authority-endpoints-unresolved.
      text: [
        "could not resolve endpoints. Please check network and try again",
        "endpoints_resolution_error: Error:",
      ],
    },
    cause:
      "Before it asks for a token, MSAL fetches <authority>/v2.0/.well-known/openid-configuration. The request did not " +
      "come back with usable metadata: usually a proxy that MSAL does not go through, TLS inspection with an untrusted " +
      "root certificate, or no network route. A wrong tenant or authority host fails the same way, so check both.",
    mitigations: [
      "Check the network path from this machine to login.microsoftonline.com (or your cloud's authority host) on port 443: DNS, firewall, VPN and proxy.",
      "Open the OpenID configuration URL from the message on the same machine: if it does not load, the network path is at fault; if it answers that the tenant is not found, fix the tenant ID or authority host.",
      "Behind a proxy: msal-node does not pick up HTTPS_PROXY by itself; set system.proxyUrl in the MSAL configuration, or pass a custom system.networkClient that sends requests through your proxy agent (@azure/identity takes proxyOptions or HTTPS_PROXY).",
      "If the proxy inspects TLS, make its root certificates trusted: NODE_EXTRA_CA_CERTS, or in VS Code turn on http.systemCertificates so the OS certificates are used.",
      "In a sovereign cloud, use that cloud's authority host (login.microsoftonline.us, login.partner.microsoftonline.cn) together with its own resources.",
    ],
    docs: [MSAL_NODE_PROXY, ENTRA_ENDPOINTS, "https://aka.ms/msal.js.errors"],
  },
  {
    id: "editor-sign-in-offline",
    title: "An editor or desktop tool could not reach the sign-in endpoints and gave up signing in",
    category: "network",
    retryable: true,
    match: {
      text: [
        "Acquiring user code failed",
        "Timeout waiting for Login",
        "Error Message: Network failure",
        "Network Request Failed",
      ],
      // The Azure Account extension's report when its connectivity check fails.
      patterns: ["error type: azureloginerror\\s{1,4}error message: offline"],
    },
    cause:
      "VS Code's Azure extensions, Storage Explorer and similar tools check that they can reach " +
      "login.microsoftonline.com before and during sign-in. The request for a device code, the browser callback or " +
      "the connectivity check failed, which nearly always means a proxy, firewall or certificate problem on the way, " +
      "or no network connection.",
    mitigations: [
      "Check the machine's network connection and that https://login.microsoftonline.com and https://management.azure.com open from it.",
      "Behind a corporate proxy, set the editor's proxy (VS Code: http.proxy, or follow the system proxy) and list hosts that must bypass it in NO_PROXY; some proxies block the device code request to login.microsoftonline.com unless it is excluded.",
      "If the proxy inspects TLS, its root certificate must be trusted (VS Code: http.systemCertificates; Node.js tools: NODE_EXTRA_CA_CERTS).",
      "Retry once the connection is back; a sign-in that timed out leaves nothing to clean up.",
    ],
    docs: [VSCODE_NETWORK, NODE_CA],
  },
  {
    id: "sts-outage-page",
    title:
      "The sign-in service answered with its 'services aren't available' page instead of a token response",
    category: "network",
    retryable: true,
    match: {
      text: ["Our services aren't available right now", "Our services aren’t available right now"],
    },
    cause:
      "A front end of the sign-in service (or something in the network path presenting it) returned an HTML error " +
      "page during a passing outage. Libraries that expect JSON then fail with a parse error that hides the real answer.",
    mitigations: [
      "Retry after a short delay; check the Azure status page if it lasts.",
      "If it keeps happening from one network only, test the same request from another network: a proxy or firewall may be returning that page.",
    ],
    docs: ["https://azure.status.microsoft/status"],
  },
];
