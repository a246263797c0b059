import { describe, expect, it } from "vitest";
import { diagnose } from "../../../src/diagnosis/diagnose.js";
import { categoryOfStsCodeFamily } from "../../../src/diagnosis/families.js";

describe("recognition by family when no entry matches", () => {
  // Written for this test: a tool no entry knows ("ContosoTool"), so only the family can explain each one.
  it.each([
    ["ContosoTool: identity is not assigned to this workload", "managed-identity-unavailable"],
    ["ContosoTool: MSI call timed out after 30s", "imds-unreachable"],
    [
      "ContosoTool: the managed identity endpoint at 169.254.169.254 gave no response after 3 attempts",
      "imds-unreachable",
    ],
    // Written for the endpoint's answer or silence: a status line outweighs a "failed to connect" heading.
    [
      "ContosoTool: Failed to connect to MSI.\nToken request returned http error: 400",
      "managed-identity-unavailable",
    ],
    ['ContosoTool: IMDS request {"timeout": 0}\nResponse status code: 404', "managed-identity-unavailable"],
    ["ContosoTool: Failed to connect to MSI: connect EHOSTDOWN (status code 400)", "imds-unreachable"],
    ["ContosoTool: IMDS request failed to connect", "imds-unreachable"],
    ["ContosoTool: ManagedIdentityCredential failed. Details: Connection reset", "imds-unreachable"],
    ["ContosoTool: connection timed out while fetching the token", "network"],
    ["ContosoTool: java.net.SocketTimeoutException while fetching the token", "network"],
    ["ContosoTool: lookup failed: EAI_AGAIN", "network"],
    ["spawn pwsh.exe ENOENT", "tool-missing"],
    ["ContosoTool: 'pwsh' executable file not found in $PATH", "tool-missing"],
    ["ContosoTool: the account needs re-authentication", "not-logged-in"],
    ["ContosoTool: session ended, sign in again", "not-logged-in"],
    // Pastes break "Please" across lines: the request to run a sign-in command is the signal.
    ["ContosoTool: no cached session. Pleas\ne run 'az login' to set one up.", "not-logged-in"],
    ["ContosoTool: the token failed signature validation", "assertion-invalid"],
    ["ContosoTool: wrong password for the certificate file", "credential-invalid"],
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
    const diagnosis = diagnose("MsalUiRequiredException: AADSTS53099: access was blocked by a policy.");
    expect(diagnosis.category).toBe("conditional-access-mfa");
    expect(diagnosis.matches[0]?.id).toBe("sts-code-unlisted");
    expect(diagnosis.matches[0]?.docs[0]).toContain("code=53099");
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
