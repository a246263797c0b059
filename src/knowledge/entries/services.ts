/**
 * Rejections by a service after a token was obtained (HTTP 401/403 with the service's own error code): Azure Resource
 * Manager, Key Vault, Storage, Cosmos DB, Azure AI services, Microsoft Graph, claims challenges, and generic fallbacks.
 */
import type { KnowledgeEntry } from "../schema.js";

const RBAC_TROUBLESHOOT = "https://learn.microsoft.com/azure/role-based-access-control/troubleshooting";
const RBAC_ASSIGN = "https://learn.microsoft.com/azure/role-based-access-control/role-assignments-portal";
const KV_RBAC = "https://learn.microsoft.com/azure/key-vault/general/rbac-guide";
const KV_POLICY = "https://learn.microsoft.com/azure/key-vault/general/assign-access-policy";
const KV_NETWORK = "https://learn.microsoft.com/azure/key-vault/general/network-security";
const STORAGE_AUTH =
  "https://learn.microsoft.com/azure/storage/blobs/authorize-access-azure-active-directory";
const STORAGE_ERRORS = "https://learn.microsoft.com/rest/api/storageservices/common-rest-api-error-codes";
const ARM_ERRORS =
  "https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors";
const JS_GUIDE =
  "https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/identity/identity/TROUBLESHOOTING.md";
const CLAIMS = "https://learn.microsoft.com/entra/identity-platform/claims-challenge";

export const serviceEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "service-unauthorized-generic",
    title: "The service rejected the request as unauthenticated (HTTP 401) although a token was sent",
    category: "permission-denied",
    retryable: false,
    match: { httpStatus: [401] },
    cause:
      "A token was obtained, but the service did not accept it: issued by the wrong tenant, for another audience " +
      "(scope), expired, or missing claims the service requires. It is rarely a missing role; that is usually 403.",
    mitigations: [
      "Decode the token you sent (aud, tid, exp) and compare with what the service expects: the right scope, the tenant that owns the resource, a current time.",
      "Check which credential produced the token (with DefaultAzureCredential it may be an unexpected developer tool or tenant) and set tenantId if needed.",
      "Read the WWW-Authenticate header of the response: it often names the expected authority or required claims.",
    ],
    docs: [JS_GUIDE, RBAC_TROUBLESHOOT],
  },
  {
    id: "service-forbidden-generic",
    title: "The service refused the operation (HTTP 403): the signed-in principal lacks permission",
    category: "permission-denied",
    retryable: false,
    match: { httpStatus: [403] },
    cause:
      "Authentication worked; authorisation did not. The principal behind the token has no role (or access policy, " +
      "or network access) allowing this operation on this resource, or it is not the principal you think.",
    mitigations: [
      "Check the documentation of the operation for the role it needs, and assign that role to the principal at the resource (or a parent scope).",
      "Reading or writing data needs a data-plane role, which Owner or Contributor do not include: for example Storage Blob Data Reader/Contributor, Key Vault Secrets User, App Configuration Data Reader, Azure Service Bus Data Receiver/Sender.",
      "Confirm which principal made the call (the token's oid/appid, or 'Result for <Credential>: SUCCESS' in the identity log) and that the assignment targets that object ID.",
      "Role assignments can take several minutes to apply; retry after that before changing more. A managed identity's tokens are cached for up to 24 hours, so a role granted after the token was issued may apply only once the app restarts or the token is renewed.",
    ],
    docs: [RBAC_TROUBLESHOOT, RBAC_ASSIGN],
  },
  {
    id: "arm-authorization-failed",
    title: "Azure Resource Manager: the principal has no role that allows this action at this scope",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["AuthorizationFailed"],
      text: ["does not have authorization to perform action"],
      httpStatus: [403],
    },
    cause:
      "ARM checked Azure RBAC for the caller named in the message (its object ID) and found no role assignment " +
      "granting the action at the scope, or the assignment is too recent to be effective, or the token came from another principal.",
    mitigations: [
      "Create a role assignment for the object ID in the message that contains the action it names, at the scope it names or above: Reader for `read` actions, Contributor (or a narrower built-in role that holds the action, such as DNS Zone Contributor for DNS records) for `write` and `delete`, on the resource group or the subscription.",
      "If the object ID is not the identity you expected, find which credential produced the token and fix that instead; a role that was removed from the app or user has the same effect.",
      "After assigning, allow a few minutes for the role assignment to propagate and re-acquire the token (az account get-access-token / a new process) before retrying.",
    ],
    docs: [RBAC_TROUBLESHOOT, RBAC_ASSIGN],
  },
  {
    id: "arm-linked-authorization-failed",
    title: "Azure Resource Manager: the caller may change this resource but not a resource it links to",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["LinkedAuthorizationFailed"],
      text: ["has permission to perform action", "but does not have permission to perform action"],
      httpStatus: [403],
    },
    cause:
      "The operation references another resource (a subnet, a key, an identity, an image) and the caller lacks the " +
      "join/read action on that linked resource, which often lives in another resource group or subscription.",
    mitigations: [
      "Grant the caller the linked action named in the message (e.g. Microsoft.Network/virtualNetworks/subnets/join/action) on the linked resource's scope.",
      "Or have someone with access pre-create the link.",
    ],
    docs: [RBAC_TROUBLESHOOT],
  },
  {
    id: "arm-token-wrong-tenant",
    title: "Azure Resource Manager: the token comes from a tenant other than the subscription's",
    category: "multi-tenant",
    retryable: false,
    match: {
      serviceCodes: ["InvalidAuthenticationTokenTenant"],
      // The second sentence survives where a tool cut or masked the first.
      text: ["access token is from the wrong issuer", "It must match the tenant"],
      httpStatus: [401],
    },
    cause:
      "The subscription belongs to one tenant and the token was issued by another: the credential's default tenant " +
      "(often a developer tool's home tenant) differs, or the subscription was recently moved.",
    mitigations: [
      "Request the token from the tenant the message names: set tenantId on the credential (the tenant ID, or its domain such as contoso.onmicrosoft.com) (or AZURE_TENANT_ID for EnvironmentCredential and DefaultAzureCredential), use that tenant's authority, or sign in to it with `az login --tenant <id>`.",
      "With DefaultAzureCredential, a tool or a VS Code extension, check which account and tenant produced the token; a personal Microsoft account often lands in its own tenant, not the subscription's. Sign in to the subscription's tenant, or pick it in the tool's or connection's settings.",
      "With .NET's DefaultAzureCredential, each developer credential takes its tenant from DefaultAzureCredentialOptions: set TenantId, or the member's own option (VisualStudioTenantId, SharedTokenCacheTenantId, VisualStudioCodeTenantId) to the resource's tenant.",
      "If the subscription was just transferred, wait up to an hour and retry.",
    ],
    docs: [ARM_ERRORS],
  },
  {
    id: "arm-token-wrong-audience",
    title: "Azure Resource Manager: the token was issued for another resource",
    category: "other",
    retryable: false,
    match: {
      serviceCodes: ["InvalidAuthenticationTokenAudience"],
      text: ["The access token has been obtained for wrong audience or resource"],
      httpStatus: [401],
    },
    cause:
      "ARM only accepts tokens whose aud is https://management.azure.com/ (or .core.windows.net); the token was requested with another scope.",
    mitigations: [
      "The message names the audience (resource) the token was requested for: request the scope of the service you call instead, https://management.azure.com/.default for ARM (SDK clients do this; check custom scopes, audience or resource options).",
      "A token requested for your own app (api://…) or another service (Key Vault, Storage, Data Lake) cannot call the management API; get one token per resource.",
      "In sovereign clouds, use that cloud's ARM endpoint and scope together.",
    ],
    docs: [ARM_ERRORS],
  },
  {
    id: "arm-token-invalid",
    title: "Azure Resource Manager could not validate the access token",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["InvalidAuthenticationToken"],
      text: ["The received access token is not valid", "The access token is invalid"],
      httpStatus: [401],
    },
    cause:
      "The bearer token is malformed, truncated, signed by an untrusted issuer, or not a token at all (for example an ID token or a token for another cloud).",
    mitigations: [
      "Pass the access token unmodified (no quotes or extra whitespace), obtained for https://management.azure.com/.default.",
      "When the message asks for the 'oid' claim, the app has no service principal in the token's tenant: create it (`az ad sp create --id <app-id>`) or request the token from the tenant that holds it.",
      "If it began after upgrading a tool (a CLI or a sign-in action), pin the previous version of that tool while its issue is open.",
      "Use the authority host and ARM endpoint of the same cloud.",
    ],
    docs: [ARM_ERRORS],
  },
  {
    id: "arm-token-expired",
    title: "Azure Resource Manager rejected an expired access token",
    category: "token-expired",
    retryable: true,
    match: {
      serviceCodes: ["ExpiredAuthenticationToken"],
      text: ["The access token expiry UTC time", "is earlier than current UTC time"],
      httpStatus: [401],
    },
    cause:
      "The token's exp had passed when ARM checked it: the caller cached a token string too long, or the machine clock is off.",
    mitigations: [
      "Refresh the expired access token: let the SDK request tokens through the credential instead of passing a fixed token string; credentials refresh before expiry.",
      "In a tool or editor extension that cached the token (VS Code, a long-running CLI session), reload the window or sign out and in again so it requests a new one.",
      "Check the machine clock (NTP).",
    ],
    docs: [ARM_ERRORS],
  },
  {
    id: "key-vault-access-policy-denied",
    title: "Key Vault (access policy model): the principal has no access policy for this operation",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["ForbiddenByPolicy", "AccessDenied"],
      text: [
        "does not have secrets get permission on key vault",
        "does not have keys",
        "does not have certificates",
        "permission on key vault",
      ],
      httpStatus: [403],
    },
    cause:
      "The vault uses vault access policies, and none grants this principal the permission named in the message " +
      "(e.g. secrets get). Azure RBAC roles do not apply to such vaults.",
    mitigations: [
      "Add an access policy for the object ID in the message with the missing permissions (az keyvault set-policy --object-id … --secret-permissions get list). Reading a certificate with its private key goes through secrets, so it needs secret get too.",
      "Or switch the vault to the Azure RBAC permission model and assign Key Vault Secrets User (or the matching role).",
    ],
    docs: [KV_POLICY, KV_RBAC],
  },
  {
    id: "key-vault-rbac-denied",
    title: "Key Vault (RBAC model): the principal has no data-plane role for this operation",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["ForbiddenByRbac"],
      text: ["Caller is not authorized to perform action on resource"],
      httpStatus: [403],
    },
    cause:
      "The vault uses Azure RBAC. Management roles such as Owner or Contributor do not read secrets, keys or " +
      "certificates; a Key Vault data role is needed, and none is assigned to this principal at the vault or above.",
    mitigations: [
      "Create a role assignment on the Key Vault (or its resource group) for the caller's object ID with a data role: Key Vault Secrets User (read secrets), Key Vault Crypto User (keys), Key Vault Certificate User, or a Key Vault Secrets Officer / Administrator role to manage them. Owner or Contributor alone does not reach the data.",
      "When the caller is a managed identity (an app's, or a service's own system-assigned identity used for customer-managed keys), the assignment must name that identity's object ID.",
      "Wait a few minutes for the assignment to propagate before retrying.",
    ],
    docs: [KV_RBAC],
  },
  {
    id: "key-vault-firewall-denied",
    title: "Key Vault's firewall rejected the caller's network address",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["ForbiddenByFirewall"],
      text: ["Client address is not authorized and caller is not a trusted service"],
      httpStatus: [403],
    },
    cause:
      "The vault allows only selected networks or private endpoints, and the request came from an address outside them.",
    mitigations: [
      "Add the client's public IP or virtual network to the vault's firewall, or reach it through its private endpoint.",
      "For Azure services, check whether 'Allow trusted Microsoft services' applies to yours.",
    ],
    docs: [KV_NETWORK],
  },
  {
    id: "key-vault-forbidden",
    title: "Key Vault refused the operation for this caller",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["Forbidden"],
      context: ["vault", "keyvault", "x-ms-keyvault-service-version"],
      httpStatus: [403],
    },
    cause:
      "Key Vault returned Forbidden without a more specific inner code: missing access policy or RBAC role, a disabled secret, or network rules.",
    mitigations: [
      "Check the vault's permission model: with vault access policies, add an access policy for the caller's object ID with the secret, key or certificate permissions it needs; with Azure RBAC, assign a Key Vault data role.",
      "Check the vault's networking settings if the caller runs outside its allowed networks.",
    ],
    docs: [KV_RBAC, KV_POLICY],
  },
  {
    id: "key-vault-token-wrong-tenant",
    title: "Key Vault rejected a token issued by a tenant other than the vault's",
    category: "multi-tenant",
    retryable: false,
    match: {
      text: ["AKV10032: Invalid issuer"],
      httpStatus: [401],
    },
    cause:
      "Key Vault accepts tokens only from the tenant the vault belongs to; the credential signed in to another tenant.",
    mitigations: [
      "Set tenantId on the credential to the vault's tenant (or az login --tenant <id>).",
      "Keep challenge-based tenant discovery enabled and, if needed, allow that tenant with additionallyAllowedTenants.",
    ],
    docs: [KV_RBAC],
  },
  {
    id: "storage-permission-mismatch",
    title: "Azure Storage: the principal has no data role allowing this operation",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["AuthorizationPermissionMismatch"],
      text: ["This request is not authorized to perform this operation using this permission"],
      httpStatus: [403],
    },
    cause:
      "With Microsoft Entra authentication, Storage checks data-plane roles. Owner or Contributor on the account is not " +
      "enough to read or write blobs, queues or tables.",
    mitigations: [
      "Create a role assignment for the caller with a data role: Storage Blob Data Reader to read, Storage Blob Data Contributor to write (for queues, tables and files: the Storage Queue Data, Storage Table Data and Storage File Data roles), at the account or container.",
      "The role must go to the identity that signed in (the az login user, the app's managed identity); tools that worked with account keys bypassed this check.",
      "A new role assignment takes a few minutes to propagate; wait, then retry with a new token.",
    ],
    docs: [STORAGE_AUTH],
  },
  {
    id: "storage-authorization-failure",
    title: "Azure Storage refused the request (network rules or disabled authentication method)",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["AuthorizationFailure"],
      text: ["This request is not authorized to perform this operation."],
      httpStatus: [403],
    },
    cause:
      "Storage rejected the request before checking roles: the account's firewall does not allow the caller's network, " +
      "or the authentication method used (shared key, SAS) is disabled on the account.",
    mitigations: [
      "Check the storage account's firewall (Networking: selected networks, virtual networks, private endpoints): add the caller's public IP address (your client IP) or its virtual network, or reach the account through its private endpoint.",
      "If the network is allowed, check the caller's RBAC permissions: with Microsoft Entra sign-in it needs a data role on the account (Storage Blob Data, Storage File Data or Storage Table Data roles); Owner or Contributor alone do not reach the data.",
      "If shared key access is disabled, authenticate with a Microsoft Entra credential and a data role instead.",
    ],
    docs: [STORAGE_AUTH, "https://learn.microsoft.com/azure/storage/common/storage-network-security"],
  },
  {
    id: "storage-invalid-authentication-info",
    title: "Azure Storage could not use the authentication information sent",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["InvalidAuthenticationInfo"],
      text: [
        "Authentication information is not given in the correct format",
        "Issuer validation failed",
        "Audience validation failed",
      ],
      httpStatus: [401],
    },
    cause:
      "The bearer token was for another audience or tenant, expired, or malformed (for example a token requested for ARM sent to Storage).",
    mitigations: [
      "Use a token for https://storage.azure.com/.default from the storage account's tenant; let the SDK request it through the credential.",
      "When the detail says the issuer did not match, the token comes from another tenant: set the storage account's tenant ID on the credential or sign the tool in to it (`az login --tenant <id>`). With .NET's DefaultAzureCredential, each developer credential takes its tenant from DefaultAzureCredentialOptions: set TenantId, or the member's own option (VisualStudioTenantId, SharedTokenCacheTenantId, VisualStudioCodeTenantId).",
    ],
    docs: [STORAGE_AUTH, STORAGE_ERRORS],
  },
  {
    id: "cosmos-db-data-role-missing",
    title: "Azure Cosmos DB: the principal has no data-plane role for this operation",
    category: "permission-denied",
    retryable: false,
    match: {
      text: ["does not have required RBAC permissions to perform action"],
      context: ["Microsoft.DocumentDB", "Request blocked by Auth", "cosmos"],
      httpStatus: [403],
    },
    cause:
      "With a Microsoft Entra token, Cosmos DB checks its own data-plane role assignments. Azure roles such as Owner " +
      "or Contributor on the account do not grant data access, and none of the account's SQL role assignments covers " +
      "the action in the message for this principal.",
    mitigations: [
      'Create a Cosmos DB data-plane role assignment for the principal\'s object ID, e.g. Cosmos DB Built-in Data Contributor (or Data Reader): `az cosmosdb sql role assignment create --account-name <account> --resource-group <rg> --role-definition-name "Cosmos DB Built-in Data Contributor" --principal-id <object-id> --scope "/"`.',
      "Assign it to the identity that actually signs in (the developer's az login user, the app's managed identity); the portal's Access control (IAM) roles are not data roles.",
      "Wait a few minutes for the assignment to apply; group-based assignments can take longer.",
    ],
    docs: ["https://learn.microsoft.com/azure/cosmos-db/how-to-setup-rbac"],
  },
  {
    id: "cosmos-db-management-operation-with-entra-token",
    title: "Azure Cosmos DB: a management operation was sent to the data plane with a Microsoft Entra token",
    category: "permission-denied",
    retryable: false,
    match: {
      text: ["cannot be authorized by AAD token in data plane"],
      httpStatus: [403],
    },
    cause:
      "Creating or deleting databases and containers is a control-plane operation. With Microsoft Entra authentication " +
      "the data-plane SDK may read and write items but not create databases or containers (CreateIfNotExists, " +
      "EnsureCreated), whatever roles the principal holds.",
    mitigations: [
      "Create the database and containers through the control plane: Bicep/ARM/Terraform, `az cosmosdb sql database create` / `az cosmosdb sql container create`, or the Azure management SDK, with an Azure role such as Cosmos DB Operator.",
      "Then let the app only use existing Cosmos DB containers with its data-plane role; remove CreateIfNotExists/EnsureCreated calls from code that runs with the Entra token.",
    ],
    docs: ["https://learn.microsoft.com/azure/cosmos-db/how-to-setup-rbac"],
  },
  {
    id: "ai-services-data-role-missing",
    title: "Azure OpenAI / Azure AI services: the principal has no data-plane role for this call",
    category: "permission-denied",
    retryable: false,
    match: {
      text: [
        "lacks the required data action",
        "Principal does not have access to API/Operation",
        "PermissionDenied for url",
      ],
      httpStatus: [401, 403],
    },
    cause:
      "Azure OpenAI, Foundry and other Azure AI services check data actions with a Microsoft Entra token. Owner, " +
      "Contributor or Cognitive Services Contributor manage the resource but do not allow inference or agent calls; the " +
      "principal needs a data role on the resource (the service answers 401 PermissionDenied).",
    mitigations: [
      "Create a role assignment on the AI resource (or its resource group) for the principal's object ID: Cognitive Services OpenAI User for Azure OpenAI inference (Cognitive Services OpenAI Contributor to manage deployments), Cognitive Services User for other AI services, Azure AI User for Foundry projects and agents.",
      "Assign it to the identity that signs in: the developer's az login user, or the app's or workflow's managed identity.",
      "Wait a few minutes for the role assignment to propagate, then retry with a new token.",
    ],
    docs: ["https://learn.microsoft.com/azure/ai-services/openai/how-to/role-based-access-control"],
  },
  {
    id: "ai-services-key-invalid",
    title: "Azure OpenAI / Azure AI services rejected the API key for this endpoint",
    category: "credential-invalid",
    retryable: false,
    match: {
      text: ["Access denied due to invalid subscription key or wrong API endpoint"],
      httpStatus: [401],
    },
    cause:
      "Key authentication: the key sent is not a key of the resource behind this endpoint. Usual causes are a key of " +
      "another resource or region, an OpenAI (non-Azure) API key, or a key and an endpoint swapped or mixed up with another setting.",
    mitigations: [
      "Copy Key 1 or Key 2 from the same resource as the endpoint (Keys and Endpoint in the portal) and check the API key parameter receives it, not the model or deployment name.",
      "Use the resource's own endpoint (https://<resource>.openai.azure.com/ or its regional endpoint) with that key; an openai.com key does not work on Azure.",
      "If the key is stored in Key Vault or app settings, check that the stored value belongs to this resource and was updated after a key rotation.",
    ],
    docs: ["https://learn.microsoft.com/azure/ai-services/authentication"],
  },
  {
    id: "graph-authorization-denied",
    title: "Microsoft Graph: the app or user lacks the permission this call needs",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["Authorization_RequestDenied", "Authentication_Unauthorized"],
      text: [
        "Insufficient privileges to complete the operation.",
        "Access denied to the specified API version",
      ],
      httpStatus: [403],
    },
    cause:
      "Graph checks the token's scopes (delegated) or roles (application permissions) and directory roles. None of them " +
      "allows this operation.",
    mitigations: [
      "Add the Graph permission the API reference lists for this call to the app registration and grant admin consent; app-only tokens (a service principal) need application permissions, and an Azure role such as subscription Owner does not cover the directory.",
      "Request a new token afterwards (existing tokens keep their old roles).",
      "For directory writes on behalf of a user, the user also needs a suitable directory role.",
    ],
    docs: [
      "https://learn.microsoft.com/graph/errors",
      "https://learn.microsoft.com/graph/permissions-reference",
    ],
  },
  {
    id: "claims-challenge-insufficient-claims",
    title: "The service demanded a new token with extra claims (a claims challenge)",
    category: "conditional-access-mfa",
    retryable: false,
    match: {
      text: ["insufficient_claims"],
      serviceCodes: ["insufficient_claims"],
      httpStatus: [401],
    },
    cause:
      "Continuous access evaluation or a Conditional Access authentication context revoked or upgraded the " +
      "requirements for this session. The 401's WWW-Authenticate header carries the claims a new token must satisfy.",
    mitigations: [
      "Let the SDK handle it: clients with challenge-based auth pass the claims to getToken; with a developer tool, run the command it prints (az login --claims-challenge …).",
      "For interactive apps, request a token again with the claims from the header and complete the prompt (often MFA).",
    ],
    docs: [
      CLAIMS,
      "https://learn.microsoft.com/entra/identity/conditional-access/concept-continuous-access-evaluation",
    ],
  },
];
