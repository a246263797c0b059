/**
 * `doctor --live`: really asks DefaultAzureCredential for a token, through DiagnosticCredential, and reports each
 * member's attempt, who the token speaks for (never the token), and the smallest chain that would have done.
 */
import type { DefaultAzureCredentialOptions } from "@azure/identity";
import { DiagnosticCredential } from "../../diagnosticCredential.js";
import { getDiagnosis } from "../../diagnosis/attach.js";
import { readTokenIdentity, type TokenIdentity } from "../../diagnosis/tokenIdentity.js";
import type { AttemptDiagnosis, AttemptOutcome, Diagnosis } from "../../diagnosis/types.js";
import { explainAuthError } from "../../explainAuthError.js";
import type { DiagnosticEvent, EventAttempt } from "../../events/types.js";
import type { EnvironmentMap } from "./environment.js";
import { withProcessEnvironment } from "./processEnvironment.js";
import { NAMEABLE } from "./tokenCredentials.js";

export const DEFAULT_LIVE_SCOPE = "https://management.azure.com/.default";
export const DEFAULT_LIVE_TIMEOUT_MS = 15_000;

export interface LiveCheckOptions {
  /**
   * The environment to run DefaultAzureCredential in. Identity reads `process.env`, so the relevant variables
   * (AZURE_*, IDENTITY_*, MSI_*, IMDS_*, proxies, PATH, HOME…) of `process.env` are replaced by these for the
   * call's duration and restored after. Pass `process.env` to run as the process is.
   */
  env: EnvironmentMap;
  /** Default `https://management.azure.com/.default`. */
  scope?: string;
  /** Stop waiting after this many milliseconds. Default 15000. */
  timeoutMs?: number;
  /** Receives DiagnosticCredential's events as they happen (for a progress display). */
  onEvent?: (event: DiagnosticEvent) => void;
  /** Passed to `new DefaultAzureCredential()`. */
  credentialOptions?: DefaultAzureCredentialOptions;
  /** Also read the user name (`upn`…) into `identity.userName`; left out by default. */
  includeUserNames?: boolean;
}

/** One member's attempt, as observed. */
export interface LiveAttempt {
  credential: string;
  outcome: AttemptOutcome;
  durationMs: number | null;
  errorName: string | null;
  /** One line: what happened (redacted). */
  summary: string;
}

/** How to keep only what worked. */
export interface ChainSuggestion {
  /** e.g. `AZURE_TOKEN_CREDENTIALS=AzureCliCredential`. */
  setting: string;
  /** The wider family that also includes it: `AZURE_TOKEN_CREDENTIALS=dev` or `=prod`. */
  family: string;
  /** Or, in code: `new AzureCliCredential()`. */
  inCode: string;
  note: string | null;
}

export interface LiveCheckResult {
  scope: string;
  timeoutMs: number;
  outcome: "success" | "failure";
  /** Whether the timeout stopped the call (a request may still be open in the background). */
  timedOut: boolean;
  durationMs: number;
  attempts: LiveAttempt[];
  /** The member that returned the token. */
  succeededWith: string | null;
  /** Who the token speaks for, decoded from it; user names left out unless `includeUserNames`. */
  identity: TokenIdentity | null;
  expiresOn: string | null;
  suggestion: ChainSuggestion | null;
  /** On failure: the diagnosis (also what `renderDiagnosis` prints). */
  diagnosis: Diagnosis | null;
}

const DEV_MEMBERS = new Set([
  "VisualStudioCodeCredential",
  "AzureCliCredential",
  "AzurePowerShellCredential",
  "AzureDeveloperCliCredential",
]);

function suggestChain(winner: string, current: string | undefined): ChainSuggestion | null {
  const name = NAMEABLE.find((n) => n.toLowerCase() === winner.toLowerCase());
  if (!name) return null;
  const family = DEV_MEMBERS.has(name) ? "dev" : "prod";
  const already = current?.trim().toLowerCase() === name.toLowerCase();
  let note: string | null = already ? "AZURE_TOKEN_CREDENTIALS already names only this credential." : null;
  if (!already && name === "ManagedIdentityCredential") {
    note =
      "With this value DefaultAzureCredential skips its IMDS probe and retries longer when the endpoint is down.";
  }
  return {
    setting: `AZURE_TOKEN_CREDENTIALS=${name}`,
    family: `AZURE_TOKEN_CREDENTIALS=${family}`,
    inCode: `new ${name}()`,
    note,
  };
}

function toLive(attempts: readonly (AttemptDiagnosis | EventAttempt)[]): LiveAttempt[] {
  return attempts.map((a) => ({
    credential: a.credential ?? "?",
    outcome: a.outcome,
    durationMs: a.durationMs === null ? null : Math.round(a.durationMs),
    errorName: a.errorName,
    summary: a.summary,
  }));
}

/**
 * Calls `getToken` on `DiagnosticCredential(new DefaultAzureCredential())` once. Never throws: a failure (or a
 * constructor that throws) is returned with its diagnosis. The token itself is never returned.
 *
 * @example
 * ```ts
 * const result = await tryDefaultAzureCredential({ env: process.env, timeoutMs: 10_000 });
 * if (result.outcome === "success") console.log(result.succeededWith, result.identity?.objectId);
 * ```
 */
export async function tryDefaultAzureCredential(options: LiveCheckOptions): Promise<LiveCheckResult> {
  const scope = options.scope ?? DEFAULT_LIVE_SCOPE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LIVE_TIMEOUT_MS;
  const started = performance.now();
  const base = { scope, timeoutMs };
  return withProcessEnvironment(options.env, async () => {
    let success: Extract<DiagnosticEvent, { type: "token.success" }> | null = null;
    let timedOut = false;
    const onEvent = (event: DiagnosticEvent): void => {
      if (event.type === "token.success") success = event;
      if (event.type === "token.warning" && event.code === "timeout") timedOut = true;
      options.onEvent?.(event);
    };
    try {
      const { DefaultAzureCredential } = await import("@azure/identity");
      const credential = new DiagnosticCredential(new DefaultAzureCredential(options.credentialOptions), {
        onEvent,
        timeoutMs,
        logging: false,
      });
      const token = await credential.getToken(scope);
      const event = success as Extract<DiagnosticEvent, { type: "token.success" }> | null;
      const succeededWith = event?.succeededWith ?? null;
      return {
        ...base,
        outcome: token ? "success" : "failure",
        timedOut: false,
        durationMs: Math.round(performance.now() - started),
        attempts: toLive(event?.attempts ?? []),
        succeededWith,
        identity: token
          ? readTokenIdentity(token.token, { includeUserNames: options.includeUserNames === true })
          : null,
        expiresOn: token ? new Date(token.expiresOnTimestamp).toISOString() : null,
        suggestion:
          succeededWith === null ? null : suggestChain(succeededWith, options.env.AZURE_TOKEN_CREDENTIALS),
        diagnosis: null,
      };
    } catch (error) {
      const diagnosis = getDiagnosis(error) ?? explainAuthError(error);
      return {
        ...base,
        outcome: "failure",
        timedOut,
        durationMs: Math.round(performance.now() - started),
        attempts: toLive(diagnosis.attempts),
        succeededWith: null,
        identity: null,
        expiresOn: null,
        suggestion: null,
        diagnosis,
      };
    }
  });
}
