/**
 * Proves the fake managed identity endpoints against the real ManagedIdentityCredential and DefaultAzureCredential
 * of @azure/identity 4.13.1 (msal-node 5.6.0): each source hands out a token, and each refusal reaches the caller
 * the way the real service's does.
 *
 * Observed (every failure is a CredentialUnavailableError, so DefaultAzureCredential moves on):
 * - 400 identity not found, IMDS / Arc / Cloud Shell body `{"error":"invalid_request","error_description":"Identity not found"}`:
 *   `ManagedIdentityCredential: Authentication failed. Message invalid_request: Error(s): Not Available - Timestamp:
 *   Not Available - Description: Identity not found - Correlation ID: Not Available - Trace ID: Not Available`
 * - 400 App Service `{"statusCode":400,"message":"Unable to load the proper Managed Identity.","correlationId":C}`:
 *   `ManagedIdentityCredential: Authentication failed. Message : Error(s): Not Available - Timestamp: Not Available -
 *   Description: Unable to load the proper Managed Identity. - Correlation ID: C - Trace ID: Not Available`
 *   (no `error` field, so the code before the colon is empty)
 * - 500 with a JSON body: the same layout with the body's code (`unknown_error`, App Service: empty, Service Fabric:
 *   `error.code`) and description; Service Fabric's nested `error.correlationId` is not picked up ("Not Available").
 * - 502 / 504 with an HTML body, any non-JSON body (e.g. a 403 "unreachable" page), a refused connection, or an
 *   untrusted TLS certificate: `ManagedIdentityCredential: Network unreachable. Message: network_error: See
 *   https://aka.ms/msal.js.errors#network_error for details`
 * - Arc 401 challenges: `ManagedIdentityCredential: Authentication failed. Message <code>: <msal-node text>` with
 *   www_authenticate_header_missing, invalid_file_path (file outside /var/opt/azcmagent/tokens/),
 *   invalid_file_extension (not `.key`, also a realm that is not a path), unable_to_read_secret_file (missing file),
 *   user_assigned_managed_identity_not_confirmed (user-assigned token without `client_id` echoed).
 * - DefaultAzureCredential, IMDS probe fails (proxy refused), gets no answer within 1 s, or gets a 403 whose body
 *   says "unreachable" (Docker Desktop): the aggregate's line is
 *   `CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message Attempted to use the IMDS
 *   endpoint, but it is not available.`
 * - DefaultAzureCredential with AZURE_POD_IDENTITY_AUTHORITY_HOST at a closed port: no probe is sent (identity assumes
 *   the host exists); the line is the network_error one above.
 * - IMDS answers the probe but never the token: getToken does not settle (nothing in identity times it out).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DefaultAzureCredential, ManagedIdentityCredential } from "@azure/identity";
import { isolateEnv, type IsolatedEnv } from "./env.js";
import {
  arcChallenge,
  ARC_TOKENS_DIR,
  closedPort,
  forgetManagedIdentityState,
  gatewayError,
  hang,
  identityNotFound,
  MANAGED_IDENTITY,
  probeOnlyThenHang,
  raw,
  serverError,
  startFakeManagedIdentity,
  token,
  trustTestCaHttpClient,
  type FakeManagedIdentity,
  type ManagedIdentityKind,
} from "./fakeManagedIdentity.js";
import { LAB } from "./tokens.js";

const ARM_SCOPE = "https://management.azure.com/.default";
const ARM = "https://management.azure.com";
const NETWORK_UNREACHABLE =
  "ManagedIdentityCredential: Network unreachable. Message: network_error: See https://aka.ms/msal.js.errors#network_error for details";
const IMDS_NOT_AVAILABLE =
  "CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message Attempted to use the IMDS endpoint, but it is not available.";
const LAB_500_TEXT = "The lab token service failed while fetching the token.";

/** What identity says for an msal-node ServerError built from an error body. */
function serverErrorMessage(code: string, description: string, correlationId = "Not Available"): string {
  return `ManagedIdentityCredential: Authentication failed. Message ${code}: Error(s): Not Available - Timestamp: Not Available - Description: ${description} - Correlation ID: ${correlationId} - Trace ID: Not Available`;
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

function decodeClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

interface SourceCase {
  kind: ManagedIdentityKind;
  method: "GET" | "POST";
  apiVersion: string | undefined;
  /** Headers msal-node must send, besides the defaults. */
  headers: Record<string, string>;
  /** Whether a user-assigned id can be given at runtime (Cloud Shell and Service Fabric refuse it). */
  userAssigned: boolean;
  /** The identity-not-found reply's message. */
  notFound: (fake: FakeManagedIdentity) => string;
  /** The 500 reply's message. */
  serverError: (fake: FakeManagedIdentity) => string;
}

const IMDS_NOT_FOUND = serverErrorMessage("invalid_request", "Identity not found");

const SOURCES: SourceCase[] = [
  {
    kind: "imds",
    method: "GET",
    apiVersion: "2018-02-01",
    headers: { metadata: "true" },
    userAssigned: true,
    notFound: () => IMDS_NOT_FOUND,
    serverError: () => serverErrorMessage("unknown_error", LAB_500_TEXT),
  },
  {
    kind: "appService",
    method: "GET",
    apiVersion: "2019-08-01",
    headers: { "x-identity-header": MANAGED_IDENTITY.identityHeader },
    userAssigned: true,
    notFound: (fake) =>
      serverErrorMessage("", "Unable to load the proper Managed Identity.", correlationIdOf(fake)),
    serverError: (fake) => serverErrorMessage("", LAB_500_TEXT, correlationIdOf(fake)),
  },
  {
    kind: "arc",
    method: "GET",
    apiVersion: "2020-06-01",
    headers: { metadata: "true" },
    userAssigned: true,
    notFound: () => IMDS_NOT_FOUND,
    serverError: () => serverErrorMessage("unknown_error", LAB_500_TEXT),
  },
  {
    kind: "cloudShell",
    method: "POST",
    apiVersion: undefined,
    headers: { metadata: "true" },
    userAssigned: false,
    notFound: () => IMDS_NOT_FOUND,
    serverError: () => serverErrorMessage("unknown_error", LAB_500_TEXT),
  },
  {
    kind: "serviceFabric",
    method: "GET",
    apiVersion: "2019-07-01-preview",
    headers: { secret: MANAGED_IDENTITY.identityHeader },
    userAssigned: false,
    notFound: () =>
      serverErrorMessage(
        "ManagedIdentityNotFound",
        "The lab cluster has no managed identity for this application.",
      ),
    serverError: () => serverErrorMessage("InternalServerError", LAB_500_TEXT),
  },
];

/** The correlation id of the last JSON answer the fake sent (App Service bodies carry one). */
function correlationIdOf(fake: FakeManagedIdentity): string {
  const last = fake.responses.at(-1);
  const body = JSON.parse(last?.body ?? "{}") as { correlationId?: string };
  return body.correlationId ?? "?";
}

describe.each(SOURCES)("fake $kind managed identity endpoint", (source) => {
  let fake: FakeManagedIdentity;
  let env: IsolatedEnv;

  beforeAll(async () => {
    fake = await startFakeManagedIdentity({ kind: source.kind });
  });
  beforeEach(() => {
    fake.reset();
    env = isolateEnv(fake.env);
  });
  afterEach(() => {
    env.restore();
  });
  afterAll(async () => {
    await fake.close();
  });

  /** Service Fabric is https with the lab certificate; ManagedIdentityCredential only takes trust through httpClient. */
  function credential(options: { clientId?: string } = {}): ManagedIdentityCredential {
    const trust = source.kind === "serviceFabric" ? trustTestCaHttpClient() : {};
    return new ManagedIdentityCredential({ retryOptions: { maxRetries: 0 }, ...trust, ...options });
  }

  /** The request that carried the token ask (Arc's first try is unauthenticated and gets the challenge). */
  function tokenRequest() {
    return fake.requests.at(-1);
  }

  it("hands the system-assigned identity's token to ManagedIdentityCredential", async () => {
    const result = await credential().getToken(ARM_SCOPE);

    expect(result.token).toBe(fake.issuedTokens[0]);
    expect(fake.issuedTokens).toHaveLength(1);
    const claims = decodeClaims(result.token);
    expect(claims).toMatchObject({
      aud: ARM,
      appid: MANAGED_IDENTITY.systemAssignedClientId,
      oid: MANAGED_IDENTITY.systemAssignedObjectId,
      idtyp: "app",
    });
    expect(claims.xms_mirid).toMatch(/^\/subscriptions\/[^/]+\/resourcegroups\/lab-rg\/providers\//);
    expect(result.expiresOnTimestamp).toBeGreaterThan(Date.now() + 80_000_000);
    const request = tokenRequest();
    expect(request?.method).toBe(source.method);
    expect(request?.headers).toMatchObject(source.headers);
    if (source.method === "GET") {
      expect(request?.query).toEqual({ "api-version": source.apiVersion, resource: ARM });
    } else {
      expect(request?.form).toEqual({ resource: ARM });
    }
  });

  if (source.userAssigned) {
    it("hands a user-assigned identity's token when asked by client id", async () => {
      const result = await credential({ clientId: LAB.managedIdentityClientId }).getToken(ARM_SCOPE);

      expect(result.token).toBe(fake.issuedTokens[0]);
      expect(decodeClaims(result.token)).toMatchObject({
        appid: LAB.managedIdentityClientId,
        xms_mirid: MANAGED_IDENTITY.userAssignedResourceId,
      });
      expect(tokenRequest()?.query).toEqual({
        "api-version": source.apiVersion,
        resource: ARM,
        client_id: LAB.managedIdentityClientId,
      });
    });
  } else {
    it("is refused a user-assigned client id by identity before any request", () => {
      let thrown: unknown;
      try {
        credential({ clientId: LAB.managedIdentityClientId });
      } catch (error) {
        thrown = error;
      }

      expect(thrown).toMatchObject({ name: "CredentialUnavailableError" });
      expect((thrown as Error).message).toMatch(/^ManagedIdentityCredential: Specifying a /);
      expect(fake.requests).toHaveLength(0);
    });
  }

  it("refuses an identity it does not have with a 400 that identity reports as unavailable", async () => {
    fake.respond(identityNotFound());

    const error = await rejection(credential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(source.notFound(fake));
    expect(fake.responses.at(-1)?.status).toBe(400);
  });

  it("answers 500 with its own error layout", async () => {
    fake.respond(serverError());

    const error = await rejection(credential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(source.serverError(fake));
    expect(fake.responses.at(-1)?.status).toBe(500);
  });

  it.each([502, 504] as const)("fails with a gateway's %i page as a network error", async (status) => {
    fake.respond(gatewayError(status));

    const error = await rejection(credential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(NETWORK_UNREACHABLE);
    expect(fake.responses.at(-1)?.status).toBe(status);
  });
});

describe("fake IMDS specifics", () => {
  let env: IsolatedEnv | undefined;
  afterEach(() => {
    env?.restore();
    env = undefined;
  });

  it("is addressed through AZURE_POD_IDENTITY_AUTHORITY_HOST with a trailing slash on the token path", async () => {
    const fake = await startFakeManagedIdentity({ kind: "imds" });
    env = isolateEnv(fake.env);
    try {
      await new ManagedIdentityCredential({ retryOptions: { maxRetries: 0 } }).getToken(ARM_SCOPE);
      expect(fake.requests.map((r) => r.path)).toEqual(["/metadata/identity/oauth2/token/"]);
      expect(fake.requests[0]?.headers).toMatchObject({ "x-client-sku": "msal.js.node" });
    } finally {
      await fake.close();
    }
  });

  it("answers a raw non-JSON body, which identity also calls a network error", async () => {
    const fake = await startFakeManagedIdentity({ kind: "imds" });
    env = isolateEnv(fake.env);
    fake.respond(
      raw(403, "A socket operation was attempted to an unreachable network.", {
        "content-type": "text/plain",
      }),
    );
    try {
      const error = await rejection(
        new ManagedIdentityCredential({ retryOptions: { maxRetries: 0 } }).getToken(ARM_SCOPE),
      );
      expect(error.name).toBe("CredentialUnavailableError");
      expect(error.message).toBe(NETWORK_UNREACHABLE);
    } finally {
      await fake.close();
    }
  });
});

describe("fake Azure Arc challenge", () => {
  let fake: FakeManagedIdentity;
  let env: IsolatedEnv;

  beforeAll(async () => {
    fake = await startFakeManagedIdentity({ kind: "arc" });
  });
  beforeEach(() => {
    fake.reset();
    env = isolateEnv(fake.env);
  });
  afterEach(() => {
    env.restore();
  });
  afterAll(async () => {
    await fake.close();
  });

  const credential = (clientId?: string) =>
    new ManagedIdentityCredential({
      retryOptions: { maxRetries: 0 },
      ...(clientId === undefined ? {} : { clientId }),
    });

  it("makes msal-node read the key file the 401 names and retry with its secret", async () => {
    await credential().getToken(ARM_SCOPE);

    expect(fake.arcKey?.path.startsWith(ARC_TOKENS_DIR)).toBe(true);
    expect(fake.responses.map((r) => r.status)).toEqual([401, 200]);
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
    expect(fake.requests[1]?.headers.authorization).toBe(`Basic ${fake.arcKey?.secret ?? "?"}`);
  });

  it.each([
    [
      null,
      "www_authenticate_header_missing: A 401 response was received from the Azure Arc Managed Identity, but the www-authenticate header is missing.",
    ],
    [
      "/tmp/lab.key",
      "invalid_file_path: The file path in the WWW-Authenticate header is not in a valid Windows or Linux Format.",
    ],
    [
      `${ARC_TOKENS_DIR}lab.txt`,
      "invalid_file_extension: The file path in the WWW-Authenticate header does not contain a .key file.",
    ],
    [`${ARC_TOKENS_DIR}lab-missing.key`, "unable_to_read_secret_file: Unable to read the secret file."],
  ])("refuses the challenge realm %s with msal-node's own error", async (realm, text) => {
    fake.respond(arcChallenge(realm));

    const error = await rejection(credential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(`ManagedIdentityCredential: Authentication failed. Message ${text}`);
    expect(fake.issuedTokens).toHaveLength(0);
  });

  it("fails closed when the agent does not echo the user-assigned client id", async () => {
    fake.respond(token({ fields: { client_id: undefined } }));

    const error = await rejection(credential(LAB.managedIdentityClientId).getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(
      "ManagedIdentityCredential: Authentication failed. Message user_assigned_managed_identity_not_confirmed: Azure Arc did not confirm the requested user-assigned managed identity in the token response. The agent likely does not support user-assigned managed identity and returned the system-assigned identity.",
    );
  });
});

describe("fake Service Fabric TLS", () => {
  let fake: FakeManagedIdentity;
  let env: IsolatedEnv;

  beforeAll(async () => {
    fake = await startFakeManagedIdentity({ kind: "serviceFabric" });
  });
  beforeEach(() => {
    fake.reset();
    env = isolateEnv(fake.env);
  });
  afterEach(() => {
    env.restore();
  });
  afterAll(async () => {
    await fake.close();
  });

  it("publishes its certificate's SHA-1 thumbprint, which msal-node never checks", async () => {
    expect(fake.env.IDENTITY_SERVER_THUMBPRINT).toMatch(/^[0-9A-F]{40}$/);
    env.set({ IDENTITY_SERVER_THUMBPRINT: "0".repeat(40) });

    const result = await new ManagedIdentityCredential({
      retryOptions: { maxRetries: 0 },
      ...trustTestCaHttpClient(),
    }).getToken(ARM_SCOPE);

    expect(result.token).toBe(fake.issuedTokens[0]);
  });

  it("is a network error for a credential that does not trust the certificate", async () => {
    const error = await rejection(
      new ManagedIdentityCredential({ retryOptions: { maxRetries: 0 } }).getToken(ARM_SCOPE),
    );

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(NETWORK_UNREACHABLE);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("DefaultAzureCredential and IMDS", () => {
  let env: IsolatedEnv | undefined;
  // msal-node keeps the first source it picks for the whole process; each case starts from none.
  beforeEach(() => {
    forgetManagedIdentityState();
  });
  afterEach(() => {
    env?.restore();
    env = undefined;
  });

  /** Only ManagedIdentityCredential can answer: no AZURE_* variables and an empty PATH (no az, azd, pwsh). */
  const defaultCredential = () => new DefaultAzureCredential({ retryOptions: { maxRetries: 0 } });

  it("skips the probe for AZURE_POD_IDENTITY_AUTHORITY_HOST, so a closed port is reported as a network error", async () => {
    env = isolateEnv({ AZURE_POD_IDENTITY_AUTHORITY_HOST: await closedPort() });

    const error = await rejection(defaultCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("AggregateAuthenticationError");
    expect(error.message).toContain(`CredentialUnavailableError: ${NETWORK_UNREACHABLE}`);
    expect(error.message).not.toContain("Attempted to use the IMDS endpoint");
  });

  it("sends no probe to AZURE_POD_IDENTITY_AUTHORITY_HOST, only the token request", async () => {
    const fake = await startFakeManagedIdentity({ kind: "imds" });
    env = isolateEnv(fake.env);
    try {
      const result = await defaultCredential().getToken(ARM_SCOPE);

      expect(result.token).toBe(fake.issuedTokens[0]);
      expect(fake.requests.map((r) => r.isProbe)).toEqual([false]);
    } finally {
      await fake.close();
    }
  });

  it("reports IMDS as not available when the probe cannot connect", async () => {
    // identity addresses 169.254.169.254; the proxy variable routes it to a closed loopback port instead.
    env = isolateEnv({ HTTP_PROXY: await closedPort() });

    const error = await rejection(defaultCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("AggregateAuthenticationError");
    expect(error.message).toContain(IMDS_NOT_AVAILABLE);
  });

  it("reports IMDS as not available when the probe gets no answer within a second", async () => {
    const fake = await startFakeManagedIdentity({ kind: "imds" });
    env = isolateEnv(fake.proxyEnv);
    fake.respond(hang(), { endpoint: "probe" });
    try {
      const started = Date.now();
      const error = await rejection(defaultCredential().getToken(ARM_SCOPE));

      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(error.message).toContain(IMDS_NOT_AVAILABLE);
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]).toMatchObject({ isProbe: true, host: "169.254.169.254", query: {} });
    } finally {
      await fake.close();
    }
  });

  it("takes a 403 probe answer that mentions an unreachable network as IMDS not available", async () => {
    const fake = await startFakeManagedIdentity({ kind: "imds" });
    env = isolateEnv(fake.proxyEnv);
    fake.respond(raw(403, "A socket operation was attempted to an unreachable network."), {
      endpoint: "probe",
    });
    try {
      const error = await rejection(defaultCredential().getToken(ARM_SCOPE));

      expect(error.message).toContain(IMDS_NOT_AVAILABLE);
      expect(fake.requests.map((r) => r.isProbe)).toEqual([true]);
    } finally {
      await fake.close();
    }
  });

  it("gets a token after the probe when IMDS answers both", async () => {
    const fake = await startFakeManagedIdentity({ kind: "imds" });
    env = isolateEnv(fake.proxyEnv);
    try {
      const result = await defaultCredential().getToken(ARM_SCOPE);

      expect(result.token).toBe(fake.issuedTokens[0]);
      expect(fake.requests.map((r) => [r.isProbe, r.host, r.path])).toEqual([
        [true, "169.254.169.254", "/metadata/identity/oauth2/token"],
        [false, "169.254.169.254", "/metadata/identity/oauth2/token"],
      ]);
      expect(fake.responses[0]).toEqual({
        status: 400,
        body: '{"error":"bad_request_102","error_description":"Required metadata header not specified"}',
      });
    } finally {
      await fake.close();
    }
  });

  it("waits without end when IMDS answers the probe but never the token request", async () => {
    const fake = await startFakeManagedIdentity({ kind: "imds" });
    env = isolateEnv(fake.proxyEnv);
    fake.respond(probeOnlyThenHang());
    const pending = defaultCredential().getToken(ARM_SCOPE);
    // Once the fake closes the hung request fails; that late outcome is not what this test is about.
    pending.catch(() => undefined);
    try {
      const outcome = await Promise.race([
        pending.then(
          () => "resolved",
          () => "rejected",
        ),
        new Promise<string>((resolve) => {
          setTimeout(() => {
            resolve("still pending");
          }, 2_000);
        }),
      ]);

      expect(outcome).toBe("still pending");
      expect(fake.requests.map((r) => r.isProbe)).toEqual([true, false]);
      expect(fake.requests[1]?.headers.metadata).toBe("true");
      expect(fake.issuedTokens).toHaveLength(0);
    } finally {
      await fake.close();
    }
  });
});
