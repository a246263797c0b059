import { describe, expect, it } from "vitest";
import { diagnose } from "../../../src/diagnosis/diagnose.js";
import { adaptMatchToRuntime } from "../../../src/diagnosis/runtimeAdvice.js";
import type { KnowledgeMatch } from "../../../src/index.js";

const jsMatch: KnowledgeMatch = {
  id: "default-credential-all-unavailable",
  title: "t",
  category: "not-configured",
  cause: "c",
  mitigations: [
    "Set up one credential.",
    'Turn on logging (AZURE_LOG_LEVEL=info, or setLogLevel("info") from @azure/logger) to see every attempt.',
  ],
  docs: [
    "https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/identity/identity/TROUBLESHOOTING.md",
    "https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot",
    "https://learn.microsoft.com/entra/identity-platform/reference-error-codes",
  ],
  retryable: false,
  score: 1,
};

describe("adaptMatchToRuntime", () => {
  it("gives a Python reader Python's logging switch and guide, once", () => {
    const adapted = adaptMatchToRuntime(jsMatch, "python");
    expect(adapted.mitigations[0]).toBe("Set up one credential.");
    expect(adapted.mitigations.join("\n")).toContain("logging_enable=True");
    expect(adapted.mitigations.join("\n")).not.toMatch(/setLogLevel|@azure\/logger/);
    expect(adapted.docs).toEqual([
      "https://github.com/Azure/azure-sdk-for-python/blob/main/sdk/identity/azure-identity/TROUBLESHOOTING.md",
      "https://learn.microsoft.com/entra/identity-platform/reference-error-codes",
    ]);
  });

  it.each([
    ["dotnet", "AzureEventSourceListener", "azure-sdk-for-net"],
    ["go", "AZURE_SDK_GO_LOGGING", "azure-sdk-for-go"],
    ["java", "SLF4J", "azure-sdk-for-java"],
  ] as const)("speaks %s's terms", (runtime, logging, guide) => {
    const adapted = adaptMatchToRuntime(jsMatch, runtime);
    expect(adapted.mitigations.join("\n")).toContain(logging);
    expect(adapted.docs.some((d) => d.includes(guide))).toBe(true);
    expect(adapted.docs.some((d) => d.includes("azure-sdk-for-js") || d.includes("/azsdk/js/"))).toBe(false);
  });

  it("points a CLI reader at --debug and drops the JavaScript guide", () => {
    const adapted = adaptMatchToRuntime(jsMatch, "azure-cli");
    expect(adapted.mitigations.join("\n")).toContain("--debug");
    expect(adapted.docs).toEqual([
      "https://learn.microsoft.com/entra/identity-platform/reference-error-codes",
    ]);
  });

  it("leaves JavaScript and unknown runtimes as they are", () => {
    expect(adaptMatchToRuntime(jsMatch, "javascript")).toBe(jsMatch);
    expect(adaptMatchToRuntime(jsMatch, "unknown")).toBe(jsMatch);
  });
});

describe("a diagnosis of another runtime's paste", () => {
  const pythonChain = [
    "azure.core.exceptions.ClientAuthenticationError: DefaultAzureCredential failed to retrieve a token from the included credentials.",
    "Attempted credentials:",
    "\tEnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.",
    "\tManagedIdentityCredential: ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint.",
  ].join("\n");

  it("gives its matches and its members' matches that runtime's logging switch and guide, never JavaScript's", () => {
    const diagnosis = diagnose(pythonChain);
    expect(diagnosis.runtime).toBe("python");
    const matches = [...diagnosis.matches, ...diagnosis.attempts.flatMap((a) => (a.match ? [a.match] : []))];
    expect(matches.length).toBeGreaterThan(1);
    const advice = matches.flatMap((m) => [...m.mitigations, ...m.docs]).join("\n");
    expect(advice).not.toMatch(/setLogLevel|@azure\/logger|aka\.ms\/azsdk\/js\/|azure-sdk-for-js/);
    expect(advice).toContain("azure-sdk-for-python");
  });

  it("leaves a JavaScript paste's advice as written", () => {
    const diagnosis = diagnose(
      "AggregateAuthenticationError: ChainedTokenCredential authentication failed.\nCredentialUnavailableError: EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.",
    );
    expect(diagnosis.runtime).toBe("javascript");
    expect(diagnosis.matches.flatMap((m) => m.docs).join("\n")).toMatch(
      /aka\.ms\/azsdk\/js\/|azure-sdk-for-js/,
    );
  });
});
