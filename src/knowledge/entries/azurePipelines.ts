/** AzurePipelinesCredential: federation from an Azure DevOps service connection inside a pipeline. */
import type { KnowledgeEntry } from "../schema.js";

const APC_TROUBLESHOOT = "https://aka.ms/azsdk/js/identity/azurepipelinescredential/troubleshoot";
const SYSTEM_ACCESS_TOKEN =
  "https://learn.microsoft.com/azure/devops/pipelines/build/variables#systemaccesstoken";
const FIND_TENANT = "https://learn.microsoft.com/entra/fundamentals/how-to-find-tenant";
const APC = ["AzurePipelinesCredential"] as const;

export const azurePipelinesEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "tenant-id-not-valid-domain",
    title: "The tenant identifier is neither a tenant GUID nor a domain Microsoft Entra ID knows",
    category: "tenant-invalid",
    retryable: false,
    match: {
      stsCodes: ["AADSTS900023"],
      text: ["is neither a valid DNS name, nor a valid external domain"],
      credentials: [
        "AzurePipelinesCredential",
        "ClientSecretCredential",
        "ClientAssertionCredential",
        "WorkloadIdentityCredential",
      ],
    },
    cause:
      "The tenant passed to the credential is not a well-formed tenant ID or verified domain (a typo, a subscription " +
      "ID, a placeholder that was never replaced). In pipelines it must be the tenant that holds the identity behind " +
      "the service connection.",
    mitigations: [
      "Use the Directory (tenant) ID, a GUID, of the tenant where the app registration (or the user-assigned managed identity of the service connection) lives; check the setting for stray quotes, spaces or invisible characters around it.",
      "Check that the pipeline variable or repository secret feeding the tenant ID is defined for this stage and holds the tenant ID, not an empty or literal '$(…)' string or another secret's value.",
    ],
    docs: [APC_TROUBLESHOOT, FIND_TENANT],
  },
  {
    id: "pipelines-service-connection-not-found",
    title: "Azure DevOps has no service connection with the ID given to AzurePipelinesCredential",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "No service connection found with identifier",
        // Azure DevOps' own wording when a task input names a connection the pipeline cannot use.
        "The service connection does not exist, has been disabled or has not been authorized for use",
      ],
      patterns: [
        "No service connection found with identifier [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
      ],
      credentials: [...APC],
    },
    cause:
      "The credential asks Azure DevOps for an OIDC token on behalf of a service connection, by its ID. That ID is not " +
      "a service connection of this project, or the pipeline is not authorised to use it.",
    mitigations: [
      "Use the service connection's ID: the resourceId value in the URL of its settings page (Project settings > Service connections).",
      "Authorise the pipeline to use the service connection and check it belongs to the same project.",
    ],
    docs: [APC_TROUBLESHOOT],
  },
  {
    id: "pipelines-oidc-unauthorized",
    title: "The Azure DevOps OIDC endpoint refused the System.AccessToken given to AzurePipelinesCredential",
    category: "credential-invalid",
    retryable: false,
    match: {
      text: [
        "response from OIDC endpoint",
        "oidcToken field not detected in the response",
        "Received null token from OIDC request",
      ],
      context: ["401 (unauthorized)", "status code: 401", '"status":401', "status code 401"],
      credentials: [...APC],
      httpStatus: [401],
    },
    cause:
      "The request for the pipeline's OIDC token is authenticated with $(System.AccessToken). The value passed was " +
      "empty, a literal '$(System.AccessToken)' string, or otherwise not the job's access token.",
    mitigations: [
      "Map the token into the step explicitly, e.g. env: SYSTEM_ACCESSTOKEN: $(System.AccessToken), and pass process.env.SYSTEM_ACCESSTOKEN as systemAccessToken.",
      "Check that the job is allowed to use the OAuth token (classic pipelines: 'Allow scripts to access the OAuth token').",
    ],
    docs: [APC_TROUBLESHOOT, SYSTEM_ACCESS_TOKEN],
  },
  {
    id: "pipelines-oidc-token-missing",
    title: "Azure DevOps answered the OIDC request without a token",
    category: "federation-disabled",
    retryable: false,
    match: {
      text: [
        "OIDC token not found in response",
        "oidcToken field not detected in the response",
        "Received null token from OIDC request",
      ],
      credentials: [...APC],
    },
    cause:
      "The OIDC token API of Azure DevOps replied with an error object instead of a token; its message field says why " +
      "(an unsupported API version, a connection that is not set up for workload identity federation, missing permissions).",
    mitigations: [
      "Read the message inside the response JSON and act on it. 'There is no explicit reference to service connection … from current stage' means Azure DevOps issues the token only to stages that reference the service connection: reference it in this stage (a task input, or the stage's variables), not only in an earlier one.",
      "Make sure the service connection uses workload identity federation and that the task or script supports it (see the task table).",
    ],
    docs: [
      APC_TROUBLESHOOT,
      "https://learn.microsoft.com/azure/devops/pipelines/release/troubleshoot-workload-identity",
    ],
  },
  {
    id: "pipelines-not-in-pipeline",
    title: "AzurePipelinesCredential ran outside an Azure Pipelines job",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "SYSTEM_OIDCREQUESTURI",
        "Ensure that you're running this task in an Azure Pipeline",
        "Missing value for the SYSTEM_OIDCREQUESTURI environment variable",
      ],
      credentials: [...APC],
    },
    cause:
      "The credential needs SYSTEM_OIDCREQUESTURI, which only the Azure Pipelines agent sets for a running job. The " +
      "code runs locally, in another CI system, or in a container that did not inherit the variable.",
    mitigations: [
      "Use AzurePipelinesCredential only in pipeline steps; choose another credential elsewhere (for example AzureCliCredential locally).",
      "In a container job or a nested process, pass SYSTEM_OIDCREQUESTURI through explicitly.",
    ],
    docs: [APC_TROUBLESHOOT],
  },
  {
    id: "pipelines-app-not-found",
    title:
      "The client ID given to AzurePipelinesCredential is not the identity behind the service connection",
    category: "app-not-found",
    retryable: false,
    match: {
      stsCodes: ["AADSTS700016"],
      text: ["was not found in the directory", "wasn't found in the directory"],
      context: ["AzurePipelinesCredential", "SYSTEM_OIDCREQUESTURI", "serviceConnectionId"],
      credentials: [...APC],
    },
    cause:
      "The federated token from Azure DevOps was presented for a client ID that does not exist in the tenant: the ID is " +
      "mistyped, taken from another app, or the tenant ID points elsewhere.",
    mitigations: [
      "Use the client ID of the user-assigned managed identity, or the Application (client) ID of the app registration, that the service connection uses.",
      "Check the tenant ID is the tenant of that identity.",
    ],
    docs: [APC_TROUBLESHOOT],
  },
  {
    id: "pipelines-required-parameter-missing",
    title:
      "AzurePipelinesCredential was built without its client ID, tenant ID, service connection ID or access token",
    category: "not-configured",
    retryable: false,
    match: {
      patterns: [
        "AzurePipelinesCredential: is unavailable\\. (?:clientId|tenantId|serviceConnectionId|systemAccessToken) is a required parameter",
      ],
      credentials: [...APC],
    },
    cause:
      "One of the four constructor values is empty, usually a pipeline variable that is not mapped into the step's environment.",
    mitigations: [
      "Map each value into the step (env: section) and read it from process.env; secret variables are never mapped automatically.",
      "Pass $(System.AccessToken) explicitly as systemAccessToken.",
    ],
    docs: [APC_TROUBLESHOOT],
  },
  {
    id: "pipelines-insecure-oidc-url",
    title: "The OIDC request URL is http://, which the credential refuses",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["while allowInsecureConnection is false"],
      credentials: [...APC],
    },
    cause:
      "SYSTEM_OIDCREQUESTURI points to an http:// address (usually a manual override); tokens are only requested over https.",
    mitigations: ["Leave SYSTEM_OIDCREQUESTURI as the agent sets it (https://…); do not override it."],
    docs: [APC_TROUBLESHOOT],
  },
];
