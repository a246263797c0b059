import { readTokenIdentity, type TokenIdentity } from "./tokenIdentity.js";

/**
 * Turns anything a catch block can hold into one plain shape. This is the only place that touches the
 * caller's object: every read is guarded, because getters throw, proxies trap and `cause` chains loop.
 */

/**
 * The most text read from one error: its fields, causes and members together, outermost first. Beyond it text is
 * cut, so hostile input costs bounded, linear time whatever its shape.
 */
export const MAX_TEXT_LENGTH = 128 * 1024;
/** The most of one error's stack read; frames are all that is read from it. */
const MAX_STACK_LENGTH = 16 * 1024;
const MAX_CAUSE_DEPTH = 8;
const MAX_CHILDREN = 64;
/** Objects read per error, in all: an object whose getters invent fresh children would otherwise never end. */
const MAX_OBJECTS = 256;

/** Fields of an `AuthenticationError.errorResponse` (or an STS JSON body). */
export interface NormalisedErrorResponse {
  error: string | null;
  errorDescription: string | null;
  errorCodes: number[];
  correlationId: string | null;
  traceId: string | null;
  timestamp: string | null;
}

/** An error reduced to the facts we read. Strings become `{ name: null, message }`. */
export interface NormalisedError {
  /** `true` when the input was an object (thrown in this process), `false` for pasted text. */
  thrown: boolean;
  name: string | null;
  message: string;
  stack: string | null;
  statusCode: number | null;
  /** `code` of a RestError or Node error (`AuthorizationFailed`, `ENOENT`…). */
  code: string | null;
  /** MSAL fields. */
  errorCode: string | null;
  subError: string | null;
  errorNo: string | null;
  correlationId: string | null;
  traceId: string | null;
  timestamp: string | null;
  errorResponse: NormalisedErrorResponse | null;
  /** Lower-cased response headers we care about. */
  headers: Record<string, string>;
  /** Response body text (RestError `response.bodyAsText`). */
  body: string | null;
  /** Who the bearer token of the failed request was issued to (the token itself is never kept). */
  tokenIdentity: TokenIdentity | null;
  /** Members of an aggregate, thrown or pasted. */
  children: NormalisedError[];
  cause: NormalisedError | null;
}

type Bag = Record<PropertyKey, unknown>;

const HEADERS_OF_INTEREST = [
  "www-authenticate",
  "x-ms-error-code",
  "x-ms-correlation-request-id",
  "x-ms-request-id",
  "x-ms-failure-cause",
  // Only Key Vault sends it: tells a vault's generic `Forbidden` from any other service's.
  "x-ms-keyvault-service-version",
] as const;

/** Reads a property; a throwing getter or proxy trap reads as `undefined`. */
function read(target: unknown, key: PropertyKey): unknown {
  if (target === null || (typeof target !== "object" && typeof target !== "function")) return undefined;
  try {
    return (target as Bag)[key];
  } catch {
    return undefined;
  }
}

/** What one `normaliseError` call has read so far. */
interface Reading {
  readonly seen: Set<object>;
  /** Characters of text still to be read (see MAX_TEXT_LENGTH). */
  textLeft: number;
}

/** `text`, cut to what is left of the reading's text allowance, which it uses up. */
function take(text: string, reading: Reading): string {
  const taken = text.length > reading.textLeft ? text.slice(0, reading.textLeft) : text;
  reading.textLeft -= taken.length;
  return taken;
}

function asText(value: unknown, reading: Reading): string | null {
  if (typeof value === "string") return value === "" || reading.textLeft > 0 ? take(value, reading) : null;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return String(value);
  }
  return null;
}

function asStatus(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 100 && n <= 599 ? n : null;
}

function asCodes(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  const codes: number[] = [];
  for (let i = 0; i < Math.min(value.length, 16); i++) {
    const n = Number(read(value, i));
    if (Number.isInteger(n) && n > 0) codes.push(n);
  }
  return codes;
}

function normaliseResponse(value: unknown, reading: Reading): NormalisedErrorResponse | null {
  if (value === null || typeof value !== "object") return null;
  const response: NormalisedErrorResponse = {
    error: asText(read(value, "error"), reading),
    errorDescription: asText(read(value, "errorDescription") ?? read(value, "error_description"), reading),
    errorCodes: asCodes(read(value, "errorCodes") ?? read(value, "error_codes")),
    correlationId: asText(read(value, "correlationId") ?? read(value, "correlation_id"), reading),
    traceId: asText(read(value, "traceId") ?? read(value, "trace_id"), reading),
    timestamp: asText(read(value, "timestamp"), reading),
  };
  return (response.error ?? response.errorDescription) ? response : null;
}

function readHeaders(response: unknown, reading: Reading): Record<string, string> {
  const headers: Record<string, string> = {};
  const source = read(response, "headers");
  if (source === null || typeof source !== "object") return headers;
  const get = read(source, "get");
  for (const name of HEADERS_OF_INTEREST) {
    let value: unknown;
    try {
      value =
        typeof get === "function" ? (get as (n: string) => unknown).call(source, name) : read(source, name);
    } catch {
      value = undefined;
    }
    const text = asText(value, reading);
    if (text !== null) headers[name] = text;
  }
  return headers;
}

/**
 * A RestError keeps the request it answered, Authorization header included. Decoding that header tells who
 * the service refused; the token is read in place here and never stored or returned.
 */
function presentedTokenIdentity(request: unknown): TokenIdentity | null {
  const headers = read(request, "headers");
  if (headers === null || typeof headers !== "object") return null;
  const get = read(headers, "get");
  let value: unknown;
  try {
    value =
      typeof get === "function"
        ? (get as (n: string) => unknown).call(headers, "authorization")
        : read(headers, "authorization");
  } catch {
    return null;
  }
  // The token is decoded, never examined as text: it does not use up the text allowance.
  const header = typeof value === "string" ? value.slice(0, MAX_TEXT_LENGTH) : null;
  const token =
    header && /^Bearer [\w-]+\.[\w-]+\.[\w-]*$/.test(header) ? header.slice("Bearer ".length) : null;
  return token ? readTokenIdentity(token) : null;
}

function emptyError(thrown: boolean, name: string | null, message: string): NormalisedError {
  return {
    thrown,
    name,
    message,
    stack: null,
    statusCode: null,
    code: null,
    errorCode: null,
    subError: null,
    errorNo: null,
    correlationId: null,
    traceId: null,
    timestamp: null,
    errorResponse: null,
    headers: {},
    body: null,
    tokenIdentity: null,
    children: [],
    cause: null,
  };
}

function normaliseObject(value: object, reading: Reading, depth: number): NormalisedError {
  reading.seen.add(value);
  const message =
    asText(read(value, "message"), reading) ?? asText(read(value, "errorMessage"), reading) ?? "";
  const result = emptyError(true, asText(read(value, "name"), reading), message);
  // Read for its frames only, so cut on its own: it repeats the message, which must not use the allowance twice.
  const stack = read(value, "stack");
  result.stack = typeof stack === "string" ? stack.slice(0, MAX_STACK_LENGTH) : null;
  const response = read(value, "response");
  result.statusCode =
    asStatus(read(value, "statusCode")) ??
    asStatus(read(value, "status")) ??
    asStatus(read(response, "status"));
  result.code = asText(read(value, "code"), reading);
  result.errorCode = asText(read(value, "errorCode"), reading);
  result.subError = asText(read(value, "subError"), reading) || null;
  result.errorNo = asText(read(value, "errorNo"), reading);
  result.correlationId = asText(read(value, "correlationId"), reading);
  result.traceId = asText(read(value, "traceId"), reading);
  result.timestamp = asText(read(value, "timestamp"), reading);
  result.errorResponse = normaliseResponse(read(value, "errorResponse"), reading);
  result.headers = readHeaders(response, reading);
  result.body = asText(read(response, "bodyAsText"), reading);
  result.tokenIdentity = presentedTokenIdentity(read(value, "request") ?? read(response, "request"));

  const errors = read(value, "errors");
  if (Array.isArray(errors)) {
    for (let i = 0; i < Math.min(errors.length, MAX_CHILDREN); i++) {
      result.children.push(normaliseValue(read(errors, i), reading, depth + 1));
    }
  } else if (result.children.length === 0) {
    result.children = splitPastedAggregate(message);
  }

  const cause = read(value, "cause");
  if (cause !== undefined && cause !== null && depth < MAX_CAUSE_DEPTH) {
    if (typeof cause !== "object" || !reading.seen.has(cause))
      result.cause = normaliseValue(cause, reading, depth + 1);
  }
  return result;
}

/**
 * The error class a pasted message starts with, as `String(err)` and `console.error` print it:
 * `CredentialUnavailableError: …`, `azure.core.exceptions.ClientAuthenticationError: …` (the last segment).
 */
export const PASTED_ERROR_NAME_PATTERN =
  /^(?:[a-z][\w]{0,40}\.){0,6}([A-Z][A-Za-z]{1,60}(?:Error|Exception)):/;

function pastedErrorName(text: string): string | null {
  return PASTED_ERROR_NAME_PATTERN.exec(text.trimStart())?.[1] ?? null;
}

function normaliseValue(value: unknown, reading: Reading, depth: number): NormalisedError {
  if (typeof value === "string") {
    const text = take(value, reading);
    const result = emptyError(false, pastedErrorName(text), text);
    result.children = splitPastedAggregate(text);
    return result;
  }
  if (value !== null && (typeof value === "object" || typeof value === "function")) {
    if (reading.seen.has(value) || depth > MAX_CAUSE_DEPTH || reading.seen.size >= MAX_OBJECTS) {
      return emptyError(true, null, "");
    }
    return normaliseObject(value, reading, depth);
  }
  return emptyError(true, null, asText(value, reading) ?? "");
}

/** Normalises any value (Error, MSAL error, RestError, aggregate, string, `undefined`…). Never throws. */
export function normaliseError(value: unknown): NormalisedError {
  return normaliseValue(value, { seen: new Set(), textLeft: MAX_TEXT_LENGTH }, 0);
}

// --- pasted aggregates -------------------------------------------------------------------------------

/** A member line of a JS aggregate: `CredentialUnavailableError: …`. */
export const JS_MEMBER_LINE =
  /^(CredentialUnavailableError|AuthenticationRequiredError|AuthenticationError|Error|TypeError|RestError): /;
/**
 * A member line of Python/Go (`\tEnvironmentCredential: …`) or .NET/Java (`- EnvironmentCredential …`), also quoted
 * (`> EnvironmentCredential …`).
 */
export const NAMED_MEMBER_LINE = /^[ \t]*(?:[->] )?([A-Z][A-Za-z]{1,60}Credential)\b[:.]?/;
/** A .NET member line that names no credential (`- Please run 'az login' …`). */
export const DASH_MEMBER_LINE = /^[ \t]*- \S/;

const CHAIN_NAMES = new Set(["ChainedTokenCredential", "DefaultAzureCredential"]);

const AGGREGATE_HEADS = [
  "chainedtokencredential authentication failed",
  "defaultazurecredential failed to retrieve a token",
  "defaultazurecredential: failed to acquire a token",
  "defaultazurecredential authentication failed",
  "attempted credentials:",
  "failed to retrieve a token from the included credentials",
];

/** A word every heading holds: finding it is much cheaper than searching the text once per heading. */
const HEAD_ANCHOR = "credential";
const ANCHORED_HEADS = AGGREGATE_HEADS.filter((head) => head.includes(HEAD_ANCHOR)).map((head) => ({
  head,
  anchorAt: head.indexOf(HEAD_ANCHOR),
}));
const UNANCHORED_HEADS = AGGREGATE_HEADS.filter((head) => !head.includes(HEAD_ANCHOR));

/**
 * Java's older chains print no heading: the members' messages, one per line. Two different credentials saying
 * so is the mark (one credential saying it twice, as Python's managed identity does, is not a chain).
 */
const HEADLESS_MEMBER = "credential authentication unavailable";

/** The credential name's letters just before `at` (`environment` for `environmentcredential…`). */
function nameBefore(lower: string, at: number): string {
  let start = at;
  while (start > 0 && at - start < 60 && /[a-z]/.test(lower.charAt(start - 1))) start--;
  return lower.slice(start, at);
}

function hasHeadlessMembers(lower: string): boolean {
  let first: string | null = null;
  for (let at = lower.indexOf(HEADLESS_MEMBER); at !== -1; at = lower.indexOf(HEADLESS_MEMBER, at + 1)) {
    const name = nameBefore(lower, at);
    if (first === null) first = name;
    else if (name !== first) return true;
  }
  return false;
}

const EXCEPTION_MARK = "Exception: ";

/** A line without Java's exception name before its first member (`com.azure.identity.…Exception: `). */
function withoutExceptionName(line: string): string {
  const at = line.indexOf(EXCEPTION_MARK);
  if (at <= 0 || at > 120 || line.slice(0, at).trim().includes(" ")) return line;
  return line.slice(at + EXCEPTION_MARK.length);
}

/** Whether the lower-cased text holds an aggregate heading: each heading is compared where its anchor word is. */
function hasAggregateHead(lower: string): boolean {
  for (let at = lower.indexOf(HEAD_ANCHOR); at !== -1; at = lower.indexOf(HEAD_ANCHOR, at + 1)) {
    for (const { head, anchorAt } of ANCHORED_HEADS) {
      if (at >= anchorAt && lower.startsWith(head, at - anchorAt)) return true;
    }
  }
  return UNANCHORED_HEADS.some((head) => lower.includes(head));
}

function pastedMember(lines: string[]): NormalisedError {
  const first = lines[0] ?? "";
  const js = JS_MEMBER_LINE.exec(first);
  const text = lines.join("\n").trim();
  if (js?.[1]) return emptyError(false, js[1], text.slice(js[1].length + 2));
  return emptyError(false, null, text.replace(/^- /, ""));
}

/** How many backslashes start at `at`. */
function backslashesAt(text: string, at: number): number {
  let end = at;
  while (text.charCodeAt(end) === 92) end++;
  return end - at;
}

/**
 * The length of an escaped line break at `at` (`\\n`, `\\r\\n`, however often escaped, with the escaped tabs
 * that indent the next line, as Go's `%q` prints a chain report), or 0.
 */
function escapedBreakAt(text: string, at: number): number {
  let end = at + backslashesAt(text, at);
  if (end === at) return 0;
  if (text[end] === "r") {
    const next = end + 1 + backslashesAt(text, end + 1);
    if (next === end + 1 || text[next] !== "n") return 0;
    end = next;
  } else if (text[end] !== "n") return 0;
  end++;
  for (let tab = end + backslashesAt(text, end); tab > end && text[tab] === "t";) {
    end = tab + 1;
    tab = end + backslashesAt(text, end);
  }
  return end - at;
}

/** What an escape stands for when reading facts (`\\r` is dropped so `\\r\\n` is one line break). */
const UNESCAPED: Readonly<Record<string, string>> = { n: "\n", r: "", t: "\t", '"': '"' };

/**
 * `text` with escaped line breaks, tabs and quotes (however often escaped) as the characters they stand for, so a
 * JSON reply or a chain report quoted inside a string (Go's `%q`, a log field) reads like the reply itself. One
 * pass: each run of backslashes is read once. Used to read facts, never to show: the message keeps what was printed.
 */
export function unescapedText(text: string): string {
  let out = "";
  let start = 0;
  for (let at = text.indexOf("\\"); at !== -1; at = text.indexOf("\\", at)) {
    const run = backslashesAt(text, at);
    const replacement = UNESCAPED[text.charAt(at + run)];
    if (replacement === undefined) {
      at += run;
      continue;
    }
    out += text.slice(start, at) + replacement;
    at += run + 1;
    start = at;
  }
  return start === 0 ? text : out + text.slice(start);
}

/**
 * A pasted text's lines, split at real line breaks and at escaped ones (a chain report quoted inside a string),
 * at most 2000. Backslashes elsewhere (a Windows path's `\\tokenprovider.json`) are kept as printed.
 */
export function pastedLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let at = 0; at < text.length && lines.length < 2000;) {
    if (text[at] === "\n") {
      lines.push(text.slice(start, at));
      start = ++at;
      continue;
    }
    const width = text[at] === "\\" ? escapedBreakAt(text, at) : 0;
    if (width > 0) {
      lines.push(text.slice(start, at));
      start = at += width;
      continue;
    }
    at += text[at] === "\\" ? Math.max(1, backslashesAt(text, at)) : 1;
  }
  if (lines.length < 2000) lines.push(text.slice(start));
  return lines;
}

/**
 * Splits a pasted chain failure into one member per credential: the JS `AggregateAuthenticationError` text,
 * Python's and Go's "Attempted credentials:" lists, .NET's and Java's dash lists, Java's headless line-per-member
 * report. Anything else: no members.
 */
export function splitPastedAggregate(text: string): NormalisedError[] {
  const lower = unescapedText(text.slice(0, 4096)).toLowerCase();
  if (!hasAggregateHead(lower) && !hasHeadlessMembers(lower)) return [];
  const dashMembers = lower.includes("failed to retrieve a token from the included credentials");
  const members: string[][] = [];
  let current: string[] | null = null;
  for (const line of pastedLines(text)) {
    const named = NAMED_MEMBER_LINE.exec(withoutExceptionName(line))?.[1];
    // The heading names the chain itself ("ChainedTokenCredential authentication failed."): not a member.
    const namesMember = named !== undefined && !CHAIN_NAMES.has(named);
    const isMember = JS_MEMBER_LINE.test(line) || namesMember || (dashMembers && DASH_MEMBER_LINE.test(line));
    if (isMember) {
      current = [line.trim()];
      members.push(current);
    } else if (
      current &&
      line.trim() !== "" &&
      !/^to mitigate this issue|^attempted credentials/i.test(line.trim())
    ) {
      current.push(line);
    }
  }
  return members.length >= 1 ? members.slice(0, MAX_CHILDREN).map(pastedMember) : [];
}
