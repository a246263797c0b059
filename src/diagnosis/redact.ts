/**
 * Replaces anything token- or secret-shaped before text reaches any output. Events are built from an
 * allow-list, so this is the backstop for free text (messages, bodies, pasted logs).
 */

const REDACTED = "[REDACTED]";

// Names whose value is a secret wherever they appear as `name=value` (query strings, form bodies, connection
// strings, environment dumps).
const SECRET_KEYS =
  "client_secret|client_assertion|password|passwd|pwd|sig|secret|access_token|refresh_token|id_token|assertion|accountkey|sharedaccesskey|sharedaccesssignature|systemaccesstoken|system\\.accesstoken|system_accesstoken|azure_client_secret|azure_client_certificate_password|azure_password|identity_header|msi_secret";

// Names whose value is a secret as a JSON property.
const SECRET_JSON_KEYS =
  "authorization|access_token|accesstoken|refresh_token|refreshtoken|id_token|idtoken|client_secret|clientsecret|client_assertion|clientassertion|password|certificatepassword|clientcertificatepassword|token|oidctoken|secret|systemaccesstoken|assertion|x-ms-token|x-identity-header|identity_header";

// Where a name starts: after a non-word character, or just after a JSON escape (`\nAZURE_CLIENT_SECRET=` inside a
// JSON string). One lookbehind, not an alternation of two: V8 then still skips ahead to the literal quickly.
const NAME_START = "(?<!\\w(?<![nrt])|(?<!\\\\)[nrt])";

/** Every pattern `redactSecrets` applies, exported so the linear-time checker can prove them. */
export const REDACTION_PATTERNS = {
  /** A secret's name just before an `=`: most texts with an `=` (URLs, queries) have none, and then keyValue cannot match. */
  secretKeyAtEnd: new RegExp(`(?:${SECRET_KEYS})$`, "i"),
  jwt: /(?<![\w-](?<![nrt])|(?<!\\)[nrt])eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g,
  // `Bearer+token` is how a form body writes it.
  bearer: /\bBearer(?:[ \t]+|\+)([^\s"',;]+)/gi,
  keyValue: new RegExp(`${NAME_START}(${SECRET_KEYS})=([^&\\s"',;<]+)`, "gi"),
  json: new RegExp(`("(?:${SECRET_JSON_KEYS})"[ \\t]*:[ \\t]*)"[^"]*"`, "gi"),
  // The same property inside a JSON string that was itself JSON-encoded: `{\"password\":\"...\"}`.
  escapedJson: new RegExp(`(\\\\"(?:${SECRET_JSON_KEYS})\\\\"[ \\t]*:[ \\t]*\\\\")[^"\\\\]*`, "gi"),
  header: new RegExp(
    `${NAME_START}(authorization|cookie|set-cookie|x-ms-authorization-auxiliary|x-identity-header|x-ms-token-aad-[a-z-]{2,40})(:[ \\t]*)[^\\r\\n\\\\"]+`,
    "gi",
  ),
  clientSecretValue: /[\w.-]{3}\dQ~[\w.~-]{30,40}/g,
  // One run of text without spaces or quotes: a URL, a form body, an encoded value; decoded when it holds `%XX`.
  encodedRun: /[^\s"'<>]+/g,
  percentBytes: /(?:%[0-9A-Fa-f]{2})+/g,
  // Every plain pattern needs one of these: `=` or `:` (names), `eyJ` (JWT), `Q~` (client secret), a PEM or Bearer.
  secretHint: /[=:]|eyJ|Q~|-----BEGIN|bearer/i,
} as const;

/**
 * Lower-case words each of which some pattern needs. A caller that has searched the lower-cased text for them in one
 * pass (the diagnosis does) passes those it found to {@link redactScannedSecrets}, which then skips the patterns
 * that cannot match. None holds `[` or `]`, so no `[REDACTED]` put in by an earlier pattern can make one appear.
 */
export const REDACTION_HINTS = [
  "authorization",
  "cookie",
  "x-identity-header",
  "x-ms-token-aad-",
  "bearer",
  "eyj",
] as const;

/** The longest secret name `keyValue` knows: the text just before an `=` that can hold one. */
const LONGEST_SECRET_KEY = Math.max(...SECRET_KEYS.split("|").map((key) => key.replace("\\", "").length));

/** Whether a secret's name stands just before some `=` of `text`, as `keyValue` needs. */
function hasSecretKeyBeforeEquals(text: string): boolean {
  for (let at = text.indexOf("="); at !== -1; at = text.indexOf("=", at + 1)) {
    const before = text.slice(Math.max(0, at - LONGEST_SECRET_KEY), at);
    if (REDACTION_PATTERNS.secretKeyAtEnd.test(before)) return true;
  }
  return false;
}

/** Hints for a text nobody searched: every pattern may match. */
const UNSEARCHED: ReadonlySet<string> = new Set(REDACTION_HINTS);

// No space after the words: a form-encoded key writes `-----BEGIN+PRIVATE+KEY-----`.
const PEM_BEGIN = "-----BEGIN";
const PEM_END_MARK = "-----END";

/** Removes PEM private-key blocks with index scans (a lazy regex would be quadratic on unterminated blocks). */
function redactPrivateKeys(text: string): string {
  let start = text.indexOf(PEM_BEGIN);
  if (start === -1) return text;
  let out = "";
  let from = 0;
  while (start !== -1) {
    const headerEnd = text.indexOf("-----", start + PEM_BEGIN.length);
    const header = headerEnd === -1 ? "" : text.slice(start, headerEnd);
    if (!header.includes("PRIVATE KEY") && !header.includes("PRIVATE+KEY")) {
      start = text.indexOf(PEM_BEGIN, start + PEM_BEGIN.length);
      continue;
    }
    const endAt = text.indexOf(PEM_END_MARK, headerEnd);
    const close = endAt === -1 ? -1 : text.indexOf("-----", endAt + PEM_END_MARK.length);
    out += text.slice(from, start) + "[REDACTED PRIVATE KEY]";
    from = close === -1 ? text.length : close + 5;
    start = text.indexOf(PEM_BEGIN, from);
  }
  return out + text.slice(from);
}

/** The patterns that read text as it is. `hints`: the {@link REDACTION_HINTS} the lower-cased text holds. */
function redactPlain(text: string, hints: ReadonlySet<string> = UNSEARCHED): string {
  const p = REDACTION_PATTERNS;
  let out = redactPrivateKeys(text);
  if (
    hints.has("authorization") ||
    hints.has("cookie") ||
    hints.has("x-identity-header") ||
    hints.has("x-ms-token-aad-")
  ) {
    out = out.replace(p.header, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`);
  }
  // A pattern whose literal (`"`, `\"`, `=`, `eyJ`, `Q~`) the text lacks cannot match: a lookup is cheaper than a scan.
  if (out.includes('"')) out = out.replace(p.json, (_m, key: string) => `${key}"${REDACTED}"`);
  if (out.includes('\\"')) out = out.replace(p.escapedJson, (_m, key: string) => `${key}${REDACTED}`);
  if (hasSecretKeyBeforeEquals(out)) out = out.replace(p.keyValue, (_m, key: string) => `${key}=${REDACTED}`);
  if (hints.has("bearer")) {
    out = out.replace(p.bearer, (m, value: string) =>
      // `Bearer authorization_uri="..."` in a www-authenticate header is a parameter list, not a token.
      /^[a-z_]+(?:=|%3D)/i.test(value) ? m : `Bearer ${REDACTED}`,
    );
  }
  if (hints.has("eyj") && out.includes("eyJ")) out = out.replace(p.jwt, REDACTED);
  if (out.includes("Q~")) out = out.replace(p.clientSecretValue, REDACTED);
  return out;
}

/** Decodes `%XX`; a malformed sequence stays as it is. */
function percentDecode(run: string): string {
  return run.replace(REDACTION_PATTERNS.percentBytes, (bytes) => {
    try {
      return decodeURIComponent(bytes);
    } catch {
      return bytes;
    }
  });
}

const MAX_DECODE_DEPTH = 2;

/**
 * A URL-encoded secret (a form body quoted in a message, a URL inside a URL) escapes the plain patterns. Each run
 * holding `%XX` is decoded, twice at most, and searched; a run that held a secret is printed decoded and redacted.
 */
function redactUrlEncoded(text: string, depth = 1): string {
  if (!text.includes("%")) return text;
  return text.replace(REDACTION_PATTERNS.encodedRun, (run) => {
    if (!run.includes("%")) return run;
    const decoded = percentDecode(run);
    if (decoded === run) return run;
    const inner = depth < MAX_DECODE_DEPTH ? redactUrlEncoded(decoded, depth + 1) : decoded;
    const redacted = redactPlain(inner);
    return redacted === decoded ? run : redacted;
  });
}

/** The 6-bit value of a standard base64 character, or -1. */
function sextet(code: number): number {
  if (code >= 65 && code <= 90) return code - 65; // A-Z
  if (code >= 97 && code <= 122) return code - 71; // a-z
  if (code >= 48 && code <= 57) return code + 4; // 0-9
  if (code === 43) return 62; // +
  if (code === 47) return 63; // /
  return -1;
}

/**
 * Decodes base64 that encodes text; `null` at the first control character, which is how random bytes (a word or a
 * path that only looks like base64) give themselves away, usually within a few bytes.
 */
function decodeBase64Text(run: string): string | null {
  let text = "";
  const pending: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < run.length; i++) {
    const value = sextet(run.charCodeAt(i));
    if (value === -1) break;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      if ((byte < 32 && byte !== 9 && byte !== 10 && byte !== 13) || byte === 127) return null;
      pending.push(byte);
      // Characters go out in blocks: one string per byte would build a rope as long as the run.
      if (pending.length === 4096) {
        text += String.fromCharCode(...pending);
        pending.length = 0;
      }
    }
  }
  return text + String.fromCharCode(...pending);
}

/** Whether a base64 run hides text that holds a secret. */
function hidesSecret(run: string): boolean {
  const decoded = decodeBase64Text(run);
  return decoded !== null && REDACTION_PATTERNS.secretHint.test(decoded) && redactPlain(decoded) !== decoded;
}

const MIN_BASE64_RUN = 24;

function isBase64Char(text: string, at: number): boolean {
  return sextet(text.charCodeAt(at)) !== -1;
}

/**
 * Base64 of a secret-bearing text (a request body logged as base64) is replaced whole. This is the hot path of
 * every message, so it skips ahead: when the last character of a window of MIN_BASE64_RUN is not base64, no run
 * long enough starts inside the window. Reading each window from its end, most characters of ordinary text are
 * never looked at; none is read more than twice.
 */
function redactBase64(text: string): string {
  let out = "";
  let from = 0;
  // Invariant: `start` is 0 or just after a character that is not base64, so a run found there is whole.
  let start = 0;
  while (start + MIN_BASE64_RUN <= text.length) {
    let back = start + MIN_BASE64_RUN - 1;
    while (back >= start && isBase64Char(text, back)) back--;
    if (back >= start) {
      start = back + 1;
      continue;
    }
    let end = start + MIN_BASE64_RUN;
    while (end < text.length && isBase64Char(text, end)) end++;
    if (hidesSecret(text.slice(start, end))) {
      out += `${text.slice(from, start)}${REDACTED}`;
      from = end;
    }
    start = end + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Returns `text` with JWTs, `Bearer` values, `client_secret=`-style values, secret JSON properties,
 * `Authorization` headers, Entra client-secret values and PEM private keys replaced by `[REDACTED]`, also when
 * they are JSON-escaped, URL-encoded or base64-encoded. PEM certificates are public and stay.
 * Never throws; linear in the length of `text`.
 */
export function redactSecrets(text: string): string {
  return redactBase64(redactUrlEncoded(redactPlain(text)));
}

/**
 * {@link redactSecrets} for a text whose lower case was searched for the {@link REDACTION_HINTS} already: `found`
 * holds those it contains (more is harmless, fewer is not). Same result, without running patterns that cannot match.
 */
export function redactScannedSecrets(text: string, found: ReadonlySet<string>): string {
  return redactBase64(redactUrlEncoded(redactPlain(text, found)));
}
