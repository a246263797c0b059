/** Workload identity federation in general (AKS, GitHub, any OIDC issuer) and WorkloadIdentityCredential. */
import type { KnowledgeEntry } from "../schema.js";

const WI_TROUBLESHOOT = "https://aka.ms/azsdk/js/identity/workloadidentitycredential/troubleshoot";
const AKS_WI = "https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster";
const AWI_TROUBLESHOOT = "https://azure.github.io/azure-workload-identity/docs/troubleshooting.html";
const FIC = "https://learn.microsoft.com/entra/workload-id/workload-identity-federation";
const FIC_CONSIDERATIONS =
  "https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations";
const FEDERATED = [
  "WorkloadIdentityCredential",
  "ClientAssertionCredential",
  "ManagedIdentityCredential",
  "AzurePipelinesCredential",
  "DefaultAzureCredential",
] as const;

export const workloadIdentityEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "workload-identity-not-configured",
    title: "WorkloadIdentityCredential is missing its client ID, tenant ID or token file",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "is a required parameter. In DefaultAzureCredential and ManagedIdentityCredential",
        "The workload options are not fully configured",
        "no client ID/tenant ID/token file specified",
        "no token file specified",
        "tenantId, clientId, and federatedTokenFilePath are required parameters",
      ],
      patterns: ["no (?:client|tenant) ID specified\\. Check pod configuration"],
      credentials: ["WorkloadIdentityCredential"],
    },
    cause:
      "The credential needs three values, normally injected into the pod by the Azure Workload Identity webhook: " +
      "the tenant (AZURE_TENANT_ID), the client (AZURE_CLIENT_ID) and the path of the token file (AZURE_FEDERATED_TOKEN_FILE), " +
      "plus AZURE_AUTHORITY_HOST. At least one is absent.",
    mitigations: [
      'On AKS, label the pod with azure.workload.identity/use: "true" and run it under a service account annotated with azure.workload.identity/client-id: the workload identity webhook then adds the token file path (AZURE_FEDERATED_TOKEN_FILE) and the client and tenant IDs of the identity to the environment of the pod when it starts (restart pods created before the label). Operators and add-ons that create their own pods (a configuration provider, a controller) need the same label and service account in their Helm values.',
      "Check that the workload identity webhook is installed and healthy (kubectl get pods -n kube-system | grep workload-identity, or the azure-workload-identity-system namespace).",
      "Outside AKS, pass clientId, tenantId and tokenFilePath to the credential or set the variables yourself.",
    ],
    docs: [WI_TROUBLESHOOT, AKS_WI, AWI_TROUBLESHOOT],
  },
  {
    id: "workload-identity-token-file-unreadable",
    title: "The federated token file could not be read",
    category: "not-configured",
    retryable: false,
    match: {
      // Node's ENOENT, then Go's, Python's and .NET's wordings of a missing file.
      text: [
        "ENOENT: no such file or directory",
        "no such file or directory",
        "Could not find file",
        "permission denied",
        "No content on the file",
      ],
      context: [
        "azure-identity-token",
        "AZURE_FEDERATED_TOKEN_FILE",
        "federated",
        "WorkloadIdentityCredential",
        "/var/run/secrets/azure/tokens",
      ],
      credentials: ["WorkloadIdentityCredential", "ManagedIdentityCredential"],
    },
    cause:
      "AZURE_FEDERATED_TOKEN_FILE points to the projected service account token; the file is absent (the volume was " +
      "not mounted), empty, or not readable by the container user (old clusters projected it with mode 0600).",
    mitigations: [
      "Check the pod spec contains the azure-identity-token projected volume (added by the webhook when the pod is labelled).",
      "For permission denied on Kubernetes 1.18 or earlier, set securityContext.fsGroup: 65534 or upgrade the cluster.",
      "Outside AKS, write a fresh OIDC token to the file before the credential reads it.",
    ],
    docs: [AWI_TROUBLESHOOT, WI_TROUBLESHOOT],
  },
  {
    id: "workload-identity-proxy-misconfigured",
    title: "The AKS identity-binding token proxy settings are inconsistent",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "AZURE_KUBERNETES_TOKEN_PROXY is not set but other custom endpoint-related environment variables are present",
        "AZURE_KUBERNETES_TOKEN_PROXY is not set",
        "Custom token endpoint must use https scheme",
        "AZURE_KUBERNETES_CA_FILE and AZURE_KUBERNETES_CA_DATA are mutually exclusive",
        "Invalid CA certificate data: no valid PEM certificates found",
      ],
      credentials: ["WorkloadIdentityCredential"],
    },
    cause:
      "With enableAzureProxy the credential sends its token exchange through the AKS identity-binding proxy described " +
      "by AZURE_KUBERNETES_* variables; those variables are incomplete or contradict each other.",
    mitigations: [
      "Let the AKS identity binding inject the variables (do not set them by hand), or set AZURE_KUBERNETES_TOKEN_PROXY together with exactly one of AZURE_KUBERNETES_CA_FILE / AZURE_KUBERNETES_CA_DATA.",
      "The proxy URL must be https://.",
    ],
    docs: [WI_TROUBLESHOOT],
  },
  {
    id: "federated-credential-no-match",
    title: "No federated identity credential on the app or identity matches the presented token",
    category: "federation-mismatch",
    retryable: false,
    match: {
      // 7002138: the same refusal where only the subject's letter case differs (matching is case-sensitive).
      stsCodes: ["AADSTS70021", "AADSTS7002138"],
      text: ["No matching federated identity record found for presented assertion."],
      credentials: [...FEDERATED],
    },
    cause:
      "Microsoft Entra ID compares the external token's issuer, subject and audience with the federated identity " +
      "credentials of the app registration or managed identity; none matches exactly (matching is case-sensitive). A " +
      "credential created moments ago can also still be replicating.",
    mitigations: [
      "Compare the 'Assertion Issuer/Subject/Audience' printed in the message with the federated credential character by character (trailing '/', case, namespace and service account name). The subject is compared case-sensitively: AADSTS7002138 means only the letter case differs (an environment 'Production' vs 'production', an owner's capitals), so copy it exactly.",
      "GitHub Actions: the subject is repo:OWNER/REPO:environment:NAME when the job has an environment, repo:OWNER/REPO:pull_request for pull requests, repo:OWNER/REPO:ref:refs/heads/BRANCH or refs/tags/TAG otherwise; add a federated credential for each subject the workflow produces (`azure-identity-diagnostics check-pipeline` prints them).",
      "Create the missing federated credential on the identity the client ID belongs to.",
      "If the federated credential was created in the last few minutes, wait and retry.",
    ],
    docs: [FIC, FIC_CONSIDERATIONS],
  },
  {
    id: "aks-federated-credential-no-match",
    title: "The AKS service account token matches no federated credential (issuer or subject differ)",
    category: "federation-mismatch",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70021", "AADSTS700211", "AADSTS700213"],
      text: [
        "No matching federated identity record found for presented assertion.",
        "No matching federated identity record found for presented assertion issuer",
        "No matching federated identity record found for presented assertion subject",
      ],
      context: ["system:serviceaccount:", "prod-aks.azure.com"],
      credentials: ["WorkloadIdentityCredential", "ManagedIdentityCredential", "DefaultAzureCredential"],
    },
    cause:
      "The federated credential must name the cluster's exact OIDC issuer URL (with its trailing '/') and the subject " +
      "system:serviceaccount:<namespace>:<service account>. The pod runs under another service account or namespace, or " +
      "the issuer was copied without the trailing slash or from another cluster.",
    mitigations: [
      "Get the issuer with `az aks show -n <cluster> -g <rg> --query oidcIssuerProfile.issuerUrl -o tsv` and paste it unchanged into the federated credential's issuer (the federated identity credential on the managed identity or app registration).",
      "Set the subject to system:serviceaccount:<namespace>:<service-account-name> of the pod that runs the code.",
      "Keep the audience api://AzureADTokenExchange on the federated identity credential.",
    ],
    docs: [AKS_WI, AWI_TROUBLESHOOT],
  },
  {
    id: "federated-credential-audience-no-match",
    title: "No federated credential accepts the audience of the presented token",
    category: "federation-mismatch",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700212"],
      credentials: [...FEDERATED],
    },
    cause:
      "The external token was minted for an audience (aud) that no federated credential lists. With AKS identity " +
      "bindings the token carries api://AKSIdentityBinding and must go through the binding proxy.",
    mitigations: [
      "Make the token's audience and the federated credential's audience the same (normally api://AzureADTokenExchange).",
      "With AKS identity bindings, construct WorkloadIdentityCredential with enableAzureProxy: true.",
    ],
    docs: [FIC, WI_TROUBLESHOOT],
  },
  {
    id: "federated-assertion-expired",
    title: "The federated token presented to Microsoft Entra ID is expired or not yet valid",
    category: "token-expired",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700024"],
      text: ["Client assertion is not within its valid time range"],
      credentials: [...FEDERATED],
    },
    cause:
      "The external OIDC token (or client assertion) has a short lifetime and its exp is in the past, or its nbf in the " +
      "future because of clock skew. Code that reads the token once and keeps it in memory hits this after an hour or so.",
    mitigations: [
      "The federated token (assertion) expired before it was exchanged: re-read the token file or call the token callback again for every request, and refresh it (a new login step) before late commands in a long job; do not cache the assertion string. GitHub's and Azure DevOps' tokens live only minutes. WorkloadIdentityCredential and DefaultAzureCredential in current @azure/identity versions re-read the file for you.",
      "Check the clock of the machine that minted or presents the token (NTP).",
      "For long jobs, exchange it early and reuse the resulting Azure access token, which lives longer.",
      "If your code hands over a fresh assertion each time and the error stays (an assertion valid from 1970, or one reused after its expiry), the library is caching it: upgrade azure-identity / MSAL to a release that fixes it.",
    ],
    docs: [FIC_CONSIDERATIONS, "https://learn.microsoft.com/entra/identity-platform/certificate-credentials"],
  },
  {
    id: "federated-token-lifetime-too-long",
    title: "The external token presented for federation lives longer than Microsoft Entra ID accepts",
    category: "assertion-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70023"],
      text: ["External OIDC Provider token must have a lifetime of less than or equal to"],
    },
    cause:
      "Federated credentials accept only short-lived external tokens (about a day at most, as the message states). A " +
      "long-lived token was presented instead: usually the pod's default or legacy (secret-based) service account " +
      "token rather than the projected token the workload identity webhook mounts, or a custom issuer minting tokens " +
      "with a long exp.",
    mitigations: [
      "On Kubernetes, present the projected service account token the workload identity webhook mounts (the file AZURE_FEDERATED_TOKEN_FILE points to, /var/run/secrets/azure/tokens/azure-identity-token, audience api://AzureADTokenExchange), not /var/run/secrets/kubernetes.io/serviceaccount/token or a token secret.",
      "If you project the token yourself, set the projected volume's expirationSeconds to 3600 (an hour) and its audience to api://AzureADTokenExchange.",
      "For another OIDC issuer, issue tokens whose lifetime (exp minus iat) stays under the limit in the message, ideally an hour.",
    ],
    docs: [AWI_TROUBLESHOOT, FIC_CONSIDERATIONS],
  },
  {
    id: "external-oidc-issuer-unreachable",
    title: "Microsoft Entra ID could not fetch the external issuer's OIDC metadata or signing keys",
    category: "network",
    retryable: true,
    match: {
      // 50166 and 501661 are the codes pipelines and GitHub runs print for the same failed download.
      stsCodes: ["AADSTS90061", "AADSTS50166", "AADSTS501661"],
      text: ["Request to External OIDC endpoint failed"],
      credentials: [...FEDERATED],
    },
    cause:
      "To verify the external token, Microsoft Entra ID downloads <issuer>/.well-known/openid-configuration and the " +
      "JWKS it points to. That download failed: the issuer is private, down, or its documents are malformed.",
    mitigations: [
      "If it affects a hosted issuer (Azure DevOps, GitHub) for many runs at once, it is a passing service-side failure: retry the job, and check the service's status page.",
      "For your own issuer (GitHub Enterprise Server, a private Kubernetes cluster, another OIDC provider), its OIDC metadata must be reachable from the internet: curl <issuer>/.well-known/openid-configuration and its jwks_uri from outside your network; both must be public and valid.",
      "On AKS, run az aks update -n <cluster> -g <rg> to reconcile the issuer, and open a support ticket if it persists.",
    ],
    docs: [AWI_TROUBLESHOOT],
  },
  {
    id: "federation-token-type-forbidden",
    title: "A token that Microsoft Entra ID itself issued was presented as a federated credential",
    category: "federation-mismatch",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700229", "AADSTS700222"],
      text: [
        "Only app-only tokens may be used as Federated Identity Credentials",
        "AAD-issued tokens may not be used for federated identity flows",
      ],
      credentials: [...FEDERATED],
    },
    cause:
      "Federation with the Entra issuer accepts only app-only tokens (from a managed identity or client credentials); " +
      "a user token, or an Entra token where only external tokens are allowed, was presented.",
    mitigations: [
      "Obtain the assertion with a client-credentials or managed identity token for api://AzureADTokenExchange/.default.",
      "Or federate from the external issuer directly instead of chaining Entra tokens.",
    ],
    docs: [FIC_CONSIDERATIONS],
  },
  {
    id: "github-oidc-enterprise-claim-required",
    title:
      "The tenant accepts GitHub OIDC tokens only from a listed GitHub Enterprise, and this token lacks that claim",
    category: "federation-disabled",
    retryable: false,
    match: {
      stsCodes: ["AADSTS7002381"],
      text: ["must contain the enterprise claim"],
    },
    cause:
      "A tenant policy restricts federated credentials for GitHub's issuer to tokens whose enterprise claim names an " +
      "allowed GitHub Enterprise. Runs of repositories outside those enterprises (or personal accounts) carry an empty claim, so federation is refused for them.",
    mitigations: [
      "Run the workflow from a repository that belongs to one of the GitHub Enterprise accounts the message lists, so its token carries the enterprise claim.",
      "Otherwise ask the tenant administrators to allow your GitHub organisation, or use another kind of sign-in for this repository.",
    ],
    docs: ["https://learn.microsoft.com/entra/workload-id/workload-identity-federation"],
  },
  {
    id: "oidc-token-requested-from-wrong-platform",
    title: "A tool requested the pipeline's OIDC token the GitHub Actions way on Azure DevOps",
    category: "federation-disabled",
    retryable: false,
    match: {
      // Go's GitHub assertion callbacks under any name (githubAssertion, getAssertion).
      text: ["githubAssertion: received HTTP status"],
      patterns: ["assertion: received HTTP status 405"],
      // Terraform wraps long lines, so only the end of Azure DevOps' sentence is certain to stay on one line.
      context: ["http method 'GET'"],
    },
    cause:
      "Azure DevOps hands out OIDC tokens through its own API (a POST naming the service connection); the GitHub " +
      "Actions request (a GET to the request URL) is refused with 405. The tool's version supports federation only for GitHub.",
    mitigations: [
      "Use a version of the tool or plugin that supports Azure DevOps workload identity federation (it takes the service connection ID and the system access token), or run it inside AzureCLI@2 and let it use the Azure CLI sign-in.",
      "Or give that step a secret-based service connection until the tool supports Azure DevOps.",
    ],
    docs: ["https://learn.microsoft.com/azure/devops/pipelines/release/troubleshoot-workload-identity"],
  },
  {
    id: "kubelogin-settings-missing",
    title: "kubelogin was started without the client ID, tenant ID or federated token its login mode needs",
    category: "not-configured",
    retryable: false,
    match: {
      patterns: ["\\b(?:clientID|tenantID|authorityHost|serverID) cannot be empty"],
      text: ["or federated token file has to be provided"],
      context: ["kubelogin", "getting credentials: exec", "AZURE_FEDERATED_TOKEN_FILE", "ACTIONS_ID_TOKEN"],
    },
    cause:
      "kubectl runs kubelogin to get a token for the cluster. In the workloadidentity login mode kubelogin reads " +
      "AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE and AZURE_AUTHORITY_HOST (spn mode reads the client " +
      "ID and secret or certificate); they are not set in the environment kubectl runs in. CI tasks such as Azure " +
      "DevOps' AzureCLI@2 sign the Azure CLI in but set none of these variables.",
    mitigations: [
      "Inside a step that is already signed in to the Azure CLI (AzureCLI@2, azure/login), convert the kubeconfig to the Azure CLI mode instead: `kubelogin convert-kubeconfig -l azurecli`; kubelogin then reuses az's sign-in and needs no variables.",
      "To keep the workloadidentity mode, set AZURE_CLIENT_ID and AZURE_TENANT_ID to the identity's IDs and point AZURE_FEDERATED_TOKEN_FILE at a file holding the federated token (in AzureCLI@2 with addSpnToEnvironment: true, the servicePrincipalId, tenantId and idToken variables; the idToken lives only minutes), plus AZURE_AUTHORITY_HOST (https://login.microsoftonline.com/).",
      'On AKS pods, the workload identity webhook sets these variables for pods labelled azure.workload.identity/use: "true"; check the label and the service account annotation.',
    ],
    docs: ["https://azure.github.io/kubelogin/concepts/login-modes/workloadidentity.html", AKS_WI],
  },
  {
    id: "github-oidc-not-supported-by-server",
    title: "This GitHub server does not support the id-token permission that OIDC sign-in needs",
    category: "federation-disabled",
    retryable: false,
    match: {
      patterns: ["key '?id-token'? is not allowed", "unexpected value '?id-token'?"],
    },
    cause:
      "A workflow asks for `permissions: id-token: write` so that the job can request an OpenID Connect token, but the " +
      "GitHub server that validates it predates OIDC for Actions (GitHub Enterprise Server before 3.5), so it rejects " +
      "the workflow before any job runs.",
    mitigations: [
      "Upgrade GitHub Enterprise Server to 3.5 or a later version, which supports OIDC tokens for Actions, and keep `id-token: write`.",
      "Until then, remove the id-token permission and sign in with a secret-based login (azure/login with creds holding a service principal's client secret, or a certificate) instead of OIDC.",
    ],
    docs: [
      "https://docs.github.com/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect",
      "https://github.com/Azure/login#readme",
    ],
  },
  {
    id: "github-azure-login-inputs-missing",
    title: "GitHub's azure/login action did not receive all the values it needs",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["Not all parameters are provided in 'creds'", "Not all values are present."],
      context: ["creds", "auth-type", "azure/login"],
    },
    cause:
      "azure/login reads the service principal either from the creds JSON (clientId, clientSecret, subscriptionId, " +
      "tenantId) or from the client-id, tenant-id and subscription-id inputs. One of them is empty: a key missing from " +
      "the JSON, or a secret the workflow refers to that does not exist in this repository or environment (it expands to an empty string).",
    mitigations: [
      "With creds, make the secret a JSON object holding clientId, clientSecret, subscriptionId and tenantId (or set allow-no-subscriptions: true when there is no subscription).",
      "With OIDC, pass client-id, tenant-id and subscription-id, and check that the secrets or variables they name exist where the job runs (repository, environment, or organisation secrets; forks get none).",
    ],
    docs: ["https://github.com/Azure/login#readme"],
  },
  {
    id: "github-azure-login-creds-rejected",
    title: "GitHub's azure/login could not sign in with the service principal in creds",
    category: "credential-invalid",
    retryable: false,
    match: {
      text: ["Az CLI Login failed. Please check the credentials"],
    },
    cause:
      "azure/login ran `az login --service-principal` with the values from the creds secret and az refused them: the " +
      "client secret is wrong or expired, or the client ID or tenant ID does not belong to the service principal. Newer " +
      "versions print az's own AADSTS error, which names the exact problem.",
    mitigations: [
      "Create a new client secret for the service principal (or run `az ad sp create-for-rbac --json-auth` again) and store the whole JSON output as the creds secret.",
      "Check that creds holds the service principal's clientId (Application ID, not Object ID), tenantId and the secret's value.",
      "Prefer OpenID Connect (client-id, tenant-id, subscription-id with `id-token: write`) so no secret is needed.",
    ],
    docs: ["https://github.com/Azure/login#readme"],
  },
  {
    id: "github-actions-oidc-token-unavailable",
    title: "The GitHub Actions job could not get an OpenID Connect token to present to Microsoft Entra ID",
    category: "federation-disabled",
    retryable: false,
    match: {
      text: [
        "ACTIONS_ID_TOKEN_REQUEST_URL",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
        "give write permissions to id-token",
        "Failed to fetch federated token from GitHub",
      ],
      // azure/login goes on with an empty assertion, which Entra calls malformed: the missing token is the cause.
      stsCodes: ["AADSTS50027"],
      context: ["id-token", "ACTIONS_ID_TOKEN", "federated token from GitHub"],
    },
    cause:
      "A job receives an OIDC token only when its permissions include id-token: write. Without it the runner does " +
      "not set the token request variables, so azure/login (or any federated sign-in) has nothing to exchange. A " +
      "job-level permissions block replaces the workflow-level one, and pull requests from forks never get a token.",
    mitigations: [
      "Add `permissions: id-token: write` (and `contents: read`) to the workflow, or to the job if the job has its own permissions block.",
      "Run the sign-in in a workflow triggered from the repository itself, not from a fork's pull request.",
      "If the permission is already there, the runner could not reach GitHub's token service: on self-hosted or larger runners check their network and proxy settings and the runner version, and whether the error names an HTTP status.",
      "Then make sure a federated credential exists for the subject this job produces (`azure-identity-diagnostics check-pipeline` prints it).",
    ],
    docs: [
      "https://learn.microsoft.com/azure/developer/github/connect-from-azure-openid-connect",
      "https://docs.github.com/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect",
    ],
  },
];
