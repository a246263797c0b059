/**
 * Explain an authentication failure in a catch block.
 *
 *   npx tsx examples/explainInCatch.ts
 *
 * Uses DefaultAzureCredential as configured on this machine; with nothing configured it explains why no
 * credential could be used. The test suite calls `getTokenOrExplain` with a credential pointed at the lab.
 */
import { DefaultAzureCredential } from "@azure/identity";
import type { TokenCredential } from "@azure/core-auth";
import { explainAuthError, renderDiagnosis, type Diagnosis } from "azure-identity-diagnostics";

export interface Outcome {
  ok: boolean;
  diagnosis: Diagnosis | null;
  report: string;
}

export async function getTokenOrExplain(
  credential: TokenCredential,
  scope: string,
  color = false,
): Promise<Outcome> {
  try {
    const token = await credential.getToken(scope);
    return { ok: token !== null, diagnosis: null, report: "got a token" };
  } catch (err) {
    // explainAuthError never throws, whatever `err` is: safe in any catch block.
    const diagnosis = explainAuthError(err);
    return { ok: false, diagnosis, report: renderDiagnosis(diagnosis, { color }) };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await getTokenOrExplain(
    new DefaultAzureCredential(),
    "https://management.azure.com/.default",
    process.stdout.isTTY,
  );
  console.log(outcome.report);
}
