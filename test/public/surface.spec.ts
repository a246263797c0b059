/**
 * The public surface, as users reach it: every entry imported by the package name only (vitest.config.ts points the
 * names at the sources; test/package checks the built files load by the same names). Each value export is
 * exercised once, and each entry exports exactly what is listed here, so an export added or dropped fails.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { describe, expect, it } from "vitest";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import * as core from "azure-identity-diagnostics";
import * as knowledge from "azure-identity-diagnostics/knowledge";
import * as node from "azure-identity-diagnostics/node";
import * as opentelemetry from "azure-identity-diagnostics/opentelemetry";
import { closedPort } from "../lab/harness/fakeManagedIdentity.js";

const SECRET_REFUSAL =
  "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.";

/** A credential that always refuses, as ClientSecretCredential does with a wrong secret. */
class RefusingCredential implements TokenCredential {
  getToken(): Promise<AccessToken | null> {
    return Promise.reject(Object.assign(new Error(SECRET_REFUSAL), { name: "AuthenticationError" }));
  }
}

/** An unsigned token with the claims readTokenIdentity reads. */
function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none" })}.${part(claims)}.`;
}

type Exercises<T> = { readonly [K in keyof T]: () => unknown };

const coreExercises: Exercises<typeof core> = {
  explainAuthError: () => {
    expect(core.explainAuthError(SECRET_REFUSAL).matches[0]?.id).toBe("client-secret-invalid");
  },
  getDiagnosis: async () => {
    const error = await new core.DiagnosticCredential(new RefusingCredential(), { logging: false })
      .getToken("https://management.azure.com/.default")
      .catch((e: unknown) => e);
    expect(core.getDiagnosis(error)?.stsCode).toBe("AADSTS7000215");
    expect(core.getDiagnosis(new Error("never wrapped"))).toBeUndefined();
  },
  renderDiagnosis: () => {
    expect(core.renderDiagnosis(core.explainAuthError(SECRET_REFUSAL))).toContain("AADSTS7000215");
  },
  redactSecrets: () => {
    expect(core.redactSecrets("client_secret=abc1Q~verysecretvalue123")).not.toContain("verysecretvalue");
  },
  readTokenIdentity: () => {
    const identity = core.readTokenIdentity(unsignedToken({ tid: "t", oid: "o", appid: "a", idtyp: "app" }));
    expect(identity).toMatchObject({ tenantId: "t", objectId: "o", appId: "a" });
  },
  ATTEMPT_OUTCOMES: () => {
    expect(core.ATTEMPT_OUTCOMES).toContain("timed-out");
  },
  DiagnosticCredential: async () => {
    const events: core.DiagnosticEvent[] = [];
    const credential = new core.DiagnosticCredential(new RefusingCredential(), {
      logging: false,
      onEvent: (event) => events.push(event),
    });
    await expect(credential.getToken("https://management.azure.com/.default")).rejects.toThrow(
      /AADSTS7000215/,
    );
    expect(events.map((e) => e.type)).toEqual(["token.request", "token.failure"]);
  },
  DIAGNOSTIC_CHANNELS: async () => {
    const seen: unknown[] = [];
    const listener = (message: unknown): void => {
      seen.push(message);
    };
    subscribe(core.DIAGNOSTIC_CHANNELS["token.failure"], listener);
    try {
      await new core.DiagnosticCredential(new RefusingCredential(), { logging: false })
        .getToken("https://management.azure.com/.default")
        .catch(() => undefined);
    } finally {
      unsubscribe(core.DIAGNOSTIC_CHANNELS["token.failure"], listener);
    }
    expect(seen).toHaveLength(1);
  },
  createJsonLinesSink: async () => {
    const lines: string[] = [];
    const credential = new core.DiagnosticCredential(new RefusingCredential(), {
      logging: false,
      onEvent: core.createJsonLinesSink({ write: (line) => lines.push(line) }),
    });
    await credential.getToken("https://management.azure.com/.default").catch(() => undefined);
    expect(lines.map((line) => (JSON.parse(line) as { type: string }).type)).toContain("token.failure");
  },
  createChainTimings: async () => {
    const timings = core.createChainTimings();
    const credential = new core.DiagnosticCredential(new RefusingCredential(), {
      logging: false,
      onEvent: timings.record,
    });
    await credential.getToken("https://management.azure.com/.default").catch(() => undefined);
    expect(JSON.stringify(timings.summary())).toContain("RefusingCredential");
  },
  listKnowledgeEntries: () => {
    expect(core.listKnowledgeEntries().some((e) => e.id === "client-secret-invalid")).toBe(true);
  },
  lookupKnowledge: () => {
    expect(core.lookupKnowledge("AADSTS7000215").map((e) => e.id)).toContain("client-secret-invalid");
  },
  DIAGNOSIS_CATEGORIES: () => {
    expect(core.DIAGNOSIS_CATEGORIES).toContain(core.explainAuthError(SECRET_REFUSAL).category);
  },
  DIAGNOSIS_CONFIDENCES: () => {
    expect(core.DIAGNOSIS_CONFIDENCES).toContain(core.explainAuthError(SECRET_REFUSAL).confidence);
    expect(core.explainAuthError(SECRET_REFUSAL).confidence).toBe("high");
  },
  ERROR_RUNTIMES: () => {
    expect(core.ERROR_RUNTIMES).toContain(core.explainAuthError(SECRET_REFUSAL).runtime);
  },
};

const knowledgeExercises: Exercises<typeof knowledge> = {
  listKnowledgeEntriesWithExamples: () => {
    const entry = knowledge.listKnowledgeEntriesWithExamples().find((e) => e.id === "client-secret-invalid");
    expect(entry?.examples.length).toBeGreaterThan(0);
  },
  lookupKnowledgeWithExamples: () => {
    expect(knowledge.lookupKnowledgeWithExamples("7000215")[0]?.examples.length).toBeGreaterThan(0);
  },
};

const PIPELINE = "steps:\n  - task: AzureFileCopy@4\n  - task: AzureCLI@2\n";

const nodeExercises: Exercises<typeof node> = {
  describeSecretShape: () => {
    const pasted = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    expect(node.describeSecretShape(pasted)).toMatchObject({ shape: "pem-private-key", printable: false });
  },
  scanPipelineTasks: () => {
    expect(node.scanPipelineTasks(PIPELINE).tasks.map((t) => t.status)).toEqual(["upgrade", "supported"]);
  },
  isPipelineProblem: () => {
    expect(node.scanPipelineTasks(PIPELINE).tasks.map(node.isPipelineProblem)).toEqual([true, false]);
  },
  azurePipelinesTasks: () => {
    expect(node.azurePipelinesTasks.some((t) => t.task === "AzureCLI@2")).toBe(true);
  },
  lookupPipelineTask: () => {
    expect(node.lookupPipelineTask("AzureFileCopy@4")?.recommended).toBe("AzureFileCopy@6");
  },
  inspectMachine: () => {
    expect(node.inspectMachine({ env: {}, platform: "linux" }).variables).toEqual([]);
  },
  isHealthy: () => {
    expect(typeof node.isHealthy(node.inspectMachine({ env: {}, platform: "linux" }))).toBe("boolean");
  },
  renderDoctorReport: () => {
    const text = node.renderDoctorReport(
      node.inspectMachine({ env: {}, platform: "linux" }),
      node.PLAIN_STYLE,
    );
    expect(text).not.toContain("\u001b[");
  },
  PLAIN_STYLE: () => {
    expect(node.PLAIN_STYLE.color).toBe(false);
  },
  tryDefaultAzureCredential: async () => {
    // No tools, and the managed identity endpoint moved to a closed loopback port: every member is unavailable.
    const env = { PATH: "", AZURE_POD_IDENTITY_AUTHORITY_HOST: await closedPort() };
    const result = await node.tryDefaultAzureCredential({ env, timeoutMs: 10_000 });
    expect(result.attempts.length).toBeGreaterThan(0);
    expect(node.renderLiveResult(result)).toContain(result.attempts[0]?.credential ?? "?");
  },
  renderLiveResult: () => {
    // Exercised with a real result in tryDefaultAzureCredential's check.
    expect(typeof node.renderLiveResult).toBe("function");
  },
  DEFAULT_LIVE_SCOPE: () => {
    expect(node.DEFAULT_LIVE_SCOPE).toBe("https://management.azure.com/.default");
  },
  DEFAULT_LIVE_TIMEOUT_MS: () => {
    expect(node.DEFAULT_LIVE_TIMEOUT_MS).toBeGreaterThan(0);
  },
  IDENTITY_RULES_VERSION: () => {
    expect(node.IDENTITY_RULES_VERSION).toMatch(/^4\.\d+\.\d+$/);
  },
};

const opentelemetryExercises: Exercises<typeof opentelemetry> = {
  createOpenTelemetryHandler: async () => {
    const credential = new core.DiagnosticCredential(new RefusingCredential(), {
      logging: false,
      onEvent: opentelemetry.createOpenTelemetryHandler(),
    });
    await expect(credential.getToken("https://management.azure.com/.default")).rejects.toThrow();
  },
  IDENTITY_ATTRIBUTES: () => {
    expect(Object.keys(opentelemetry.IDENTITY_ATTRIBUTES).length).toBeGreaterThan(0);
  },
  IDENTITY_METRICS: () => {
    expect(Object.keys(opentelemetry.IDENTITY_METRICS).length).toBeGreaterThan(0);
  },
  IDENTITY_SPAN_EVENTS: () => {
    expect(Object.keys(opentelemetry.IDENTITY_SPAN_EVENTS).length).toBeGreaterThan(0);
  },
  INSTRUMENTATION_SCOPE: () => {
    expect(opentelemetry.INSTRUMENTATION_SCOPE).toBe("azure-identity-diagnostics");
  },
};

const ENTRIES = [
  ["azure-identity-diagnostics", core, coreExercises],
  ["azure-identity-diagnostics/knowledge", knowledge, knowledgeExercises],
  ["azure-identity-diagnostics/node", node, nodeExercises],
  ["azure-identity-diagnostics/opentelemetry", opentelemetry, opentelemetryExercises],
] as const;

describe.each(ENTRIES)("%s", (_name, entry, exercises: Readonly<Record<string, () => unknown>>) => {
  it("exports exactly the values exercised here", () => {
    expect(Object.keys(entry).sort()).toEqual(Object.keys(exercises).sort());
  });

  it.each(Object.keys(exercises))("%s works as documented", async (name) => {
    await exercises[name]?.();
  });
});

describe("what the core entry does not export", () => {
  it("keeps the logger instance and the pipeline task table out", () => {
    expect(Object.keys(core)).not.toContain("diagnosticsLogger");
    expect(Object.keys(core)).not.toContain("azurePipelinesTasks");
  });

  it("keeps the command line's terminal styling out of the node entry", () => {
    expect(Object.keys(node).filter((name) => /palette|colou?r|ansi/i.test(name))).toEqual([]);
  });
});
