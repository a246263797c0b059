/**
 * Delivers events to the user's hook, to the `azure:identity-diagnostics:*` logger, so `AZURE_LOG_LEVEL`
 * shows them next to identity's own lines, and to the `node:diagnostics_channel` channels. A hook that throws
 * is reported on the logger and otherwise ignored.
 */
import { createClientLogger, type AzureLogger } from "@azure/logger";
import { redactSecrets, redactStructure } from "../diagnosis/redact.js";
import { hasChannelSubscribers, publishDiagnosticEvent } from "./channels.js";
import type { DiagnosticEvent, DiagnosticEventHandler } from "./types.js";

/** The logger every `DiagnosticCredential` writes to: namespaces `azure:identity-diagnostics:{level}`. */
const diagnosticsLogger = createClientLogger("identity-diagnostics");

type Level = "verbose" | "info" | "warning";

function levelOf(event: DiagnosticEvent): Level {
  switch (event.type) {
    case "token.failure":
    case "token.warning":
      return "warning";
    case "token.success":
      return "info";
    default:
      return "verbose";
  }
}

function logLine(event: DiagnosticEvent): string {
  switch (event.type) {
    case "token.failure":
      return `${event.credential} getToken failed after ${Math.round(event.durationMs)} ms: ${event.diagnosis.summary}`;
    case "token.success":
      return `${event.credential} getToken succeeded with ${event.succeededWith} in ${Math.round(event.durationMs)} ms`;
    case "token.warning":
      return event.message;
    case "attempt.end":
      return `${event.credential} member ${event.member}: ${event.outcome} (${Math.round(event.durationMs)} ms)`;
    case "attempt.start":
      return `${event.credential} member ${event.member}: started`;
    case "token.request":
      return `${event.credential} getToken requested for ${event.scopes.join(" ")}`;
  }
}

/** Sends events to a hook, a logger and the diagnostics channels. */
export class EventDispatcher {
  readonly #handler: DiagnosticEventHandler | undefined;
  readonly #logger: AzureLogger | undefined;

  /** `logging`: also write to the `azure:identity-diagnostics` logger. */
  constructor(handler: DiagnosticEventHandler | undefined, logging: boolean) {
    this.#handler = handler;
    this.#logger = logging ? diagnosticsLogger : undefined;
  }

  /** Whether anyone will receive events; when not, callers skip building them. */
  get active(): boolean {
    const logger = this.#logger;
    return (
      this.#handler !== undefined ||
      (logger !== undefined && (logger.info.enabled || logger.verbose.enabled || logger.warning.enabled)) ||
      hasChannelSubscribers()
    );
  }

  emit(unredacted: DiagnosticEvent): void {
    // Every receiver gets the event through the one redaction step; an event that cannot be redacted is dropped.
    let event: DiagnosticEvent;
    try {
      event = redactStructure(unredacted);
    } catch {
      return;
    }
    const logger = this.#logger;
    if (logger) {
      const log = logger[levelOf(event)];
      if (log.enabled) log(`${event.type} ${logLine(event)}`, JSON.stringify(event));
    }
    publishDiagnosticEvent(event);
    if (!this.#handler) return;
    const dropped = (hookError: unknown): void => {
      logger?.warning(
        `onEvent threw while handling ${event.type}; the event was dropped: ${describe(hookError)}`,
      );
    };
    try {
      // An async hook's rejection would otherwise surface as an unhandled rejection in the user's process.
      const result: unknown = this.#handler(event);
      if (isThenable(result)) result.then(undefined, dropped);
    } catch (hookError) {
      dropped(hookError);
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return typeof (value as { then?: unknown } | null)?.then === "function";
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error
      ? redactSecrets(`${error.name}: ${error.message.slice(0, 200)}`)
      : typeof error;
  } catch {
    return "unreadable error";
  }
}

/** Where JSON lines go: anything with a `write` method, such as `process.stdout` or a file stream. */
export interface LineWriter {
  write(line: string): unknown;
}

/**
 * An `onEvent` handler writing each event as one line of JSON (JSON Lines), ready for log shippers.
 * Defaults to standard output.
 */
export function createJsonLinesSink(writer?: LineWriter): DiagnosticEventHandler {
  const out: LineWriter = writer ?? {
    write: (line: string) => {
      const stdout = (globalThis as { process?: { stdout?: LineWriter } }).process?.stdout;
      if (stdout) stdout.write(line);
      else console.log(line.trimEnd());
    },
  };
  return (event) => {
    out.write(`${JSON.stringify(event)}\n`);
  };
}
