import { describe, expect, it } from "vitest";
import {
  AggregateAuthenticationError,
  AuthenticationError,
  CredentialUnavailableError,
} from "@azure/identity";
import { createHttpHeaders, createPipelineRequest, RestError } from "@azure/core-rest-pipeline";
import { DIAGNOSIS_CATEGORIES, explainAuthError, renderDiagnosis, type Diagnosis } from "../../src/index.js";

const TRACE = "03da4b8e-5ffe-48ca-9754-aff4276f0100";
const CORRELATION = "7b12f9bb-2eef-42e3-ad75-eee69ec9088d";

/** Every key of a Diagnosis, with the type JSON gives it. */
function expectValidDiagnosis(d: Diagnosis): void {
  expect(typeof d.summary).toBe("string");
  expect(d.summary.length).toBeGreaterThan(0);
  expect(DIAGNOSIS_CATEGORIES).toContain(d.category);
  expect(Array.isArray(d.stsCodes)).toBe(true);
  expect(Array.isArray(d.credentials)).toBe(true);
  expect(Array.isArray(d.attempts)).toBe(true);
  expect(Array.isArray(d.matches)).toBe(true);
  expect(typeof d.retryable).toBe("boolean");
  expect(typeof d.message).toBe("string");
  // JSON-serialisable without loss: every key survives, nothing is undefined.
  expect(JSON.parse(JSON.stringify(d))).toEqual(d);
}

describe("explainAuthError never throws", () => {
  const circular: { name: string; message: string; cause?: unknown } = { name: "Error", message: "loop" };
  circular.cause = circular;
  let deep: unknown = new Error("bottom");
  for (let i = 0; i < 10_000; i++) deep = new Error(`level ${i}`, { cause: deep });
  const throwingGetters = Object.defineProperty({}, "message", {
    get() {
      throw new Error("getter exploded");
    },
  });
  const hostileProxy = new Proxy(
    {},
    {
      get() {
        throw new Error("trap");
      },
      getOwnPropertyDescriptor() {
        throw new Error("trap");
      },
      ownKeys() {
        throw new Error("trap");
      },
    },
  );

  const inputs: [string, unknown][] = [
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["a symbol", Symbol("x")],
    ["a bigint", 10n],
    ["a function", () => 1],
    ["an empty string", ""],
    ["a circular cause chain", circular],
    ["a 10,000-deep cause chain", deep],
    ["an object whose getters throw", throwingGetters],
    ["a proxy whose traps throw", hostileProxy],
    ["a frozen error", Object.freeze(new Error("frozen AADSTS50126"))],
    ["a non-string message and name", { name: 7, message: { nested: true }, errors: "not an array" }],
    [
      "an aggregate with hostile members",
      { name: "AggregateAuthenticationError", message: "x", errors: [hostileProxy, null, 3] },
    ],
    ["a 10 MB string", "AADSTS50126 ".repeat(900_000)],
    ["lone surrogates", "\ud800AADSTS7000215\udfff"],
  ];

  it.each(inputs)("returns a valid diagnosis for %s", (_label, input) => {
    const d = explainAuthError(input);
    expectValidDiagnosis(d);
  });
});

describe("facts from the real @azure/identity error classes", () => {
  it("reads statusCode and errorResponse of an AuthenticationError built from an STS body", () => {
    const err = new AuthenticationError(401, {
      error: "invalid_client",
      error_description: `AADSTS7000215: Invalid client secret provided.\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2022-03-02 18:25:26Z`,
      error_codes: [7000215],
      timestamp: "2022-03-02 18:25:26Z",
      trace_id: TRACE,
      correlation_id: CORRELATION,
    });
    const d = explainAuthError(err);
    expectValidDiagnosis(d);
    expect(d.errorName).toBe("AuthenticationError");
    expect(d.stsCode).toBe("AADSTS7000215");
    expect(d.oauthError).toBe("invalid_client");
    expect(d.httpStatus).toBe(401);
    expect(d.correlationId).toBe(CORRELATION);
    expect(d.traceId).toBe(TRACE);
    expect(d.timestamp).toBe("2022-03-02 18:25:26Z");
    expect(d.category).toBe("credential-invalid");
    expect(d.lookupUrl).toBe("https://login.microsoftonline.com/error?code=7000215");
  });

  it("explains each member of an AggregateAuthenticationError and leads with the one that failed", () => {
    const err = new AggregateAuthenticationError(
      [
        new CredentialUnavailableError(
          "EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.",
        ),
        new CredentialUnavailableError(
          "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
        ),
        Object.assign(
          new Error(
            `invalid_client: Error(s): 700016 - Timestamp: 2026-11-22 10:00:00Z - Description: AADSTS700016: Application with identifier '11111111-2222-3333-4444-555555555555' was not found in the directory 'contoso'. Trace ID: ${TRACE} Correlation ID: ${CORRELATION} Timestamp: 2026-11-22 10:00:00Z - Correlation ID: ${CORRELATION} - Trace ID: ${TRACE}`,
          ),
          { name: "AuthenticationRequiredError" },
        ),
      ],
      "ChainedTokenCredential authentication failed.",
    );
    const d = explainAuthError(err);
    expectValidDiagnosis(d);
    expect(d.attempts.map((a) => a.outcome)).toEqual(["unavailable", "unavailable", "failed"]);
    expect(d.attempts[0]?.credential).toBe("EnvironmentCredential");
    expect(d.attempts[1]?.credential).toBe("AzureCliCredential");
    // Only the classes the error names: the CLI member says "Azure CLI", not its class.
    expect(d.credentials).toEqual(["ChainedTokenCredential", "EnvironmentCredential"]);
    expect(d.stsCode).toBe("AADSTS700016");
    expect(d.category).toBe("app-not-found");
    expect(d.summary).toContain("AADSTS700016");
    expect(d.correlationId).toBe(CORRELATION);
  });

  it("reads a service's 403 from a real RestError: status, code, headers and body", () => {
    const body = JSON.stringify({
      error: {
        code: "AuthorizationFailed",
        message:
          "The client '11111111-2222-3333-4444-555555555555' with object id '11111111-2222-3333-4444-555555555555' does not have authorization to perform action 'Microsoft.Resources/subscriptions/read' over scope '/subscriptions/0000' or the scope is invalid.",
      },
    });
    const request = createPipelineRequest({ url: "https://127.0.0.1/subscriptions/0000" });
    const err = new RestError("The client does not have authorization", {
      statusCode: 403,
      code: "AuthorizationFailed",
      request,
      response: {
        status: 403,
        request,
        headers: createHttpHeaders({ "x-ms-correlation-request-id": CORRELATION }),
        bodyAsText: body,
      },
    });
    const d = explainAuthError(err);
    expectValidDiagnosis(d);
    expect(d.errorName).toBe("RestError");
    expect(d.httpStatus).toBe(403);
    expect(d.serviceErrorCode).toBe("AuthorizationFailed");
    expect(d.category).toBe("permission-denied");
    expect(d.tokenIdentity).toBeNull();
  });

  it("says who the refused token belongs to, without keeping the token", () => {
    const claims = {
      tid: "tenant-a",
      oid: "object-b",
      appid: "app-c",
      idtyp: "app",
      aud: "https://management.azure.com",
      upn: "someone@contoso.example",
    };
    const token = `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.c2lnbmF0dXJlLXZhbHVl`;
    const request = createPipelineRequest({
      url: "https://127.0.0.1/subscriptions/0000",
      headers: createHttpHeaders({ authorization: `Bearer ${token}` }),
    });
    const err = new RestError("Forbidden", {
      statusCode: 403,
      request,
      response: { status: 403, request, headers: createHttpHeaders(), bodyAsText: "" },
    });
    const d = explainAuthError(err);
    expect(d.tokenIdentity).toMatchObject({
      tenantId: "tenant-a",
      objectId: "object-b",
      appId: "app-c",
      identityType: "app",
      userName: null,
    });
    const everything = JSON.stringify(d) + renderDiagnosis(d);
    expect(everything).not.toContain(token.split(".")[1]);
    expect(everything).not.toContain("c2lnbmF0dXJlLXZhbHVl");
    expect(everything).not.toContain("someone@contoso.example");
    expect(renderDiagnosis(d)).toContain("object-b");
  });
});

describe("text pasted from other runtimes and tools", () => {
  it("Go: reads the status, the code and the credential from azidentity's block", () => {
    const go = [
      "ClientSecretCredential authentication failed",
      "POST https://login.microsoftonline.com/3c631bb7-a9f7-4343-a5ba-a615913/oauth2/v2.0/token",
      "--------------------------------------------------------------------------------",
      "RESPONSE 401 Unauthorized",
      "--------------------------------------------------------------------------------",
      "{",
      '  "error": "invalid_client",',
      `  "error_description": "AADSTS7000215: Invalid client secret provided.\\r\\nTrace ID: ${TRACE}\\r\\nCorrelation ID: ${CORRELATION}\\r\\nTimestamp: 2022-03-02 18:25:26Z",`,
      '  "error_codes": [7000215],',
      `  "trace_id": "${TRACE}",`,
      `  "correlation_id": "${CORRELATION}"`,
      "}",
      "--------------------------------------------------------------------------------",
      "To troubleshoot, visit https://aka.ms/azsdk/go/identity/troubleshoot#client-secret",
    ].join("\n");
    const d = explainAuthError(go);
    expect(d.runtime).toBe("go");
    expect(d.httpStatus).toBe(401);
    expect(d.stsCodes).toEqual(["AADSTS7000215"]);
    expect(d.credentials).toEqual(["ClientSecretCredential"]);
    expect(d.traceId).toBe(TRACE);
    expect(d.correlationId).toBe(CORRELATION);
    expect(d.category).toBe("credential-invalid");
  });

  it("Python: splits DefaultAzureCredential's attempted-credentials list into attempts", () => {
    const python = [
      "azure.core.exceptions.ClientAuthenticationError: DefaultAzureCredential failed to retrieve a token from the included credentials.",
      "Attempted credentials:",
      "\tEnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.",
      "\tManagedIdentityCredential: ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint.",
      "\tAzureCliCredential: Azure CLI not found on path",
      "To mitigate this issue, please refer to the troubleshooting guidelines here at https://aka.ms/azsdk/python/identity/defaultazurecredential/troubleshoot.",
    ].join("\n");
    const d = explainAuthError(python);
    expect(d.runtime).toBe("python");
    expect(d.attempts.map((a) => a.credential)).toEqual([
      "EnvironmentCredential",
      "ManagedIdentityCredential",
      "AzureCliCredential",
    ]);
    expect(d.attempts.every((a) => a.outcome === "unavailable")).toBe(true);
  });

  it(".NET: reads the credential and the code", () => {
    const dotnet = `Azure.Identity.AuthenticationFailedException: ClientSecretCredential authentication failed: AADSTS7000222: The provided client secret keys for app '11111111-2222-3333-4444-555555555555' are expired.\r\nTrace ID: ${TRACE}\r\nCorrelation ID: ${CORRELATION}\r\nTimestamp: 2026-11-22 10:00:00Z`;
    const d = explainAuthError(dotnet);
    expect(d.runtime).toBe("dotnet");
    expect(d.stsCode).toBe("AADSTS7000222");
    expect(d.credentials).toEqual(["ClientSecretCredential"]);
    expect(d.category).toBe("credential-expired");
    expect(d.timestamp).toBe("2026-11-22 10:00:00Z");
  });

  it("gives an AADSTS code no entry lists a general explanation and the lookup link", () => {
    const d = explainAuthError("AADSTS9999999: Something brand new went wrong.");
    expect(d.stsCode).toBe("AADSTS9999999");
    expect(d.matches[0]?.id).toBe("sts-code-unlisted");
    expect(d.matches[0]?.docs[0]).toBe("https://login.microsoftonline.com/error?code=9999999");
    expect(d.lookupUrl).toBe("https://login.microsoftonline.com/error?code=9999999");
  });

  it("keeps codes in order of appearance without repeats", () => {
    const d = explainAuthError("AADSTS50076: MFA required. Error(s): 50076, 50079 - then AADSTS50076 again");
    expect(d.stsCodes).toEqual(["AADSTS50076", "AADSTS50079"]);
  });
});
