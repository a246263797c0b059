/**
 * After a token was issued: the protected resource refuses it. The credential succeeded, so the explanation has to
 * come from the service's 401/403 and from who the token was issued to (read from the refused request).
 */
import { describe, expect, it } from "vitest";
import { ClientSecretCredential } from "@azure/identity";
import {
  DiagnosticCredential,
  explainAuthError,
  renderDiagnosis,
  type DiagnosisCategory,
  type TokenSuccessEvent,
} from "azure-identity-diagnostics";
import { startCapture } from "../harness/capture.js";
import { expectLeadingEntry } from "../harness/producedEntries.js";
import { callResource, type ResourceReply } from "../harness/fakeResource.js";
import { stsToken } from "../harness/fakeSts.js";
import { LAB } from "../harness/tokens.js";
import { SECRETS, useLab } from "./lab.js";
import { ARM_SCOPE, expectNoLeak } from "./scenario.js";

const lab = useLab();
const KEY_VAULT_SCOPE = "https://vault.azure.net/.default";
const STORAGE_SCOPE = "https://storage.azure.com/.default";

/** An ARM error reply the fake has no dedicated kind for. */
function armRaw(status: number, code: string, message: string): ResourceReply {
  return {
    kind: "raw",
    status,
    headers: { "content-type": "application/json", "x-ms-failure-cause": "gateway" },
    body: JSON.stringify({ error: { code, message } }),
  };
}

/** A Key Vault error reply: `error.code`, and the specific reason in `innererror.code`. */
function keyVaultRaw(status: number, code: string, innerCode: string | null, message: string): ResourceReply {
  const error = { code, message, ...(innerCode === null ? {} : { innererror: { code: innerCode } }) };
  const headers = {
    "content-type": "application/json; charset=utf-8",
    "x-ms-keyvault-service-version": "1.9.1000.1",
  };
  return { kind: "raw", status, headers, body: JSON.stringify({ error }) };
}

interface ServiceScenario {
  name: string;
  reply: ResourceReply;
  scope: string;
  path?: string;
  tokenClaims?: Parameters<typeof stsToken>[0];
  topEntry: string;
  category: DiagnosisCategory;
  httpStatus: number;
  serviceErrorCode: string | null;
}

const scenarios: ServiceScenario[] = [
  {
    name: "ARM 403 AuthorizationFailed: the principal has no role (wrong principal or missing role)",
    reply: { kind: "armAuthorizationFailed" },
    scope: ARM_SCOPE,
    path: "/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/lab-rg",
    topEntry: "arm-authorization-failed",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "AuthorizationFailed",
  },
  {
    name: "ARM 401 InvalidAuthenticationTokenTenant: the token is from another tenant",
    reply: { kind: "armInvalidTenant" },
    scope: ARM_SCOPE,
    path: "/subscriptions/00000000-0000-4000-8000-000000000000",
    topEntry: "arm-token-wrong-tenant",
    category: "multi-tenant",
    httpStatus: 401,
    serviceErrorCode: "InvalidAuthenticationTokenTenant",
  },
  {
    name: "Key Vault 403 ForbiddenByRbac: no data-plane role",
    reply: { kind: "keyVaultForbidden", innerCode: "ForbiddenByRbac" },
    scope: KEY_VAULT_SCOPE,
    path: "/secrets/lab-secret",
    topEntry: "key-vault-rbac-denied",
    category: "permission-denied",
    httpStatus: 403,
    // Key Vault's inner error code is the specific one.
    serviceErrorCode: "ForbiddenByRbac",
  },
  {
    name: "Storage 403 AuthorizationPermissionMismatch: no data role",
    reply: { kind: "storagePermissionMismatch" },
    scope: STORAGE_SCOPE,
    path: "/lab-container/blob.txt",
    topEntry: "storage-permission-mismatch",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "AuthorizationPermissionMismatch",
  },
  {
    name: "ARM 401 ExpiredAuthenticationToken: the token presented had expired",
    reply: { kind: "armExpiredToken" },
    tokenClaims: { claims: { exp: Math.floor(Date.now() / 1000) - 600 } },
    scope: ARM_SCOPE,
    path: "/subscriptions/00000000-0000-4000-8000-000000000000",
    topEntry: "arm-token-expired",
    category: "token-expired",
    httpStatus: 401,
    serviceErrorCode: "ExpiredAuthenticationToken",
  },
  {
    name: "ARM 401 InvalidAuthenticationTokenAudience: a Key Vault token sent to ARM",
    reply: { kind: "armInvalidAudience" },
    scope: KEY_VAULT_SCOPE,
    path: "/subscriptions/00000000-0000-4000-8000-000000000000",
    topEntry: "arm-token-wrong-audience",
    category: "other",
    httpStatus: 401,
    serviceErrorCode: "InvalidAuthenticationTokenAudience",
  },
  {
    name: "ARM 401 InvalidAuthenticationToken: the token cannot be validated",
    reply: armRaw(
      401,
      "InvalidAuthenticationToken",
      "The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should be present.",
    ),
    scope: ARM_SCOPE,
    path: "/subscriptions/00000000-0000-4000-8000-000000000000",
    topEntry: "arm-token-invalid",
    category: "permission-denied",
    httpStatus: 401,
    serviceErrorCode: "InvalidAuthenticationToken",
  },
  {
    name: "ARM 403 LinkedAuthorizationFailed: allowed on the resource, not on the linked one",
    reply: armRaw(
      403,
      "LinkedAuthorizationFailed",
      `The client '${LAB.clientId}' with object id '${LAB.objectId}' has permission to perform action 'Microsoft.Network/networkInterfaces/write' on scope '/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/lab-rg'; however, it does not have permission to perform action 'Microsoft.Network/virtualNetworks/subnets/join/action' on the linked scope(s) '/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/lab-vnet/subnets/default' or the linked scope(s) are invalid.`,
    ),
    scope: ARM_SCOPE,
    path: "/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/lab-rg/providers/Microsoft.Network/networkInterfaces/lab-nic",
    topEntry: "arm-linked-authorization-failed",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "LinkedAuthorizationFailed",
  },
  {
    name: "ARM 401 with a claims challenge (continuous access evaluation) that a new token does not satisfy",
    reply: { kind: "armClaimsChallenge" },
    scope: ARM_SCOPE,
    path: "/subscriptions/00000000-0000-4000-8000-000000000000",
    topEntry: "claims-challenge-insufficient-claims",
    category: "conditional-access-mfa",
    httpStatus: 401,
    serviceErrorCode: "InvalidAuthenticationToken",
  },
  {
    name: "Key Vault 403 AccessDenied: no access policy for the principal",
    reply: { kind: "keyVaultForbidden", innerCode: "AccessDenied" },
    scope: KEY_VAULT_SCOPE,
    path: "/secrets/lab-secret",
    topEntry: "key-vault-access-policy-denied",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "AccessDenied",
  },
  {
    name: "Key Vault 401 AKV10032: the vault is in another tenant",
    reply: { kind: "keyVaultWrongTenant" },
    scope: KEY_VAULT_SCOPE,
    path: "/secrets/lab-secret",
    topEntry: "key-vault-token-wrong-tenant",
    category: "multi-tenant",
    httpStatus: 401,
    serviceErrorCode: "Unauthorized",
  },
  {
    name: "Key Vault 403 ForbiddenByFirewall: the caller's address is not allowed",
    reply: keyVaultRaw(
      403,
      "Forbidden",
      "ForbiddenByFirewall",
      "Client address is not authorized and caller is not a trusted service.\r\nClient address: 203.0.113.10\r\nCaller: appid=" +
        LAB.clientId +
        ";oid=" +
        LAB.objectId +
        "\r\nVault: lab-vault;location=westeurope",
    ),
    scope: KEY_VAULT_SCOPE,
    path: "/secrets/lab-secret",
    topEntry: "key-vault-firewall-denied",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "ForbiddenByFirewall",
  },
  {
    name: "Key Vault 403 Forbidden: the operation is not allowed on this secret",
    reply: keyVaultRaw(403, "Forbidden", null, "Operation get is not allowed on a disabled secret."),
    scope: KEY_VAULT_SCOPE,
    path: "/secrets/lab-secret",
    topEntry: "key-vault-forbidden",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "Forbidden",
  },
  {
    name: "Storage 401 InvalidAuthenticationInfo: the account trusts another tenant",
    reply: { kind: "storageInvalidAuthenticationInfo" },
    scope: STORAGE_SCOPE,
    path: "/lab-container/blob.txt",
    topEntry: "storage-invalid-authentication-info",
    category: "permission-denied",
    httpStatus: 401,
    serviceErrorCode: "InvalidAuthenticationInfo",
  },
  {
    name: "Storage 403 AuthorizationFailure: network rules refuse the caller",
    reply: {
      kind: "raw",
      status: 403,
      headers: { "content-type": "application/xml", "x-ms-error-code": "AuthorizationFailure" },
      body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationFailure</Code><Message>This request is not authorized to perform this operation.\nRequestId:5c4f0c6e-601e-0042-0f1a-7f0a3c000000\nTime:2026-11-24T10:00:00.0000000Z</Message></Error>',
    },
    scope: STORAGE_SCOPE,
    path: "/lab-container/blob.txt",
    topEntry: "storage-authorization-failure",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "AuthorizationFailure",
  },
  {
    name: "Microsoft Graph 403 Authorization_RequestDenied: the app lacks the permission",
    reply: {
      kind: "raw",
      status: 403,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        error: {
          code: "Authorization_RequestDenied",
          message: "Insufficient privileges to complete the operation.",
          innerError: { "request-id": "9d1c5a52-0000-4000-8000-00000000e001", date: "2026-11-24T10:00:00" },
        },
      }),
    },
    scope: "https://graph.microsoft.com/.default",
    path: "/v1.0/users",
    topEntry: "graph-authorization-denied",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "Authorization_RequestDenied",
  },
  {
    name: "Storage 403 AccountIsDisabled: the storage account is disabled",
    reply: {
      kind: "raw",
      status: 403,
      headers: { "content-type": "application/xml", "x-ms-error-code": "AccountIsDisabled" },
      body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>AccountIsDisabled</Code><Message>The specified account is disabled.\nRequestId:5c4f0c6e-601e-0042-0f1a-7f0a3c000001\nTime:2026-11-24T10:00:00.0000000Z</Message></Error>',
    },
    scope: STORAGE_SCOPE,
    path: "/lab-container/blob.txt",
    topEntry: "storage-account-disabled",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "AccountIsDisabled",
  },
  {
    name: "Azure AI services 401 PermissionDenied: the principal has no data role",
    reply: {
      kind: "raw",
      status: 401,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        error: { code: "PermissionDenied", message: "Principal does not have access to API/Operation." },
      }),
    },
    scope: "https://cognitiveservices.azure.com/.default",
    path: "/openai/deployments/lab/chat/completions",
    topEntry: "ai-services-data-role-missing",
    category: "permission-denied",
    httpStatus: 401,
    serviceErrorCode: "PermissionDenied",
  },
  {
    name: "Azure AI services 401: the request went to the wrong endpoint",
    reply: {
      kind: "raw",
      status: 401,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        error: {
          code: "401",
          message:
            "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.",
        },
      }),
    },
    scope: "https://cognitiveservices.azure.com/.default",
    path: "/language/:analyze-text",
    topEntry: "ai-services-key-invalid",
    category: "credential-invalid",
    httpStatus: 401,
    // A bare status number is not a service error code.
    serviceErrorCode: null,
  },
  {
    name: "Cosmos DB 403: a management operation sent to the data plane with an Entra token",
    reply: {
      kind: "raw",
      status: 403,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        code: "Forbidden",
        message:
          "Request blocked by Auth lab-cosmos : The given request [PUT /dbs/app/colls/orders] cannot be authorized by AAD token in data plane. Learn more: https://aka.ms/cosmos-native-rbac.",
      }),
    },
    scope: "https://cosmos.azure.com/.default",
    path: "/dbs/app/colls/orders",
    topEntry: "cosmos-db-management-operation-with-entra-token",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: "Forbidden",
  },
  {
    name: "An unknown service answers a bare 401",
    reply: { kind: "raw", status: 401, body: "" },
    scope: "https://lab.example/.default",
    path: "/api/items",
    topEntry: "service-unauthorized-generic",
    category: "permission-denied",
    httpStatus: 401,
    serviceErrorCode: null,
  },
  {
    name: "An unknown service answers a bare 403",
    reply: { kind: "raw", status: 403, body: "" },
    scope: "https://lab.example/.default",
    path: "/api/items",
    topEntry: "service-forbidden-generic",
    category: "permission-denied",
    httpStatus: 403,
    serviceErrorCode: null,
  },
];

describe("a service refuses a token the credential obtained", () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      lab.sts.respond(stsToken(scenario.tokenClaims));
      lab.resource.respond(scenario.reply);
      const capture = startCapture("verbose");
      let refused: unknown;
      try {
        const credential = new DiagnosticCredential(
          new ClientSecretCredential(
            LAB.tenantId,
            LAB.clientId,
            SECRETS.clientSecret,
            lab.credentialOptions(),
          ),
          {
            onEvent: (event) => {
              capture.onEvent(event);
            },
          },
        );
        refused = await callResource(lab.resource, credential, {
          path: scenario.path ?? "/",
          scopes: scenario.scope,
        }).then(
          () => undefined,
          (error: unknown) => error,
        );
      } finally {
        capture.stop();
      }

      expect((refused as { name?: string }).name).toBe("RestError");
      const diagnosis = explainAuthError(refused);
      expectLeadingEntry(diagnosis.matches[0]?.id, scenario.topEntry, diagnosis.summary);
      expect(diagnosis).toMatchObject({
        category: scenario.category,
        httpStatus: scenario.httpStatus,
        serviceErrorCode: scenario.serviceErrorCode,
      });
      // The refused token's identity, read from the failed request, is the one the success event reported.
      const success = capture.events.find((e): e is TokenSuccessEvent => e.type === "token.success");
      expect(diagnosis.tokenIdentity).toMatchObject({
        tenantId: LAB.tenantId,
        objectId: LAB.objectId,
        appId: LAB.clientId,
        identityType: "app",
      });
      expect(success?.identity).toMatchObject({
        objectId: LAB.objectId,
        audience: diagnosis.tokenIdentity?.audience,
      });
      const rendered = renderDiagnosis(diagnosis);
      expect(rendered).toContain(LAB.objectId);

      capture.add(diagnosis);
      capture.add(rendered);
      expectNoLeak(capture, lab.secrets());
      expect(lab.sts.issuedTokens.length).toBeGreaterThan(0);
    });
  }
});
