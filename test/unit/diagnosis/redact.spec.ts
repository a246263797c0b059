import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainAuthError, redactSecrets, renderDiagnosis } from "../../../src/index.js";

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
