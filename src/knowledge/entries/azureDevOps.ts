/** Azure DevOps Azure Resource Manager service connections using workload identity federation (task logs). */
import type { KnowledgeEntry } from "../schema.js";

const ADO_TROUBLESHOOT =
  "https://learn.microsoft.com/azure/devops/pipelines/release/troubleshoot-workload-identity";
const ADO_CONFIGURE =
  "https://learn.microsoft.com/azure/devops/pipelines/release/configure-workload-identity";
const ADO_CONNECT = "https://learn.microsoft.com/azure/devops/pipelines/library/connect-to-azure";
const ERROR_CODES = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";
/** Words that show a message comes from an Azure DevOps task log or service connection. */
const ADO_CONTEXT = [
  "##[error]",
  "service connection",
  "serviceconnection",
  "vstoken.dev.azure.com",
  "azure devops",
] as const;

export const azureDevOpsEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "ado-task-no-federation-support",
    title:
      "This pipeline task (or task version) cannot use a workload identity federation service connection",
    category: "federation-disabled",
    retryable: false,
    match: {
      text: [
        "audience=api://AzureADTokenExchange: unsupported protocol scheme",
        // Go 1.14+ quotes the URL it could not request.
        'audience=api://AzureADTokenExchange": unsupported protocol scheme',
        "Could not fetch access token for Azure",
        "only support service principal authorization",
        "only supports service principal authorization",
        "Unsupported authentication scheme 'WorkloadIdentityFederation'",
      ],
      // Any wording of "this scheme is not supported" that names the federation scheme, in either order.
      patterns: [
        "unsupported (?:auth(?:entication|orization)? )?scheme:? ['\"]?WorkloadIdentityFederation",
        "WorkloadIdentityFederation['\"]? (?:is|was) not supported",
      ],
    },
    cause:
      "Only tasks that read an Azure Resource Manager service connection through the federation-aware code path can " +
      "exchange the pipeline's OIDC token. Older versions of some tasks, and some tasks altogether, still expect a " +
      "secret or certificate and fail in ways that do not mention federation.",
    mitigations: [
      "If this started when the service connection was switched to workload identity federation, the task version in use predates it: look the task up in the workload identity task table and move to the version it recommends (for example AzureFileCopy@5 → AzureFileCopy@6, Kubernetes@0 → Kubernetes@1), or a newer build of the same major version.",
      "For a task no version of which supports federation (AzureNLBManagement@1, ServiceFabricDeploy@1…), or a Marketplace task that says the scheme is not supported, give that step a service principal connection with a secret or certificate (an app registration service connection, not workload identity federation) or script the step with AzureCLI@2 / AzurePowerShell@5.",
      "For Marketplace tasks, ask the publisher whether workload identity federation is supported.",
    ],
    docs: [ADO_TROUBLESHOOT],
  },
  {
    id: "ado-task-expects-secret",
    title: "A pipeline task asked the federated service connection for a client secret it does not have",
    category: "federation-disabled",
    retryable: false,
    match: {
      text: ["clientSecret are required parameters", "secret must be a non empty string"],
      // A task log, or the connection's scheme printed by the task.
      context: ["##[error]", "WorkloadIdentityFederation"],
      credentials: ["ClientSecretCredential"],
    },
    cause:
      "The task (or this version of it) builds a secret-based credential from the service connection. A connection " +
      "that uses workload identity federation has no secret, so the credential is built with an empty one and fails " +
      "before any sign-in.",
    mitigations: [
      "Move to a task version that supports workload identity federation (check the workload identity task table or the task's release notes), or ask a Marketplace task's publisher.",
      "Until then, run that step with a secret-based service connection, or script it with AzureCLI@2 / AzurePowerShell@5, which handle federation.",
    ],
    docs: [ADO_TROUBLESHOOT],
  },
  {
    id: "ado-key-vault-task-denied",
    title: "The Azure Key Vault task's service connection may not read the vault's secrets",
    category: "permission-denied",
    retryable: false,
    match: {
      text: [
        "service connection needs to have Get, List secret management permissions",
        "needs to have Get, List secret management permissions on the selected key vault",
      ],
      context: [...ADO_CONTEXT],
    },
    cause:
      "The AzureKeyVault task signed in with the service connection's identity and Key Vault refused to list or read " +
      "secrets for it. A vault using Azure RBAC finds no data role assigned to that identity (the reply shows " +
      "'Assignment: (not found)'); a vault using access policies has no policy for it.",
    mitigations: [
      "Find the identity behind the service connection (its app or managed identity ID, shown in the connection's settings and in the reply's appid/oid).",
      "For a Key Vault that uses Azure RBAC, create a role assignment on the vault for that identity with Key Vault Secrets User (read secrets); Owner or Contributor alone does not reach secrets. Allow a few minutes for it to propagate.",
      "For a vault that uses access policies, add a policy for the service connection's identity with the Get and List secret permissions.",
      "If the vault's firewall is on, also allow the agent's network (or trusted services) to reach it.",
    ],
    docs: [
      "https://learn.microsoft.com/azure/devops/pipelines/release/azure-key-vault",
      "https://learn.microsoft.com/azure/key-vault/general/rbac-guide",
    ],
  },
  {
    id: "ado-task-identity-not-found",
    title:
      "A pipeline task reported 'Identity not found' because it cannot use the federated service connection",
    category: "federation-disabled",
    retryable: false,
    match: {
      text: ["Identity not found"],
      context: ["##[error]", "service connection", "task"],
    },
    cause:
      "Tasks that do not support workload identity federation look for a managed identity or secret that a federated " +
      "connection does not provide, and give up with this terse message.",
    mitigations: [
      "Switch to a task version that supports workload identity federation (check the task table).",
      "Or run the step through AzureCLI@2 or AzurePowerShell@5 with the same service connection.",
    ],
    docs: [ADO_TROUBLESHOOT],
  },
  {
    id: "ado-federation-disabled-in-tenant",
    title: "The Microsoft Entra tenant restricts or disables workload identity federation",
    category: "federation-disabled",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700223"],
    },
    cause:
      "A tenant policy limits which identities may use federated credentials, or turns federation off for app " +
      "registrations. The service connection's identity falls under that restriction.",
    mitigations: [
      "Ask a tenant administrator which policy blocks federated credentials and whether your identity can be exempted.",
      "Federate through a user-assigned managed identity instead of an app registration; policies often still allow it.",
    ],
    docs: [ADO_TROUBLESHOOT, ADO_CONFIGURE],
  },
  {
    id: "ado-issuer-not-allowed",
    title: "The tenant does not allow the Azure DevOps organisation's token issuer",
    category: "federation-disabled",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700238"],
      text: ["rejected the token issued by Azure DevOps"],
    },
    cause:
      "Federation is constrained in the tenant to a list of trusted issuers, and the issuer of this Azure DevOps " +
      "organisation (https://vstoken.dev.azure.com/<organisation id>) is not on it.",
    mitigations: [
      "Ask the tenant administrators to allow workload identity federation from your Azure DevOps organisation's issuer.",
      "Meanwhile, use a managed identity-based connection if policy allows it.",
    ],
    docs: [ADO_TROUBLESHOOT],
  },
  {
    id: "ado-legacy-issuer",
    title:
      "The federated credential was presented with the old Azure DevOps issuer app.vstoken.visualstudio.com",
    category: "federation-mismatch",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70021", "AADSTS700211"],
      text: [
        "No matching federated identity record found for presented assertion.",
        "No matching federated identity record found for presented assertion issuer",
      ],
      patterns: ["Assertion Issuer: '?https://app\\.vstoken\\.visualstudio\\.com"],
      context: ["app.vstoken.visualstudio.com"],
    },
    cause:
      "Azure DevOps now issues pipeline tokens from https://vstoken.dev.azure.com/<organisation id> (or the Entra " +
      "issuer for new connections). The identity has no federated credential for the issuer that was presented, or " +
      "the connection still carries the retired issuer.",
    mitigations: [
      "Open the service connection, edit it and save it again: Azure DevOps updates the issuer on identities it created.",
      "If you created the identity yourself, copy the issuer and subject shown in the connection's edit dialog into its federated credential.",
    ],
    docs: [ADO_TROUBLESHOOT, ADO_CONFIGURE],
  },
  {
    id: "ado-subject-renamed",
    title:
      "The service connection's subject changed (organisation, project or connection renamed) but its federated credential did not",
    category: "federation-mismatch",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70021", "AADSTS700213"],
      text: [
        "No matching federated identity record found for presented assertion.",
        "No matching federated identity record found for presented assertion subject",
      ],
      context: ["sc://", "/sc/"],
    },
    cause:
      "For the Azure DevOps issuer the subject is sc://<organisation>/<project>/<connection name>; new connections use " +
      "<prefix>/sc/<organisation id>/<connection id>. Renaming the organisation, project or connection changes the " +
      "subject, and the federated credential on the identity still holds the old one.",
    mitigations: [
      "Copy the subject shown in the error (or the connection's edit dialog) into the federated credential of the identity.",
      "For connections Azure DevOps created, editing and saving the connection refreshes the federated credential.",
    ],
    docs: [ADO_TROUBLESHOOT],
  },
  {
    id: "federated-credential-issuer-no-match",
    title: "No federated identity credential exists for the issuer of the presented token",
    category: "federation-mismatch",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700211"],
      text: ["No matching federated identity record found for presented assertion issuer"],
    },
    cause:
      "The identity has federated credentials, but none with this issuer: the issuer URL differs (host, organisation " +
      "ID, a trailing slash) or no federated credential was created at all.",
    mitigations: [
      "Copy the issuer printed in the message into a federated credential on the identity (case and trailing '/' matter).",
      "For Azure DevOps, the issuer is shown in the service connection's edit dialog; saving the connection repairs identities Azure DevOps created.",
    ],
    docs: [ADO_TROUBLESHOOT, "https://learn.microsoft.com/entra/workload-id/workload-identity-federation"],
  },
  {
    id: "federated-credential-subject-no-match",
    title: "No federated identity credential matches the subject of the presented token",
    category: "federation-mismatch",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700213"],
      text: ["No matching federated identity record found for presented assertion subject"],
    },
    cause:
      "A federated credential for this issuer exists, but its subject is different from the token's (case-sensitive): " +
      "another service connection, branch, environment or service account, or a renamed one.",
    mitigations: [
      "Copy the subject printed in the message into the federated credential exactly, including case.",
      "GitHub Actions sends a different subject per trigger: repo:ORG/REPO:environment:NAME for a job with an environment, repo:ORG/REPO:pull_request for pull requests, repo:ORG/REPO:ref:refs/heads/BRANCH (or ref:refs/tags/TAG) otherwise. Add one federated credential per subject the workflow produces; an organisation's customised subject template changes the format too.",
      "Azure DevOps: the subject is sc://ORG/PROJECT/SERVICE-CONNECTION; after renaming any of them, or when a shared template uses another service connection, edit and save the connection or update the federated credential.",
      "With AzurePipelinesCredential, check serviceConnectionId is the connection the federated credential was made for.",
    ],
    docs: [ADO_TROUBLESHOOT, "https://learn.microsoft.com/entra/workload-id/workload-identity-federation"],
  },
  {
    id: "federated-credentials-none-configured",
    title: "The app or managed identity has no federated identity credentials at all",
    category: "federation-mismatch",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70025"],
      text: ["has no configured federated identity credentials"],
    },
    cause:
      "A federated token was presented for an identity on which nobody created a federated credential (or it was deleted).",
    mitigations: [
      "Add a federated credential (issuer, subject, audience api://AzureADTokenExchange) to the app registration or user-assigned managed identity.",
      "Check that the client ID is the identity you configured, not another one.",
    ],
    docs: [
      ADO_TROUBLESHOOT,
      "https://learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust",
    ],
  },
  {
    id: "ado-assertion-expired",
    title: "The pipeline's federated token expired before it was exchanged for an Azure token",
    category: "token-expired",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700024"],
      text: ["Client assertion is not within its valid time range"],
      context: [...ADO_CONTEXT, "addSpnToEnvironment", "idToken", "AzureCLI"],
    },
    cause:
      "Azure DevOps OIDC tokens are short-lived. A long script that signs in again after about an hour, or one that " +
      "reuses the idToken exposed by addSpnToEnvironment (valid about ten minutes), presents an expired token.",
    mitigations: [
      "The federated token (the pipeline's assertion) has a short lifetime and had expired when az or the task used it: sign in again right before the commands that need Azure, or refresh it with a new login in long scripts.",
      "For jobs longer than about an hour, use a service connection backed by a managed identity (its tokens last around a day).",
      "For failures between ten minutes and an hour, run the commands that need Azure tokens early in the script so the access token is cached.",
      "Do not store the idToken from addSpnToEnvironment for later steps; request it when needed.",
    ],
    docs: [ADO_TROUBLESHOOT],
  },
  {
    id: "ado-service-connection-secret-invalid",
    title: "A secret-based service connection sent a client secret the app registration does not hold",
    category: "credential-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS7000215", "AADSTS50012"],
      text: ["Invalid client secret provided", "Invalid client secret is provided"],
      context: [...ADO_CONTEXT],
    },
    cause:
      "The service connection (or the task's own secret input) holds a client secret value the app does not know: the " +
      "secret's ID was pasted instead of its value, the secret was rotated or deleted on the app registration without " +
      "updating the connection, or it belongs to another app. An expired secret is reported as 7000222 instead.",
    mitigations: [
      "Create a new client secret on the app registration, copy its Value (not its Secret ID) and update the service connection with it; then verify the connection.",
      "Better, switch the connection to federation (its Convert action) so there is no secret to get wrong or to expire.",
    ],
    docs: [ADO_TROUBLESHOOT, ADO_CONNECT],
  },
  {
    id: "ado-service-connection-secret-expired",
    title: "A secret-based service connection failed because its client secret has expired",
    category: "credential-expired",
    retryable: false,
    match: {
      stsCodes: ["AADSTS7000222"],
      text: ["client secret keys for app", "are expired. Visit the Azure portal to create new keys"],
      context: [...ADO_CONTEXT],
    },
    cause:
      "The service connection authenticates with a client secret whose end date has passed. The secret to check is the " +
      "one the connection (or the task) uses, not necessarily the newest one listed on the app.",
    mitigations: [
      "Use the Convert action on the connection so that it signs in through federation and has no secret left to expire.",
      "Or create a new client secret on the app registration and update the service connection with it.",
    ],
    docs: [ADO_TROUBLESHOOT, ADO_CONNECT],
  },
  {
    id: "ado-service-connection-identity-missing",
    title: "The identity behind the service connection no longer exists or is misconfigured",
    category: "app-not-found",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700016"],
      text: ["was not found in the directory", "wasn't found in the directory"],
      context: [...ADO_CONTEXT],
    },
    cause:
      "The connection points to an app ID or managed identity client ID that Microsoft Entra ID cannot find in the " +
      "tenant: the identity was deleted, detached from the connection, or its ID was entered wrongly when the " +
      "connection was set up by hand.",
    mitigations: [
      "Open the service connection and check the appId/clientId and tenant against the identity in Entra ID.",
      "If the identity was deleted, restore it or recreate the connection (or point it to a new identity with the needed role assignments).",
    ],
    docs: [ADO_TROUBLESHOOT, ADO_CONNECT],
  },
  {
    id: "ado-cross-cloud-not-supported",
    title: "Workload identity federation across clouds is blocked for this confidential client",
    category: "federation-disabled",
    retryable: false,
    match: {
      stsCodes: ["AADSTS900382", "AADSTS900432"],
      text: ["Confidential Client is not supported in Cross Cloud"],
    },
    cause:
      "The token issuer and the target tenant are in different clouds (for example Azure DevOps in the public cloud and " +
      "a sovereign-cloud tenant), and that cloud does not accept federated or confidential-client requests from outside.",
    mitigations: [
      "Use a secret- or certificate-based service connection for that sovereign cloud.",
      "Or run the pipeline from an organisation in the same cloud as the tenant.",
    ],
    docs: [ADO_TROUBLESHOOT],
  },
  {
    id: "ado-jwt-not-obtained",
    title: "The task could not obtain the federated JWT for the service connection's client ID",
    category: "federation-mismatch",
    retryable: false,
    match: {
      text: [
        "Failed to obtain the JSON Web Token (JWT) using service principal client ID",
        "Failed to obtain the JWT",
      ],
    },
    cause:
      "The federated credential on the identity does not line up with the connection, or the tenant blocks OpenID Connect federation.",
    mitigations: [
      "Compare the issuer and subject of the connection (edit dialog) with the identity's federated credentials.",
      "Ask the tenant administrators whether a policy blocks federated credentials or OIDC.",
    ],
    docs: [ADO_TROUBLESHOOT],
  },
  {
    id: "ado-azure-cli-too-old",
    title: "The agent's Azure CLI is too old to sign in with a federated token",
    category: "tool-missing",
    retryable: false,
    match: {
      text: ["unrecognized arguments: --federated-token"],
    },
    cause:
      "AzureCLI tasks sign in with az login --federated-token, which Azure CLI supports from version 2.30; the agent has an older one.",
    mitigations: [
      "Upgrade the Azure CLI on the self-hosted agent (or use a Microsoft-hosted agent).",
      "Check the version in the log with az --version at the start of the step.",
    ],
    docs: [ADO_TROUBLESHOOT, "https://learn.microsoft.com/cli/azure/update-azure-cli"],
  },
  {
    id: "ado-cannot-create-app-registration",
    title: "Azure DevOps could not create the app registration for a new service connection",
    category: "permission-denied",
    retryable: false,
    match: {
      text: [
        "Insufficient privileges to complete the operation in Microsoft Graph",
        "Failed to create an app in Microsoft Entra ID",
        "Ensure that the user has permissions to create a Microsoft Entra Application",
      ],
    },
    cause:
      "Creating an automatic service connection makes an app registration under your account. Your account may not " +
      "create apps in this tenant (user app registration is switched off), or you are signed in to another tenant.",
    mitigations: [
      "Ask for the Application Developer role (or have an administrator create the connection).",
      "Or create the service connection manually with an existing user-assigned managed identity or app registration and add the federated credential yourself.",
    ],
    docs: [ADO_TROUBLESHOOT, ADO_CONFIGURE],
  },
  {
    id: "ado-entra-issuer-multi-tenant-app",
    title: "The Entra issuer used by new service connections does not accept this identity type",
    category: "federation-mismatch",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70052"],
    },
    cause:
      "New service connections federate through the Microsoft Entra issuer, which accepts only managed identities, " +
      "single-tenant apps and service accounts. A multi-tenant app registration is refused.",
    mitigations: [
      "Use a single-tenant app registration (one per tenant) or a user-assigned managed identity for the connection.",
      "Look up other unfamiliar AADSTS codes in the Microsoft Entra error code reference.",
    ],
    docs: [ADO_TROUBLESHOOT, ERROR_CODES],
  },
];
