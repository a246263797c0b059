/**
 * The readable form of a diagnosis: what failed, why, what to do, each chain member on one line, and the
 * IDs to quote to support. Plain text unless colour is asked for.
 */
import type { AttemptDiagnosis, AttemptOutcome, Diagnosis } from "./types.js";

export interface RenderOptions {
  /** ANSI colours and symbols for a terminal. Default `false`. */
  readonly color?: boolean;
  /** Also print the original (redacted) message. Default `false`. */
  readonly includeMessage?: boolean;
}

type Paint = (text: string) => string;

interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Palette = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  red: ansi(31, 39),
  green: ansi(32, 39),
  yellow: ansi(33, 39),
  cyan: ansi(36, 39),
};

const identity: Paint = (text) => text;
const PLAIN: Palette = {
  bold: identity,
  dim: identity,
  red: identity,
  green: identity,
  yellow: identity,
  cyan: identity,
};

const OUTCOME_MARK: Record<AttemptOutcome, string> = {
  succeeded: "ok",
  unavailable: "--",
  failed: "XX",
  "timed-out": "..",
  skipped: "  ",
};

function outcomeMark(outcome: AttemptOutcome, p: Palette): string {
  const mark = `[${OUTCOME_MARK[outcome]}]`;
  if (outcome === "succeeded") return p.green(mark);
  if (outcome === "failed" || outcome === "timed-out") return p.red(mark);
  return p.dim(mark);
}

function attemptLine(attempt: AttemptDiagnosis, p: Palette): string {
  const time = attempt.durationMs === null ? "" : p.dim(` (${Math.round(attempt.durationMs)} ms)`);
  return `  ${outcomeMark(attempt.outcome, p)} ${attempt.summary}${time}`;
}

function section(title: string, lines: readonly string[], p: Palette): string[] {
  return lines.length === 0 ? [] : ["", p.bold(title), ...lines];
}

/** Renders `diagnosis` for people. Never throws on a valid `Diagnosis`. */
export function renderDiagnosis(diagnosis: Diagnosis, options: RenderOptions = {}): string {
  const p = options.color ? COLOURS : PLAIN;
  const top = diagnosis.matches[0];
  const facts = [
    `category ${diagnosis.category}`,
    diagnosis.stsCode,
    diagnosis.httpStatus === null ? null : `HTTP ${diagnosis.httpStatus}`,
    diagnosis.serviceErrorCode,
    diagnosis.oauthError,
    diagnosis.retryable ? "may succeed if retried" : "retrying will not help",
  ].filter((f): f is string => f !== null);

  const support = [
    diagnosis.correlationId && `  Correlation ID: ${diagnosis.correlationId}`,
    diagnosis.traceId && `  Trace ID:       ${diagnosis.traceId}`,
    diagnosis.timestamp && `  Timestamp:      ${diagnosis.timestamp}`,
    diagnosis.lookupUrl && `  Code lookup:    ${diagnosis.lookupUrl}`,
  ].filter((line): line is string => typeof line === "string");

  const lines = [
    `${p.red(p.bold(diagnosis.category === "permission-denied" ? "Access denied:" : "Authentication failed:"))} ${diagnosis.summary}`,
    p.dim(facts.join(" | ")),
    ...section(
      "Why",
      top ? [`  ${top.cause}`] : ["  No knowledge entry matched; the original message is below."],
      p,
    ),
    ...section("What to do", top ? top.mitigations.map((m, i) => `  ${i + 1}. ${m}`) : [], p),
    ...section(
      "Credentials tried",
      diagnosis.attempts.map((a) => attemptLine(a, p)),
      p,
    ),
    ...section("Token the service refused", identityLines(diagnosis.tokenIdentity), p),
    ...section(
      "Other possible explanations",
      diagnosis.matches.slice(1, 3).map((m) => `  - ${m.title} ${p.dim(`(${m.id})`)}`),
      p,
    ),
    ...section("Quote to support", support, p),
    ...section(
      "Read more",
      (top?.docs ?? []).map((d) => `  ${p.cyan(d)}`),
      p,
    ),
  ];
  if (options.includeMessage || !top)
    lines.push(...section("Original message", [indent(diagnosis.message)], p));
  return lines.join("\n");
}

function identityLines(identity: Diagnosis["tokenIdentity"]): string[] {
  if (!identity) return [];
  const rows: [string, string | null][] = [
    ["Tenant", identity.tenantId],
    ["Object ID", identity.objectId],
    ["App ID", identity.appId],
    ["Identity type", identity.identityType],
    ["Audience", identity.audience],
    ["Expires", identity.expiresOn],
    ["Managed identity", identity.managedIdentityResourceId],
    ["Roles", identity.roles.length > 0 ? identity.roles.join(", ") : null],
    ["Scopes", identity.scopes.length > 0 ? identity.scopes.join(" ") : null],
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== null)
    .map(([label, value]) => `  ${`${label}:`.padEnd(18)}${value}`);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
