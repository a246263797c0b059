import { describe, expect, it } from "vitest";
import { diagnose } from "../../../src/diagnosis/diagnose.js";
import { categoryOfStsCodeFamily } from "../../../src/diagnosis/families.js";

describe("recognition by family when no entry matches", () => {
  it.each([
    [
      "ManagedIdentityCredential: no default identity is assigned to this resource",
      "managed-identity-unavailable",
    ],
    [
      "Couldn't acquire access token from IMDS, verify your objectId, clientId or msiResourceId.",
      "managed-identity-unavailable",
    ],
    ["ManagedIdentityCredential: IMDS token request timed out", "imds-unreachable"],
    [
      "HTTPConnectionPool(host='169.254.169.254', port=80): Max retries exceeded with url: /metadata/identity/oauth2/token",
      "imds-unreachable",
    ],
    [
      "adal: Failed to execute the refresh request. Error = 'Post https://login.microsoftonline.com/t/oauth2/token: dial tcp: i/o timeout'",
      "network",
    ],
    ["spawn pwsh.exe ENOENT", "tool-missing"],
    [
      "TS003: Error, TS001: This account needs re-authentication. Please re-authenticate the account you want to use.",
      "not-logged-in",
    ],
    ["ERROR: Account has previously been signed out of this application.", "not-logged-in"],
    [
      "ADSTS50013: Assertion failed signature validation. [Reason - The provided signature value did not match]",
      "assertion-invalid",
    ],
    [
      "adal.adal_error.AdalError: Error:Invalid Certificate: Expected Start of Certificate to be '-----BEGIN'",
      "credential-invalid",
    ],
  ])("%j is %s", (text, category) => {
    const diagnosis = diagnose(text);
    expect(diagnosis.category).toBe(category);
    expect(diagnosis.matches[0]?.id).toMatch(/^family-/);
    expect(diagnosis.matches[0]?.mitigations.length).toBeGreaterThan(0);
  });

  it.each([
    ["unauthorized_client: the client is not allowed to do this", "app-not-found"],
    ["invalid_client: the client could not be authenticated", "credential-invalid"],
    ["consent_required: the user has not consented", "consent-required"],
  ])("reads the OAuth error of %j", (text, category) => {
    expect(diagnose(text).category).toBe(category);
  });

  it("reads a service's 401 or 403 with no STS code as a refusal after a token was issued", () => {
    const diagnosis = diagnose(
      "Operation returned an invalid status code 'Forbidden'. Status: 403 (Forbidden) ErrorCode: SomethingNew",
    );
    expect(diagnosis.category).toBe("permission-denied");
  });

  it("leaves text that points at no family as other, with no match", () => {
    const diagnosis = diagnose("Something odd happened while starting up");
    expect(diagnosis.category).toBe("other");
    expect(diagnosis.matches).toEqual([]);
  });
});

describe("an AADSTS code no entry lists", () => {
  it("takes its category from the code's family and keeps the lookup link first", () => {
    const diagnosis = diagnose(
      "MsalInteractionRequiredException: AADSTS53005: access has been blocked by conditional access policies.",
    );
    expect(diagnosis.category).toBe("conditional-access-mfa");
    expect(diagnosis.matches[0]?.id).toBe("sts-code-unlisted");
    expect(diagnosis.matches[0]?.docs[0]).toContain("code=53005");
    expect(diagnosis.matches[1]?.id).toBe("family-conditional-access");
  });

  it.each([
    ["AADSTS53099", "conditional-access-mfa"],
    ["AADSTS5002730", "assertion-invalid"],
    ["AADSTS65099", "consent-required"],
    ["AADSTS99999", null],
  ])("%s belongs to %s", (code, category) => {
    expect(categoryOfStsCodeFamily(code)).toBe(category);
  });
});
