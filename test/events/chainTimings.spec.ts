/**
 * Per-member chain timing from real runs: the real DefaultAzureCredential probes IMDS through HTTP_PROXY pointing at
 * the lab's fake (loopback only), and a fake `az` answers. The summary must show the probe's cost on every call, the
 * time to the first token, and a suggestion only when the time before the answering member is worth saving.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DefaultAzureCredential } from "@azure/identity";
import {
  DIAGNOSTIC_CHANNELS,
  DiagnosticCredential,
  createChainTimings,
  type EventAttempt,
  type ChainTiming,
  type ChainTimingsSummary,
  type DiagnosticEvent,
  type TokenFailureEvent,
  type TokenSuccessEvent,
} from "azure-identity-diagnostics";
import {
  hang,
  startFakeManagedIdentity,
  type FakeManagedIdentity,
} from "../lab/harness/fakeManagedIdentity.js";
import { azBehaviour, createFakeTools, type FakeTools } from "../lab/harness/fakeTools.js";
import { identityAtLeast } from "../lab/harness/identityVersion.js";
import { useLab } from "../lab/scenarios/lab.js";
import { ARM_SCOPE } from "../lab/scenarios/scenario.js";

const lab = useLab();
let tools: FakeTools;
let imds: FakeManagedIdentity;

beforeAll(async () => {
  [tools, imds] = await Promise.all([createFakeTools(), startFakeManagedIdentity({ kind: "imds" })]);
});
beforeEach(() => {
  tools.reset();
  imds.reset();
  for (const tool of ["az", "azd", "pwsh"] as const) tools.remove(tool);
  lab.env.usePath(tools.bin);
  // Identity addresses the real 169.254.169.254; the proxy hands the connection to the fake on loopback.
  lab.env.set({ ...imds.proxyEnv, NO_PROXY: "127.0.0.1,localhost" });
});
afterAll(async () => {
  await Promise.all([tools.cleanup(), imds.close()]);
});

/** identity gives its probe this long before it calls IMDS absent (imdsMsi.ts: `request.timeout || 1000`). */
const IDENTITY_PROBE_TIMEOUT_MS = 1000;

function chainOptions() {
  return { ...lab.credentialOptions(), retryOptions: { maxRetries: 0 } };
}

/** The real DefaultAzureCredential, wrapped, with every call's events recorded by a fresh createChainTimings(). */
function timedDefaultChain() {
  const timings = createChainTimings();
  const credential = new DiagnosticCredential(new DefaultAzureCredential(chainOptions()), {
    onEvent: timings.record,
    logging: false,
  });
  return { timings, credential };
}

/** The one credential the summary has, by type. */
function timingOf(summary: ChainTimingsSummary, credential: string): ChainTiming {
  const timing = summary.credentials.find((c) => c.credential === credential);
  if (!timing) throw new Error(`no timing for ${credential}: ${JSON.stringify(summary)}`);
  return timing;
}

function member(timing: ChainTiming, credential: string) {
  const found = timing.members.find((m) => m.credential === credential);
  if (!found) throw new Error(`no member ${credential} in ${JSON.stringify(timing.members)}`);
  return found;
}

describe("createChainTimings with the real DefaultAzureCredential", () => {
  it("shows the IMDS probe's cost on every call before the Azure CLI answers, and suggests AZURE_TOKEN_CREDENTIALS=dev", async () => {
    imds.respond(hang(), { endpoint: "probe" });
    tools.az(azBehaviour.token());
    const { timings, credential } = timedDefaultChain();

    await credential.getToken(ARM_SCOPE);
    await credential.getToken(ARM_SCOPE);

    const summary = timings.summary();
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    const dac = timingOf(summary, "DefaultAzureCredential");
    expect(dac).toMatchObject({ calls: 2, successes: 2, failures: 0, answeredBy: "AzureCliCredential" });
    // identity probed on each call, and each probe waited out identity's timeout.
    expect(imds.requests.filter((r) => r.isProbe)).toHaveLength(2);
    expect(dac.imdsProbe?.probes).toBe(2);
    expect(dac.imdsProbe?.meanMs).toBeGreaterThanOrEqual(IDENTITY_PROBE_TIMEOUT_MS - 50);
    const managedIdentity = member(dac, "ManagedIdentityCredential");
    expect(managedIdentity).toMatchObject({ attempts: 2, unavailable: 2, successes: 0 });
    expect(managedIdentity.costPerCallMs).toBeGreaterThanOrEqual(IDENTITY_PROBE_TIMEOUT_MS - 50);

    const cli = member(dac, "AzureCliCredential");
    expect(cli).toMatchObject({ attempts: 2, successes: 2 });
    // The first token waited for everything before the CLI, the probe above all.
    expect(cli.firstTokenMs).toBe(dac.firstTokenMs);
    expect(dac.firstTokenMs ?? 0).toBeGreaterThan(managedIdentity.maxMs ?? Infinity);
    // Members after the CLI were never tried.
    expect(member(dac, "AzurePowerShellCredential")).toMatchObject({ attempts: 0, meanMs: null });
    expect(dac.members.map((m) => m.index)).toEqual(dac.members.map((_, i) => i));

    expect(dac.suggestion).toMatch(
      /^DefaultAzureCredential spends \d+ ms per call on the IMDS probe \(ManagedIdentityCredential\) before AzureCliCredential answers; set AZURE_TOKEN_CREDENTIALS=dev \(@azure\/identity 4\.10\+\) or use AzureCliCredential\.$/,
    );
  });

  // AZURE_TOKEN_CREDENTIALS arrived in @azure/identity 4.10; older versions ignore it and still probe.
  it.skipIf(!identityAtLeast("4.10"))(
    "with AZURE_TOKEN_CREDENTIALS=dev the probe is gone and nothing is suggested",
    async () => {
      lab.env.set({ AZURE_TOKEN_CREDENTIALS: "dev" });
      imds.respond(hang(), { endpoint: "probe" });
      tools.az(azBehaviour.token());
      const { timings, credential } = timedDefaultChain();

      await credential.getToken(ARM_SCOPE);

      const dac = timingOf(timings.summary(), "DefaultAzureCredential");
      expect(imds.requests).toEqual([]);
      expect(dac.imdsProbe).toBeNull();
      expect(dac.members.map((m) => m.credential)).not.toContain("ManagedIdentityCredential");
      expect(dac.answeredBy).toBe("AzureCliCredential");
      expect(dac.suggestion).toBeNull();
    },
  );

  it("when IMDS answers at once and returns the token, managed identity answers and nothing is suggested", async () => {
    const { timings, credential } = timedDefaultChain();

    await credential.getToken(ARM_SCOPE);

    const dac = timingOf(timings.summary(), "DefaultAzureCredential");
    expect(imds.issuedTokens).toHaveLength(1);
    expect(dac.answeredBy).toBe("ManagedIdentityCredential");
    expect(dac.imdsProbe).toBeNull();
    expect(member(dac, "ManagedIdentityCredential")).toMatchObject({ successes: 1, unavailable: 0 });
    expect(dac.suggestion).toBeNull();
  });

  it("reads the token.success and token.failure channels as well as onEvent, and counts failed calls with their probe", async () => {
    imds.respond(hang(), { endpoint: "probe" });
    const timings = createChainTimings();
    const channels = [DIAGNOSTIC_CHANNELS["token.success"], DIAGNOSTIC_CHANNELS["token.failure"]];
    for (const name of channels) subscribe(name, timings.record);
    try {
      const credential = new DiagnosticCredential(new DefaultAzureCredential(chainOptions()), {
        logging: false,
      });
      await expect(credential.getToken(ARM_SCOPE)).rejects.toMatchObject({
        name: "AggregateAuthenticationError",
      });
    } finally {
      for (const name of channels) unsubscribe(name, timings.record);
    }

    const dac = timingOf(timings.summary(), "DefaultAzureCredential");
    expect(dac).toMatchObject({ calls: 1, successes: 0, failures: 1, answeredBy: null, firstTokenMs: null });
    expect(dac.imdsProbe?.probes).toBe(1);
    expect(member(dac, "AzureCliCredential")).toMatchObject({ attempts: 1, unavailable: 1 });
    expect(dac.suggestion).toBeNull();
  });
});

describe("createChainTimings on recorded events", () => {
  const base = { requestId: 1, time: "2025-01-01T00:00:00.000Z", scopes: [ARM_SCOPE] };

  function attempt(
    credential: string,
    outcome: EventAttempt["outcome"],
    durationMs: number | null,
  ): EventAttempt {
    return {
      credential,
      outcome,
      errorName: outcome === "unavailable" ? "CredentialUnavailableError" : null,
      summary: `${credential} ${outcome}`,
      category: "other",
      stsCode: null,
      correlationId: null,
      traceId: null,
      knowledgeId: null,
      retryable: null,
      durationMs,
    };
  }

  function success(credential: string, attempts: EventAttempt[], durationMs: number): TokenSuccessEvent {
    const winner = attempts.find((a) => a.outcome === "succeeded")?.credential ?? credential;
    return {
      ...base,
      type: "token.success",
      credential,
      durationMs,
      succeededWith: winner,
      expiresOnTimestamp: 0,
      identity: null,
      attempts,
      attemptsOmitted: 0,
    };
  }

  it("suggests putting the answering member first in a ChainedTokenCredential whose earlier members are slow", () => {
    const timings = createChainTimings();
    const slowChain = [
      attempt("AzureDeveloperCliCredential", "unavailable", 700),
      attempt("AzureCliCredential", "succeeded", 300),
    ];
    timings.record(success("ChainedTokenCredential", slowChain, 1000));

    const chain = timingOf(timings.summary(), "ChainedTokenCredential");
    expect(chain.suggestion).toBe(
      "ChainedTokenCredential spends 700 ms per call on AzureDeveloperCliCredential (700 ms) before AzureCliCredential answers; put AzureCliCredential first or use it on its own.",
    );
  });

  it("stays quiet below slowMs and speaks above it", () => {
    const events = [
      success(
        "ChainedTokenCredential",
        [
          attempt("EnvironmentCredential", "unavailable", 150),
          attempt("AzureCliCredential", "succeeded", 400),
        ],
        550,
      ),
    ];
    const quiet = createChainTimings();
    const strict = createChainTimings({ slowMs: 100 });
    for (const event of events) {
      quiet.record(event);
      strict.record(event);
    }
    expect(timingOf(quiet.summary(), "ChainedTokenCredential").suggestion).toBeNull();
    expect(timingOf(strict.summary(), "ChainedTokenCredential").suggestion).toContain(
      "EnvironmentCredential",
    );
  });

  it("averages a member's cost over every call, counting calls it was not tried in as zero", () => {
    const timings = createChainTimings();
    const failure: TokenFailureEvent = {
      ...base,
      type: "token.failure",
      credential: "ChainedTokenCredential",
      durationMs: 40,
      errorName: "AuthenticationError",
      // Only the attempts of the diagnosis are read; the rest of it is not needed for timing.
      diagnosis: {
        attempts: [
          attempt("ClientSecretCredential", "failed", 40),
          attempt("AzureCliCredential", "skipped", null),
        ],
      } as TokenFailureEvent["diagnosis"],
    };
    timings.record(failure);
    timings.record(
      success(
        "ChainedTokenCredential",
        [
          attempt("ClientSecretCredential", "unavailable", 10),
          attempt("AzureCliCredential", "succeeded", 200),
        ],
        210,
      ),
    );

    const chain = timingOf(timings.summary(), "ChainedTokenCredential");
    expect(chain).toMatchObject({
      calls: 2,
      successes: 1,
      failures: 1,
      meanMs: 125,
      maxMs: 210,
      firstTokenMs: 210,
    });
    expect(member(chain, "ClientSecretCredential")).toMatchObject({
      attempts: 2,
      failures: 1,
      unavailable: 1,
      totalMs: 50,
      costPerCallMs: 25,
      maxMs: 40,
    });
    expect(member(chain, "AzureCliCredential")).toMatchObject({
      attempts: 1,
      costPerCallMs: 100,
      firstTokenMs: 210,
    });
  });

  it("ignores other events and anything that is not an event, and reset forgets everything", () => {
    const timings = createChainTimings();
    const request: DiagnosticEvent = {
      ...base,
      type: "token.request",
      credential: "AzureCliCredential",
      tenantId: null,
      hasClaims: false,
    };
    for (const junk of [request, null, undefined, 42, "token.success", { type: "token.success" }, []]) {
      expect(() => {
        timings.record(junk);
      }).not.toThrow();
    }
    expect(timings.summary()).toEqual({ credentials: [] });

    timings.record(success("AzureCliCredential", [], 120));
    expect(timingOf(timings.summary(), "AzureCliCredential")).toMatchObject({
      calls: 1,
      answeredBy: "AzureCliCredential",
      firstTokenMs: 120,
      members: [],
      suggestion: null,
    });
    timings.reset();
    expect(timings.summary()).toEqual({ credentials: [] });
  });
});
