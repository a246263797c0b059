/**
 * Finds a secret in an output however it was written: as is, inside ANSI colours, JSON-escaped, percent-encoded
 * (form or URI style, up to twice), or base64 inside any of those. A secret cut short still counts: any third of
 * it, or any piece listed as secret on its own (a JWT's payload, a key's body line), is a leak.
 */
import { Buffer } from "node:buffer";
import type { SecretSample } from "./secretsCorpus.js";

/** One thing a user or a log shipper sees: its name (for the failure message) and its text. */
export interface Output {
  name: string;
  text: string;
}

// Colour codes begin with ESC (a control character by definition).
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const PERCENT_RUN = /(?:%[0-9a-fA-F]{2})+/g;
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

const SIMPLE_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

function jsonUnescape(text: string): string {
  return text.replace(JSON_ESCAPE, (_m, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : (SIMPLE_ESCAPES[char ?? ""] ?? char ?? ""),
  );
}

function urlDecode(text: string): string {
  return text.replace(/\+/g, " ").replace(PERCENT_RUN, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return Buffer.from(run.replace(/%/g, ""), "hex").toString("latin1");
    }
  });
}

/** Every base64-looking run decoded, at each of the four alignments a run can start at. */
function base64Decoded(text: string): string {
  const decoded: string[] = [];
  for (const [run] of text.matchAll(BASE64_RUN)) {
    for (let offset = 0; offset < 4; offset++) {
      decoded.push(Buffer.from(run.slice(offset), "base64").toString("latin1"));
    }
  }
  return decoded.join("\n");
}

type Reading = { how: string; text: string };

/** Adds each reading's JSON-unescaped and URL-decoded forms, twice over (text encoded inside encoded text). */
function unescaped(start: readonly Reading[], seen: Set<string>): Reading[] {
  const found = [...start];
  const add = (how: string, text: string): void => {
    if (seen.has(text)) return;
    seen.add(text);
    found.push({ how, text });
  };
  for (let round = 0; round < 2; round++) {
    for (const { how, text } of [...found]) {
      add(`${how}, JSON-unescaped`, jsonUnescape(text));
      add(`${how}, URL-decoded`, urlDecode(text));
    }
  }
  return found;
}

/** The readings of `text` to search, each named for the failure message: base64 is decoded twice at most. */
export function readings(text: string): Reading[] {
  const plain = text.replace(ANSI, "");
  const seen = new Set([plain]);
  let level = unescaped([{ how: "as printed", text: plain }], seen);
  const all = [...level];
  for (let depth = 0; depth < 2; depth++) {
    const decoded: Reading[] = [];
    for (const { how, text: current } of level) {
      const inside = base64Decoded(current);
      if (inside === "" || seen.has(inside)) continue;
      seen.add(inside);
      decoded.push({ how: `${how}, base64-decoded`, text: inside });
    }
    level = unescaped(decoded, seen);
    all.push(...level);
  }
  return all;
}

const MIN_PART = 12;

/** What counts as the secret: the whole value, each third of it (when long enough), the listed pieces. */
export function needles(sample: Pick<SecretSample, "secret" | "pieces">): { what: string; value: string }[] {
  const { secret } = sample;
  const result = [{ what: "the secret", value: secret }];
  const third = Math.floor(secret.length / 3);
  if (third >= MIN_PART) {
    for (let i = 0; i < 3; i++) {
      result.push({ what: `a third of the secret`, value: secret.slice(i * third, (i + 1) * third) });
    }
  }
  // The probe's own cut: the first and the last 12 characters, each a leak on its own.
  if (secret.length >= 2 * MIN_PART) {
    result.push({ what: "the first 12 characters", value: secret.slice(0, MIN_PART) });
    result.push({ what: "the last 12 characters", value: secret.slice(-MIN_PART) });
  }
  for (const piece of sample.pieces ?? []) result.push({ what: "a secret piece", value: piece });
  return result;
}

/** Where in `text` the sample's secret survives, or `null` when it does not. */
export function findSecret(text: string, sample: Pick<SecretSample, "secret" | "pieces">): string | null {
  const wanted = needles(sample);
  for (const reading of readings(text)) {
    const hit = wanted.find((n) => reading.text.includes(n.value));
    if (hit)
      return `${hit.what} (${hit.what === "the secret" ? "" : `"${hit.value.slice(0, 10)}…", `}${reading.how})`;
  }
  return null;
}

/** One line per output in which the sample's secret survives: "kind [carrier] × place × output: what". */
export function leaksIn(
  outputs: readonly Output[],
  sample: SecretSample,
  place: string,
  extraSecrets: readonly string[] = [],
): string[] {
  const lines: string[] = [];
  for (const output of outputs) {
    const found =
      findSecret(output.text, sample) ??
      extraSecrets.map((secret) => findSecret(output.text, { secret })).find((f) => f !== null) ??
      null;
    if (found) lines.push(`${sample.kind} [${sample.carrier}] × ${place} × ${output.name}: ${found}`);
  }
  return lines;
}
