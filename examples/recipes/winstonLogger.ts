/**
 * Recipe: authentication events as winston log entries in JSON. Failures are `error` entries whose message is
 * the diagnosis summary; the whole event rides along under `azureIdentity`.
 *
 *   npx tsx examples/recipes/winstonLogger.ts
 *
 * The test suite gives `createAppLogger` a stream writing to memory.
 */
import { DefaultAzureCredential } from "@azure/identity";
import winston from "winston";
import {
  DiagnosticCredential,
  type DiagnosticEvent,
  type DiagnosticEventHandler,
} from "azure-identity-diagnostics";

function levelOf(event: DiagnosticEvent): "error" | "warn" | "info" | "debug" {
  if (event.type === "token.failure") return "error";
  if (event.type === "token.warning") return "warn";
  return event.type === "token.success" ? "info" : "debug";
}

function messageOf(event: DiagnosticEvent): string {
  if (event.type === "token.failure") return event.diagnosis.summary;
  if (event.type === "token.warning") return event.message;
  return `${event.type} ${event.credential}`;
}

/** An `onEvent` handler writing each event to `logger`. */
export function winstonHandler(logger: winston.Logger): DiagnosticEventHandler {
  const log = logger.child({ component: "azure-identity" });
  return (event) => {
    log.log(levelOf(event), messageOf(event), { azureIdentity: event });
  };
}

/** The application's logger: JSON lines with a timestamp, to standard output by default, debug entries included. */
export function createAppLogger(stream: NodeJS.WritableStream = process.stdout): winston.Logger {
  return winston.createLogger({
    level: "debug",
    format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- winston types its transports as interfaces
    transports: [new winston.transports.Stream({ stream })],
  });
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const onEvent = winstonHandler(createAppLogger());
  const credential = new DiagnosticCredential(new DefaultAzureCredential(), { onEvent, logging: false });
  await credential.getToken("https://management.azure.com/.default").catch(() => (process.exitCode = 1));
}
