/**
 * DiagnosticCredential must be invisible to chains and to users' error handling: same error object, same
 * class and name, same fall-through. Driven with the real @azure/identity credentials on failures that need
 * no network (unconfigured environment, no `az` on PATH, a missing certificate file).
 */
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AggregateAuthenticationError,
  AzureCliCredential,
  ChainedTokenCredential,
  ClientCertificateCredential,
  CredentialUnavailableError,
  EnvironmentCredential,
} from "@azure/identity";
import * as esmLogger from "@azure/logger";
import { identityAtLeast } from "../lab/harness/identityVersion.js";
import { DiagnosticCredential, getDiagnosis, type DiagnosticEvent } from "../../src/index.js";

const SCOPE = "https://management.azure.com/.default";
const saved = { ...process.env };

beforeEach(() => {
  for (const key of Object.keys(process.env)) {
    if (/^(AZURE_|IDENTITY_|MSI_|IMDS_)/.test(key)) Reflect.deleteProperty(process.env, key);
  }
  // An empty directory as the whole PATH: `az` cannot be found, for real.
  process.env.PATH = mkdtempSync(join(tmpdir(), "no-tools-"));
});

afterEach(() => {
  process.env = { ...saved };
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("DiagnosticCredential around a single credential", () => {
  it("rethrows the very error the credential threw, class and name intact, with its diagnosis attached", async () => {
    const bare = await rejection(new EnvironmentCredential().getToken(SCOPE));
    const wrapped = await rejection(new DiagnosticCredential(new EnvironmentCredential()).getToken(SCOPE));

    expect(wrapped).toBeInstanceOf(CredentialUnavailableError);
    expect((wrapped as Error).name).toBe((bare as Error).name);
    expect(Object.keys(wrapped as object)).toEqual(Object.keys(bare as object));
    expect((wrapped as Error).message.startsWith((bare as Error).message)).toBe(true);
    const diagnosis = getDiagnosis(wrapped);
    expect(diagnosis?.credentials).toEqual(["EnvironmentCredential"]);
    expect(diagnosis?.category).toBe("not-configured");
    // The diagnosis is invisible to enumeration and JSON.
    expect(JSON.stringify(wrapped)).toBe(JSON.stringify(bare));
  });

  it("appends the note to the message once, and not at all when asked", async () => {
    const inner = new EnvironmentCredential();
    const augmented = (await rejection(new DiagnosticCredential(inner).getToken(SCOPE))) as Error;
    expect(augmented.message).toContain("[azure-identity-diagnostics]");
    expect(augmented.message.split("[azure-identity-diagnostics]")).toHaveLength(2);

    const plain = (await rejection(
      new DiagnosticCredential(new EnvironmentCredential(), { augmentErrorMessage: false }).getToken(SCOPE),
    )) as Error;
    expect(plain.message).not.toContain("[azure-identity-diagnostics]");
    expect(getDiagnosis(plain)).toBeDefined();
  });

  it("keeps a stopping error stopping: a missing certificate file is not 'unavailable'", async () => {
    const credential = new ClientCertificateCredential(
      "11111111-2222-3333-4444-555555555555",
      "11111111-2222-3333-4444-555555555555",
      "/nonexistent/lab/cert.pem",
    );
    const bare = (await rejection(credential.getToken(SCOPE))) as Error;
    const wrapped = (await rejection(new DiagnosticCredential(credential).getToken(SCOPE))) as Error;
    expect(wrapped.name).toBe(bare.name);
    expect(wrapped.constructor).toBe(bare.constructor);
    expect((wrapped as NodeJS.ErrnoException).code).toBe((bare as NodeJS.ErrnoException).code);
  });
});

describe("DiagnosticCredential inside the real ChainedTokenCredential", () => {
  it("falls through exactly like the bare member", async () => {
    const bare = await rejection(
      new ChainedTokenCredential(new EnvironmentCredential(), new AzureCliCredential()).getToken(SCOPE),
    );
    const wrapped = await rejection(
      new ChainedTokenCredential(
        new DiagnosticCredential(new EnvironmentCredential()),
        new AzureCliCredential(),
      ).getToken(SCOPE),
    );
    expect(wrapped).toBeInstanceOf(AggregateAuthenticationError);
    expect((wrapped as AggregateAuthenticationError).errors.map((e: Error) => e.name)).toEqual(
      (bare as AggregateAuthenticationError).errors.map((e: Error) => e.name),
    );
    expect((wrapped as AggregateAuthenticationError).errors).toHaveLength(2);
  });

  it("still stops the chain on an error that stops it", async () => {
    const cert = () =>
      new ClientCertificateCredential(
        "11111111-2222-3333-4444-555555555555",
        "11111111-2222-3333-4444-555555555555",
        "/nonexistent/lab/cert.pem",
      );
    const bare = (await rejection(
      new ChainedTokenCredential(cert(), new AzureCliCredential()).getToken(SCOPE),
    )) as Error;
    const wrapped = (await rejection(
      new ChainedTokenCredential(new DiagnosticCredential(cert()), new AzureCliCredential()).getToken(SCOPE),
    )) as Error;
    expect(bare.name).not.toBe("AggregateAuthenticationError");
    expect(wrapped.name).toBe(bare.name);
  });
});

describe("DiagnosticCredential around a chain", () => {
  it("reports every member's attempt in order, and names credentials the aggregate only describes", async () => {
    const events: DiagnosticEvent[] = [];
    const chain = new ChainedTokenCredential(new EnvironmentCredential(), new AzureCliCredential());
    const error = await rejection(
      new DiagnosticCredential(chain, { onEvent: (e) => events.push(e) }).getToken(SCOPE),
    );

    const diagnosis = getDiagnosis(error);
    expect(diagnosis?.attempts.map((a) => [a.credential, a.outcome])).toEqual([
      ["EnvironmentCredential", "unavailable"],
      ["AzureCliCredential", "unavailable"],
    ]);
    expect(diagnosis?.credentials).toEqual([
      "ChainedTokenCredential",
      "EnvironmentCredential",
      "AzureCliCredential",
    ]);
    expect(diagnosis?.attempts[1]?.category).toBe("tool-missing");
    expect(diagnosis?.attempts.every((a) => typeof a.durationMs === "number")).toBe(true);

    expect(events.map((e) => e.type)).toEqual([
      "token.request",
      "attempt.start",
      "attempt.end",
      "attempt.start",
      "attempt.end",
      "token.failure",
    ]);
    const failure = events.at(-1);
    const reported = failure?.type === "token.failure" ? failure.diagnosis : undefined;
    expect(reported?.summary).toBe(diagnosis?.summary);
    expect(reported?.credentials).toEqual(diagnosis?.credentials);
    expect(reported?.attempts).toEqual(
      diagnosis?.attempts.map((a) => ({
        credential: a.credential,
        outcome: a.outcome,
        errorName: a.errorName,
        summary: a.summary,
        category: a.category,
        stsCode: a.stsCode,
        correlationId: a.correlationId,
        traceId: a.traceId,
        knowledgeId: a.match?.id ?? null,
        retryable: a.match?.retryable ?? null,
        durationMs: a.durationMs === null ? null : Math.round(a.durationMs * 10) / 10,
      })),
    );
  });

  it("leaves the chain's members looking the same: constructor name, and plain calls outside the wrapper", async () => {
    const environment = new EnvironmentCredential();
    const chain = new ChainedTokenCredential(environment, new AzureCliCredential());
    new DiagnosticCredential(chain);
    expect(environment.constructor.name).toBe("EnvironmentCredential");
    const direct = await rejection(environment.getToken(SCOPE));
    expect((direct as Error).name).toBe("CredentialUnavailableError");
    expect(getDiagnosis(direct)).toBeUndefined();
  });

  it("never lets a throwing hook break getToken", async () => {
    const error = await rejection(
      new DiagnosticCredential(new EnvironmentCredential(), {
        onEvent: () => {
          throw new Error("hook exploded");
        },
      }).getToken(SCOPE),
    );
    expect((error as Error).name).toBe("CredentialUnavailableError");
    expect((error as Error).message).not.toContain("hook exploded");
  });

  it("catches an async hook's rejection: no unhandled rejection reaches the process", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const seen: string[] = [];
      const error = await rejection(
        new DiagnosticCredential(new EnvironmentCredential(), {
          onEvent: async (event) => {
            seen.push(event.type);
            await Promise.resolve();
            throw new Error("async hook exploded");
          },
        }).getToken(SCOPE),
      );
      expect((error as Error).name).toBe("CredentialUnavailableError");
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen).toEqual(["token.request", "token.failure"]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("ends a call whose credential resolves null with token.failure, and still resolves null", async () => {
    const events: DiagnosticEvent[] = [];
    const nothing = { getToken: () => Promise.resolve(null) };
    const token = await new DiagnosticCredential(nothing, { onEvent: (e) => events.push(e) }).getToken(SCOPE);
    expect(token).toBeNull();
    expect(events.map((e) => e.type)).toEqual(["token.request", "token.failure"]);
    const failure = events[1];
    expect(failure?.type === "token.failure" && failure.errorName).toBeNull();
    expect(failure?.type === "token.failure" && failure.diagnosis.summary).toMatch(/returned null/);
  });

  it("leaves the user's log level and identity's own log lines as they were", async () => {
    // identity 4.0 ships only CommonJS, so it logs through the CommonJS copy of @azure/logger, not the ESM one.
    const { AzureLogger, getLogLevel, setLogLevel } = identityAtLeast("4.13")
      ? esmLogger
      : (createRequire(import.meta.url)("@azure/logger") as typeof esmLogger);
    const previousLog = AzureLogger.log;
    const previousLevel = getLogLevel();
    // Identity's lines with the parts that differ between two runs (ids, durations) blanked out.
    const identityLines = async (wrap: boolean): Promise<string[]> => {
      const lines: string[] = [];
      AzureLogger.log = (...args: unknown[]) => lines.push(args.map(String).join(" "));
      const chain = new ChainedTokenCredential(new EnvironmentCredential(), new AzureCliCredential());
      await rejection((wrap ? new DiagnosticCredential(chain) : chain).getToken(SCOPE));
      return lines
        .filter((line) => line.startsWith("azure:identity:"))
        .map((line) => line.replace(/[0-9a-f-]{36}|\d+(\.\d+)? ?ms/g, "#"));
    };
    try {
      setLogLevel("info");
      const bare = await identityLines(false);
      const wrapped = await identityLines(true);

      expect(getLogLevel()).toBe("info");
      expect(bare.length).toBeGreaterThan(0);
      expect(wrapped).toEqual(bare);
    } finally {
      AzureLogger.log = previousLog;
      setLogLevel(previousLevel);
    }
  });
});
