/**
 * Recipe: authentication events as pino log records. Failures are `error` records whose message is the
 * diagnosis summary; the whole event rides along under `azureIdentity`, so log search can filter on
 * `azureIdentity.diagnosis.stsCode` or `azureIdentity.diagnosis.correlationId`.
 *
 *   npx tsx examples/recipes/pinoLogger.ts
 *
 * The test suite calls `pinoHandler` with a logger writing to memory and a credential failing against the lab.
 */
import { DefaultAzureCredential } from "@azure/identity";
import { pino, type DestinationStream, type Level, type Logger } from "pino";
import {
  DiagnosticCredential,
  type DiagnosticEvent,
  type DiagnosticEventHandler,
} from "azure-identity-diagnostics";

function levelOf(event: DiagnosticEvent): Level {
  if (event.type === "token.failure") return "error";
  if (event.type === "token.warning") return "warn";
  return event.type === "token.success" ? "info" : "debug";
}

function messageOf(event: DiagnosticEvent): string {
  if (event.type === "token.failure") return event.diagnosis.summary;
  if (event.type === "token.warning") return event.message;
  return `${event.type} ${event.credential}`;
}

/** An `onEvent` handler writing each event to `logger` (a child logger marks the records' origin). */
export function pinoHandler(logger: Logger): DiagnosticEventHandler {
  const log = logger.child({ component: "azure-identity" });
  return (event) => {
    log[levelOf(event)]({ azureIdentity: event }, messageOf(event));
  };
}

/** The application's logger: JSON to standard output by default, debug records included. */
export function createAppLogger(destination: DestinationStream = pino.destination(1)): Logger {
  return pino({ level: "debug" }, destination);
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const onEvent = pinoHandler(createAppLogger());
  const credential = new DiagnosticCredential(new DefaultAzureCredential(), { onEvent, logging: false });
  await credential.getToken("https://management.azure.com/.default").catch(() => (process.exitCode = 1));
}
