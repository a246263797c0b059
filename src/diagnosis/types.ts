/**
 * The shapes `explainAuthError` returns. Everything here is plain data: JSON-serialisable, no classes,
 * no functions, `null` (never `undefined`) for a fact that is absent, so `JSON.stringify` keeps every key.
 */
import type { DiagnosisCategory } from "../knowledge/diagnosisCategories.js";
import type { ErrorRuntime } from "../knowledge/errorRuntimes.js";
import type { TokenIdentity } from "./tokenIdentity.js";

/** How sure a diagnosis is, most sure first. */
export const DIAGNOSIS_CONFIDENCES = ["high", "medium", "low"] as const;

/**
 * How sure a diagnosis is: `"high"` when an AADSTS code or an entry's own wording (a phrase, pattern or service
 * code) matched; `"medium"` when it was inferred from family signals (an AADSTS code's range, an OAuth error, a
 * status line, the credential that failed) or from an entry that only fits the error's name or status; `"low"`
 * when nothing specific was recognised. The rendering says "most likely" unless it is `"high"`.
 */
export type DiagnosisConfidence = (typeof DIAGNOSIS_CONFIDENCES)[number];

/** A knowledge-base entry that matched, as it appears in a diagnosis. */
export interface KnowledgeMatch {
  /** Permanent kebab-case id of the entry (see the error index). */
  id: string;
  title: string;
  category: DiagnosisCategory;
  /** Why it happens. */
  cause: string;
  /** What to do, most likely fix first. */
  mitigations: string[];
  docs: string[];
  /** Whether trying again later, unchanged, can succeed. */
  retryable: boolean;
  /** Relative strength of the match; only meaningful to order matches of one diagnosis. */
  score: number;
}

/** How one member of a credential chain fared. */
export const ATTEMPT_OUTCOMES = ["succeeded", "unavailable", "failed", "skipped", "timed-out"] as const;

/** One of {@link ATTEMPT_OUTCOMES}. */
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** One member's attempt inside a chain (ChainedTokenCredential, DefaultAzureCredential, or a pasted aggregate). */
export interface AttemptDiagnosis {
  /** Credential type, e.g. `"AzureCliCredential"`; `null` when the text does not say. */
  credential: string | null;
  outcome: AttemptOutcome;
  /** The error's `name`, e.g. `"CredentialUnavailableError"`; `null` on success or when unknown. */
  errorName: string | null;
  /** One line: what happened to this member. */
  summary: string;
  category: DiagnosisCategory;
  stsCode: string | null;
  correlationId: string | null;
  traceId: string | null;
  timestamp: string | null;
  /** Best knowledge entry for this member alone. */
  match: KnowledgeMatch | null;
  /** The member's own message, redacted. Empty on success. */
  message: string;
  /** Measured time, when the attempt was observed live by `DiagnosticCredential`; otherwise `null`. */
  durationMs: number | null;
}

/**
 * What `explainAuthError` concluded. Stable, documented and JSON-serialisable: the CLI prints exactly this
 * object with `--json`.
 */
export interface Diagnosis {
  /** One line: what failed and why, root cause first. */
  summary: string;
  category: DiagnosisCategory;
  /** How sure the category and the leading match are; see {@link DiagnosisConfidence}. */
  confidence: DiagnosisConfidence;
  /** The thrown error's `name` (`"AuthenticationRequiredError"`, `"RestError"`…); `null` for strings. */
  errorName: string | null;
  /** Which runtime or tool most likely printed the message. */
  runtime: ErrorRuntime;
  /** First Microsoft Entra ID (AADSTS) code, e.g. `"AADSTS7000215"`. */
  stsCode: string | null;
  /** Every AADSTS code found, in order of appearance, without repeats. */
  stsCodes: string[];
  /** OAuth 2.0 error code, e.g. `"invalid_client"`. */
  oauthError: string | null;
  /** MSAL or STS sub-error, e.g. `"basic_action"`. */
  subError: string | null;
  correlationId: string | null;
  traceId: string | null;
  /** As the STS or tool printed it (not reformatted). */
  timestamp: string | null;
  /** HTTP status of the failing response, when known. */
  httpStatus: number | null;
  /** A service's own error code after a token was obtained, e.g. ARM's `"AuthorizationFailed"`. */
  serviceErrorCode: string | null;
  /**
   * For a service's 401/403: who the refused token was issued to (tenant, object id, app id, audience…),
   * decoded from the failed request's Authorization header. The token itself is never kept; user names are
   * left out. `null` when the error carries no request or no readable token.
   */
  tokenIdentity: TokenIdentity | null;
  /**
   * The identity credential classes involved, by their JavaScript names: those `DiagnosticCredential` observed
   * (the wrapped credential, then each member it saw tried), then every class the error's text names, chains
   * included, in order of appearance, then the one a JavaScript stack names. Nothing is inferred from wording:
   * the Azure CLI's own "Please run 'az login'" names no credential.
   */
  credentials: string[];
  /** For chains: each member's attempt, in order. Empty for a single credential. */
  attempts: AttemptDiagnosis[];
  /** Knowledge entries, best first. */
  matches: KnowledgeMatch[];
  /** Whether trying again later, unchanged, can succeed. */
  retryable: boolean;
  /** Microsoft's error lookup page for the first AADSTS code, when there is one. */
  lookupUrl: string | null;
  /** The original message, with anything token- or secret-shaped redacted. */
  message: string;
}
