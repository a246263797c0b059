/**
 * What a managed identity endpoint answered (or that none answered), as older and newer @azure/identity versions and
 * the App Service libraries print it: no host at 169.254.169.254, pod identity's 404, the App Service endpoint's own
 * errors, a 200 that is not a token, and an IMDS that exists but holds no identity for this machine.
 */
import type { KnowledgeEntry } from "../schema.js";

const MI_TROUBLESHOOT = "https://aka.ms/azsdk/js/identity/managedidentitycredential/troubleshoot";
const APP_MI = "https://learn.microsoft.com/azure/app-service/overview-managed-identity";
const IMDS = "https://learn.microsoft.com/azure/virtual-machines/instance-metadata-service";
const MI = ["ManagedIdentityCredential", "DefaultAzureCredential"] as const;

export const managedIdentityEndpointEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "imds-host-unreachable",
    title: "Nothing answers at the managed identity address 169.254.169.254 on this machine",
    category: "imds-unreachable",
    retryable: false,
    match: {
      text: [
        // Python's (requests/urllib3, also inside az) wording of a failed connection.
        "HTTPConnectionPool(host='169.254.169.254'",
        "connect EHOSTUNREACH 169.254.169.254",
        "connect EHOSTDOWN 169.254.169.254",
        "connect ENETUNREACH 169.254.169.254",
        "connect ETIMEDOUT 169.254.169.254",
        "connect ECONNREFUSED 169.254.169.254",
        // Go's net package words the same socket errors after the address.
        "169.254.169.254:80: connect: network is unreachable",
        "169.254.169.254:80: connect: no route to host",
        "169.254.169.254:80: connect: host is down",
        "169.254.169.254:80: connect: connection refused",
        // .NET's wording.
        "Connection refused (169.254.169.254",
      ],
      credentials: [...MI],
    },
    cause:
      "169.254.169.254 is the instance metadata endpoint that only Azure VMs and similar hosts provide. On a laptop, " +
      "in a local container or in another cloud there is no such host, so the connection fails and managed identity " +
      "cannot work there. Older @azure/identity versions stopped on this error instead of moving on to the next credential.",
    mitigations: [
      "Running locally, do not use managed identity: sign in with az login and use AzureCliCredential, or DefaultAzureCredential, which moves on to a developer credential.",
      "Upgrade @azure/identity: current versions probe the endpoint quickly and let DefaultAzureCredential fall through to the local credentials instead of failing.",
      "On an Azure VM, check that managed identity is enabled and that no proxy, firewall or route blocks 169.254.169.254 (add it to NO_PROXY).",
      "`az login --identity` works only on an Azure resource with managed identity; from a laptop, sign in with `az login`. Inside a container on an Azure VM or Arc-enabled server, the container must be able to reach the host's endpoint (host networking or a route to it), or use another sign-in.",
    ],
    docs: [IMDS, MI_TROUBLESHOOT],
  },
  {
    id: "imds-connection-blocked",
    title: "The connection to the managed identity address 169.254.169.254 was forbidden, refused or dropped",
    category: "imds-unreachable",
    retryable: false,
    match: {
      // Windows' socket errors as .NET (and PowerShell) print them, with the address after them.
      text: [
        "access a socket in a way forbidden by its access permissions",
        "target machine actively refused it",
        "connected party did not properly respond after a period of time",
        "No connection could be made because",
      ],
      context: ["169.254.169.254"],
      credentials: [...MI],
    },
    cause:
      "The credential tried the VM metadata endpoint and the operating system reports that no connection could be " +
      "made: a sandbox or firewall forbids the socket (App Service and Functions forbid it when the app has no managed " +
      "identity of its own), nothing listens there (off Azure), or nothing answered in time.",
    mitigations: [
      "On App Service or a Function App, turn on the app's managed identity (Identity blade) and restart it: the platform then sets IDENTITY_ENDPOINT and the credential uses it instead of 169.254.169.254, which the sandbox forbids.",
      "Off Azure (a laptop, a build agent, another cloud) there is no managed identity endpoint: use a developer credential there (az login with AzureCliCredential) or a service principal.",
      "On an Azure VM, check that no firewall rule, proxy (add 169.254.169.254 to NO_PROXY) or security product blocks 169.254.169.254.",
    ],
    docs: [APP_MI, IMDS, MI_TROUBLESHOOT],
  },
  {
    id: "managed-identity-endpoint-not-found",
    title: "The managed identity endpoint answered 404: no identity is bound for this pod or machine yet",
    category: "managed-identity-unavailable",
    retryable: true,
    match: {
      text: ["Failed to retrieve IMDS token after"],
      context: ["status code 404", "status code: 404"],
      credentials: [...MI],
    },
    cause:
      "IMDS answers 404 for a token while no identity is available to the caller. On AKS with the (deprecated) " +
      "aad-pod-identity add-on, its NMI component intercepts the request and answers 404 when the pod has no identity " +
      "assigned; on a VM, the same can happen for a short time while a newly enabled identity is being provisioned.",
    mitigations: [
      "On AKS with aad-pod-identity, check that the pod's aadpodidbinding label matches an AzureIdentityBinding, and read the NMI and MIC logs for the identity assignment (an AzureAssignedIdentity for the pod).",
      "On a VM or scale set, confirm managed identity is enabled and retry after a minute.",
      "Plan a move from pod identity to Microsoft Entra Workload ID, which replaces it.",
    ],
    docs: [
      "https://azure.github.io/aad-pod-identity/docs/troubleshooting/",
      "https://learn.microsoft.com/azure/aks/workload-identity-migrate-from-pod-identity",
    ],
  },
  {
    id: "app-service-identity-endpoint-failed",
    title: "The App Service or Functions managed identity endpoint failed while fetching the token",
    category: "managed-identity-unavailable",
    retryable: true,
    match: {
      text: [
        // App Service's own spelling ("occured"), cut short in some logs.
        "unexpected error occured while fetching",
        "unexpected error occurred while fetching the AAD Token",
      ],
      // identity 1.x/2.x print the endpoint's status twice: "(status code 400). More details: unknown_error(status code 500)".
      patterns: [
        "ManagedIdentityCredential authentication failed\\.\\s?\\(status code \\d{3}\\)\\.\\s?More details:\\s?unknown_error\\s?\\(status code 5\\d\\d\\)",
      ],
      credentials: [...MI],
    },
    cause:
      "On App Service and Azure Functions, a local endpoint (IDENTITY_ENDPOINT, formerly MSI_ENDPOINT) fetches managed " +
      "identity tokens for the app. It answered with a server error: it was restarting, overloaded, or stuck after the " +
      "app was restarted or moved, so calling it by hand fails too.",
    mitigations: [
      "Retry with backoff: the App Service managed identity endpoint often recovers within minutes after a restart or scale operation.",
      "If it lasts, restart the app (or stop and start it), and check in Kudu that IDENTITY_ENDPOINT/IDENTITY_HEADER (older stacks: MSI_ENDPOINT/MSI_SECRET) are present; libraries that take them explicitly, such as ms-rest-nodeauth's loginWithAppServiceMSI (msiEndpoint, msiSecret), must receive the current values.",
      "Turn the identity off and on again only as a last resort: a system-assigned identity gets a new principal and loses its role assignments.",
    ],
    docs: [APP_MI, MI_TROUBLESHOOT],
  },
  {
    id: "managed-identity-answer-not-a-token",
    title:
      "The managed identity endpoint answered 200 with something that is not a token for this kind of host",
    category: "managed-identity-unavailable",
    retryable: false,
    match: {
      patterns: ["ManagedIdentityCredential authentication failed\\. Status code: 200\\b"],
      credentials: ["ManagedIdentityCredential"],
      errorNames: ["AuthenticationError"],
    },
    cause:
      "@azure/identity decides which kind of endpoint it talks to from the environment: IDENTITY_ENDPOINT with " +
      "IDENTITY_HEADER means App Service, IDENTITY_ENDPOINT with IMDS_ENDPOINT means Azure Arc (which first answers 401 " +
      "with a challenge file), MSI_ENDPOINT alone means Cloud Shell. A local token proxy or emulator reached through " +
      "variables of another kind answers in a shape the credential cannot read.",
    mitigations: [
      "Set only the variables of the host you actually run on: unset IDENTITY_ENDPOINT/IMDS_ENDPOINT if this is not an Azure Arc server, or point them at the real endpoint.",
      "For a local token proxy or emulator, give the app a credential that fits it (a developer credential, or a custom TokenCredential) instead of ManagedIdentityCredential.",
    ],
    docs: [
      MI_TROUBLESHOOT,
      "https://learn.microsoft.com/azure/azure-arc/servers/managed-identity-authentication",
    ],
  },
  {
    id: "imds-present-no-identity",
    title: "IMDS answered on this Azure machine, but it has no managed identity for the code to use",
    category: "managed-identity-unavailable",
    retryable: false,
    match: {
      // Older identity versions log "ManagedIdentityCredential => IMDS endpoint is available".
      text: ["The Azure IMDS endpoint is available", "IMDS endpoint is available"],
      context: ["status code: 400", "status code 400"],
      credentials: [...MI],
    },
    cause:
      "The machine is an Azure VM, so the managed identity probe succeeds, but the token request is refused with 400: " +
      "no identity is assigned to it. Microsoft-hosted build agents are such VMs, and their identity is not yours; " +
      "DefaultAzureCredential then stops at managed identity instead of reaching the Azure CLI credential.",
    mitigations: [
      "On your own VM or scale set, assign a managed identity (system- or user-assigned, passing its client ID) and give it the roles it needs.",
      "On a Microsoft-hosted build agent, do not use managed identity: sign in through the pipeline (an Azure CLI task with a service connection) and use AzureCliCredential, or exclude managed identity from the chain (AZURE_TOKEN_CREDENTIALS=dev).",
    ],
    docs: [IMDS, MI_TROUBLESHOOT],
  },
];
