/**
 * The demo: the real @azure/identity failing against the lab's fakes, explained. No Azure account, no network
 * beyond loopback (a guard refuses anything else and the demo fails if something tried).
 *
 *   npm run demo            # readable, in colour on a terminal
 *   npm run demo -- --json  # the JSON event stream of every stage, one event per line
 */
import type { TokenCredential } from "@azure/core-auth";
import {
  AzureCliCredential,
  AzurePipelinesCredential,
  ChainedTokenCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import {
  DiagnosticCredential,
  explainAuthError,
  getDiagnosis,
  renderDiagnosis,
  type Diagnosis,
  type DiagnosticEvent,
} from "../src/index.js";
import { installLoopbackGuard } from "../test/lab/harness/loopbackGuard.js";
import { isolateEnv, type IsolatedEnv } from "../test/lab/harness/env.js";
import { startFakeSts, stsError, stsToken, type FakeSts } from "../test/lab/harness/fakeSts.js";
import { startFakePipelines, PIPELINES, type FakePipelines } from "../test/lab/harness/fakePipelines.js";
import { callResource, startFakeResource, type FakeResource } from "../test/lab/harness/fakeResource.js";
import { azBehaviour, createFakeTools, type FakeTools } from "../test/lab/harness/fakeTools.js";
import {
  closedPort,
  probeOnlyThenHang,
  startFakeManagedIdentity,
  type FakeManagedIdentity,
} from "../test/lab/harness/fakeManagedIdentity.js";
import { writeFederatedTokenFile } from "../test/lab/harness/federatedTokenFile.js";
import { trustTestCa } from "../test/lab/harness/tls.js";
import { LAB } from "../test/lab/harness/tokens.js";

const ARM = "https://management.azure.com/.default";

interface Fakes {
  sts: FakeSts;
  pipelines: FakePipelines;
  resource: FakeResource;
  tools: FakeTools;
  imds: FakeManagedIdentity;
  env: IsolatedEnv;
}

/** One stage: a realistic failure, set up against the fakes. */
interface Stage {
  title: string;
  /** What the stage should end with, checked so the demo fails loudly if identity or the library changes. */
  expect: { topEntry: string } | { silentFallthrough: true };
  run(fakes: Fakes, onEvent: (event: DiagnosticEvent) => void): Promise<Diagnosis | "fallthrough">;
}

function entraOptions(fakes: Fakes) {
  return {
    authorityHost: fakes.sts.authorityHost,
    disableInstanceDiscovery: true as const,
    ...trustTestCa(),
  };
}

/** getToken through DiagnosticCredential; resolves with the attached diagnosis of the failure. */
async function failWith(
  credential: TokenCredential,
  onEvent: (event: DiagnosticEvent) => void,
  timeoutMs?: number,
): Promise<Diagnosis> {
  const wrapped = new DiagnosticCredential(credential, {
    onEvent,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  try {
    await wrapped.getToken(ARM);
  } catch (error) {
    const diagnosis = getDiagnosis(error);
    if (diagnosis) return diagnosis;
    throw error;
  }
  throw new Error("expected this stage to fail, but it got a token");
}

const STAGES: Stage[] = [
  {
    title:
      "A wrong client secret, silently skipped by ChainedTokenCredential (the Azure CLI's user got the token)",
    expect: { silentFallthrough: true },
    async run(fakes, onEvent) {
      fakes.sts.respond(stsError(7000215));
      fakes.tools.az(
        azBehaviour.token({ claims: { idtyp: "user", oid: LAB.userObjectId, upn: LAB.userName } }),
      );
      const chain = new ChainedTokenCredential(
        new ClientSecretCredential(
          LAB.tenantId,
          LAB.clientId,
          "wrong-secret-for-the-demo",
          entraOptions(fakes),
        ),
        new AzureCliCredential(),
      );
      await new DiagnosticCredential(chain, { onEvent }).getToken(ARM);
      return "fallthrough";
    },
  },
  {
    title: "DefaultAzureCredential on a machine where nothing is set up",
    expect: { topEntry: "default-credential-all-unavailable" },
    async run(fakes, onEvent) {
      for (const tool of ["az", "azd", "pwsh"] as const) fakes.tools.remove(tool);
      fakes.env.set({ AZURE_POD_IDENTITY_AUTHORITY_HOST: await closedPort() });
      return failWith(
        new DefaultAzureCredential({ ...entraOptions(fakes), retryOptions: { maxRetries: 0 } }),
        onEvent,
      );
    },
  },
  {
    title: "DefaultAzureCredential stopped by EnvironmentCredential's expired client secret",
    expect: { topEntry: "client-secret-expired" },
    async run(fakes, onEvent) {
      fakes.env.set({
        AZURE_TENANT_ID: LAB.tenantId,
        AZURE_CLIENT_ID: LAB.clientId,
        AZURE_CLIENT_SECRET: "expired-secret-for-the-demo",
      });
      fakes.sts.respond(stsError(7000222));
      return failWith(new DefaultAzureCredential(entraOptions(fakes)), onEvent);
    },
  },
  {
    title: "AKS workload identity: no federated credential matches the service account",
    expect: { topEntry: "aks-federated-credential-no-match" },
    async run(fakes, onEvent) {
      const file = await writeFederatedTokenFile();
      try {
        fakes.sts.respond(stsError(70021));
        const credential = new WorkloadIdentityCredential({
          ...entraOptions(fakes),
          tenantId: LAB.tenantId,
          clientId: LAB.clientId,
          tokenFilePath: file.path,
        });
        return await failWith(credential, onEvent);
      } finally {
        await file.cleanup();
      }
    },
  },
  {
    title: "Azure Pipelines: the OIDC endpoint refuses System.AccessToken (identity quotes it; we redact it)",
    expect: { topEntry: "pipelines-oidc-unauthorized" },
    async run(fakes, onEvent) {
      fakes.env.set({ SYSTEM_OIDCREQUESTURI: fakes.pipelines.oidcRequestUri });
      fakes.pipelines.respond({ kind: "refuse", status: 401, body: "empty" });
      const credential = new AzurePipelinesCredential(
        LAB.tenantId,
        LAB.clientId,
        PIPELINES.serviceConnectionId,
        PIPELINES.systemAccessToken,
        entraOptions(fakes),
      );
      return failWith(credential, onEvent);
    },
  },
  {
    title: "Azure CLI sign-in expired (AADSTS700082)",
    expect: { topEntry: "session-expired-sign-in-again" },
    async run(fakes, onEvent) {
      fakes.tools.az(azBehaviour.expiredLogin());
      return failWith(new AzureCliCredential(), onEvent);
    },
  },
  {
    title:
      "DefaultAzureCredential waiting on an IMDS that answers the probe but never the token (timeoutMs: 1500)",
    expect: { topEntry: "credential-timed-out" },
    async run(fakes, onEvent) {
      fakes.env.set({ ...fakes.imds.proxyEnv, NO_PROXY: "127.0.0.1,localhost" });
      fakes.imds.respond(probeOnlyThenHang());
      return failWith(new DefaultAzureCredential(entraOptions(fakes)), onEvent, 1500);
    },
  },
  {
    title: "Token issued, then Azure Resource Manager answers 403 AuthorizationFailed",
    expect: { topEntry: "arm-authorization-failed" },
    async run(fakes, onEvent) {
      fakes.sts.respond(stsToken());
      fakes.resource.respond({ kind: "armAuthorizationFailed" });
      const credential = new DiagnosticCredential(
        new ClientSecretCredential(LAB.tenantId, LAB.clientId, "demo-secret", entraOptions(fakes)),
        { onEvent },
      );
      try {
        await callResource(fakes.resource, credential, {
          path: "/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/lab-rg",
          scopes: ARM,
        });
      } catch (error) {
        return explainAuthError(error);
      }
      throw new Error("expected ARM to refuse");
    },
  },
];

/** JSON.stringify replacer keeping event lines readable: a diagnosis becomes its summary, attempts a count. */
function shorten(key: string, value: unknown): unknown {
  if (key === "diagnosis" && value !== null && typeof value === "object")
    return `{${(value as Diagnosis).summary}}`;
  if (key === "attempts" && Array.isArray(value)) return `[${String(value.length)} attempts]`;
  return value;
}

export interface DemoResult {
  /** Stages whose outcome differed from what they expect. */
  failures: string[];
  /** Connections the loopback guard refused. */
  blocked: string[];
  /** The knowledge entry each failing stage's diagnosis led with. */
  leading: string[];
}

/** Runs every stage; writes the readable walk-through (or JSON lines) to `write`. */
export async function runDemo(
  write: (text: string) => void,
  options: { color: boolean; json: boolean },
): Promise<DemoResult> {
  const guard = installLoopbackGuard();
  const env = isolateEnv();
  const [sts, pipelines, resource, tools, imds] = await Promise.all([
    startFakeSts(),
    startFakePipelines(),
    startFakeResource(),
    createFakeTools(),
    startFakeManagedIdentity({ kind: "imds" }),
  ]);
  env.usePath(tools.bin);
  const fakes: Fakes = { sts, pipelines, resource, tools, imds, env };
  const failures: string[] = [];
  const leading: string[] = [];
  const bold = (text: string): string => (options.color ? `\x1b[1m${text}\x1b[22m` : text);
  const baseline = { ...process.env };

  if (!options.json) {
    write(bold("azure-identity-diagnostics demo") + "\n");
    write(
      "The real @azure/identity failing against local fakes on 127.0.0.1, wrapped in DiagnosticCredential.\n\n",
    );
  }
  try {
    for (const [index, stage] of STAGES.entries()) {
      const events: DiagnosticEvent[] = [];
      const onEvent = (event: DiagnosticEvent): void => {
        events.push(event);
        if (options.json) write(`${JSON.stringify({ stage: index + 1, ...event })}\n`);
      };
      let outcome: Diagnosis | "fallthrough" | undefined;
      try {
        outcome = await stage.run(fakes, onEvent);
      } catch (error) {
        failures.push(`${stage.title}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const warning = events.find((e) => e.type === "token.warning" && e.code === "silent-fallthrough");
      const ok =
        "silentFallthrough" in stage.expect
          ? outcome === "fallthrough" && warning !== undefined
          : typeof outcome === "object" && outcome.matches[0]?.id === stage.expect.topEntry;
      if (!ok && outcome !== undefined) failures.push(`${stage.title}: unexpected outcome`);
      const leader = typeof outcome === "object" ? outcome.matches[0]?.id : undefined;
      if (leader !== undefined) leading.push(leader);

      if (!options.json) {
        write(bold(`── ${index + 1}/${STAGES.length}  ${stage.title}`) + "\n\n");
        if (typeof outcome === "object") write(renderDiagnosis(outcome, { color: options.color }) + "\n\n");
        if (outcome === "fallthrough" && warning?.type === "token.warning") {
          const success = events.find((e) => e.type === "token.success");
          write(`warning: ${warning.message}\n`);
          if (success?.type === "token.success")
            write(`token issued to: ${JSON.stringify(success.identity)}\n`);
          write(
            "\nThe events of this call, as JSON lines (diagnoses and attempts shortened here; --json prints them whole):\n",
          );
          for (const event of events) write(`${JSON.stringify(event, shorten)}\n`);
          write("\n");
        }
      }
      // Each stage starts from the same environment, fakes and tools.
      for (const name of Object.keys(process.env))
        if (!(name in baseline)) Reflect.deleteProperty(process.env, name);
      Object.assign(process.env, baseline);
      sts.reset();
      pipelines.reset();
      resource.reset();
      tools.reset();
      imds.reset();
    }
  } finally {
    await Promise.all([sts.close(), pipelines.close(), resource.close(), tools.cleanup(), imds.close()]);
    env.restore();
  }
  const blocked = guard.drain().map((c) => `${c.host}:${String(c.port)}`);
  guard.restore();
  if (!options.json) {
    write(
      failures.length === 0 && blocked.length === 0
        ? "All stages behaved as expected; nothing left 127.0.0.1.\n"
        : "",
    );
    for (const failure of failures) write(`demo stage failed: ${failure}\n`);
    for (const connection of blocked) write(`blocked a connection beyond loopback: ${connection}\n`);
  }
  return { failures, blocked, leading };
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const json = process.argv.includes("--json");
  const color = !json && process.stdout.isTTY && !process.env.NO_COLOR;
  const result = await runDemo((text) => process.stdout.write(text), { color, json });
  // Requests a timeout abandoned may still hold sockets open; the demo is done.
  process.exit(result.failures.length > 0 || result.blocked.length > 0 ? 1 : 0);
}
