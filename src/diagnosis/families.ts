/**
 * Recognition by family, for a failure no knowledge entry matches: the family of fix still shows in a phrase (a
 * network error code, "needs re-authentication"), the OAuth error, the status line, the range an AADSTS code
 * belongs to, or the credential that failed. Each family leads to one generic entry in `knowledge/fallbacks.ts`.
 */
import { familyEntries } from "../knowledge/fallbacks.js";
import type { DiagnosisCategory } from "../knowledge/diagnosisCategories.js";
import type { KnowledgeEntry } from "../knowledge/schema.js";
import type { ExtractedFacts } from "./extract.js";

/** Phrases of each family, checked in this order (the first that fits wins). Exported for the linear-time proof. */
export const FAMILY_PATTERNS = {
  /** A managed identity endpoint (or the credential that calls it) named... */
  imdsHost: /169\.254\.169\.254|\bimds\b|\bmsi\b|managed identity endpoint|\bManagedIdentityCredential\b/i,
  /** ...that plainly gave no answer at all: a socket error, a refusal, a reset, no route, no response. */
  noAnswer:
    /timed ?out|refused|unreachable|max retries|no response|connection reset|forbidden by its access permissions|\bE(?:HOSTUNREACH|NETUNREACH|TIMEDOUT|CONNREFUSED|CONNRESET|HOSTDOWN)\b/i,
  /** ...or that only may not have answered: "failed to connect" and "timeout" also head messages that quote a reply. */
  maybeNoAnswer: /\btime-?out\b|failed to (?:establish|connect)|cannot be established/i,
  managedIdentityRefused:
    /identity not found|no (?:default )?identity (?:is |has been )?assigned|identity (?:isn't|is not) assigned|multiple user.assigned identities|assigned identities for pod|nmi response failed|verify your objectid, clientid or msiresourceid|identity-responder-not-enabled/i,
  network:
    /\b(?:ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EAI_AGAIN)\b|getaddrinfo|\b(?:UnknownHost|NoRouteToHost|SocketTimeout|Connect)Exception\b|proxy authentication required|unable to get local issuer certificate|self[- ]signed certificate|certificate verify failed|failed to execute the refresh request|name or service not known|connection (?:was )?(?:refused|reset|timed out)|socket hang up/i,
  toolMissing:
    /spawn (?:az|azd|pwsh|powershell)\S{0,8} ENOENT|is not recognized as an internal or external command|command not found|not found on path|executable file not found/i,
  notLoggedIn:
    /needs? re-?authentication|re-?authenticate|previously been signed out|please (?:explicitly )?log ?in|\brun ['"`]?(?:az login|azd (?:auth )?login|connect-az(?:urerm)?account|login-azurermaccount)\b|sign in again|interactive authentication is needed|not logged in/i,
  assertionInvalid:
    /signature validation|invalid jwt|invalid signature|assertion (?:is )?(?:malformed|invalid)/i,
  credentialInvalid:
    /invalid certificate|expected start of certificate|invalid client secret|wrong password|incorrect password/i,
} as const;

const ENTRY_OF: Readonly<Record<DiagnosisCategory, KnowledgeEntry | undefined>> = Object.fromEntries(
  familyEntries.map((entry) => [entry.category, entry]),
) as Record<DiagnosisCategory, KnowledgeEntry | undefined>;

/** The family of an OAuth 2.0 error name alone. */
const OAUTH_FAMILIES: Readonly<Record<string, DiagnosisCategory>> = {
  invalid_client: "credential-invalid",
  unauthorized_client: "app-not-found",
  invalid_grant: "not-logged-in",
  interaction_required: "conditional-access-mfa",
  login_required: "conditional-access-mfa",
  consent_required: "consent-required",
  access_denied: "consent-required",
  invalid_resource: "consent-required",
  temporarily_unavailable: "network",
  server_error: "network",
};

/** The family an AADSTS code belongs to by its number, for codes no entry lists. */
export function categoryOfStsCodeFamily(stsCode: string): DiagnosisCategory | null {
  const n = Number(stsCode.replace(/^AADSTS/i, ""));
  if (n >= 53000 && n <= 53999) return "conditional-access-mfa";
  if (n === 50027 || (n >= 5002700 && n <= 5002799)) return "assertion-invalid";
  if (n >= 65000 && n <= 65999) return "consent-required";
  return null;
}

/** Statuses with which a managed identity endpoint that exists refuses a token (Docker Desktop's 403, a gateway's 502/504: none). */
const ENDPOINT_REFUSALS: ReadonlySet<number> = new Set([400, 404, 410, 500]);

/**
 * A managed identity endpoint that gave no answer (`imds-unreachable`) or answered with a refusal
 * (`managed-identity-unavailable`). A status line or an endpoint's own words prove an answer, and outweigh a
 * "failed to connect" or "timeout" heading; a socket error proves there was none.
 */
function categoryOfManagedIdentityEndpoint(facts: ExtractedFacts): DiagnosisCategory | null {
  const p = FAMILY_PATTERNS;
  const text = facts.text;
  if (!p.imdsHost.test(text)) return null;
  if (p.noAnswer.test(text)) return "imds-unreachable";
  if (p.managedIdentityRefused.test(text)) return "managed-identity-unavailable";
  if (facts.httpStatus !== null && ENDPOINT_REFUSALS.has(facts.httpStatus))
    return "managed-identity-unavailable";
  if (p.maybeNoAnswer.test(text)) return "imds-unreachable";
  return null;
}

function categoryOfPhrases(text: string): DiagnosisCategory | null {
  const p = FAMILY_PATTERNS;
  if (p.managedIdentityRefused.test(text)) return "managed-identity-unavailable";
  if (p.network.test(text)) return "network";
  if (p.toolMissing.test(text)) return "tool-missing";
  if (p.notLoggedIn.test(text)) return "not-logged-in";
  if (p.assertionInvalid.test(text)) return "assertion-invalid";
  if (p.credentialInvalid.test(text)) return "credential-invalid";
  return null;
}

function categoryOfStatus(facts: ExtractedFacts): DiagnosisCategory | null {
  const status = facts.httpStatus;
  if (status === null) return null;
  if (status === 407 || status >= 500) return "network";
  if ((status === 400 || status === 404) && FAMILY_PATTERNS.imdsHost.test(facts.text)) {
    return "managed-identity-unavailable";
  }
  // A service's refusal after a token was issued: no STS code, and a service's own code or reply.
  if ((status === 401 || status === 403) && facts.stsCodes.length === 0) return "permission-denied";
  return null;
}

/**
 * The family of a failure, in order of what says most: an AADSTS code's range, a managed identity endpoint's
 * answer or silence, its phrases, the OAuth error, the status line, then the credential that failed. `null` when nothing points anywhere.
 */
export function categoryOfFamily(facts: ExtractedFacts): DiagnosisCategory | null {
  const firstCode = facts.stsCodes[0];
  return (
    (firstCode ? categoryOfStsCodeFamily(firstCode) : null) ??
    categoryOfManagedIdentityEndpoint(facts) ??
    categoryOfPhrases(facts.text) ??
    (facts.oauthError ? (OAUTH_FAMILIES[facts.oauthError] ?? null) : null) ??
    categoryOfStatus(facts) ??
    (facts.credentials.includes("ManagedIdentityCredential") ? "managed-identity-unavailable" : null)
  );
}

/** The generic entry of a failure's family, or `null`. */
export function familyEntryOf(facts: ExtractedFacts): KnowledgeEntry | null {
  const category = categoryOfFamily(facts);
  return category ? (ENTRY_OF[category] ?? null) : null;
}
