/**
 * Recipe: every authentication event as one line of JSON on standard output, for whatever ships the process's
 * output (Fluent Bit, Vector, the Azure Monitor agent, `kubectl logs`, a container platform's log stream).
 *
 *   npx tsx examples/recipes/jsonLinesToStdout.ts
 *
 * The test suite calls `withJsonLines` with a credential that fails against the lab.
 */
import { DefaultAzureCredential } from "@azure/identity";
import type { TokenCredential } from "@azure/core-auth";
import { createJsonLinesSink, DiagnosticCredential, type LineWriter } from "azure-identity-diagnostics";

/** Wraps `credential` so each event is written as a JSON line to `out` (standard output by default). */
export function withJsonLines(credential: TokenCredential, out?: LineWriter): DiagnosticCredential {
  return new DiagnosticCredential(credential, {
    onEvent: createJsonLinesSink(out),
    // The JSON lines replace the human-readable logger output; keep one copy of each event.
    logging: false,
  });
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const credential = withJsonLines(new DefaultAzureCredential());
  try {
    await credential.getToken("https://management.azure.com/.default");
  } catch {
    // The failure, with its diagnosis, is already on standard output as a token.failure line.
    process.exitCode = 1;
  }
}
