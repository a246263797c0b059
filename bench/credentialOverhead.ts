/**
 * (b) What DiagnosticCredential adds on the success path, against the bare credential resolving at once, in
 * the same process: time per call (and the ratio), and heap bytes allocated per call with no hook attached.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { DiagnosticCredential } from "../src/diagnosticCredential.js";
import { collectGarbage, formatNumber, median, reportResult } from "./harness.js";

const GOAL_EXTRA_NS = 1000;
/** Allowed extra bytes per call over the cheapest possible wrapper (below): measurement slack, not events. */
const ALLOCATION_SLACK_BYTES = 16;
const CALLS_PER_ROUND = 200_000;
const ROUNDS = 9;
const ALLOCATION_CALLS = 20_000;
const SCOPE = "https://management.azure.com/.default";

const token: AccessToken = { token: "not-a-real-token", expiresOnTimestamp: Date.now() + 3_600_000 };

/** Resolves at once, like a credential answering from its cache. */
class CachedCredential implements TokenCredential {
  getToken(): Promise<AccessToken | null> {
    return Promise.resolve(token);
  }
}

/**
 * The least any wrapper that can see failures must do: one async frame that awaits the inner call and catches.
 * "No extra allocation" means DiagnosticCredential, with no hook, allocates no more than this.
 */
class MinimalWrapper implements TokenCredential {
  constructor(private readonly inner: TokenCredential) {}
  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    try {
      return await this.inner.getToken(scopes, options);
    } catch (error) {
      // Where a real wrapper would explain the failure.
      throw normalised(error);
    }
  }
}

function normalised(error: unknown): unknown {
  return error;
}

async function timeCalls(credential: TokenCredential, calls: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await credential.getToken(SCOPE);
  return Number(process.hrtime.bigint() - start) / calls;
}

/**
 * Heap bytes per call. The young generation is made large enough (run.ts passes --max-semi-space-size) that
 * no collection runs during the loop, so the growth of `heapUsed` is what the calls allocated.
 */
async function bytesPerCall(credential: TokenCredential): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < ALLOCATION_CALLS; i++) await credential.getToken(SCOPE);
    const after = process.memoryUsage().heapUsed;
    samples.push((after - before) / ALLOCATION_CALLS);
  }
  return median(samples);
}

async function main(): Promise<void> {
  delete process.env.AZURE_LOG_LEVEL;
  const bare = new CachedCredential();
  const minimal = new MinimalWrapper(bare);
  const wrapped = new DiagnosticCredential(bare);
  const events: unknown[] = [];
  const hooked = new DiagnosticCredential(bare, {
    onEvent: (event) => {
      if (events.length < 1) events.push(event);
    },
  });
  const subjects = { bare, minimal, wrapped, hooked } as const;
  type Name = keyof typeof subjects;
  const times: Record<Name, number[]> = { bare: [], minimal: [], wrapped: [], hooked: [] };

  for (const credential of Object.values(subjects)) await timeCalls(credential, 20_000);
  // Interleaved rounds, so load on the machine hits every subject alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of Object.keys(subjects) as Name[]) {
      times[name].push(
        await timeCalls(subjects[name], name === "hooked" ? CALLS_PER_ROUND / 10 : CALLS_PER_ROUND),
      );
    }
  }
  const ns = {
    bare: median(times.bare),
    minimal: median(times.minimal),
    wrapped: median(times.wrapped),
    hooked: median(times.hooked),
  };
  // Per-round differences cancel drifts in machine load better than a difference of medians.
  const extraNs = median(times.wrapped.map((t, i) => t - (times.bare[i] ?? 0)));

  const bytes = {
    bare: await bytesPerCall(bare),
    minimal: await bytesPerCall(minimal),
    wrapped: await bytesPerCall(wrapped),
    hooked: await bytesPerCall(hooked),
  };
  const extraBytes = bytes.wrapped - bytes.minimal;
  const timeMet = extraNs <= GOAL_EXTRA_NS;
  const allocationMet = extraBytes <= ALLOCATION_SLACK_BYTES;

  reportResult({
    id: "credential-overhead",
    title: "DiagnosticCredential overhead, success path, no hook",
    goal: `≤ ${formatNumber(GOAL_EXTRA_NS)} ns extra per call; no more heap per call than a minimal async pass-through wrapper (+${ALLOCATION_SLACK_BYTES} B slack)`,
    measured:
      `${extraNs >= 0 ? "+" : ""}${formatNumber(extraNs)} ns/call (${formatNumber(ns.wrapped / ns.bare, 2)}× the bare credential); ` +
      `${formatNumber(bytes.wrapped)} B/call vs ${formatNumber(bytes.minimal)} B/call for a minimal wrapper`,
    met: timeMet && allocationMet,
    method: `Sequentially awaits getToken on a credential that resolves at once, bare and wrapped, in ${ROUNDS} interleaved rounds of ${formatNumber(CALLS_PER_ROUND)} calls (median); bytes per call are heapUsed growth over ${formatNumber(ALLOCATION_CALLS)} calls with a young generation too large to be collected mid-loop.`,
    details: [
      `time per call: bare ${formatNumber(ns.bare)} ns, minimal wrapper ${formatNumber(ns.minimal)} ns, DiagnosticCredential ${formatNumber(ns.wrapped)} ns, with an onEvent hook ${formatNumber(ns.hooked)} ns`,
      `heap per call: bare ${formatNumber(bytes.bare)} B, minimal wrapper ${formatNumber(bytes.minimal)} B, DiagnosticCredential ${formatNumber(bytes.wrapped)} B, with an onEvent hook ${formatNumber(bytes.hooked)} B`,
      `time goal ${timeMet ? "met" : "MISSED"}; allocation goal ${allocationMet ? "met" : "MISSED"}`,
    ],
  });
}

await main();
