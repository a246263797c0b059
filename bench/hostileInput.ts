/**
 * (e) Explaining hostile input takes bounded, linear time: 1 MB and 2 MB of text built to make each pattern
 * work hard (long runs that almost match every knowledge pattern, text fragment, extraction and redaction
 * pattern), deep JSON nesting, and thousands of AADSTS-looking fragments, as a string and spread over an
 * error object's message, body, cause chain and aggregate members.
 */
import { EXTRACTION_PATTERNS } from "../src/diagnosis/extract.js";
import { REDACTION_PATTERNS } from "../src/diagnosis/redact.js";
import { explainAuthError } from "../src/explainAuthError.js";
import { knowledgeIndex } from "../src/knowledge/index.js";
import { formatNumber, median, reportResult } from "./harness.js";

const GOAL_MS = 100;
/** Doubling the input may cost at most this many times more: linear with some noise, not quadratic (4×). */
const GOAL_GROWTH = 2.2;
const MB = 1024 * 1024;

/** A run that matches the first part of `source`'s literal text and then stops short, repeated. */
function almostMatching(literal: string): string {
  const cut = literal.slice(0, Math.max(1, literal.length - 1));
  return `${cut}${cut.slice(0, Math.ceil(cut.length / 2))} `;
}

/** The literal characters a regex source starts with (up to its first metacharacter). */
function literalPrefix(source: string): string {
  return source.replace(/\\(.)/g, "$1").split(/[[(?*+{|^$.\\]/)[0] ?? "";
}

function hostileUnits(): string[] {
  const index = knowledgeIndex();
  const units: string[] = [];
  for (const entry of index.entries) {
    for (const fragment of [...entry.text, ...entry.context]) units.push(almostMatching(fragment));
    for (const pattern of entry.patterns)
      units.push(almostMatching(literalPrefix(pattern.source)) + "'".repeat(300));
  }
  const patterns = [...Object.values(EXTRACTION_PATTERNS), ...Object.values(REDACTION_PATTERNS)];
  for (const pattern of patterns) units.push(almostMatching(literalPrefix(pattern.source)));
  units.push(
    "AADSTS".repeat(200),
    "AADSTS1234567890123 ".repeat(50),
    "Error(s): 7000215, 7000215, 7000215, 7000215, 7000215, 7000215, 7000215, 7000215, 7000215, ".repeat(10),
    `"error_codes": [${"1,".repeat(200)}`,
    "correlation_id: 6a9bb2c4-138b-4edc-a012-0388bda40df".repeat(20),
    "eyJ" + "a".repeat(2000) + ".",
    "eyJhbGciOi.eyJzdWIi." + "-".repeat(2000),
    "Bearer " + "x".repeat(2000),
    "client_secret=" + "y".repeat(2000),
    `"password"   :   "${"z".repeat(2000)}`,
    "-----BEGIN PRIVATE KEY-----" + "A".repeat(2000),
    "-----BEGIN ".repeat(200),
    "abc1Q~" + "b".repeat(2000),
    "at async " + "A".repeat(59) + "Credential".repeat(100),
    "A" + "a".repeat(70) + "Credential ".repeat(50),
    '{"error":'.repeat(500) + '"x"' + "}".repeat(500),
    "[[[[((((".repeat(300),
    " \t".repeat(2000),
    "401 ".repeat(300),
    '"code": "' + "A".repeat(2000),
    "<Code>" + "B".repeat(2000),
    "- EnvironmentCredential: x\n".repeat(100),
    "\n".repeat(2000),
  );
  return units;
}

/** `bytes` of hostile text: the units, cycled, with aggregate and chain headings sprinkled in. */
function hostileText(bytes: number): string {
  const units = hostileUnits();
  const parts: string[] = ["ChainedTokenCredential authentication failed.\nCredentialUnavailableError: "];
  let length = parts[0]?.length ?? 0;
  for (let i = 0; length < bytes; i++) {
    const unit = units[i % units.length] ?? "";
    parts.push(unit);
    length += unit.length;
  }
  return parts.join("").slice(0, bytes);
}

/** The same amount of text, spread over places an error object keeps text (each under the per-field cap). */
function hostileError(bytes: number): unknown {
  const pieces = 16;
  const text = hostileText(bytes);
  const size = Math.ceil(text.length / pieces);
  const piece = (i: number): string => text.slice(i * size, (i + 1) * size);
  let cause: unknown = Object.assign(new Error(piece(0)), {
    name: "AuthenticationError",
    response: { status: 401, bodyAsText: piece(1), headers: { "www-authenticate": piece(2) } },
  });
  for (let i = 3; i < 8; i++) cause = Object.assign(new Error(piece(i), { cause }), { name: "RestError" });
  const members = Array.from({ length: pieces - 8 }, (_, i) =>
    Object.assign(new Error(piece(8 + i)), { name: "CredentialUnavailableError" }),
  );
  return Object.assign(new Error("ChainedTokenCredential authentication failed.", { cause }), {
    name: "AggregateAuthenticationError",
    errors: members,
  });
}

function timeExplain(input: unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    explainAuthError(input);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function main(): void {
  explainAuthError("warm up: AADSTS7000215: Invalid client secret provided.");
  const shapes = [
    { name: "pasted text", make: hostileText },
    { name: "error object", make: hostileError },
  ];
  const rows = shapes.map(({ name, make }) => {
    const one = timeExplain(make(MB));
    const two = timeExplain(make(2 * MB));
    return { name, one, two, growth: two / one };
  });
  const worst = Math.max(...rows.map((r) => r.one));
  const worstGrowth = Math.max(...rows.map((r) => r.growth));
  reportResult({
    id: "hostile-input",
    title: "Explaining 1 MB of hostile input",
    goal: `≤ ${GOAL_MS} ms for 1 MB, and 2 MB ≤ ${GOAL_GROWTH}× the time of 1 MB`,
    measured: `${formatNumber(worst, 1)} ms for 1 MB (worst shape); 2 MB takes ${formatNumber(worstGrowth, 2)}× as long`,
    met: worst <= GOAL_MS && worstGrowth <= GOAL_GROWTH,
    method:
      "Explains text built from near-misses of every knowledge fragment and pattern, every extraction and redaction pattern, deep JSON nesting and AADSTS-like runs, once as one pasted string and once spread over an error's message, body, header, cause chain and aggregate members; median of 5 runs per size.",
    details: rows.map(
      (r) =>
        `${r.name}: 1 MB ${formatNumber(r.one, 1)} ms, 2 MB ${formatNumber(r.two, 1)} ms (${formatNumber(r.growth, 2)}×)`,
    ),
  });
}

main();
