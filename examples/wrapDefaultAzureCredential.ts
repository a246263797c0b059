/**
 * Wrap DefaultAzureCredential and log every event as one JSON line.
 *
 *   npx tsx examples/wrapDefaultAzureCredential.ts 2> events.jsonl
 *
 * The test suite calls `wrapAndLog` with a chain pointed at the lab and a writer that collects the lines.
 */
import { DefaultAzureCredential } from "@azure/identity";
import type { TokenCredential } from "@azure/core-auth";
import {
  createJsonLinesSink,
  DiagnosticCredential,
  getDiagnosis,
  type LineWriter,
} from "azure-identity-diagnostics";

export async function wrapAndLog(inner: TokenCredential, scope: string, out: LineWriter): Promise<string> {
  const credential = new DiagnosticCredential(inner, {
    onEvent: createJsonLinesSink(out),
    // DefaultAzureCredential can wait forever on a managed identity endpoint that never answers.
    timeoutMs: 15_000,
  });
  try {
    await credential.getToken(scope);
    return "got a token";
  } catch (err) {
    // The same error DefaultAzureCredential threw, with its diagnosis attached.
    return getDiagnosis(err)?.summary ?? String(err);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = await wrapAndLog(
    new DefaultAzureCredential(),
    "https://management.azure.com/.default",
    process.stderr,
  );
  console.log(summary);
}
