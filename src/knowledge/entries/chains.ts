/** DefaultAzureCredential and ChainedTokenCredential as a whole. */
import type { KnowledgeEntry } from "../schema.js";

const JS_GUIDE =
  "https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/identity/identity/TROUBLESHOOTING.md";
const LOGGER = "https://learn.microsoft.com/javascript/api/overview/azure/logger-readme";
const CHAINS = "https://learn.microsoft.com/azure/developer/javascript/sdk/authentication/credential-chains";

const MEMBERS = [
  "DefaultAzureCredential",
  "ChainedTokenCredential",
  "EnvironmentCredential",
  "WorkloadIdentityCredential",
  "ManagedIdentityCredential",
  "VisualStudioCodeCredential",
  "AzureCliCredential",
  "AzurePowerShellCredential",
  "AzureDeveloperCliCredential",
] as const;

export const chainEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "default-credential-all-unavailable",
    title: "No credential in the DefaultAzureCredential (or ChainedTokenCredential) chain could sign in",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "ChainedTokenCredential authentication failed.",
        "DefaultAzureCredential failed to retrieve a token from the included credentials",
        "DefaultAzureCredential: failed to acquire a token",
        "DefaultAzureCredential failed to acquire a token",
        // .NET's older AppAuthentication library (AzureServiceTokenProvider) lists its attempts this way.
        "methods to get an access token, but none of them worked",
      ],
      credentials: [...MEMBERS],
      errorNames: ["AggregateAuthenticationError"],
    },
    cause:
      "The chain tries each member in turn and only moves on when a member says it is unavailable (or needs user " +
      "interaction). Here every member gave up, so the chain reports all their reasons at once. Usually only one of " +
      "them is the credential you meant to use; the others are expected to be unavailable in this environment.",
    mitigations: [
      "Find the line of the credential you expected to succeed (for example ManagedIdentityCredential in Azure, AzureCliCredential on a laptop) and fix that one: in Azure, enable a managed identity on the resource (App Service, Functions, VM) and grant it access; on a laptop, install the Azure CLI if needed and sign in with `az login`.",
      'Turn on logging (AZURE_LOG_LEVEL=info, or setLogLevel("info") from @azure/logger) to see every attempt, including members skipped silently.',
      "Replace the chain with the single credential you need, or narrow it with AZURE_TOKEN_CREDENTIALS=dev / prod / <CredentialName>.",
      "When every line says unavailable, nothing is set up yet: to sign in as yourself, run `az login` (or `azd auth login`, Connect-AzAccount, the IDE sign-in such as Azure Toolkit for IntelliJ in Java); to sign in as an app, set the environment variables AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or a certificate path).",
    ],
    docs: [JS_GUIDE, LOGGER, CHAINS],
  },
  {
    id: "default-credential-unexpected-identity",
    title:
      "The service refused a token that DefaultAzureCredential obtained, possibly for an unintended account",
    category: "permission-denied",
    retryable: false,
    match: {
      text: ["DefaultAzureCredential", "ChainedTokenCredential"],
      context: [
        "403 (forbidden)",
        "401 (unauthorized)",
        "status code 403",
        "status code 401",
        "status code: 403",
        "status code: 401",
        "forbidden",
        "401 unauthorized",
      ],
      credentials: ["DefaultAzureCredential", "ChainedTokenCredential"],
      httpStatus: [401, 403],
    },
    cause:
      "Signing in worked, but the chain returns the first member that succeeds, which may not be the identity you " +
      "granted access to: a developer tool signed in as another user, leftover AZURE_* variables, or the right " +
      "principal in the wrong tenant. Or the intended principal simply lacks the role the operation needs.",
    mitigations: [
      "Find out which member produced the token (log line 'Result for <Credential>: SUCCESS', or decode the token's oid/appid/tid claims) and compare with the principal you granted access to.",
      "Sign out of the tool that answered first (az logout, azd auth logout, Disconnect-AzAccount), remove stray AZURE_* variables, or build a ChainedTokenCredential of the intended member only.",
      "Give that principal a role for the operation itself on the resource (for example Storage Blob Data Reader or Key Vault Secrets User); Owner or Contributor alone does not grant data access.",
      "If the resource lives in another tenant, set tenantId on the credential (and additionallyAllowedTenants where needed).",
    ],
    docs: [JS_GUIDE, "https://learn.microsoft.com/azure/role-based-access-control/troubleshooting"],
  },
  {
    id: "credential-chain-empty",
    title: "A credential chain was built with no credentials in it, because none was configured",
    category: "not-configured",
    retryable: false,
    match: {
      // Go's azidentity, when a program hands NewChainedTokenCredential an empty list.
      text: ["sources must contain at least one TokenCredential"],
    },
    cause:
      "Programs that assemble their own chain (operators such as KEDA, tools with several authentication options) " +
      "add a credential only when its settings are present. None were found in this environment, so the chain was " +
      "created empty and refused before any sign-in was attempted.",
    mitigations: [
      "Give the program the settings of the credential you intend: for workload identity on AKS, label its pod for workload identity and use a service account annotated with the identity's client ID, so that AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE are set in the pod (check with kubectl exec … env); for a service principal, set AZURE_CLIENT_ID with its secret or certificate variables.",
      "For an operator, check its authentication resource (for KEDA, the TriggerAuthentication's podIdentity provider, such as azure-workload) and that the operator's own pod, not only your workload's, carries the identity.",
    ],
    docs: [CHAINS, "https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster"],
  },
  {
    id: "managed-identity-timed-out-in-chain",
    title: "DefaultAzureCredential gave up on managed identity after its short first timeout",
    category: "managed-identity-unavailable",
    retryable: true,
    match: {
      text: ["managed identity timed out"],
      credentials: ["ManagedIdentityCredential", "DefaultAzureCredential"],
    },
    cause:
      "To keep local development fast, DefaultAzureCredential waits only briefly for the managed identity endpoint on " +
      "its first try. In production a host that is still starting (or a slow endpoint) misses that window, and the " +
      "chain reports managed identity as unavailable although it would have answered a little later.",
    mitigations: [
      "In Azure, construct ManagedIdentityCredential directly instead of DefaultAzureCredential; it uses normal timeouts and retries.",
      "Or narrow the chain to production credentials (AZURE_TOKEN_CREDENTIALS=prod or ManagedIdentityCredential).",
      "If it also fails outside the chain, follow the managed identity checks for this host (identity enabled, endpoint reachable).",
    ],
    docs: ["https://aka.ms/azsdk/go/identity/troubleshoot#dac", CHAINS],
  },
];
