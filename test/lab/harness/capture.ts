/**
 * Captures everything a run can emit: DiagnosticCredential events, every `@azure/logger` line (identity's,
 * MSAL's via identity, ours) at verbose level, and whatever errors and renderings the test adds. Leak tests
 * search the lot for known secret values.
 */
import { AzureLogger, getLogLevel, setLogLevel, type AzureLogLevel } from "@azure/logger";
import type { DiagnosticEvent } from "azure-identity-diagnostics";

export interface Capture {
  readonly events: DiagnosticEvent[];
  readonly logLines: string[];
  onEvent(event: DiagnosticEvent): void;
  /** Adds any value (an error, a diagnosis, a rendering) to what is searched. */
  add(value: unknown): void;
  /** Everything captured, as one searchable text. */
  text(): string;
  /**
   * What this library produced: events, its own logger lines and the values added. Other packages' log lines
   * (`azure:identity:*`, MSAL through identity) are left out: we cannot change what they print.
   */
  ownText(): string;
  /** Which of `secrets` appear anywhere in what was captured (also base64 and URL-encoded forms). */
  leaked(secrets: readonly string[]): string[];
  /** Which of `secrets` appear in `ownText()`. */
  leakedByLibrary(secrets: readonly string[]): string[];
  stop(): void;
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) {
    const own = Object.getOwnPropertyNames(value).map((key) => {
      try {
        return `${key}=${describeValue((value as unknown as Record<string, unknown>)[key])}`;
      } catch {
        return key;
      }
    });
    const cause = "cause" in value ? describeValue(value.cause) : "";
    return [`${value.name}: ${value.message}`, value.stack ?? "", ...own, cause].join("\n");
  }
  try {
    // JSON.stringify returns undefined for undefined and functions, whatever its declared type says.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    return String(value);
  }
}

function encodings(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString("base64"),
    Buffer.from(secret).toString("base64url"),
  ];
}

const OWN_LOG_NAMESPACE = "azure:identity-diagnostics:";

function findIn(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) =>
    encodings(secret).some((form) => form.length >= 6 && text.includes(form)),
  );
}

export function startCapture(level: AzureLogLevel = "verbose"): Capture {
  const events: DiagnosticEvent[] = [];
  const logLines: string[] = [];
  const extras: string[] = [];
  const previousLevel = getLogLevel();
  const previousLog = AzureLogger.log;
  setLogLevel(level);
  AzureLogger.log = (...args: unknown[]) => {
    logLines.push(args.map(describeValue).join(" "));
  };
  return {
    events,
    logLines,
    onEvent: (event) => events.push(event),
    add: (value) => extras.push(describeValue(value)),
    text: () => [...events.map((e) => JSON.stringify(e)), ...logLines, ...extras].join("\n"),
    ownText: () =>
      [
        ...events.map((e) => JSON.stringify(e)),
        ...logLines.filter((line) => line.startsWith(OWN_LOG_NAMESPACE)),
        ...extras,
      ].join("\n"),
    leaked(secrets) {
      return findIn(this.text(), secrets);
    },
    leakedByLibrary(secrets) {
      return findIn(this.ownText(), secrets);
    },
    stop() {
      AzureLogger.log = previousLog;
      setLogLevel(previousLevel);
    },
  };
}
