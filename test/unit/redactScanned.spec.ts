/**
 * The diagnosis redacts a message with `redactScannedSecrets`, skipping patterns whose words its one pass over the
 * text did not find. That shortcut must never let through what `redactSecrets`, which runs every pattern, removes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainAuthError, redactSecrets } from "../../src/index.js";

const JWT = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJsYWIifQ.c2lnbmF0dXJl";

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
  fc.constantFrom(JWT, `\\n${JWT}`, `"${JWT}"`, "EYJ", "eyj"),
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
