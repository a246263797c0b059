/**
 * Proves the lab's fakes against the real @azure/identity + MSAL: each fake must be good enough for the real
 * credentials to succeed, and its refusals must reach the caller the way Entra's, Azure DevOps' and ARM's do.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AzurePipelinesCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  UsernamePasswordCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import { isRestError } from "@azure/core-rest-pipeline";
import { startFakeSts, stsError, type FakeSts } from "./fakeSts.js";
import { startFakePipelines, PIPELINES, type FakePipelines } from "./fakePipelines.js";
import { callResource, startFakeResource, type FakeResource } from "./fakeResource.js";
import { writeFederatedTokenFile, type FederatedTokenFile } from "./federatedTokenFile.js";
import { clientCertificates, trustTestCa } from "./tls.js";
import { LAB } from "./tokens.js";

const ARM_SCOPE = "https://management.azure.com/.default";

let sts: FakeSts;
let pipelines: FakePipelines;
let resource: FakeResource;
const tokenFiles: FederatedTokenFile[] = [];

beforeAll(async () => {
  [sts, pipelines, resource] = await Promise.all([startFakeSts(), startFakePipelines(), startFakeResource()]);
});

afterEach(async () => {
  sts.reset();
  pipelines.reset();
  resource.reset();
  vi.unstubAllEnvs();
  await Promise.all(tokenFiles.splice(0).map((file) => file.cleanup()));
});

afterAll(async () => {
  await Promise.all([sts.close(), pipelines.close(), resource.close()]);
});

/** Options every lab credential needs: the fake authority, no instance discovery, trust in the lab CA. */
function labOptions() {
  return { authorityHost: sts.authorityHost, disableInstanceDiscovery: true, ...trustTestCa() };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error("expected a rejection");
}

function decodeClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

async function labTokenFile(): Promise<FederatedTokenFile> {
  const file = await writeFederatedTokenFile();
  tokenFiles.push(file);
  return file;
}

describe("fake STS with ClientSecretCredential", () => {
  it("issues a token that decodes to the lab's claims for the requested resource", async () => {
    const credential = new ClientSecretCredential(
      LAB.tenantId,
      LAB.clientId,
      "lab-secret-value",
      labOptions(),
    );

    const token = await credential.getToken(ARM_SCOPE);

    expect(decodeClaims(token.token)).toMatchObject({
      aud: "https://management.azure.com",
      tid: LAB.tenantId,
      oid: LAB.objectId,
      appid: LAB.clientId,
      appidacr: "1",
      idtyp: "app",
    });
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3_000_000);
    const [request] = sts.requests;
    expect(request).toMatchObject({
      tenant: LAB.tenantId,
      grantType: "client_credentials",
      clientId: LAB.clientId,
      scope: ARM_SCOPE,
    });
    expect(request?.form.client_secret).toBe("lab-secret-value");
    expect(sts.discoveryRequests.map((r) => r.path)).toEqual([
      `/${LAB.tenantId}/v2.0/.well-known/openid-configuration`,
    ]);
  });

  it("refuses a wrong secret with AADSTS7000215, which identity throws as AuthenticationRequiredError quoting the ids sent", async () => {
    sts.respond(stsError(7000215));
    const credential = new ClientSecretCredential(LAB.tenantId, LAB.clientId, "wrong-secret", labOptions());

    const error = await rejection(credential.getToken(ARM_SCOPE));

    const sent = sts.lastError;
    expect(error.name).toBe("AuthenticationRequiredError");
    expect(sent?.code).toBe(7000215);
    // Entra echoes MSAL's client-request-id as its correlation id.
    expect(sent?.correlationId).toBe(sts.requests[0]?.clientRequestId);
    expect(error.message).toContain(`AADSTS7000215: Invalid client secret provided.`);
    expect(error.message).toContain(`for a secret added to app '${LAB.clientId}'`);
    expect(error.message).toContain(`Trace ID: ${sent?.traceId ?? "?"}`);
    expect(error.message).toContain(`Correlation ID: ${sent?.correlationId ?? "?"}`);
    expect(error.message).toContain(`Timestamp: ${sent?.timestamp ?? "?"}`);
    expect(sent?.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });

  it("refuses discovery of an unknown tenant the way Entra does, which MSAL reports as endpoints_resolution_error", async () => {
    sts.respond(stsError(90002), { endpoint: "discovery", tenant: "no-such-tenant.example" });
    const credential = new ClientSecretCredential(
      "no-such-tenant.example",
      LAB.clientId,
      "lab-secret-value",
      labOptions(),
    );

    const error = await rejection(credential.getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toContain("endpoints_resolution_error");
    expect(sts.lastError?.body.error).toBe("invalid_tenant");
    expect(sts.requests).toHaveLength(0);
  });
});

describe("fake STS with the other MSAL credentials", () => {
  it("accepts ClientCertificateCredential's signed assertion", async () => {
    const credential = new ClientCertificateCredential(
      LAB.tenantId,
      LAB.clientId,
      clientCertificates.pem,
      labOptions(),
    );

    const token = await credential.getToken(ARM_SCOPE);

    expect(decodeClaims(token.token)).toMatchObject({ appid: LAB.clientId, appidacr: "2" });
    const assertion = sts.requests[0]?.assertion;
    expect(assertion?.header).toHaveProperty("x5t#S256");
    expect(assertion?.claims).toMatchObject({ iss: LAB.clientId, sub: LAB.clientId });
    expect(sts.requests[0]?.form.client_assertion_type).toBe(
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    );
  });

  it("signs in a user with UsernamePasswordCredential (password grant: id_token and client_info)", async () => {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated, still used, and its failures still need diagnosing
    const credential = new UsernamePasswordCredential(
      LAB.tenantId,
      LAB.clientId,
      LAB.userName,
      "lab-password",
      labOptions(),
    );

    const token = await credential.getToken(ARM_SCOPE);

    expect(decodeClaims(token.token)).toMatchObject({
      idtyp: "user",
      upn: LAB.userName,
      oid: LAB.userObjectId,
      scp: "user_impersonation",
    });
    expect(sts.requests[0]).toMatchObject({
      grantType: "password",
      form: { username: LAB.userName, password: "lab-password" },
    });
  });

  it("refuses a wrong password with AADSTS50126", async () => {
    sts.respond(stsError(50126), { grantType: "password" });
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated, still used, and its failures still need diagnosing
    const credential = new UsernamePasswordCredential(
      LAB.tenantId,
      LAB.clientId,
      LAB.userName,
      "wrong-password",
      labOptions(),
    );

    const error = await rejection(credential.getToken(ARM_SCOPE));

    expect(error.name).toBe("AuthenticationRequiredError");
    expect(error.message).toContain("invalid_grant");
    expect(error.message).toContain(
      "AADSTS50126: Error validating credentials due to invalid username or password.",
    );
    expect(error.message).toContain(sts.lastError?.traceId ?? "?");
  });

  it("exchanges WorkloadIdentityCredential's token file for a token", async () => {
    const file = await labTokenFile();
    const credential = new WorkloadIdentityCredential({
      tenantId: LAB.tenantId,
      clientId: LAB.clientId,
      tokenFilePath: file.path,
      ...labOptions(),
    });

    const token = await credential.getToken(ARM_SCOPE);

    expect(decodeClaims(token.token)).toMatchObject({ appid: LAB.clientId, appidacr: "2" });
    expect(sts.requests[0]?.form.client_assertion).toBe(file.content);
  });

  it("refuses an unknown federation with AADSTS70021 quoting the assertion's issuer, subject and audience", async () => {
    sts.respond(stsError(70021));
    const file = await labTokenFile();
    const credential = new WorkloadIdentityCredential({
      tenantId: LAB.tenantId,
      clientId: LAB.clientId,
      tokenFilePath: file.path,
      ...labOptions(),
    });

    const error = await rejection(credential.getToken(ARM_SCOPE));

    expect(error.name).toBe("AuthenticationRequiredError");
    expect(error.message).toContain(
      "AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://oidc.lab.localhost/issuer'. Assertion Subject: 'system:serviceaccount:lab:workload'. Assertion Audience: 'api://AzureADTokenExchange'.",
    );
    expect(error.message).toContain(sts.lastError?.correlationId ?? "?");
  });
});

describe("fake Azure Pipelines OIDC endpoint", () => {
  function pipelinesCredential(): AzurePipelinesCredential {
    vi.stubEnv("SYSTEM_OIDCREQUESTURI", pipelines.oidcRequestUri);
    return new AzurePipelinesCredential(
      LAB.tenantId,
      LAB.clientId,
      PIPELINES.serviceConnectionId,
      PIPELINES.systemAccessToken,
      labOptions(),
    );
  }

  it("hands AzurePipelinesCredential an OIDC token that the STS exchanges", async () => {
    const token = await pipelinesCredential().getToken(ARM_SCOPE);

    expect(decodeClaims(token.token)).toMatchObject({ appid: LAB.clientId });
    expect(pipelines.requests[0]).toMatchObject({
      method: "POST",
      serviceConnectionId: PIPELINES.serviceConnectionId,
      apiVersion: "7.1",
    });
    expect(pipelines.requests[0]?.headers.authorization).toBe(`Bearer ${PIPELINES.systemAccessToken}`);
    expect(sts.requests[0]?.form.client_assertion).toBe(pipelines.issuedTokens[0]);
  });

  it("refuses a bad System.AccessToken with 401, which identity throws as AuthenticationError with that status", async () => {
    pipelines.respond({ kind: "refuse", status: 401, body: "json" });

    const error = await rejection(pipelinesCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("AuthenticationError");
    expect((error as Error & { statusCode?: number }).statusCode).toBe(401);
    expect(error.message).toContain("TF400813");
    expect(sts.requests).toHaveLength(0);
  });
});

describe("fake protected resource", () => {
  it("refuses with ARM's 403 AuthorizationFailed naming the caller from the token, as a real RestError", async () => {
    resource.respond({ kind: "armAuthorizationFailed" });
    const credential = new ClientSecretCredential(
      LAB.tenantId,
      LAB.clientId,
      "lab-secret-value",
      labOptions(),
    );
    const path = `/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/lab-rg`;

    const error = await rejection(callResource(resource, credential, { path, scopes: ARM_SCOPE }));

    expect(isRestError(error)).toBe(true);
    if (!isRestError(error)) return;
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe("AuthorizationFailed");
    expect(error.message).toBe(
      `The client '${LAB.clientId}' with object id '${LAB.objectId}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourceGroups/read' over scope '${path.toLowerCase()}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
    expect(error.response?.headers.get("x-ms-failure-cause")).toBe("gateway");
    expect(error.response?.bodyAsText).toContain('"code":"AuthorizationFailed"');
    expect(error.request?.url).toBe(`${resource.url}${path}`);
    expect(resource.requests[0]?.token).toBe(sts.issuedTokens[0]);
    expect(resource.requests[0]?.claims).toMatchObject({ oid: LAB.objectId });
  });
});
