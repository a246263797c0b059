/**
 * Reads the facts out of a normalised error: STS codes, OAuth error, IDs to quote to support, HTTP status,
 * a service's own error code, the runtime that printed it, and the credentials it names. Structured fields
 * win over text; text is searched with bounded, linear-time patterns only.
 */
import type { ErrorRuntime } from "../knowledge/errorRuntimes.js";
import { MAX_TEXT_LENGTH, unescapedText, type NormalisedError } from "./normalise.js";
import {
  findCredentialInStack,
  findCredentialNames,
  findNamedCredentials,
  isCredentialContainer,
} from "./credentialNames.js";

/** Everything `explainAuthError` reads from one error before consulting the knowledge base. */
export interface ExtractedFacts {
  /** All text worth matching, joined: message, STS description, body, headers, causes. */
  text: string;
  /** `text`, lower-cased. */
  lowerText: string;
  errorName: string | null;
  stsCodes: string[];
  oauthError: string | null;
  subError: string | null;
  correlationId: string | null;
  traceId: string | null;
  timestamp: string | null;
  httpStatus: number | null;
  /** The most specific service error code (Key Vault's inner `ForbiddenByRbac` over its outer `Forbidden`). */
  serviceErrorCode: string | null;
  /** Every service error code seen, for matching. */
  serviceCodes: string[];
  /** Credentials involved, named or recognised by their wording (for matching). */
  credentials: string[];
  /** The identity credential classes the text names, chains included, in order of appearance (for reporting). */
  namedCredentials: string[];
  /** The credential names in each aggregate member's message, in `error.children` order. */
  memberCredentialNames: string[][];
  runtime: ErrorRuntime;
}

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/** Every pattern extraction uses, exported so the linear-time checker can prove them. */
export const EXTRACTION_PATTERNS = {
  stsCode: /\bAADSTS(\d{4,9})\b/g,
  /** `error="insufficient_claims"` in a `www-authenticate` challenge. */
  challengeError: /\berror="([a-z_]{1,40})"/,
  msalErrorNumbers: /\bError\(s\): ?(\d{4,9}(?:, ?\d{4,9}){0,8})/g,
  jsonErrorCodes: /"error_codes"[ \t]*:[ \t]*\[([\d, ]{1,120})\]/g,
  // The ID may sit on the next line, behind PowerShell's `|` frame.
  correlationId: new RegExp(
    `correlation[ _-]?id"?[ \\t]*[:=][ \\t]*(?:\\r?\\n[ \\t|]{0,20})?"?\\[?(${GUID})`,
    "i",
  ),
  traceId: new RegExp(`trace[ _-]?id"?[ \\t]*[:=][ \\t]*(?:\\r?\\n[ \\t|]{0,20})?"?\\[?(${GUID})`, "i"),
  /** The token service's own format (`Timestamp: 2024-01-02 03:04:05Z`): preferred over a log line's time. */
  stsTimestamp: /\btimestamp"?[ \t]*[:=][ \t]*"?(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z)/i,
  /** msal-node's prefix: `7000215 - [2024-01-02 03:04:05Z]: AADSTS7000215: …`. */
  msalTimestamp: /\b\d{4,9} - \[(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z)\]/,
  timestamp: /\btimestamp"?[ \t]*[:=][ \t]*"?(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z?)/i,
  httpStatus:
    /\b(?:status code|statuscode|http status code|status|response)"?[ \t]*(?:[:=][ \t]*)?(\d{3})\b|\b(\d{3}) \(?(?:unauthorized|forbidden|bad request|not found|internal server error|bad gateway|gateway timeout)\b/i,
  /**
   * Status lines of other envelopes: ADAL/MSAL Python and az (`http error: 400`), .NET (`does not indicate success:
   * 401 (Unauthorized)`, `Forbidden (403)`, `returned an error: (400)`), Go (`status code was 401`), `Status Code =
   * '400'`, `HTTP 401`, `HTTP/1.1 401`, Python requests (`401 Client Error`), `<Response [401]>`, Java's
   * HttpURLConnection (`Server returned HTTP response code: 400 for URL`), VS Code's Azure extensions (`Error type: 403`).
   */
  httpStatusEnvelope:
    /\bhttp error:? (\d{3})\b|does not indicate success: (?:[A-Za-z]{1,40} \()?(\d{3})\b|returned an error: \((\d{3})\)|\bstatus code (?:was|is|=)[ \t]*'?(\d{3})\b|\bHTTP(?:\/\d(?:\.\d)?)? (\d{3})\b|\bHTTP response code:? (\d{3})\b|\bError type: (\d{3})\b|\b(\d{3}) (?:Client|Server) Error\b|<Response \[(\d{3})\]>/i,
  /**
   * .NET's `HttpStatusCode` name where the number is not printed: `Status: BadRequest`, and AutoRest's `Operation
   * returned an invalid status code 'Forbidden'` (Azure PowerShell cmdlets, older .NET management SDKs).
   */
  httpStatusName:
    /\b(?:Status: |invalid status code ')(BadRequest|Unauthorized|Forbidden|NotFound|ProxyAuthenticationRequired|InternalServerError|BadGateway|ServiceUnavailable|GatewayTimeout)\b/,
  oauthErrorPrefix:
    /\b(invalid_client|invalid_grant|invalid_request|invalid_scope|invalid_resource|unauthorized_client|unsupported_grant_type|interaction_required|login_required|consent_required|access_denied|temporarily_unavailable|expired_token)\b/,
  subError: /\bsub_?error"?[ \t]*[:=][ \t]*"?([a-z_]{3,40})/i,
  jsonCode: /"code"[ \t]*:[ \t]*"([A-Za-z][\w.]{2,80})"/g,
  xmlCode: /<Code>([A-Za-z][\w.]{2,80})<\/Code>/g,
  labelledCode: /\b(?:Error ?Code|Code|x-ms-error-code)[ \t]*[:=][ \t]*"?([A-Za-z][\w.]{2,80})/g,
  parenthesisedCode: /^\(([A-Z][\w.]{2,80})\) /gm,
  /** Text that reads like a service's refusal, so its error codes are worth reading. */
  serviceReply: /\b(?:40[13]|forbidden|unauthorized)\b/i,
} as const;

/** MSAL and AAD use these words for "no value". */
const NOT_AVAILABLE = new Set(["not available", "not_available", "none", ""]);

function present(value: string | null): string | null {
  return value === null || NOT_AVAILABLE.has(value.trim().toLowerCase()) ? null : value.trim();
}

/** Most distinct codes or names a fact list keeps: a text of thousands of distinct codes stays cheap. */
const MAX_DISTINCT = 64;

/** An ordered list without repeats, capped; a Set keeps adding linear however many values come. */
class UniqueList {
  readonly #seen = new Set<string>();
  readonly values: string[] = [];

  add(value: string): void {
    if (this.values.length >= MAX_DISTINCT || this.#seen.has(value)) return;
    this.#seen.add(value);
    this.values.push(value);
  }
}

/** The error and its causes, outermost first (aggregate members excluded: they are attempts). */
function causeChain(error: NormalisedError): NormalisedError[] {
  const chain: NormalisedError[] = [];
  for (let e: NormalisedError | null = error; e && chain.length < 16; e = e.cause) chain.push(e);
  return chain;
}

/** All text of an error worth matching on. */
export function collectText(error: NormalisedError): string {
  const parts: string[] = [];
  for (const e of causeChain(error)) {
    parts.push(e.message);
    if (e.errorResponse) {
      parts.push(e.errorResponse.error ?? "", e.errorResponse.errorDescription ?? "");
      if (e.errorResponse.errorCodes.length > 0)
        parts.push(`Error(s): ${e.errorResponse.errorCodes.join(", ")}`);
    }
    if (e.errorCode) parts.push(e.errorCode);
    if (e.body) parts.push(e.body);
    for (const [name, value] of Object.entries(e.headers)) parts.push(`${name}: ${value}`);
  }
  for (const child of error.children) {
    if (child.thrown) parts.push(collectText(child));
  }
  // Each field is already cut; the whole is cut too, so a long cause chain or aggregate stays bounded.
  const text = parts.filter((p) => p !== "").join("\n");
  return text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
}

function findStsCodes(chain: NormalisedError[], text: string): string[] {
  const codes = new UniqueList();
  for (const e of chain) {
    for (const n of e.errorResponse?.errorCodes ?? []) codes.add(`AADSTS${n}`);
    if (e.errorNo && /^\d{4,9}$/.test(e.errorNo)) codes.add(`AADSTS${e.errorNo}`);
  }
  const found: { at: number; code: string }[] = [];
  for (const m of text.matchAll(EXTRACTION_PATTERNS.stsCode))
    found.push({ at: m.index, code: `AADSTS${m[1]}` });
  for (const pattern of [EXTRACTION_PATTERNS.msalErrorNumbers, EXTRACTION_PATTERNS.jsonErrorCodes]) {
    for (const m of text.matchAll(pattern)) {
      for (const n of (m[1] ?? "").split(",")) {
        if (n.trim() !== "") found.push({ at: m.index, code: `AADSTS${n.trim()}` });
      }
    }
  }
  found.sort((a, b) => a.at - b.at);
  for (const { code } of found) codes.add(code);
  return codes.values;
}

function firstStructured(
  chain: NormalisedError[],
  pick: (e: NormalisedError) => string | null,
): string | null {
  for (const e of chain) {
    const value = present(pick(e));
    if (value !== null) return value;
  }
  return null;
}

function firstMatch(pattern: RegExp, text: string): string | null {
  const m = pattern.exec(text);
  return present(m?.[1] ?? m?.[2] ?? null);
}

/** The OAuth errors a structured reply may carry. */
const OAUTH_ERRORS = new Set([
  "invalid_client",
  "invalid_grant",
  "invalid_request",
  "invalid_scope",
  "invalid_resource",
  "unauthorized_client",
  "unsupported_grant_type",
  "interaction_required",
  "login_required",
  "consent_required",
  "access_denied",
  "temporarily_unavailable",
  "expired_token",
  "server_error",
]);

function findOAuthError(chain: NormalisedError[], text: string): string | null {
  for (const e of chain) {
    for (const candidate of [e.errorResponse?.error, e.errorCode]) {
      if (candidate && OAUTH_ERRORS.has(candidate)) return candidate;
    }
  }
  return firstMatch(EXTRACTION_PATTERNS.oauthErrorPrefix, text);
}

/** The first capture that took part in a match of an alternation (the others are undefined at run time). */
function firstGroup(m: RegExpExecArray | null): string | undefined {
  return m?.slice(1).find(Boolean);
}

const STATUS_OF_NAME: Readonly<Record<string, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  ProxyAuthenticationRequired: 407,
  InternalServerError: 500,
  BadGateway: 502,
  ServiceUnavailable: 503,
  GatewayTimeout: 504,
};

/**
 * The failing response's status: structured, then the earliest status line of any envelope. A redirect (3xx) counts:
 * where a token answer was expected, it is the failure (a proxy or a malformed authority sent it).
 */
function findHttpStatus(chain: NormalisedError[], text: string): number | null {
  for (const e of chain) if (e.statusCode !== null) return e.statusCode;
  const statuses: { at: number; status: number }[] = [];
  for (const pattern of [EXTRACTION_PATTERNS.httpStatus, EXTRACTION_PATTERNS.httpStatusEnvelope]) {
    const m = pattern.exec(text);
    const status = Number(firstGroup(m));
    if (m && status >= 300 && status <= 599) statuses.push({ at: m.index, status });
  }
  const named = EXTRACTION_PATTERNS.httpStatusName.exec(text);
  const namedStatus = named ? STATUS_OF_NAME[named[1] ?? ""] : undefined;
  if (named && namedStatus) statuses.push({ at: named.index, status: namedStatus });
  statuses.sort((a, b) => a.at - b.at);
  return statuses[0]?.status ?? null;
}

/** The STS's own timestamp: its format first (a log line's time is not it), msal-node's prefix, then any. */
function findTimestamp(text: string): string | null {
  const p = EXTRACTION_PATTERNS;
  return (
    firstMatch(p.stsTimestamp, text) ?? firstMatch(p.msalTimestamp, text) ?? firstMatch(p.timestamp, text)
  );
}

// Codes that name a transport or a JSON field, not a service's verdict.
const NOT_SERVICE_CODES = /^(?:E[A-Z]{3,}|ERR_[A-Z_]+|REQUEST_SEND_ERROR|PARSE_ERROR|invalid_\w+|\d+)$/;

function findServiceCodes(error: NormalisedError, chain: NormalisedError[], text: string): string[] {
  const codes = new UniqueList();
  for (const e of chain) {
    const header = e.headers["x-ms-error-code"];
    if (header) codes.add(header);
    if (e.statusCode !== null && e.code && !NOT_SERVICE_CODES.test(e.code)) codes.add(e.code);
  }
  // A claims challenge is the service saying exactly what it wants; it goes last so the body's code stays the headline.
  for (const e of chain) {
    const challenge = EXTRACTION_PATTERNS.challengeError.exec(e.headers["www-authenticate"] ?? "")?.[1];
    if (challenge) codes.add(challenge);
  }
  const looksLikeServiceReply = error.statusCode !== null || EXTRACTION_PATTERNS.serviceReply.test(text);
  if (!looksLikeServiceReply) return codes.values;
  const p = EXTRACTION_PATTERNS;
  for (const pattern of [p.jsonCode, p.xmlCode, p.labelledCode, p.parenthesisedCode]) {
    for (const m of text.matchAll(pattern)) {
      const code = m[1] ?? "";
      if (!NOT_SERVICE_CODES.test(code)) codes.add(code);
    }
  }
  return codes.values;
}

/** Key Vault nests the precise reason (`ForbiddenByRbac`) inside a generic one (`Forbidden`). */
function mostSpecificServiceCode(codes: string[]): string | null {
  const generic = new Set(["Forbidden", "Unauthorized", "AuthenticationFailed"]);
  return codes.find((c) => !generic.has(c)) ?? codes[0] ?? null;
}

/** Telltale markers of who printed a message, most specific first. */
const RUNTIME_MARKERS: readonly (readonly [ErrorRuntime, readonly string[]])[] = [
  ["azure-devops", ["##[error]", "service connection", "azure pipelines", "system.accesstoken", "vstoken"]],
  [
    "go",
    [
      "azidentity",
      "--------------------------------------------------------------------------------",
      "/go/",
    ],
  ],
  // Before .NET and Python: `com.azure.identity.CredentialUnavailableException` contains both of their markers.
  ["java", ["com.azure.identity", "com.microsoft.aad.msal4j", "clientauthenticationexception", "/java/"]],
  [
    "dotnet",
    [
      "azure.identity.authenticationfailedexception",
      "azure.identity.credentialunavailableexception",
      "authenticationfailedexception",
      "credentialunavailableexception",
      "/net/",
    ],
  ],
  [
    "python",
    [
      "azure.identity",
      "azure.core.exceptions",
      "clientauthenticationerror",
      "traceback (most recent",
      "/python/",
    ],
  ],
  ["azure-powershell", ["connect-azaccount", "get-azaccesstoken", "az.accounts"]],
  ["azd", ["azd auth login", "azd auth token"]],
  [
    "javascript",
    [
      "/js/",
      "chainedtokencredential authentication failed",
      "credentialunavailableerror",
      "authenticationrequirederror",
    ],
  ],
  ["azure-cli", ["az login", "az account"]],
];

function findRuntime(error: NormalisedError, lowerText: string): ErrorRuntime {
  for (const [runtime, markers] of RUNTIME_MARKERS) {
    if (markers.some((marker) => lowerText.includes(marker))) return runtime;
  }
  return error.thrown ? "javascript" : "unknown";
}

/** Credential types involved, in order: the hint (who threw), the stack, then every member and the text. */
function findCredentials(
  error: NormalisedError,
  text: string,
  hint: string | null,
): { credentials: string[]; memberNames: string[][] } {
  const credentials = new UniqueList();
  if (hint && !isCredentialContainer(hint)) credentials.add(hint);
  // A pasted JavaScript error often carries its stack in the text itself.
  const fromStack = findCredentialInStack(error.stack ?? text);
  if (fromStack) credentials.add(fromStack);
  const memberNames = error.children.map((child) => findCredentialNames(child.message));
  for (const names of memberNames) {
    for (const name of names) if (!isCredentialContainer(name)) credentials.add(name);
  }
  for (const name of findCredentialNames(text)) if (!isCredentialContainer(name)) credentials.add(name);
  return { credentials: credentials.values, memberNames };
}

/** Reads every fact of `error`. `credentialHint` is the credential known to have thrown it, if any. */
export function extractFacts(error: NormalisedError, credentialHint: string | null = null): ExtractedFacts {
  const chain = causeChain(error);
  const text = collectText(error);
  const lowerText = text.toLowerCase();
  // Service codes feed matching, which is tuned on the text as printed; the quoted facts read the unescaped text.
  const serviceCodes = findServiceCodes(error, chain, text);
  const factText = unescapedText(text);
  const { credentials, memberNames } = findCredentials(error, text, credentialHint);
  return {
    text,
    lowerText,
    errorName: error.name,
    stsCodes: findStsCodes(chain, factText),
    oauthError: findOAuthError(chain, factText),
    subError: firstStructured(chain, (e) => e.subError) ?? firstMatch(EXTRACTION_PATTERNS.subError, factText),
    correlationId:
      firstStructured(chain, (e) => e.errorResponse?.correlationId ?? e.correlationId) ??
      firstMatch(EXTRACTION_PATTERNS.correlationId, factText),
    traceId:
      firstStructured(chain, (e) => e.errorResponse?.traceId ?? e.traceId) ??
      firstMatch(EXTRACTION_PATTERNS.traceId, factText),
    timestamp:
      firstStructured(chain, (e) => e.errorResponse?.timestamp ?? e.timestamp) ?? findTimestamp(factText),
    httpStatus: findHttpStatus(chain, factText),
    serviceErrorCode: mostSpecificServiceCode(serviceCodes),
    serviceCodes,
    credentials,
    namedCredentials: findNamedCredentials(text),
    memberCredentialNames: memberNames,
    runtime: findRuntime(error, lowerText),
  };
}
