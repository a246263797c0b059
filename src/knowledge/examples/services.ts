/** The sources and example messages (each runtime's wording) of the entries in ../entries/services.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";
import { IDS } from "./samples.js";

const CALLER = `The client 'dev@contoso.com' with object id '${IDS.client}'`;

export const serviceExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "service-unauthorized-generic": {
    sources: ["GEN-03", "DAC-02", "js-guide"],
    examples: [
      {
        text: "RestError: Server failed to authenticate the request. Status code: 401",
        runtime: "javascript",
        source: "GEN-03",
      },
    ],
  },
  "service-forbidden-generic": {
    sources: ["GEN-03", "DAC-02", "js-guide"],
    examples: [
      {
        text: "RestError: Forbidden. Status code: 403",
        runtime: "javascript",
        source: "GEN-03",
      },
    ],
  },
  "arm-authorization-failed": {
    sources: ["GEN-03", "DAC-02"],
    examples: [
      {
        text: `RestError: ${CALLER} does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/22222222-3333-4444-5555-666666666666/resourcegroups/rg-app' or the scope is invalid. If access was recently granted, please refresh your credentials.\nStatus code: 403\nCode: AuthorizationFailed`,
        runtime: "javascript",
        source: "arm",
      },
    ],
  },
  "arm-linked-authorization-failed": {
    sources: ["GEN-03"],
    examples: [
      {
        text: `RestError: ${CALLER} has permission to perform action 'Microsoft.Network/networkInterfaces/write' on scope '/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/nic1'; however, it does not have permission to perform action(s) 'Microsoft.Network/virtualNetworks/subnets/join/action' on the linked scope(s) '/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default' or the linked scope(s) are invalid.\nStatus code: 403\nCode: LinkedAuthorizationFailed`,
        runtime: "javascript",
        source: "arm",
      },
    ],
  },
  "arm-token-wrong-tenant": {
    sources: ["DAC-02", "GEN-03"],
    examples: [
      {
        text: `RestError: The access token is from the wrong issuer 'https://sts.windows.net/${IDS.org}/'. It must match the tenant 'https://sts.windows.net/${IDS.tenant}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${IDS.tenant}' to get the token.\nStatus code: 401\nCode: InvalidAuthenticationTokenTenant`,
        runtime: "javascript",
        source: "arm",
      },
    ],
  },
  "arm-token-wrong-audience": {
    sources: ["GEN-03"],
    examples: [
      {
        text: "RestError: The access token has been obtained for wrong audience or resource 'https://vault.azure.net'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'.\nStatus code: 401\nCode: InvalidAuthenticationTokenAudience",
        runtime: "javascript",
        source: "arm",
      },
    ],
  },
  "arm-token-invalid": {
    sources: ["GEN-03"],
    examples: [
      {
        text: "RestError: The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should be present. If you are accessing as application please make sure service principal is properly created in the tenant.\nStatus code: 401\nCode: InvalidAuthenticationToken",
        runtime: "javascript",
        source: "arm",
      },
    ],
  },
  "arm-token-expired": {
    sources: ["GEN-03"],
    examples: [
      {
        text: "RestError: The access token expiry UTC time '11/22/2026 9:00:00 AM' is earlier than current UTC time '11/22/2026 10:00:00 AM'.\nStatus code: 401\nCode: ExpiredAuthenticationToken",
        runtime: "javascript",
        source: "arm",
      },
    ],
  },
  "key-vault-access-policy-denied": {
    sources: ["GEN-03"],
    examples: [
      {
        text: `RestError: The user, group or application 'appid=${IDS.client};oid=${IDS.org};iss=https://sts.windows.net/${IDS.tenant}/' does not have secrets get permission on key vault 'kv-contoso;location=westeurope'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287\nStatus code: 403\n{"error":{"code":"Forbidden","message":"…","innererror":{"code":"AccessDenied"}}}`,
        runtime: "javascript",
        source: "key-vault",
      },
    ],
  },
  "key-vault-rbac-denied": {
    sources: ["GEN-03", "DAC-02"],
    examples: [
      {
        text: `RestError: Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid=${IDS.client};oid=${IDS.org};iss=https://sts.windows.net/${IDS.tenant}/\r\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\nResource: '/subscriptions/22222222-3333-4444-5555-666666666666/resourcegroups/rg-app/providers/microsoft.keyvault/vaults/kv-contoso/secrets/db-password'\r\nAssignment: (not found)\r\nVault: kv-contoso;location=westeurope\nStatus code: 403\n{"error":{"code":"Forbidden","innererror":{"code":"ForbiddenByRbac"}}}`,
        runtime: "javascript",
        source: "key-vault",
      },
    ],
  },
  "key-vault-firewall-denied": {
    sources: ["GEN-03"],
    examples: [
      {
        text: 'RestError: Client address is not authorized and caller is not a trusted service.\r\nClient address: 203.0.113.10\r\nCaller: appid=00000000-0000-0000-0000-000000000001;oid=99999999-8888-7777-6666-555555555555\r\nVault: kv-contoso;location=westeurope\nStatus code: 403\n{"error":{"code":"Forbidden","innererror":{"code":"ForbiddenByFirewall"}}}',
        runtime: "javascript",
        source: "key-vault",
      },
    ],
  },
  "key-vault-forbidden": {
    sources: ["GEN-03"],
    examples: [
      {
        text: 'RestError: Operation get is not allowed on a disabled secret.\nStatus code: 403\n{"error":{"code":"Forbidden","message":"Operation get is not allowed on a disabled secret."}} (vault kv-contoso.vault.azure.net)',
        runtime: "javascript",
        source: "key-vault",
      },
    ],
  },
  "key-vault-token-wrong-tenant": {
    sources: ["GEN-03", "DAC-02"],
    examples: [
      {
        text: `RestError: AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${IDS.tenant}/, found https://sts.windows.net/${IDS.org}/.\nStatus code: 401`,
        runtime: "javascript",
        source: "key-vault",
      },
    ],
  },
  "storage-permission-mismatch": {
    sources: ["GEN-03", "DAC-02"],
    examples: [
      {
        text: "RestError: This request is not authorized to perform this operation using this permission.\nRequestId:44444444-5555-6666-7777-888888888888\nTime:2026-11-22T10:00:00.0000000Z\n Status code 403\n<Code>AuthorizationPermissionMismatch</Code>",
        runtime: "javascript",
        source: "storage",
      },
    ],
  },
  "storage-authorization-failure": {
    sources: ["GEN-03"],
    examples: [
      {
        text: "RestError: This request is not authorized to perform this operation.\nRequestId:44444444-5555-6666-7777-888888888888\nTime:2026-11-22T10:00:00.0000000Z\n Status code 403\n<Code>AuthorizationFailure</Code>",
        runtime: "javascript",
        source: "storage",
      },
    ],
  },
  "storage-invalid-authentication-info": {
    sources: ["GEN-03"],
    examples: [
      {
        text: "RestError: Server failed to authenticate the request. Please refer to the information in the www-authenticate header.\nRequestId:44444444-5555-6666-7777-888888888888\nTime:2026-11-22T10:00:00.0000000Z\n Status code 401\n<Code>InvalidAuthenticationInfo</Code><AuthenticationErrorDetail>Issuer validation failed. Issuer did not match.</AuthenticationErrorDetail>",
        runtime: "javascript",
        source: "storage",
      },
    ],
  },
  "cosmos-db-data-role-missing": {
    sources: ["cosmos-db"],
    examples: [
      {
        text: `Microsoft.Azure.Cosmos.CosmosException : Response status code does not indicate success: Forbidden (403); Substatus: 5301; Reason: (Request blocked by Auth contoso-cosmos : Request is blocked because principal [${IDS.org}] does not have required RBAC permissions to perform action [Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/read] on resource [/dbs/app/colls/orders]. Learn more: https://aka.ms/cosmos-native-rbac.`,
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "cosmos-db-management-operation-with-entra-token": {
    sources: ["cosmos-db"],
    examples: [
      {
        text: "RestError: Request blocked by Auth contoso-cosmos : The given request [PUT /dbs/app/colls/orders] cannot be authorized by AAD token in data plane. Learn more: https://aka.ms/cosmos-native-rbac.\nStatus code: 403",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "ai-services-data-role-missing": {
    sources: ["azure-openai"],
    examples: [
      {
        text: 'RestError: Principal does not have access to API/Operation.\nStatus code: 401\n{"error":{"code":"PermissionDenied","message":"Principal does not have access to API/Operation."}}',
        runtime: "javascript",
        source: "written",
      },
      {
        text:
          "azure.core.exceptions.HttpResponseError: (PermissionDenied) The principal `" +
          IDS.org +
          "` lacks the required data action `Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action` to perform `POST /openai/deployments/{deployment-id}/chat/completions` operation.",
        runtime: "python",
        source: "written",
      },
    ],
  },
  "ai-services-key-invalid": {
    sources: ["azure-openai"],
    examples: [
      {
        text: "RestError: Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.\nStatus code: 401",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "graph-authorization-denied": {
    sources: ["GEN-03", "ADO-15"],
    examples: [
      {
        text: 'RestError: Insufficient privileges to complete the operation.\nStatus code: 403\n{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}',
        runtime: "javascript",
        source: "graph",
      },
    ],
  },
  "claims-challenge-insufficient-claims": {
    sources: ["GEN-03"],
    examples: [
      {
        text: 'RestError: Unauthorized. Status code: 401\nwww-authenticate: Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ=="',
        runtime: "javascript",
        source: "cae",
      },
    ],
  },
};
