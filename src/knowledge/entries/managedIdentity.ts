/** Managed identity on VMs (IMDS), App Service/Functions, Arc, AKS pod identity, Service Fabric, Cloud Shell. */
import type { KnowledgeEntry } from "../schema.js";

const VM_MI =
  "https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/qs-configure-portal-windows-vm";
const APP_MI = "https://learn.microsoft.com/azure/app-service/overview-managed-identity";
const MI_TROUBLESHOOT = "https://aka.ms/azsdk/js/identity/managedidentitycredential/troubleshoot";
const IMDS = "https://learn.microsoft.com/azure/virtual-machines/instance-metadata-service";
const MI = ["ManagedIdentityCredential", "DefaultAzureCredential"] as const;

export const managedIdentityEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "managed-identity-not-assigned",
    title: "The managed identity the code asked for is not attached to this Azure resource",
    category: "managed-identity-unavailable",
    retryable: false,
    match: {
      text: [
        // Python's and Java's wording of the same 400 from the endpoint.
        "No identity has been assigned to this resource",
        "verify your objectId, clientId or msiResourceId",
        // Azure Machine Learning compute's endpoint placeholder when no identity is assigned to it.
        "identity-responder-not-enabled",
        "requested identity hasn't been assigned to this resource",
        "requested identity hasn’t been assigned to this resource",
        "requested identity has not been assigned to this resource",
        "Description: Identity not found",
        "Unable to load the proper Managed Identity",
        "no available identity",
        // App Service's answer when several user-assigned identities exist and none was chosen.
        "Unable to load requested managed identity",
        // IMDS's answer to the same, and Go's wordings of the 400.
        "Multiple user assigned identities exist",
        "no default identity is assigned to this resource",
        "requested identity isn't assigned to this resource",
      ],
      // IMDS's JSON body as Go (adal, azidentity) and Python quote it: {"error_description":"Identity not found"}.
      patterns: ["error_description\\W{1,8}identity not found"],
      credentials: [...MI],
    },
    cause:
      "The managed identity endpoint answered 400: the resource has no identity matching the request. With a " +
      "user-assigned identity the client ID (or resource/object ID) is wrong or that identity is not attached here; " +
      "without an ID, the system-assigned identity is not turned on.",
    mitigations: [
      "User-assigned managed identity: pass the identity's client ID (managedIdentityClientId / AZURE_CLIENT_ID) and check it is attached to this VM, app or scale set. With several user-assigned identities attached and no system-assigned one, the client ID is required.",
      "System-assigned: turn the identity on for the resource (Identity blade, Status = On) and wait a minute for it to propagate.",
      "On a scale set or App Service slot, check the identity on that exact instance or slot; on Container Apps, Azure Container Instances and Azure Machine Learning compute, assign the identity to the app, container group or compute itself.",
      "Constructed directly, ManagedIdentityCredential may not read AZURE_CLIENT_ID (Python's does not): pass the client ID in code (client_id= in Python, clientId in JavaScript and Java, ManagedIdentityId in .NET).",
      "On AKS with Microsoft Entra Workload ID, the identity is bound to the pod's service account, not assigned to the node, so IMDS does not know it: use WorkloadIdentityCredential (or DefaultAzureCredential) instead of calling IMDS.",
    ],
    docs: [VM_MI, APP_MI, MI_TROUBLESHOOT],
  },
  {
    id: "imds-gateway-error",
    title: "A proxy or gateway between the code and the IMDS endpoint broke the managed identity request",
    category: "imds-unreachable",
    retryable: false,
    match: {
      text: [
        "ManagedIdentityCredential authentication unavailable. The request failed due to a gateway error",
        "The request failed due to a gateway error",
      ],
      // identity 4.0 quotes the gateway's status: "ManagedIdentityCredential authentication failed. Status code: 502".
      patterns: ["ManagedIdentityCredential authentication failed\\. Status code: 50[24]\\b"],
      credentials: [...MI],
    },
    cause:
      "The instance metadata service at 169.254.169.254 is link-local and must be called directly. A 502/504 means the " +
      "request went through a proxy or gateway (often HTTP(S)_PROXY set for the whole process) that cannot reach it.",
    mitigations: [
      "Exclude 169.254.169.254 from proxying: add it to NO_PROXY / no_proxy, or remove the proxy setting for this process.",
      "Check for a sidecar, service mesh or firewall rule that intercepts traffic to 169.254.169.254.",
    ],
    docs: [IMDS, MI_TROUBLESHOOT],
  },
  {
    id: "imds-no-response",
    title: "The managed identity endpoint did not answer in time",
    category: "imds-unreachable",
    retryable: true,
    match: {
      text: [
        "No response received from the managed identity endpoint",
        "no response from the IMDS endpoint",
        "ManagedIdentityCredential: Network unreachable",
        // identity 4.0 passes the socket error through.
        "ManagedIdentityCredential: Authentication failed. Message connect ECONNREFUSED",
        // Java's wording.
        "Connection to IMDS endpoint cannot be established",
        // Go's wording.
        "IMDS token request timed out",
      ],
      credentials: [...MI],
    },
    cause:
      "The request to the local managed identity endpoint timed out or was dropped. Either this machine is not an " +
      "Azure resource with managed identity, the identity is not configured yet, or a firewall/route blocks 169.254.169.254.",
    mitigations: [
      "Make sure managed identity is turned on for this VM or scale set.",
      "From the machine, query the IMDS token endpoint on 169.254.169.254 with curl and the header Metadata: true; a reply proves it works, and it contains a live access token, so never paste it anywhere.",
      "Running locally (a laptop, an IDE, a local container) there is no managed identity endpoint: use a developer credential there (Azure CLI after az login, the IDE's Azure sign-in), or exclude managed identity from the chain (AZURE_TOKEN_CREDENTIALS=dev, or a ChainedTokenCredential without it).",
      "On Azure, when the endpoint is only slow (a host still starting), construct ManagedIdentityCredential directly rather than DefaultAzureCredential, whose first probe gives up quickly.",
      'A Java security manager or sandbox that denies the socket (access denied "java.net.SocketPermission" "169.254.169.254:80") must grant SocketPermission connect,resolve for 169.254.169.254:80 in its policy.',
    ],
    docs: [VM_MI, IMDS, MI_TROUBLESHOOT],
  },
  {
    id: "imds-not-available",
    title: "DefaultAzureCredential found no managed identity endpoint on this machine",
    category: "imds-unreachable",
    retryable: false,
    match: {
      text: [
        "Attempted to use the IMDS endpoint, but it is not available",
        "No MSI credential available",
        "The Azure IMDS endpoint is unavailable",
        // .NET's older AppAuthentication library.
        "Unable to connect to the Managed Service Identity (MSI) endpoint",
      ],
      credentials: [...MI],
      errorNames: ["CredentialUnavailableError"],
    },
    cause:
      "DefaultAzureCredential first sends a quick probe to 169.254.169.254 and skips managed identity when nothing " +
      "useful answers. That is the normal outcome on a laptop or a non-Azure build agent; on an Azure resource it means " +
      "the endpoint is blocked or managed identity is not set up.",
    mitigations: [
      "Off Azure, this line is expected: fix the credential you meant to use instead (AzureCliCredential after az login, environment variables…).",
      "On Azure, turn on a managed identity for the resource and check that nothing (proxy, firewall, container network) blocks 169.254.169.254.",
      "In a container, 169.254.169.254 must be routable from the container's network; Docker Desktop answers it with HTTP 403, which means the code is not on Azure at all.",
      "On App Service, Functions and Container Apps the endpoint comes from IDENTITY_ENDPOINT and IDENTITY_HEADER, which the platform sets only once an identity is enabled.",
    ],
    docs: [VM_MI, IMDS, MI_TROUBLESHOOT],
  },
  {
    id: "imds-retries-exhausted",
    title: "Every attempt to reach the managed identity endpoint failed before it answered",
    category: "imds-unreachable",
    retryable: true,
    match: {
      text: ["Multiple attempts failed to obtain a token from the managed identity endpoint"],
      credentials: [...MI],
    },
    cause:
      ".NET's credential (also inside Azure PowerShell) says this when its retries end with an exception on every " +
      "try: the connection to the endpoint was refused, forbidden, reset or timed out, so no answer came back. An " +
      "endpoint that answers, even with an error, is reported by its status instead. The inner errors say which.",
    mitigations: [
      "If this runs on a local machine or anywhere off Azure (including Connect-AzAccount -Identity there), there is no managed identity endpoint: sign in with a developer credential (az login, Connect-AzAccount) locally and use managed identity only on Azure.",
      "On App Service or a Function App, turn the app's managed identity on: the platform then provides its own endpoint (IDENTITY_ENDPOINT), and the credential stops falling back to 169.254.169.254.",
      "On a VM or scale set, check that the identity is enabled and that nothing (a proxy, a firewall rule, a container network) blocks 169.254.169.254; read the inner error messages (or enable logging) for the socket error.",
      "Retry later if the resource was just created or restarted; the endpoint can take a while to come up.",
    ],
    docs: [VM_MI, MI_TROUBLESHOOT],
  },
  {
    id: "managed-identity-endpoint-error",
    title: "The managed identity endpoint answered with an error of its own",
    category: "managed-identity-unavailable",
    retryable: true,
    // A fallback (no primary rule): identity 4.13+ wraps every endpoint answer msal-node could parse but not use in
    // this one prefix, so anything more specific about the same message must win.
    match: {
      // identity 4.0: "ManagedIdentityCredential authentication failed. Status code: 500", thrown as AuthenticationError.
      context: [
        "ManagedIdentityCredential: Authentication failed. Message",
        "ManagedIdentityCredential authentication failed. Status code",
      ],
      credentials: [...MI],
      errorNames: ["CredentialUnavailableError", "AuthenticationError"],
    },
    cause:
      "The local endpoint that hands out managed identity tokens (IMDS, App Service, Azure Arc, Service Fabric, Cloud " +
      "Shell) was reached but refused or failed the request, for example with a 5xx while the host is starting or " +
      "under maintenance. The description after 'Message' is the endpoint's own explanation.",
    mitigations: [
      "Read the description after 'Message' and the HTTP status in identity's log (AZURE_LOG_LEVEL=info).",
      "Retry after a short wait: a platform endpoint failing with 5xx usually recovers on its own.",
      "If it persists, check the resource's managed identity settings and the platform's health (App Service: restart the app; Arc: check the himds service).",
    ],
    docs: [MI_TROUBLESHOOT, VM_MI],
  },
  {
    id: "app-service-managed-identity-missing",
    title: "App Service or Functions did not provide a managed identity endpoint to the app",
    category: "managed-identity-unavailable",
    retryable: false,
    match: {
      text: ["IDENTITY_ENDPOINT", "IDENTITY_HEADER", "MSI_ENDPOINT", "169.254.169.254:80: i/o timeout"],
      patterns: ["ManagedIdentityCredential authentication unavailable\\.\\s{0,5}$"],
      credentials: [...MI],
    },
    cause:
      "On App Service and Azure Functions the platform injects IDENTITY_ENDPOINT and IDENTITY_HEADER when a managed " +
      "identity is enabled. Without them the credential falls back to the VM endpoint, which does not exist there, and " +
      "the request hangs or times out.",
    mitigations: [
      "Turn on the system-assigned identity, or attach the user-assigned one, on the app (Identity blade) and restart it.",
      "Check in Kudu/SSH that IDENTITY_ENDPOINT and IDENTITY_HEADER are present in the app's environment.",
      "For a user-assigned identity, pass its client ID to the credential.",
    ],
    docs: [APP_MI, MI_TROUBLESHOOT],
  },
  {
    id: "aks-pod-identity-not-ready",
    title: "AKS pod identity had no identity for this pod when it asked for a token",
    category: "managed-identity-unavailable",
    retryable: true,
    match: {
      text: [
        "No managed identity endpoint found",
        "no azure identity found for request clientID",
        // Go clients quote NMI's 404 and its body.
        "nmi response failed with status code: 404",
        "getting assigned identities for pod",
      ],
      credentials: [...MI],
    },
    cause:
      "With the (deprecated) AAD pod identity add-on, the NMI component answers token requests only for pods bound to " +
      "an identity. The pod's label does not select an AzureIdentityBinding, or the pod asked before the binding was ready.",
    mitigations: [
      "Check the pod's aadpodidbinding label matches the selector of an AzureIdentityBinding in its namespace, and read the MIC pod logs for identity assignment errors (MIC assigns the identity to the node the pod runs on).",
      "Let NMI send Retry-After (see the pod identity feature flags) so start-up requests wait instead of failing.",
      "Plan a move to Microsoft Entra Workload ID, which replaces pod identity.",
    ],
    docs: [
      "https://azure.github.io/aad-pod-identity/docs/configure/feature_flags/",
      "https://learn.microsoft.com/azure/aks/workload-identity-migrate-from-pod-identity",
    ],
  },
  {
    id: "managed-identity-id-options-conflict",
    title: "More than one way to select a user-assigned managed identity was given",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "only one of 'clientId', 'resourceId', or 'objectId' can be provided",
        "Client Id and Resource Id can't be provided at the same time",
      ],
      credentials: ["ManagedIdentityCredential"],
    },
    cause:
      "A user-assigned identity is selected by exactly one of its client ID, resource ID or object ID; passing two is ambiguous.",
    mitigations: ["Pass only one of clientId, resourceId or objectId (client ID is the most common)."],
    docs: [MI_TROUBLESHOOT],
  },
  {
    id: "managed-identity-host-rejects-user-assigned",
    title: "This host (Service Fabric or Cloud Shell) does not let code pick a user-assigned identity",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "is not supported by the Service Fabric managed identity environment",
        "Specifying a user-assigned managed identity is not supported for CloudShell",
      ],
      credentials: ["ManagedIdentityCredential"],
    },
    cause:
      "In Service Fabric the identity is fixed by the cluster and application manifest; in Cloud Shell only the signed-in " +
      "user's identity exists. Passing a clientId, resourceId or objectId is therefore refused.",
    mitigations: [
      "Build ManagedIdentityCredential without clientId/resourceId/objectId on these hosts.",
      "In Service Fabric, choose the identity in the application's configuration (see aka.ms/servicefabricmi).",
    ],
    docs: [
      "https://aka.ms/servicefabricmi",
      "https://learn.microsoft.com/azure/service-fabric/concepts-managed-identity",
    ],
  },
  {
    id: "managed-identity-endpoint-rejects-client-id",
    title: "The managed identity endpoint refused a user-assigned identity's client ID",
    category: "managed-identity-unavailable",
    retryable: false,
    match: {
      text: ["User assigned identity is currently not supported", "clientID must not be passed in request"],
      credentials: ["ManagedIdentityCredential"],
      httpStatus: [400],
    },
    cause:
      "Some hosts' managed identity endpoints (for example an Azure Automation sandbox or hybrid worker of an older " +
      "kind) serve only the system-assigned identity and answer 400 when a client ID asks for a user-assigned one.",
    mitigations: [
      "Use the system-assigned identity there: build the credential (or Connect-AzAccount -Identity) without a client ID, and give the system-assigned identity the roles it needs.",
      "If you need the user-assigned identity, run the code on a host that supports it (an Azure VM, App Service, Functions, Container Apps) or check the host's documentation for its current support.",
    ],
    docs: [
      MI_TROUBLESHOOT,
      "https://learn.microsoft.com/azure/automation/enable-managed-identity-for-automation",
    ],
  },
  {
    id: "azure-arc-managed-identity-failed",
    title: "The Azure Arc agent could not hand out a managed identity token",
    category: "managed-identity-unavailable",
    retryable: false,
    match: {
      text: [
        "unable_to_read_secret_file",
        "user_assigned_managed_identity_not_confirmed",
        "www_authenticate_header_missing",
        "invalid_file_extension",
        "platform_not_supported",
        // identity 4.0 passes the file system's error through, naming the agent's token directory.
        "/var/opt/azcmagent/tokens/",
      ],
      credentials: ["ManagedIdentityCredential"],
    },
    cause:
      "On an Arc-enabled server the agent answers with a challenge file the process must read; the process lacks the " +
      "rights to read it (it must be an administrator or in the himds group), the file is not where the agent says, or " +
      "the agent does not support the user-assigned identity that was requested.",
    mitigations: [
      "Run the process as a user allowed to read the Arc agent's token directory (Linux: member of the himds group; Windows: local administrators).",
      "Arc servers support only their system-assigned identity: drop clientId/resourceId from the credential.",
      "Check the agent with azcmagent show and restart the himds service if it is unhealthy.",
    ],
    docs: ["https://learn.microsoft.com/azure/azure-arc/servers/managed-identity-authentication"],
  },
  {
    id: "managed-identity-multiple-scopes",
    title: "Managed identity was asked for a token with more than one scope",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["Multiple scopes are not supported"],
      credentials: ["ManagedIdentityCredential"],
    },
    cause:
      "Managed identity endpoints issue a token for a single resource per request; a list of scopes cannot be honoured.",
    mitigations: [
      "Request one scope at a time, in the form <resource>/.default (for example https://management.azure.com/.default).",
    ],
    docs: [MI_TROUBLESHOOT],
  },
  {
    id: "imds-answered-by-docker-desktop",
    title: "Docker Desktop, not Azure, answered the managed identity endpoint",
    category: "imds-unreachable",
    retryable: false,
    match: {
      text: ["A socket operation was attempted to an unreachable network", "connecting to 169.254.169.254"],
      context: ["169.254.169.254"],
      credentials: [...MI],
    },
    cause:
      "Docker Desktop's network proxy answers requests to 169.254.169.254 itself, with HTTP 403 and a message that " +
      "it could not connect. The code runs in a local container, not on Azure, so there is no managed identity.",
    mitigations: [
      "Locally, sign in with a developer credential instead: share your `az login` session with the container (mount ~/.azure, or point AZURE_CONFIG_DIR at it), or give it a service principal through the environment credential.",
      "Exclude managed identity from the chain when not on Azure (AZURE_TOKEN_CREDENTIALS=dev).",
      "Managed identity can never work in a container under Docker Desktop: use the Azure CLI credential (AzureCliCredential with the shared sign-in) or environment variables there, and keep managed identity for the deployed app.",
    ],
    docs: [MI_TROUBLESHOOT],
  },
];
