/**
 * Every output this package has, as text, for the leak suites: the Diagnosis JSON and its rendering, the CLI, and
 * everything one DiagnosticCredential call produces (the rethrown error, the attached diagnosis, events, JSON lines,
 * diagnostics channels, logger lines and OpenTelemetry spans).
 *
 * The rethrown error is searched where DiagnosticCredential promises to redact and where identity's own error
 * classes keep text: message, stack, name, its other string fields, `errorResponse`, `errors[]` and `cause`,
 * recursively, and a RestError's response body and headers. The `request` object a RestError carries belongs to the
 * HTTP pipeline and is left as it is.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { inspect } from "node:util";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { AzureLogger, getLogLevel, setLogLevel } from "@azure/logger";
import { ChainedTokenCredential } from "@azure/identity";
import {
  createJsonLinesSink,
  DIAGNOSTIC_CHANNELS,
  DiagnosticCredential,
  explainAuthError,
  getDiagnosis,
  renderDiagnosis,
} from "azure-identity-diagnostics";
import { createOpenTelemetryHandler } from "azure-identity-diagnostics/opentelemetry";
import { run } from "../../src/cli/run.js";
import { fakeIo } from "../cli/fakeIo.js";
import { ARM_SCOPE } from "../lab/scenarios/scenario.js";
import { spanText, startInMemoryTelemetry } from "../opentelemetry/inMemoryTelemetry.js";
import type { Output } from "./detectLeaks.js";

export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    // JSON.stringify returns undefined for undefined and functions, whatever its declared type says.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    return String(value);
  }
}

/** A field as a logger reads it: a getter that throws reads as nothing. */
function field(record: object, key: PropertyKey): unknown {
  try {
    return (record as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The text of an error wherever identity's error classes keep it (see the file comment). */
export function errorText(error: unknown, depth = 0): string {
  // Deeper than any limit of the package's own: a cause 70 levels down is still in the error a logger walks.
  if (error === null || typeof error !== "object" || depth > 100) return "";
  const response = field(error, "response") as { bodyAsText?: unknown; headers?: unknown } | null | undefined;
  const parts = [
    String(field(error, "message")),
    String(field(error, "stack")),
    String(field(error, "name")),
    asText(field(error, "errorResponse") ?? null),
    // A RestError's response body and headers: what the service said, printed by util.inspect.
    asText((response && field(response, "bodyAsText")) ?? null),
    asText((response && field(response, "headers")) ?? null),
    // Every other field util.inspect prints: correlationId, subError, code…
    ...Object.keys(error)
      .filter((key) => !["message", "stack", "name"].includes(key))
      .map((key) => field(error, key))
      .filter((value): value is string => typeof value === "string"),
  ];
  const errors = field(error, "errors");
  if (Array.isArray(errors)) for (const member of errors) parts.push(errorText(member, depth + 1));
  parts.push(errorText(field(error, "cause"), depth + 1));
  return parts.join("\n");
}

/** What a user pastes into `explain`: the error as `console.error` prints it. */
export const paste = (error: unknown): string => inspect(error, { depth: 10, breakLength: 120 });

/** Every `@azure/logger` line written while `action` runs, at verbose level; the logger is restored after. */
export async function loggerLines(action: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const previousLog = AzureLogger.log;
  const previousLevel = getLogLevel();
  setLogLevel("verbose");
  AzureLogger.log = (...args: unknown[]) => {
    lines.push(args.map(asText).join(" "));
  };
  try {
    await action();
  } finally {
    AzureLogger.log = previousLog;
    setLogLevel(previousLevel);
  }
  return lines;
}

/** Every message published on the package's diagnostics channels while `action` runs. */
export async function channelMessages(action: () => Promise<void>): Promise<string[]> {
  const messages: string[] = [];
  const listener = (message: unknown): void => {
    messages.push(asText(message));
  };
  const names = Object.values(DIAGNOSTIC_CHANNELS);
  for (const name of names) subscribe(name, listener);
  try {
    await action();
  } finally {
    for (const name of names) unsubscribe(name, listener);
  }
  return messages;
}

export class RejectingCredential implements TokenCredential {
  constructor(private readonly error: Error) {}
  getToken(): Promise<AccessToken | null> {
    return Promise.reject(this.error);
  }
}

/** The token a chain's second member hands out: a secret too, which no success event may repeat. */
export const ISSUED_TOKEN =
  "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiIxMTExMTExMS0yMjIyLTMzMzMtNDQ0NC01NTU1NTU1NTU1NTUiLCJmYWtlIjoiaXNzdWVkIn0.RkFLRS1pc3N1ZWQtdG9rZW4tc2lnbmF0dXJlLW5vdC1yZWFs";

export class IssuingCredential implements TokenCredential {
  getToken(): Promise<AccessToken> {
    return Promise.resolve({ token: ISSUED_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 });
  }
}

/** How DiagnosticCredential meets the error: thrown by a lone credential, or by a chain member. */
export const WRAPPINGS: { name: string; credential(error: Error): TokenCredential }[] = [
  { name: "lone credential", credential: (error) => new RejectingCredential(error) },
  {
    // The member's refusal is swallowed by the chain; only its diagnosis (warning event) reaches output.
    name: "chain member that falls through to a token",
    credential: (error) =>
      new ChainedTokenCredential(
        new RejectingCredential(renamed(error, "AuthenticationRequiredError")),
        new IssuingCredential(),
      ),
  },
  {
    name: "chain member of an aggregate failure",
    credential: (error) =>
      new ChainedTokenCredential(new RejectingCredential(renamed(error, "AuthenticationRequiredError"))),
  },
];

export function renamed(error: Error, name: string): Error {
  error.name = name;
  return error;
}

/** Every output of one DiagnosticCredential call that fails (or falls through) with `error`. */
export async function diagnosticCredentialOutputs(credential: TokenCredential): Promise<Output[]> {
  const telemetry = startInMemoryTelemetry();
  const toSpans = createOpenTelemetryHandler({
    tracer: telemetry.tracerProvider.getTracer("leaks"),
    meter: telemetry.meterProvider.getMeter("leaks"),
  });
  const events: string[] = [];
  const jsonLines: string[] = [];
  const sink = createJsonLinesSink({ write: (line: string) => jsonLines.push(line) });
  let thrown: unknown = undefined;
  let channel: string[] = [];
  const logLines = await loggerLines(async () => {
    channel = await channelMessages(async () => {
      const wrapped = new DiagnosticCredential(credential, {
        onEvent: (event) => {
          events.push(JSON.stringify(event));
          sink(event);
          toSpans(event);
        },
      });
      try {
        await wrapped.getToken(ARM_SCOPE);
      } catch (error) {
        thrown = error;
      }
    });
  });
  const diagnosis = getDiagnosis(thrown);
  const spans = telemetry.spans().map(spanText).join("\n");
  await telemetry.shutdown();
  return [
    { name: "rethrown error", text: errorText(thrown) },
    { name: "rethrown error, util.inspect", text: paste(thrown) },
    { name: "OpenTelemetry spans", text: spans },
    { name: "getDiagnosis(err)", text: asText(diagnosis ?? null) },
    {
      name: "renderDiagnosis(getDiagnosis(err))",
      text: diagnosis ? renderDiagnosis(diagnosis, { includeMessage: true }) : "",
    },
    { name: "onEvent events", text: events.join("\n") },
    { name: "JSON-lines sink", text: jsonLines.join("") },
    { name: "diagnostics_channel messages", text: channel.join("\n") },
    // identity's own lines (a chain logs its members' errors) are not ours to change; the lab tests pin them.
    {
      name: "@azure/logger lines",
      text: logLines.filter((line) => line.startsWith("azure:identity-diagnostics:")).join("\n"),
    },
  ];
}

export async function cliOutputs(text: string): Promise<Output[]> {
  const plain = fakeIo({ stdin: text });
  await run(["explain", "--message"], plain);
  const coloured = fakeIo({ stdin: text });
  await run(["explain", "--message", "--color"], coloured);
  const json = fakeIo({ stdin: text });
  await run(["explain", "--json"], json);
  return [
    { name: "CLI explain --message", text: plain.out() + plain.err() },
    { name: "CLI explain --message --color", text: coloured.out() + coloured.err() },
    { name: "CLI explain --json", text: json.out() + json.err() },
  ];
}

export function libraryOutputs(error: unknown): Output[] {
  const diagnosis = explainAuthError(error);
  return [
    { name: "explainAuthError JSON", text: JSON.stringify(diagnosis) },
    { name: "renderDiagnosis", text: renderDiagnosis(diagnosis, { includeMessage: true }) },
    {
      name: "renderDiagnosis with color",
      text: renderDiagnosis(diagnosis, { color: true, includeMessage: true }),
    },
  ];
}
