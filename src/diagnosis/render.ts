/**
 * The readable form of a diagnosis: what failed, why, what to do, each chain member on one line, and the
 * IDs to quote to support. Plain text unless colour is asked for.
 */
import { paletteFor, type Palette } from "./palette.js";
import type { AttemptDiagnosis, AttemptOutcome, Diagnosis, KnowledgeMatch } from "./types.js";

/** How {@link renderDiagnosis} writes. */
export interface RenderOptions {
  /** ANSI colours and symbols for a terminal. Default `false`. */
  readonly color?: boolean;
  /** Also print the original (redacted) message. Default `false`. */
  readonly includeMessage?: boolean;
}

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

function attemptLine(attempt: RenderableAttempt, p: Palette): string {
  const time = attempt.durationMs === null ? "" : p.dim(` (${Math.round(attempt.durationMs)} ms)`);
  return `  ${outcomeMark(attempt.outcome, p)} ${attempt.summary}${time}`;
}

function section(title: string, lines: readonly string[], p: Palette): string[] {
  return lines.length === 0 ? [] : ["", p.bold(title), ...lines];
}

/** Renders `diagnosis` for people. Never throws, even on a partial or malformed diagnosis. */
export function renderDiagnosis(diagnosis: Diagnosis, options: RenderOptions = {}): string {
  return renderReadable(renderable(diagnosis), {
    color: Boolean(field(options, "color")),
    includeMessage: Boolean(field(options, "includeMessage")),
  });
}

function renderReadable(diagnosis: Renderable, options: Required<RenderOptions>): string {
  const p = paletteFor(options.color);
  const top = diagnosis.matches[0];
  const facts = [
    `category ${diagnosis.category}`,
    diagnosis.confidence && `${diagnosis.confidence} confidence`,
    diagnosis.stsCode,
    diagnosis.httpStatus === null ? null : `HTTP ${diagnosis.httpStatus}`,
    diagnosis.serviceErrorCode,
    diagnosis.oauthError,
    diagnosis.retryable ? "may succeed if retried" : "retrying will not help",
  ].filter((f): f is string => typeof f === "string" && f !== "");

  const support = supportRows(diagnosis).map(([label, value]) => `  ${`${label}:`.padEnd(16)}${value}`);

  // Anything short of a specific match is a likely explanation, and says so.
  const hedge = diagnosis.confidence === "medium" || diagnosis.confidence === "low" ? "Most likely: " : "";
  const lines = [
    `${p.red(p.bold(diagnosis.category === "permission-denied" ? "Access denied:" : "Authentication failed:"))} ${diagnosis.summary}`,
    p.dim(facts.join(" | ")),
    ...section(
      "Why",
      top
        ? [`  ${hedge}${top.cause}`]
        : [
            hedge
              ? "  No knowledge entry matched; most likely the original message below says what failed."
              : "  No knowledge entry matched; the original message is below.",
          ],
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

// A diagnosis read back from JSON, from another version or built in plain JavaScript may lack fields or hold
// the wrong types; rendering shows what is there instead of throwing in the caller's catch block.

type RenderableAttempt = Pick<AttemptDiagnosis, "outcome" | "summary" | "durationMs">;
type RenderableMatch = Pick<KnowledgeMatch, "id" | "title" | "cause" | "mitigations" | "docs">;
type Renderable = Omit<Diagnosis, "category" | "confidence" | "attempts" | "matches"> & {
  category: string;
  /** `null` for a diagnosis from a version without it: nothing is hedged. */
  confidence: Diagnosis["confidence"] | null;
  attempts: RenderableAttempt[];
  matches: RenderableMatch[];
};

function field(record: unknown, key: string): unknown {
  return record !== null && typeof record === "object" ? (record as Record<string, unknown>)[key] : undefined;
}
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
const records = (value: unknown): object[] =>
  Array.isArray(value) ? value.filter((v): v is object => v !== null && typeof v === "object") : [];
const finite = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

const confidenceOf = (value: unknown): Diagnosis["confidence"] | null =>
  value === "high" || value === "medium" || value === "low" ? value : null;

function renderable(d: unknown): Renderable {
  const identity = field(d, "tokenIdentity");
  const outcome = (value: unknown): AttemptOutcome =>
    typeof value === "string" && Object.hasOwn(OUTCOME_MARK, value) ? (value as AttemptOutcome) : "skipped";
  return {
    summary: text(field(d, "summary")) ?? "",
    category: text(field(d, "category")) ?? "other",
    confidence: confidenceOf(field(d, "confidence")),
    errorName: text(field(d, "errorName")),
    runtime: "unknown",
    stsCode: text(field(d, "stsCode")),
    stsCodes: texts(field(d, "stsCodes")),
    oauthError: text(field(d, "oauthError")),
    subError: text(field(d, "subError")),
    correlationId: text(field(d, "correlationId")),
    traceId: text(field(d, "traceId")),
    timestamp: text(field(d, "timestamp")),
    httpStatus: finite(field(d, "httpStatus")),
    serviceErrorCode: text(field(d, "serviceErrorCode")),
    tokenIdentity:
      identity !== null && typeof identity === "object"
        ? {
            tenantId: text(field(identity, "tenantId")),
            objectId: text(field(identity, "objectId")),
            appId: text(field(identity, "appId")),
            identityType: text(field(identity, "identityType")),
            audience: text(field(identity, "audience")),
            issuer: text(field(identity, "issuer")),
            expiresOn: text(field(identity, "expiresOn")),
            managedIdentityResourceId: text(field(identity, "managedIdentityResourceId")),
            roles: texts(field(identity, "roles")),
            scopes: texts(field(identity, "scopes")),
            userName: text(field(identity, "userName")),
          }
        : null,
    credentials: texts(field(d, "credentials")),
    attempts: records(field(d, "attempts")).map((a) => ({
      outcome: outcome(field(a, "outcome")),
      summary: text(field(a, "summary")) ?? "",
      durationMs: finite(field(a, "durationMs")),
    })),
    matches: records(field(d, "matches")).map((m) => ({
      id: text(field(m, "id")) ?? "",
      title: text(field(m, "title")) ?? "",
      cause: text(field(m, "cause")) ?? "",
      mitigations: texts(field(m, "mitigations")),
      docs: texts(field(m, "docs")),
    })),
    retryable: field(d, "retryable") === true,
    lookupUrl: text(field(d, "lookupUrl")),
    message: text(field(d, "message")) ?? "",
  };
}

/** The IDs to quote to support, labelled as the rendering and the explain page show them; absent ones left out. */
export function supportRows(
  d: Pick<Diagnosis, "correlationId" | "traceId" | "timestamp" | "lookupUrl">,
): [string, string][] {
  return presentRows([
    ["Correlation ID", d.correlationId],
    ["Trace ID", d.traceId],
    ["Timestamp", d.timestamp],
    ["Code lookup", d.lookupUrl],
  ]);
}

/** Who a refused token was issued to, labelled as the rendering and the explain page show it. */
export function tokenIdentityRows(identity: Diagnosis["tokenIdentity"]): [string, string][] {
  if (!identity) return [];
  return presentRows([
    ["Tenant", identity.tenantId],
    ["Object ID", identity.objectId],
    ["App ID", identity.appId],
    ["Identity type", identity.identityType],
    ["Audience", identity.audience],
    ["Expires", identity.expiresOn],
    ["Managed identity", identity.managedIdentityResourceId],
    ["Roles", identity.roles.length > 0 ? identity.roles.join(", ") : null],
    ["Scopes", identity.scopes.length > 0 ? identity.scopes.join(" ") : null],
  ]);
}

function presentRows(rows: [string, string | null][]): [string, string][] {
  return rows.filter((row): row is [string, string] => row[1] !== null && row[1] !== "");
}

function identityLines(identity: Diagnosis["tokenIdentity"]): string[] {
  return tokenIdentityRows(identity).map(([label, value]) => `  ${`${label}:`.padEnd(18)}${value}`);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
