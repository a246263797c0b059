/**
 * (f) The input shapes that were once quadratic or unbounded stay bounded: 256 KB of distinct AADSTS codes, an
 * aggregate of 64 members each carrying them, and a 10 MB message through DiagnosticCredential (cut, then redacted).
 * Each is timed through explainAuthError and through DiagnosticCredential's rejection, whichever is slower.
 */
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { DiagnosticCredential } from "../src/diagnosticCredential.js";
import { explainAuthError } from "../src/explainAuthError.js";
import { formatNumber, median, reportResult } from "./harness.js";

const KB = 1024;
const MB = 1024 * KB;
const GOALS = { codes: 500, aggregate: 2000, wrapper: 1000 };
const SCOPE = "https://management.azure.com/.default";

/** `bytes` of distinct AADSTS codes, each followed by a few words, as a log of many failures reads. */
function distinctCodes(bytes: number, first = 1_000_000): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = first; length < bytes; n++) {
    const part = `AADSTS${n}: failed. `;
    parts.push(part);
    length += part.length;
  }
  return parts.join("").slice(0, bytes);
}

function named(name: string, message: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name }, fields);
}

function aggregateOfCodes(members: number): Error {
  const errors = Array.from({ length: members }, (_, i) =>
    named("AuthenticationError", distinctCodes(256 * KB, 1_000_000 + i * 100_000)),
  );
  return named("AggregateAuthenticationError", "ChainedTokenCredential authentication failed.", { errors });
}

/** 10 MB of a pasted log: refusals, IDs, secrets to redact and plain prose, repeated. */
function tenMegabytes(): Error {
  const unit =
    "AADSTS7000215: Invalid client secret provided. Trace ID: 0f4c7a35-1c7e-4bb8-9c8e-7d1b6a2f3e00 " +
    "client_secret=Abc8Q~fake-secret-value-0123456789abcdefghij&scope=x Authorization: Bearer eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.c2ln " +
    "the request was retried and failed again; see the logs for details.\n";
  const message = unit.repeat(Math.ceil((10 * MB) / unit.length)).slice(0, 10 * MB);
  const error = named("AuthenticationError", message);
  error.stack = `AuthenticationError: ${message}\n    at getToken (file:///app/x.js:1:1)`;
  return error;
}

class RejectingCredential implements TokenCredential {
  constructor(private readonly make: () => Error) {}
  getToken(): Promise<AccessToken | null> {
    return Promise.reject(this.make());
  }
}

async function timeWrapper(make: () => Error, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const error = make();
    const credential = new DiagnosticCredential(new RejectingCredential(() => error), { logging: false });
    const start = performance.now();
    await credential.getToken(SCOPE).catch(() => undefined);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function timeExplain(make: () => Error, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const error = make();
    const start = performance.now();
    explainAuthError(error);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function main(): Promise<void> {
  explainAuthError("warm up: AADSTS7000215: Invalid client secret provided.");
  const codesText = distinctCodes(256 * KB);
  const codes = {
    explain: timeExplain(() => named("Error", codesText), 5),
    wrapper: await timeWrapper(() => named("AuthenticationError", codesText), 5),
  };
  const aggregate = {
    explain: timeExplain(() => aggregateOfCodes(64), 3),
    wrapper: await timeWrapper(() => aggregateOfCodes(64), 3),
  };
  const wrapper = {
    explain: timeExplain(tenMegabytes, 3),
    wrapper: await timeWrapper(tenMegabytes, 3),
  };
  const worst = (m: { explain: number; wrapper: number }): number => Math.max(m.explain, m.wrapper);
  const ms = (n: number): string => `${formatNumber(n, 1)} ms`;
  reportResult({
    id: "input-shapes",
    title: "Distinct codes, wide aggregates and 10 MB through the wrapper",
    goal: `256 KB of distinct codes ≤ ${GOALS.codes} ms; a 64-member aggregate of them ≤ ${GOALS.aggregate} ms; a 10 MB message through DiagnosticCredential ≤ ${GOALS.wrapper} ms`,
    measured: `${ms(worst(codes))}; ${ms(worst(aggregate))}; ${ms(worst(wrapper))}`,
    met:
      worst(codes) <= GOALS.codes && worst(aggregate) <= GOALS.aggregate && worst(wrapper) <= GOALS.wrapper,
    method:
      "Each input is explained by explainAuthError and rejected through DiagnosticCredential (which cuts, redacts and attaches); the slower is reported, median of 5 runs (3 for the larger inputs).",
    details: [
      `256 KB of distinct AADSTS codes: explainAuthError ${ms(codes.explain)}, DiagnosticCredential ${ms(codes.wrapper)}`,
      `64 members of 256 KB of distinct codes each: explainAuthError ${ms(aggregate.explain)}, DiagnosticCredential ${ms(aggregate.wrapper)}`,
      `a 10 MB message and stack: explainAuthError ${ms(wrapper.explain)}, DiagnosticCredential ${ms(wrapper.wrapper)}`,
    ],
  });
}

await main();
