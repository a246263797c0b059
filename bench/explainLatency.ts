/**
 * explainAuthError latency on a realistic mix of real pasted errors: every real-world corpus message up to 4 KB
 * (pasted into public GitHub threads; the held-out fresh batch is not read) and error objects shaped exactly as
 * @azure/identity and core-rest-pipeline throw them. It runs once, after a failure, so what matters is how long one
 * call takes, not how many fit in a second.
 */
import { explainAuthError } from "../src/explainAuthError.js";
import { identityErrors, realWorldMessages } from "./explainMix.js";
import { formatNumber, median, reportResult } from "./harness.js";

const GOAL_MS = 1;
const MAX_BYTES = 4096;
const RUNS = 31;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function main(): void {
  const texts = realWorldMessages().filter((text) => new TextEncoder().encode(text).length <= MAX_BYTES);
  const mix: unknown[] = [...texts, ...identityErrors()];
  // The first call builds the knowledge index; that one-off cost is reported on its own.
  const firstStart = performance.now();
  explainAuthError(mix[0]);
  const firstCall = performance.now() - firstStart;
  for (let i = 0; i < 3; i++) for (const input of mix) explainAuthError(input);

  let sink = 0;
  const medians = mix.map((input) => {
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      sink += explainAuthError(input).matches.length;
      samples.push(performance.now() - start);
    }
    return median(samples);
  });
  const p99 = percentile(medians, 99);
  const us = (ms: number): string => `${formatNumber(ms * 1000)} µs`;
  reportResult({
    id: "explain-latency",
    title: "explainAuthError latency, realistic mix",
    goal: `p99 of each message's median time ≤ ${formatNumber(GOAL_MS)} ms`,
    measured: `p99 ${us(p99)} (median ${us(median(medians))}, slowest ${us(Math.max(...medians))})`,
    met: p99 <= GOAL_MS,
    method: `Explains each of ${texts.length} real-world corpus messages (pasted into public GitHub threads) up to ${formatNumber(MAX_BYTES / 1024)} KB and ${mix.length - texts.length} identity/RestError/MSAL-shaped error objects ${RUNS} times after warm-up; takes each input's median time, then the 99th percentile over inputs.`,
    details: [
      `p50 ${us(percentile(medians, 50))}, p90 ${us(percentile(medians, 90))}, p99 ${us(p99)}, max ${us(Math.max(...medians))}`,
      `first call, which builds the knowledge index: ${formatNumber(firstCall, 1)} ms`,
      `(checksum ${sink})`,
    ],
  });
}

main();
