/**
 * How a chain's root cause is chosen (each failed member is weighed, the heaviest leads; zeroing any bonus in
 * `rootWeight` makes one of these fail) and how summaries read.
 */
import { describe, expect, it } from "vitest";
import { diagnose, type ObservedAttempt } from "../../../src/diagnosis/diagnose.js";
import { renderDiagnosis } from "../../../src/diagnosis/render.js";
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

  it("is a recognised cause, over a failure nothing explains", () => {
    // A signed-out tool is a root cause (the contract), and a named cause is more specific than an unexplained one.
    const notLoggedIn = failed("AzureCliCredential", "Please run 'az login' to set up an account.");
    const odd = failed("ClientSecretCredential", "ClientSecretCredential: the token cache is locked");
    expect(diagnose(new Error("Please run 'az login' to set up an account.")).category).toBe("not-logged-in");
    const diagnosis = diagnose(new Error("ChainedTokenCredential authentication failed."), {
      credential: "ChainedTokenCredential",
      attempts: [odd, notLoggedIn],
    });
    expect(diagnosis.summary).toMatch(/^AzureCliCredential failed: /);
    expect(diagnosis.category).toBe("not-logged-in");
  });
});

const PY_CHAIN_HEAD =
  "DefaultAzureCredential failed to retrieve a token from the included credentials.\nAttempted credentials:";
const PY_ENV =
  "\tEnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.";
const PY_IMDS =
  "\tManagedIdentityCredential: ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint.";
const PY_CACHE_EMPTY =
  "\tSharedTokenCacheCredential: SharedTokenCacheCredential authentication unavailable. No accounts were found in the cache.";

function pythonChain(...members: string[]): string {
  return [PY_CHAIN_HEAD, PY_ENV, PY_IMDS, ...members].join("\n");
}

describe("a chain whose members were unavailable", () => {
  it("is not-configured when every member only lacked what it needs", () => {
    const diagnosis = diagnose(pythonChain(PY_CACHE_EMPTY));
    expect(diagnosis.category).toBe("not-configured");
    expect(diagnosis.matches[0]?.id).toBe("default-credential-all-unavailable");
  });

  it("leads with a signed-out developer tool: it is there and asked for a sign-in", () => {
    const diagnosis = diagnose(
      pythonChain(PY_CACHE_EMPTY, "\tAzureCliCredential: Please run 'az login' to set up an account"),
    );
    expect(diagnosis.category).toBe("not-logged-in");
    expect(diagnosis.summary).toMatch(/^AzureCliCredential is unavailable: /);
    expect(diagnosis.matches[0]?.mitigations.join(" ")).toContain("az login");
  });

  it("leads with a member whose session expired (an STS code), each match listed once", () => {
    const expired =
      "\tSharedTokenCacheCredential: Azure Active Directory error '(invalid_grant) AADSTS700082: The refresh token has expired due to inactivity.'";
    const diagnosis = diagnose(pythonChain(expired));
    expect(diagnosis.category).toBe("not-logged-in");
    expect(diagnosis.stsCode).toBe("AADSTS700082");
    const ids = diagnosis.matches.map((m) => m.id);
    expect(ids).toEqual([...new Set(ids)]);
  });

  it("leads with a tool that is present but too old, over tools that are not installed", () => {
    const diagnosis = diagnose(
      [
        "ChainedTokenCredential authentication failed.",
        "CredentialUnavailableError: Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
        "CredentialUnavailableError: Error: ConvertFrom-SecureString : A parameter cannot be found that matches parameter name 'AsPlainText'.",
        "CredentialUnavailableError: Azure Developer CLI couldn't be found. To mitigate this issue, see the troubleshooting guidelines at https://aka.ms/azsdk/js/identity/azdevclicredential/troubleshoot.",
      ].join("\n"),
    );
    expect(diagnosis.category).toBe("tool-missing");
    expect(diagnosis.matches[0]?.id).not.toBe("default-credential-all-unavailable");
  });

  it("leads with a member's network failure", () => {
    const diagnosis = diagnose(
      pythonChain("\tAzureCliCredential: getaddrinfo ENOTFOUND login.microsoftonline.com"),
    );
    expect(diagnosis.category).toBe("network");
  });

  it("leads with the reason a member's constructor threw, found in DefaultAzureCredential's log", () => {
    const text = [
      "azure:identity:warning DefaultAzureCredential => Skipped createDefaultManagedIdentityCredential because of an error creating the credential: CredentialUnavailableError: ManagedIdentityCredential: getaddrinfo ENOTFOUND login.microsoftonline.com",
      "AggregateAuthenticationError: ChainedTokenCredential authentication failed.",
      "CredentialUnavailableError: EnvironmentCredential is unavailable. No underlying credential could be used.",
    ].join("\n");
    const diagnosis = diagnose(text);
    expect(diagnosis.attempts.map((a) => a.credential)).toContain("ManagedIdentityCredential");
    expect(diagnosis.category).toBe("network");
    expect(diagnosis.summary).toMatch(/^ManagedIdentityCredential /);
  });

  it("reads Java's report that has no heading, one member per line, and leads with the chain's advice", () => {
    // Written: the members of an older Java DefaultAzureCredential, each message on its own line, none set up.
    const text = [
      "com.azure.identity.CredentialUnavailableException: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.",
      "ManagedIdentityCredential authentication unavailable. Connection to IMDS endpoint cannot be established.",
      "> SharedTokenCacheCredential authentication unavailable. No accounts were found in the cache.",
    ].join("\n");
    const diagnosis = diagnose(text);
    expect(diagnosis.attempts.map((a) => a.credential)).toEqual([
      "EnvironmentCredential",
      "ManagedIdentityCredential",
      "SharedTokenCacheCredential",
    ]);
    expect(diagnosis.category).toBe("not-configured");
    expect(diagnosis.matches[0]?.id).toBe("default-credential-all-unavailable");
  });

  it("does not read one credential saying it is unavailable twice as a chain", () => {
    const text =
      "ImdsCredential.get_token failed: ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint.\nManagedIdentityCredential.get_token failed: ManagedIdentityCredential authentication unavailable,";
    const diagnosis = diagnose(text);
    expect(diagnosis.attempts).toEqual([]);
    expect(diagnosis.category).toBe("imds-unreachable");
  });

  it("reads the members of a report quoted with escaped line breaks (Go's %q)", () => {
    const text = String.raw`failed to acquire a token.
Attempted credentials:
	EnvironmentCredential: missing environment variable AZURE_TENANT_ID
	AzureCLICredential: ERROR: Please run 'az login' to setup account.`;
    const diagnosis = diagnose(text);
    expect(diagnosis.attempts.map((a) => a.credential)).toEqual([
      "EnvironmentCredential",
      "AzureCliCredential",
    ]);
    expect(diagnosis.category).toBe("not-logged-in");
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

describe("how sure a diagnosis is", () => {
  it("is high when an AADSTS code or an entry's own wording matched", () => {
    expect(diagnose("AADSTS7000215: Invalid client secret provided.").confidence).toBe("high");
    expect(diagnose("Please run 'az login' to set up an account.").confidence).toBe("high");
  });

  it("is medium when only a family, an unlisted code's range or the status line points at the cause", () => {
    expect(diagnose("ContosoTool: identity is not assigned to this workload").confidence).toBe("medium");
    expect(diagnose("AADSTS53099: blocked by a policy").confidence).toBe("medium");
  });

  it("is low when nothing was recognised", () => {
    expect(diagnose("Something odd happened while starting up").confidence).toBe("low");
  });

  it("makes the rendering say 'most likely' unless it is high", () => {
    const hedged = renderDiagnosis(diagnose("ContosoTool: identity is not assigned to this workload"));
    expect(hedged).toContain("Most likely: ");
    expect(hedged).toContain("medium confidence");
    expect(renderDiagnosis(diagnose("Something odd happened while starting up"))).toMatch(/most likely/i);
    expect(renderDiagnosis(diagnose("AADSTS7000215: Invalid client secret provided."))).not.toMatch(
      /most likely/i,
    );
  });
});
