/**
 * (f) A million getToken calls through DiagnosticCredential, with and without a hook, some failing, some
 * timing out under `timeoutMs`: the heap after collection stays flat, and no timer or abort listener is left.
 */
import { getEventListeners, setMaxListeners } from "node:events";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { AuthenticationError } from "@azure/identity";
import { DiagnosticCredential } from "../src/diagnosticCredential.js";
import { collectGarbage, formatNumber, reportResult } from "./harness.js";

const TOTAL_CALLS = 1_000_000;
/**
 * Calls made before the heap is judged: the heap grows by about 0.1 MB over the first few hundred thousand calls
 * (the knowledge index, JIT, lazily built structures) and then stays flat; a 3,000,000-call run shows the plateau.
 */
const WARM_UP_CALLS = 500_000;
const BATCH = 1_000;
const SAMPLE_EVERY = 50_000;
/** A leak of one small object per failing call would be ≥ 0.3 B per call here; noise is well below. */
const GOAL_SLOPE_BYTES_PER_CALL = 0.1;
const TIMEOUT_MS = 5;

const token: AccessToken = { token: "not-a-real-token", expiresOnTimestamp: Date.now() + 3_600_000 };

/** Call n: mostly a cached token, every 50th a refusal from Entra ID, every 5,000th hangs past the timeout. */
class MixedCredential implements TokenCredential {
  calls = 0;
  getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const n = ++this.calls;
    if (n % 5000 === 0) {
      // Like identity's own requests: listen for abort while pending, stop listening when settled.
      return new Promise((resolve) => {
        const signal = options?.abortSignal;
        const onAbort = (): void => {
          clearTimeout(timer);
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener("abort", onAbort);
          resolve(token);
        }, TIMEOUT_MS * 4);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    }
    if (n % 50 === 0) {
      return Promise.reject(
        new AuthenticationError(400, {
          error: "invalid_client",
          error_description: "AADSTS7000215: Invalid client secret provided.",
          error_codes: [7000215],
        }),
      );
    }
    return Promise.resolve(token);
  }
}

function resourceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** Least-squares slope of heap (bytes) against calls made. */
function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}

async function main(): Promise<void> {
  delete process.env.AZURE_LOG_LEVEL;
  const baseline = resourceCounts();
  const abort = new AbortController();
  // Up to a batch of hung calls listen at once; that is the test, not a leak.
  setMaxListeners(BATCH * 2, abort.signal);
  let hookEvents = 0;
  const quiet = new DiagnosticCredential(new MixedCredential(), { timeoutMs: TIMEOUT_MS });
  const hooked = new DiagnosticCredential(new MixedCredential(), {
    timeoutMs: TIMEOUT_MS,
    onEvent: () => {
      hookEvents++;
    },
  });
  const outcomes = { tokens: 0, failures: 0, timeouts: 0 };
  const samples: [number, number][] = [];
  const started = performance.now();

  for (let done = 0; done < WARM_UP_CALLS + TOTAL_CALLS; done += BATCH) {
    // Alternate halves of the run between the quiet and the hooked credential.
    const credential = Math.floor(done / SAMPLE_EVERY) % 2 === 0 ? quiet : hooked;
    const calls: Promise<void>[] = [];
    for (let i = 0; i < BATCH; i++) {
      calls.push(
        credential.getToken("https://management.azure.com/.default", { abortSignal: abort.signal }).then(
          () => {
            outcomes.tokens++;
          },
          (error: unknown) => {
            if ((error as Error).message.includes("did not return a token within")) outcomes.timeouts++;
            else outcomes.failures++;
          },
        ),
      );
    }
    await Promise.all(calls);
    if ((done + BATCH) % SAMPLE_EVERY === 0) {
      collectGarbage();
      samples.push([done + BATCH, process.memoryUsage().heapUsed]);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // Hung inner calls resolve on their own a little later; wait for them before counting timers.
  await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 10));
  collectGarbage();

  const after = resourceCounts();
  const leftover = [...after]
    .map(([type, count]) => [type, count - (baseline.get(type) ?? 0)] as const)
    .filter(([, extra]) => extra > 0);
  const abortListeners = getEventListeners(abort.signal, "abort").length;
  // A leak shows as growth, so only a rising slope misses the goal: a falling one is the heap settling.
  const steady = samples.filter(([calls]) => calls >= WARM_UP_CALLS);
  const bytesPerCall = slope(steady);
  const first = steady[0]?.[1] ?? 0;
  const last = steady[steady.length - 1]?.[1] ?? 0;
  const met = bytesPerCall <= GOAL_SLOPE_BYTES_PER_CALL && leftover.length === 0 && abortListeners === 0;
  const mb = (bytes: number): string => `${formatNumber(bytes / 1024 / 1024, 2)} MB`;

  reportResult({
    id: "soak",
    title: "Soak: a million getToken calls",
    goal: `heap slope ≤ ${GOAL_SLOPE_BYTES_PER_CALL} B per call; no timer, handle or abort listener left`,
    measured: `${formatNumber(bytesPerCall, 3)} B/call heap slope (${mb(first)} → ${mb(last)}); ${leftover.length === 0 ? "nothing left active" : `left active: ${leftover.map(([t, c]) => `${c} ${t}`).join(", ")}`}; ${abortListeners} abort listeners`,
    met,
    method: `After ${formatNumber(WARM_UP_CALLS)} warm-up calls, runs ${formatNumber(TOTAL_CALLS)} more getToken calls in batches of ${formatNumber(BATCH)} concurrent calls through two DiagnosticCredentials with timeoutMs=${TIMEOUT_MS} (one with an onEvent hook, alternating every ${formatNumber(SAMPLE_EVERY)} calls), 2% refused by Entra ID and 0.02% hanging past the timeout; heapUsed after a full collection every ${formatNumber(SAMPLE_EVERY)} calls, slope by least squares; active resources via process.getActiveResourcesInfo().`,
    details: [
      `outcomes: ${formatNumber(outcomes.tokens)} tokens, ${formatNumber(outcomes.failures)} refusals, ${formatNumber(outcomes.timeouts)} timeouts; ${formatNumber(hookEvents)} hook events; ${formatNumber(seconds, 1)} s`,
      `heap after collection, MB: ${samples.map(([x, y]) => `${x === WARM_UP_CALLS ? "| " : ""}${formatNumber(y / 1024 / 1024, 2)}`).join(" ")} (judged from |)`,
    ],
  });
}

await main();
