/**
 * (a) explainAuthError throughput on a realistic mix: every accuracy-corpus message (pasted text from ten
 * runtimes and tools) plus error objects shaped exactly as @azure/identity and core-rest-pipeline throw them.
 */
import { explainAuthError } from "../src/explainAuthError.js";
import { corpusMessages, identityErrors } from "./explainMix.js";
import { formatNumber, median, reportResult } from "./harness.js";

const GOAL_PER_SECOND = 100_000;
const ROUNDS = 7;
const ROUND_MS = 400;

function main(): void {
  const texts = corpusMessages();
  const objects = identityErrors();
  // Objects are a third of the mix, as they are what a catch block in a Node app holds.
  const mix: unknown[] = [...texts];
  for (let i = 0; i < Math.ceil(texts.length / 2); i++) mix.push(objects[i % objects.length]);

  // Warm up: first use builds the knowledge index and lets the JIT settle.
  for (let i = 0; i < 5; i++) for (const input of mix) explainAuthError(input);

  const rates: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ROUND_MS) {
      for (const input of mix) sink += explainAuthError(input).matches.length;
      count += mix.length;
      elapsed = performance.now() - start;
    }
    rates.push((count / elapsed) * 1000);
  }
  const rate = median(rates);
  reportResult({
    id: "explain-throughput",
    title: "explainAuthError throughput, realistic mix",
    goal: `≥ ${formatNumber(GOAL_PER_SECOND)} diagnoses/s on one core`,
    measured: `${formatNumber(rate)} diagnoses/s (${formatNumber(1e6 / rate, 1)} µs each)`,
    met: rate >= GOAL_PER_SECOND,
    method: `Diagnoses ${texts.length} corpus messages and ${mix.length - texts.length} identity/RestError/MSAL-shaped error objects in a loop on one thread; the median of ${ROUNDS} rounds of ${ROUND_MS} ms after warm-up.`,
    details: [
      `rounds: ${rates.map((r) => formatNumber(r)).join(", ")} diagnoses/s`,
      `pasted text only: ${formatNumber(rateOf(texts))} diagnoses/s; error objects only: ${formatNumber(rateOf(objects))} diagnoses/s`,
      `(checksum ${sink})`,
    ],
  });
}

function rateOf(inputs: readonly unknown[]): number {
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ROUND_MS) {
    for (const input of inputs) explainAuthError(input);
    count += inputs.length;
  }
  return (count / (performance.now() - start)) * 1000;
}

main();
