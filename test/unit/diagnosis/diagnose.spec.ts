/**
 * How a chain's root cause is chosen: each failed member is weighed, and the heaviest leads the summary. These
 * tests pin each part of the weight, so zeroing any bonus in `rootWeight` makes one fail.
 */
import { describe, expect, it } from "vitest";
import { diagnose, type ObservedAttempt } from "../../../src/diagnosis/diagnose.js";

// A member that failed with a well-known, strongly matched message and no AADSTS code.
const OIDC_NULL_TOKEN =
  "AzurePipelinesCredential: Authentication Failed. Received null token from OIDC request. Status code: 401";
// A member Microsoft Entra ID refused with a code no entry lists: its knowledge match is only the fallback.
const UNLISTED_CODE =
  "AADSTS5000224: We are sorry, this resource has been removed by its owner.\r\nTrace ID: 317bbb14-65ae-4ffd-a436-41f37dcb161a\r\nCorrelation ID: 6a9bb2c4-138b-4edc-a012-0388bda40df5";

function failed(credential: string, message: string): ObservedAttempt {
  return { credential, outcome: "failed", error: new Error(message), durationMs: 10 };
}

describe("the root cause of a chain", () => {
  it("is the member Entra ID answered with an AADSTS code, over a member whose message matched better", () => {
    // The first member's own match scores higher than the fallback for an unlisted code; only the bonus for
    // an STS code puts the refusal first.
    const alone = diagnose(new Error(OIDC_NULL_TOKEN));
    expect(alone.matches[0]?.score ?? 0).toBeGreaterThan(100);
    const diagnosis = diagnose(new Error("ChainedTokenCredential authentication failed."), {
      credential: "ChainedTokenCredential",
      attempts: [
        failed("AzurePipelinesCredential", OIDC_NULL_TOKEN),
        failed("ClientSecretCredential", UNLISTED_CODE),
      ],
    });
    expect(diagnosis.stsCode).toBe("AADSTS5000224");
    expect(diagnosis.matches[0]?.id).toBe("sts-code-unlisted");
    expect(diagnosis.summary).toMatch(/^ClientSecretCredential failed: .*\(AADSTS5000224\)/);
    expect(diagnosis.correlationId).toBe("6a9bb2c4-138b-4edc-a012-0388bda40df5");
  });

  it("is a member that failed, over one that was only unavailable, whatever their order", () => {
    const unavailable: ObservedAttempt = {
      credential: "EnvironmentCredential",
      outcome: "unavailable",
      error: Object.assign(new Error(`EnvironmentCredential is unavailable. ${UNLISTED_CODE}`), {
        name: "CredentialUnavailableError",
      }),
      durationMs: 1,
    };
    for (const attempts of [
      [unavailable, failed("AzurePipelinesCredential", OIDC_NULL_TOKEN)],
      [failed("AzurePipelinesCredential", OIDC_NULL_TOKEN), unavailable],
    ]) {
      const diagnosis = diagnose(new Error("ChainedTokenCredential authentication failed."), {
        credential: "ChainedTokenCredential",
        attempts,
      });
      expect(diagnosis.summary).toMatch(/^AzurePipelinesCredential failed: /);
    }
  });

  it("is a member whose failure is unexplained, over a developer tool that is only not signed in", () => {
    // The sign-in hint matches an entry; the unexplained failure matches none, yet it is the one to look at.
    const notLoggedIn = failed("AzureCliCredential", "Please run 'az login' to set up an account.");
    const odd = failed("ClientSecretCredential", "ClientSecretCredential: the token cache is locked");
    expect(diagnose(new Error("Please run 'az login' to set up an account.")).category).toBe("not-logged-in");
    const diagnosis = diagnose(new Error("ChainedTokenCredential authentication failed."), {
      credential: "ChainedTokenCredential",
      attempts: [notLoggedIn, odd],
    });
    expect(diagnosis.summary).toMatch(/^ClientSecretCredential failed: /);
  });
});
