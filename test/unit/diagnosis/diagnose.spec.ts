/**
 * How a chain's root cause is chosen (each failed member is weighed, the heaviest leads; zeroing any bonus in
 * `rootWeight` makes one of these fail) and how summaries read.
 */
import { describe, expect, it } from "vitest";
import { diagnose, type ObservedAttempt } from "../../../src/diagnosis/diagnose.js";
import { listKnowledgeEntriesWithExamples } from "../../../src/knowledge/examples/index.js";
import { loadCorpus } from "../../knowledge/corpus/score.js";

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

describe("a summary", () => {
  it("names the credential that failed, never the error's class", () => {
    const restError = Object.assign(new Error("Something unexpected happened"), {
      name: "RestError",
      statusCode: 418,
    });
    expect(diagnose(restError).summary).toBe("Something unexpected happened");
    expect(diagnose(new Error("The cache is locked")).summary).toBe("The cache is locked");
    expect(diagnose(new Error("The cache is locked"), { credential: "ClientSecretCredential" }).summary).toBe(
      "ClientSecretCredential failed: The cache is locked",
    );
  });

  it("drops the error-name prefix a pasted message starts with", () => {
    expect(diagnose("RestError: Something unexpected happened").summary).toBe(
      "Something unexpected happened",
    );
    expect(
      diagnose("Azure.Identity.AuthenticationFailedException: The cache is locked", {
        credential: "ClientSecretCredential",
      }).summary,
    ).toBe("ClientSecretCredential failed: The cache is locked");
  });

  it("of a chain member drops the member's error-name prefix", () => {
    const diagnosis = diagnose(new Error("ChainedTokenCredential authentication failed."), {
      credential: "ChainedTokenCredential",
      attempts: [failed("ClientSecretCredential", "AuthenticationError: the cache is locked")],
    });
    expect(diagnosis.attempts[0]?.summary).toBe("ClientSecretCredential failed: the cache is locked");
  });

  it("never reads '<ErrorName> failed:' or 'failed: <ErrorName>:' on any corpus message or example", () => {
    const texts = [
      ...loadCorpus().map((item) => item.text),
      ...listKnowledgeEntriesWithExamples().flatMap((e) => e.examples.map((x) => x.text)),
    ];
    const awkward = /(?:^|: )\S*(?:Error|Exception) failed: |failed: \S*(?:Error|Exception): /;
    const bad = texts.flatMap((text) => {
      const diagnosis = diagnose(text);
      return [diagnosis.summary, ...diagnosis.attempts.map((a) => a.summary)].filter((s) => awkward.test(s));
    });
    expect(bad).toEqual([]);
  });
});
