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
import { callResource, type ResourceReply } from "../harness/fakeResource.js";
import { stsToken } from "../harness/fakeSts.js";
import { LAB } from "../harness/tokens.js";
import { SECRETS, useLab } from "./lab.js";
import { ARM_SCOPE, expectNoLeak } from "./scenario.js";

const lab = useLab();
const KEY_VAULT_SCOPE = "https://vault.azure.net/.default";
const STORAGE_SCOPE = "https://storage.azure.com/.default";

interface ServiceScenario {
  name: string;
  reply: ResourceReply;
  scope: string;
  path?: string;
  tokenClaims?: Parameters<typeof stsToken>[0];
  topEntry: string;
  category: DiagnosisCategory;
  httpStatus: number;
  serviceErrorCode: string;
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
      expect(diagnosis.matches[0]?.id, diagnosis.summary).toBe(scenario.topEntry);
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
