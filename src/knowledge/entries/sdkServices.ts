/**
 * Service refusals after a token was issued, as JavaScript SDK clients and editor extensions report them: management
 * actions an editor extension needs, a disabled storage account, Service Bus and Event Hubs claims, a disabled Key
 * Vault secret, deployment endpoints answering Forbidden, and Azure DevOps' TF400813.
 */
import type { KnowledgeEntry } from "../schema.js";

const RBAC_ASSIGN = "https://learn.microsoft.com/azure/role-based-access-control/role-assignments-portal";

export const sdkServiceEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "arm-action-denied-in-editor",
    title:
      "An Azure extension in the editor was refused an Azure Resource Manager action your role does not include",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["AuthorizationFailed"],
      text: ["does not have authorization to perform action"],
      // The Azure extensions' error report ("Action: …", "Error type: …", "Error Message: …").
      context: ["Error type: AuthorizationFailed"],
    },
    cause:
      "Editor extensions run more management calls than the command suggests: deploying reads the App Service plan and " +
      "lists the app's settings, browsing storage lists account keys, creating a project writes a resource group. The " +
      "signed-in account's roles do not include the action named in the message at the scope it names.",
    mitigations: [
      "Ask for a role assignment that includes the action in the message, at the scope it names or above: Reader covers read actions such as Microsoft.Web/serverfarms/read (the App Service plan) or Microsoft.CognitiveServices/accounts/read; list and write actions such as Microsoft.Web/sites/config/list/action (app settings), Microsoft.Storage/storageAccounts/listKeys/action (account keys) or Microsoft.Resources/subscriptions/resourcegroups/write need Contributor or a narrower role that grants them.",
      "The App Service plan often sits in another resource group than the app: the role must cover the plan's scope too.",
      "After the role is granted, sign out and back in (or wait a few minutes) so the extension's token carries the change.",
    ],
    docs: [
      "https://learn.microsoft.com/azure/role-based-access-control/troubleshooting",
      "https://learn.microsoft.com/azure/role-based-access-control/resource-provider-operations",
    ],
  },
  {
    id: "storage-account-disabled",
    title: "Azure Storage: the storage account itself is disabled",
    category: "permission-denied",
    retryable: false,
    match: {
      serviceCodes: ["AccountIsDisabled"],
      text: ["The specified account is disabled"],
      httpStatus: [403],
    },
    cause:
      "The account exists but Azure turned it off, usually because its subscription is disabled (ended trial, unpaid " +
      "invoice, spending limit reached) or the account was suspended, so no request to it is served, whatever the caller's roles.",
    mitigations: [
      "Check the subscription's state in the portal (Subscriptions): reactivate it or remove the spending limit; the storage account is enabled again with it.",
      "If the subscription is active, open a support request for the disabled storage account.",
    ],
    docs: ["https://learn.microsoft.com/azure/cost-management-billing/manage/subscription-disabled"],
  },
  {
    id: "messaging-claims-missing",
    title: "Service Bus or Event Hubs: the principal lacks the Listen, Send or Manage right for this entity",
    category: "permission-denied",
    retryable: false,
    match: {
      text: ["claim(s) are required to perform this operation"],
    },
    cause:
      "Service Bus and Event Hubs check the rights the caller holds on the namespace, queue, topic or event hub: Listen " +
      "to receive, Send to send, Manage to create entities. With a Microsoft Entra token those rights come from data " +
      "roles; the principal has none that grants the right named in the message at this scope.",
    mitigations: [
      "Assign a data role to the principal (for a managed identity, its object ID) on the namespace or the entity: Azure Service Bus Data Receiver for Listen, Azure Service Bus Data Sender for Send, Azure Service Bus Data Owner for Manage (Event Hubs: Azure Event Hubs Data Receiver / Sender / Owner).",
      "With a connection string or SAS, use a shared access policy that includes the right named in the message.",
      "Wait a few minutes for a new role assignment to apply, then reconnect.",
    ],
    docs: [
      "https://learn.microsoft.com/azure/service-bus-messaging/service-bus-managed-service-identity",
      RBAC_ASSIGN,
    ],
  },
  {
    id: "key-vault-object-disabled",
    title: "Key Vault refused the operation because the secret, key or certificate version is disabled",
    category: "permission-denied",
    retryable: false,
    match: {
      text: [
        "is not allowed on a disabled secret",
        "is not allowed on a disabled key",
        "is not allowed on a disabled certificate",
      ],
      httpStatus: [403],
    },
    cause:
      "Authentication and permissions are fine: the object (or the version asked for) is marked disabled, so Key Vault " +
      "refuses to return or use it.",
    mitigations: [
      "Enable the secret, key or certificate version in the vault (portal, or az keyvault secret set-attributes --enabled true), or use an enabled version.",
      "If it was disabled on purpose, change the code or configuration to use its replacement.",
    ],
    docs: ["https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates"],
  },
  {
    id: "app-deployment-forbidden",
    title: "The function app or web app refused the deployment call (Forbidden)",
    category: "permission-denied",
    retryable: false,
    match: {
      text: ["Encountered an error (Forbidden) from"],
      // The Azure extensions' error report when the call failed with 403 and no other detail.
      patterns: ["error type: (?:403|forbidden)\\s{1,4}error message:"],
    },
    cause:
      "The signed-in account got a token, but the app's deployment endpoints (the scm/Kudu site, the host runtime or " +
      "the extensions API) refused it: the account has no role allowing deployment on that function app or web app, " +
      "or the app's access restrictions or private endpoint block the caller's network.",
    mitigations: [
      "Make sure your account has a role with deployment permission on the function app or web app (Website Contributor or Contributor); if you cannot grant it, ask the subscription owner or your IT administrator for access.",
      "Check the app's networking: access restrictions on the scm (advanced tools) site or a private endpoint must allow the network you deploy from.",
      "Sign out and back in after a role change so the tool uses a new token.",
    ],
    docs: ["https://learn.microsoft.com/azure/app-service/deploy-configure-credentials", RBAC_ASSIGN],
  },
  {
    id: "azure-devops-user-not-authorized",
    title: "Azure DevOps accepted the token but the identity has no access to this organization or resource",
    category: "permission-denied",
    retryable: false,
    match: {
      text: ["TF400813"],
    },
    cause:
      "The token is valid, but the user or service principal it names is not a member of the Azure DevOps organization, " +
      "or has no permission on the project or resource, so Azure DevOps answers TF400813.",
    mitigations: [
      "Add the identity named in the message to the Azure DevOps organization (Organization settings, Users) with an access level and the project permissions it needs.",
      "If it is not the identity you expected, check which account or tenant produced the token (az account show), and sign in to the tenant that backs the organization.",
    ],
    docs: ["https://learn.microsoft.com/azure/devops/organizations/accounts/add-organization-users"],
  },
];
