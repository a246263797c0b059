import { Buffer } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHttpHeaders, createPipelineRequest, RestError } from "@azure/core-rest-pipeline";
import { explainAuthError, redactSecrets, renderDiagnosis } from "../../../src/index.js";
import { redactErrorText } from "../../../src/diagnosis/attach.js";
import { MAX_TEXT_LENGTH } from "../../../src/diagnosis/normalise.js";
import { describeSecretShape, REDACTION_FAILED } from "../../../src/diagnosis/redact.js";
import { EventDispatcher } from "../../../src/events/emit.js";
import type { DiagnosticEvent } from "../../../src/events/types.js";

const JWT =
  "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tLyIsInRpZCI6IjAwMDAifQ.c2lnbmF0dXJlLW9mLWEtZmFrZS10b2tlbg";
const CLIENT_SECRET = "Abc8Q~lab-secret-value-0123456789abcdefghij";
const SYSTEM_ACCESS_TOKEN = "system-access-token-7f3c9a1e2b4d";

/** Each secret shape, in a place it really hides. `secret` must not survive redaction. */
const CASES: { label: string; text: string; secret: string }[] = [
  { label: "a JWT on its own", text: `token was ${JWT} and more`, secret: JWT },
  {
    label: "a Bearer header value",
    text: "Authorization: Bearer opaque-token-123",
    secret: "opaque-token-123",
  },
  {
    label: "a lower-case bearer in prose",
    text: "sent bearer opaque-token-456 to the API",
    secret: "opaque-token-456",
  },
  {
    label: "client_secret in a form body",
    text: `grant_type=client_credentials&client_secret=${CLIENT_SECRET}&scope=x`,
    secret: CLIENT_SECRET,
  },
  {
    label: "an Entra client secret value alone",
    text: `the secret ${CLIENT_SECRET} was wrong`,
    secret: CLIENT_SECRET,
  },
  {
    label: "password= in a connection string",
    text: "Server=x;User Id=u;Password=hunter2-lab;",
    secret: "hunter2-lab",
  },
  {
    label: "a SAS sig= in a URL",
    text: "https://acct.blob.core.windows.net/c/b?sv=2022&sig=abcDEF123%2Bsig&se=1",
    secret: "abcDEF123%2Bsig",
  },
  { label: "client_assertion in a form body", text: `client_assertion=${JWT}&client_id=1`, secret: JWT },
  {
    label: "identity 4.13.1's pipelines message with the request headers as JSON",
    text: `AzurePipelinesCredential: Authentication Failed. oidcToken field not detected in the response. {"request":{"headers":{"authorization":"Bearer ${SYSTEM_ACCESS_TOKEN}","content-type":"application/json"}}}`,
    secret: SYSTEM_ACCESS_TOKEN,
  },
  {
    label: "an access token as a JSON property",
    text: `{"accessToken":"opaque-access-999","expiresOn":"x"}`,
    secret: "opaque-access-999",
  },
  {
    label: "a refresh token as a JSON property",
    text: `{"refresh_token":"0.AAAA-refresh-lab"}`,
    secret: "0.AAAA-refresh-lab",
  },
  {
    label: "a PEM private key",
    text: "key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\nend",
    secret: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
  },
  {
    label: "an unterminated PEM private key",
    text: "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAlabkey",
    secret: "MIIEowIBAAKCAQEAlabkey",
  },
];

describe("redactSecrets", () => {
  it.each(CASES)("removes $label", ({ text, secret }) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain("[REDACTED");
  });

  it("keeps the facts a diagnosis needs", () => {
    const text =
      "invalid_client: AADSTS7000215: Invalid client secret provided. Trace ID: 03da4b8e-5ffe-48ca-9754-aff4276f0100 Correlation ID: 7b12f9bb-2eef-42e3-ad75-eee69ec9088d";
    expect(redactSecrets(text)).toBe(text);
  });

  it("leaves a www-authenticate challenge's parameters readable", () => {
    const text =
      'www-authenticate: Bearer authorization_uri="https://login.microsoftonline.com/t", error="invalid_token"';
    expect(redactSecrets(text)).toContain('error="invalid_token"');
  });

  it.each(CASES)("no output of explainAuthError or renderDiagnosis contains $label", ({ text, secret }) => {
    const d = explainAuthError(new Error(`AADSTS7000215: rejected. ${text}`));
    expect(JSON.stringify(d)).not.toContain(secret);
    expect(renderDiagnosis(d, { includeMessage: true })).not.toContain(secret);
  });
});

const SHORT_JWT = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJsYWIifQ.c2lnbmF0dXJl";

/** The words the redaction patterns key on, in odd cases and shapes, with values after them and noise around. */
const piece = fc.oneof(
  fc.constantFrom(
    "Authorization: ",
    "AUTHORIZATION:",
    "x-ms-authorization-auxiliary: ",
    "Set-Cookie: ",
    "cookie:",
  ),
  fc.constantFrom("X-Identity-Header: ", "x-ms-token-aad-id-token: ", "Bearer ", "bearer+", "BEARER\t"),
  fc.constantFrom(SHORT_JWT, `\\n${SHORT_JWT}`, `"${SHORT_JWT}"`, "EYJ", "eyj"),
  fc.constantFrom(
    "client_secret=",
    "Client_Secret=",
    "sig=",
    "password=",
    "System.AccessToken=",
    "&pwd=",
    "key=",
  ),
  fc.constantFrom(
    "opaque-value-1",
    "Abc8Q~lab-secret-value-0123456789",
    " ",
    "\n",
    "=",
    "[",
    "]",
    '"',
    "İ",
    "K",
  ),
  fc.string({ minLength: 1, maxLength: 4 }),
);

// A diagnosis redacts its message with redactSecrets itself: any message, however its secrets are shaped.
describe("redaction inside a diagnosis", () => {
  it("removes everything redactSecrets removes, from any message", () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }), (pieces) => {
        const text = `Error: ${pieces.join("")}`;
        const error = Object.assign(new Error(text), { name: "CredentialUnavailableError" });
        expect(explainAuthError(error).message).toBe(redactSecrets(text));
      }),
      { numRuns: 1500 },
    );
  });
});

describe("redactSecrets fails closed and stays bounded", () => {
  it("hides `eyJ` followed by 5.6 million token characters, without overflowing the stack", () => {
    for (const fill of ["a", "Xy9-_Qk2"]) {
      const text = `eyJ${fill.repeat(Math.ceil(5_600_000 / fill.length))}`;
      const out = redactSecrets(text);
      expect(out).not.toBe(text);
      expect(out).not.toContain(text.slice(2_000_000, 2_000_012));
      expect(out).not.toBe(REDACTION_FAILED);
    }
  });

  it("replaces a value it cannot read instead of returning it", () => {
    expect(redactSecrets(42 as unknown as string)).toBe(REDACTION_FAILED);
    expect(redactSecrets({ toString: () => "client_secret=abc" } as unknown as string)).toBe(
      REDACTION_FAILED,
    );
  });

  it("keeps stack frame positions and file names that hold a secret's word", () => {
    const frame =
      "    at getToken (file:///app/node_modules/@azure/identity/dist/esm/credentials/clientSecretCredential.js:60:19)";
    expect(redactSecrets(frame)).toBe(frame);
  });

  it("hides text glued to a closing quote, as util.inspect prints an escaped quote", () => {
    const out = redactSecrets(`correlationId: 'export DB_PASSWORD="Ebot30xOlsQg\\\\"noBmv5UOIug6"'`);
    expect(out).not.toContain("Ebot30xOlsQg");
    expect(out).not.toContain("noBmv5UOIug6");
  });

  it("hides a token's header or payload standing alone, and keeps base64 of a refusal", () => {
    const [header = "", payload = ""] = JWT.split(".");
    expect(redactSecrets(`got ${header} then`)).not.toContain(header);
    expect(redactSecrets(`got ${payload} then`)).not.toContain(payload);
    const refusal = Buffer.from('{"error":"invalid_client","error_codes":[7000215]}').toString("base64");
    expect(redactSecrets(`body ${refusal}`)).toContain(refusal);
  });

  it("keeps brackets and commas inside a value after `=`, and the bracket that closes around it", () => {
    const out = redactSecrets("(AZURE_CLIENT_SECRET=FAKE_.legacy-[sec]:ret@0123,4567=) next");
    expect(out).toBe("(AZURE_CLIENT_SECRET=[REDACTED]) next");
  });
});

describe("redactErrorText (what DiagnosticCredential rethrows)", () => {
  it("redacts the bearer header of a failed request that identity attached as a pipeline request", () => {
    // identity 4.14 attaches the failed request, HttpHeaders and all, to the error it throws.
    const request = createPipelineRequest({
      url: "https://127.0.0.1:1/org/_apis/oidctoken",
      headers: createHttpHeaders({
        authorization: `Bearer ${SYSTEM_ACCESS_TOKEN}`,
        "content-type": "application/json",
      }),
    });
    const error = new RestError("connect ECONNREFUSED 127.0.0.1:1", { code: "ECONNREFUSED", request });
    redactErrorText(error);
    expect(JSON.stringify(request.headers.toJSON())).not.toContain(SYSTEM_ACCESS_TOKEN);
    expect(request.headers.get("content-type")).toBe("application/json");
  });

  it("cuts a 10 MB message before redacting it, and leaves no secret in it", () => {
    const secret = "Abc8Q~fake-secret-value-0123456789abcdefghij";
    const error = new Error(`client_secret=${secret} `.repeat(200_000));
    const start = performance.now();
    redactErrorText(error);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(error.message.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(error.message).not.toContain(secret);
  });

  it("replaces what is past its budget: no member of a huge aggregate keeps a secret", () => {
    const secret = (i: number): string =>
      `Zq${String(i).padStart(4, "0")}Q~member-secret-value-abcdefghijklmnop`;
    const members = Array.from(
      { length: 300 },
      (_, i) => new Error(`client_secret=${secret(i)} ${"padding ".repeat(4000)}`),
    );
    const aggregate = Object.assign(new Error("ChainedTokenCredential authentication failed."), {
      errors: members,
    });
    redactErrorText(aggregate);
    const texts = (aggregate.errors as unknown[]).map((m) =>
      typeof m === "string" ? m : `${(m as Error).message}\n${(m as Error).stack ?? ""}`,
    );
    texts.forEach((text, i) => {
      expect(text).not.toContain(secret(i));
    });
  });

  it("redacts a cause 70 levels deep, and replaces one deeper than it reads", () => {
    const secret = "Abc8Q~deep-cause-secret-0123456789abcdefghij";
    let error: Error = new Error(`client_secret=${secret}`);
    for (let depth = 0; depth < 300; depth++) error = new Error(`wrapper ${depth}`, { cause: error });
    redactErrorText(error);
    const seen: string[] = [];
    for (let e: unknown = error; e !== undefined; e = (e as { cause?: unknown }).cause) {
      seen.push(typeof e === "string" ? e : (e as Error).message);
      if (typeof e === "string") break;
    }
    expect(seen.join("\n")).not.toContain(secret);
  });
});

describe("EventDispatcher", () => {
  it("drops an event it cannot redact rather than delivering it unredacted", () => {
    const received: unknown[] = [];
    const dispatcher = new EventDispatcher((event) => received.push(event), false);
    const hostile = {
      type: "token.warning",
      get message(): string {
        throw new Error("getter");
      },
    };
    dispatcher.emit(hostile as unknown as DiagnosticEvent);
    expect(received).toEqual([]);
  });
});

describe("describeSecretShape", () => {
  const PEM_KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
  it.each([
    ["a PEM private key pasted where a path belongs", PEM_KEY, "pem-private-key"],
    [
      "a certificate",
      "-----BEGIN CERTIFICATE-----\nMIIDazCCAlOgAwIBAgIU\n-----END CERTIFICATE-----",
      "pem-certificate",
    ],
    ["a JWT pasted where a token file's path belongs", JWT, "jwt"],
    ["a JWT wrapped over lines", JWT.replace(/(.{40})/g, "$1\n"), "jwt"],
    ["an Entra client secret", CLIENT_SECRET, "client-secret"],
    [
      "base64 of a PFX file",
      Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)).toString("base64"),
      "base64-blob",
    ],
    ["a random token", "q8ZrT2vLw9XkP4mN7bY3cJ6h", "secret-like"],
    ["a path", "/var/run/secrets/azure/tokens/azure-identity-token", "path"],
    ["a Windows path", "C:\\certs\\app.pem", "path"],
    ["nothing", "  ", "empty"],
    ["a word", "production", "text"],
  ])("recognises %s", (_label, value, shape) => {
    const described = describeSecretShape(value);
    expect(described.shape).toBe(shape);
    if (!described.printable) expect(described.description).not.toContain(value.trim().slice(0, 12));
  });

  it("never prints a secret's shape as printable, and never throws", () => {
    for (const value of [PEM_KEY, JWT, CLIENT_SECRET])
      expect(describeSecretShape(value).printable).toBe(false);
    expect(describeSecretShape(undefined as unknown as string).shape).toBe("empty");
  });
});
