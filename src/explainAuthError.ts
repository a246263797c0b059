import { diagnose } from "./diagnosis/diagnose.js";
import { redactSecrets } from "./diagnosis/redact.js";
import type { Diagnosis } from "./diagnosis/types.js";

/** What `explainAuthError` returns when diagnosing itself failed: still a valid, honest `Diagnosis`. */
function undiagnosable(value: unknown): Diagnosis {
  let message = "";
  try {
    message = typeof value === "string" ? redactSecrets(value.slice(0, 4096)) : "";
  } catch {
    message = "";
  }
  return {
    summary: "The error could not be read, so it could not be diagnosed",
    category: "other",
    confidence: "low",
    errorName: null,
    runtime: "unknown",
    stsCode: null,
    stsCodes: [],
    oauthError: null,
    subError: null,
    correlationId: null,
    traceId: null,
    timestamp: null,
    httpStatus: null,
    serviceErrorCode: null,
    tokenIdentity: null,
    credentials: [],
    attempts: [],
    matches: [],
    retryable: false,
    lookupUrl: null,
    message,
  };
}

/**
 * Explains an authentication failure: an `@azure/identity` error (thrown by any build or version), an MSAL
 * error, a service's 401/403 `RestError`, or text pasted from Python, Go, .NET, Java, the Azure CLI, azd,
 * Azure PowerShell or an Azure DevOps log. Never throws, whatever it is given.
 *
 * @example
 * ```ts
 * try {
 *   await credential.getToken("https://management.azure.com/.default");
 * } catch (err) {
 *   console.error(renderDiagnosis(explainAuthError(err)));
 * }
 * ```
 */
export function explainAuthError(err: unknown): Diagnosis {
  try {
    return diagnose(err);
  } catch {
    return undiagnosable(err);
  }
}
