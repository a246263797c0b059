/**
 * Runs the README's examples the way a user would call them, against real @azure/identity credentials that
 * fail for real on this machine (no Azure variables, no tools on PATH).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AzureCliCredential, ChainedTokenCredential, EnvironmentCredential } from "@azure/identity";
import type { DiagnosticEvent } from "azure-identity-diagnostics";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getTokenOrExplain } from "../../examples/explainInCatch.js";
import { wrapAndLog } from "../../examples/wrapDefaultAzureCredential.js";
import { identityStacksNameCredentials } from "../lab/harness/identityVersion.js";

const SCOPE = "https://management.azure.com/.default";
const saved = { ...process.env };

beforeEach(() => {
  for (const key of Object.keys(process.env)) {
    if (/^(AZURE_|IDENTITY_|MSI_|IMDS_)/.test(key)) Reflect.deleteProperty(process.env, key);
  }
  process.env.PATH = mkdtempSync(join(tmpdir(), "no-tools-"));
});

afterEach(() => {
  process.env = { ...saved };
});

describe("examples/explainInCatch", () => {
  it("turns a real AzureCliCredential failure into a rendered diagnosis", async () => {
    const outcome = await getTokenOrExplain(new AzureCliCredential(), SCOPE);
    expect(outcome.ok).toBe(false);
    // Identity 4.0's stack names no credential, and its message does not either.
    const named = identityStacksNameCredentials() ? ["AzureCliCredential"] : [];
    expect(outcome.diagnosis?.credentials).toEqual(named);
    expect(outcome.diagnosis?.category).toBe("tool-missing");
    expect(outcome.report).toContain(named.length > 0 ? "AzureCliCredential" : "Azure CLI");
    expect(outcome.report).toContain("What to do");
    expect(outcome.report).not.toContain("\u001b[");
  });

  it("colours the report only when asked", async () => {
    const outcome = await getTokenOrExplain(new EnvironmentCredential(), SCOPE, true);
    expect(outcome.report).toContain("\u001b[");
  });
});

describe("examples/wrapDefaultAzureCredential", () => {
  it("writes one JSON event per line for a failing chain and returns the summary", async () => {
    const lines: string[] = [];
    const chain = new ChainedTokenCredential(new EnvironmentCredential(), new AzureCliCredential());
    const summary = await wrapAndLog(chain, SCOPE, { write: (line: string) => lines.push(line) });

    expect(lines.every((line) => line.endsWith("\n"))).toBe(true);
    const events = lines.map((line) => JSON.parse(line) as DiagnosticEvent);
    expect(events.map((e) => e.type)).toEqual([
      "token.request",
      "attempt.start",
      "attempt.end",
      "attempt.start",
      "attempt.end",
      "token.failure",
    ]);
    const failure = events.at(-1);
    expect(failure?.type === "token.failure" && failure.diagnosis.credentials).toEqual([
      "ChainedTokenCredential",
      "EnvironmentCredential",
      "AzureCliCredential",
    ]);
    expect(summary).toMatch(/No credential in the chain is set up/);
  });
});
