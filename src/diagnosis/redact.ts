/**
 * Replaces anything secret-shaped before text reaches any output. Events are built from an allow-list, so this is
 * the backstop for free text (messages, bodies, pasted logs) and for structured fields copied from an error.
 *
 * Redaction reads what a secret is, not a list of spellings: a value next to a name that says "secret" (in any
 * case, prefix, separator or quoting), a token with a known shape (JWT, `Bearer`, `Basic`, prefixed API keys,
 * base64 key material, PEM private keys) and credentials inside a URL, wherever tools write the value: after the
 * name, in the value field next to a name field, on the lines below it (YAML, here-documents), in a call, a command
 * line or a table's column. Every detector marks spans of the same text; the spans are merged and replaced once.
 * Colour codes and invisible characters are dropped first; the text is then decoded (JSON escapes, `%XX`, HTML
 * entities, util.inspect's split strings) and read again, so an escaped secret is found too. Everything is a
 * single forward scan: no pattern has an unbounded quantifier, so nothing backtracks or recurses on long input,
 * and any failure replaces the text (fail closed).
 */

const REDACTED = "[REDACTED]";
const REDACTED_KEY = "[REDACTED PRIVATE KEY]";
/** What replaces a text that could not be checked: the text is never kept. */
export const REDACTION_FAILED = "[REDACTED: this text could not be checked for secrets]";

/** Every pattern `redactSecrets` applies, exported so the linear-time checker can prove them. */
export const REDACTION_PATTERNS = {
  /** A word some secret's name holds; the whole name around it is then read (see `isSecretName`). */
  secretWord:
    /secret|passw|passphrase|pwd|token|key|sig|credential|assertion|cookie|authoriz|identity.?header|securestring|code|pat|auth|sas|jwt|pass|sess|saml/gi,
  /** `-p value` and `-p=value`, as `az login -p` takes a password; `-P value`, as `sqlcmd -P` does. */
  passwordFlag: /(?<![^\s])-[pP][ \t=]/g,
  /** The start of a JWT or JWE: base64url of a JSON object (`{"`, `{ "`, `{\n`…) after no base64url character. */
  jwtStart: /(?<![\w-])e[w-z0-9_-][\w-]{8}/g,
  bearer: /\bbearer(?=[\s+]|%20)/gi,
  basic: /\bbasic[ \t]+/gi,
  /** Tokens whose prefix says what they are: GitHub, GitLab, npm, PyPI, Hugging Face, Slack, OpenAI/Stripe, AWS, Google. */
  prefixedToken:
    /\b(?:gh[opusr]_|github_pat_|glpat-|npm_|pypi-|hf_|xox[abposr]-|sk-|sk_live_|sk_test_|rk_live_|AKIA|ASIA|AIza|SG\.)/g,
  /** Entra's client secret shape: 3 characters, a digit, `Q~`, then 30 to 40 more. */
  clientSecretValue: /[\w.-]{3}\dQ~[\w.~-]{30,40}/g,
  /** An AADSTS code with something glued to it. */
  stsCode: /AADSTS\d{4,9}/g,
  convertToSecureString: /convertto-securestring\b/gi,
  htmlEntity:
    /&(?:quot|amp|apos|lt|gt|equals|colon|sol|bsol|plus|lowbar|period|comma|semi|quest|num|percnt|lsqb|rsqb|lcub|rcub|nbsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});/g,
  /** Colour codes: `util.inspect` and CI logs paint values, and a code between a name and its value hides it. */
  // Colour codes begin with ESC, a control character by definition.
  // eslint-disable-next-line no-control-regex
  ansiColour: /(?:\u001b|\\{1,3}(?:u001b|u001B|x1b|x1B|033))\[[0-9;]{0,32}m/g,
  /** Characters that print as nothing: inside a name or a token they hide it from every reader but a person. */
  invisible: /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g,
  /** Credentials that take a secret as a positional argument: `new ClientSecretCredential(tenant, client, "…")`. */
  secretCredentialCall: /\b(?:ClientSecret|UsernamePassword)Credential[ \t]{0,4}\(/g,
  /** The end of a name field whose value names a secret: `- name: `, `"name": "`, `--name `, `Name = "`, `key="`. */
  nameField: /(?:^|[^\w])(?:-{0,2}name|key|Name|Key|NAME|KEY)["']?[ \t]{0,4}[:=]?[ \t]{0,4}["']?$/,
  /** Value fields (`value:`, `"value":`, `Value =`, `--value x`, `--body x`, `-b x`) next to a name field. */
  valueField: /^(?:value|--value|--body|-b)(?=["']?[ \t]{0,4}[:=]|[ \t])/i,
  /** A host or domain name (`contoso.onmicrosoft.com`), which a credential takes as a tenant: not a secret. */
  domainName: /^[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}$/,
  /** A type between a name and its value: `param clientSecret string = '…'`, `password: str = "…"`. */
  typeAnnotation: /^[A-Za-z][\w.<>[\]?]{0,40}[ \t]{0,4}=(?!=)/,
  /** A here-document's or here-string's start: `<<EOT`, `<<-EOT`, `<<~EOT`, `<<<`. */
  hereDocument: /^<<(?:<|[-~]?["']?([A-Za-z_]\w{0,31})["']?)/,
  /** `curl -u user:password`, `--user`, `--proxy-user`. */
  userFlag: /(?<![^\s])(?:-u|--user|--proxy-user|-U)[ \t=]/g,
  /** `echo value | …`: a value piped into a command that reads its secret from standard input. */
  echoPipe: /(?<![\w-])(?:echo|printf)[ \t]{1,4}(?:-[a-zA-Z]{1,3}[ \t]{1,4})?/g,
  /** Where util.inspect splits a long string into pieces joined by `+`, one per line: `'a\\n' +\n    'b'`. */
  inspectPieces: /' \+\r?\n[ \t]{0,64}'|" \+\r?\n[ \t]{0,64}"/g,
  /** The gap between two cells of a table's header. */
  tableGap: / {2,}|\t/,
  /** CI commands whose argument is a secret by definition: GitHub's `::add-mask::`, Azure Pipelines' secrets. */
  maskCommand: /::add-mask::|##vso\[task\.setsecret\]|issecret=true\]/gi,
  /** A GUID: correlation, trace, tenant and client IDs stay readable. */
  guid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  /** Claims of a JOSE header or a token's payload, in decoded base64url. */
  tokenClaims:
    /"(?:alg|typ|enc|kid|x5t|aud|iss|sub|oid|tid|appid|azp|nonce|exp|nbf|iat|upn|scp|roles)"\s{0,4}:/,
  /** A class name (`ClientSecretCredential`, `AuthenticationError`): names a type, never a secret. */
  className: /^[A-Z][a-zA-Z0-9]{0,80}(?:Credential|Error|Exception|Options)$/,
} as const;

// --- characters ----------------------------------------------------------------------------------------------

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters of a name: `AZURE_CLIENT_SECRET`, `x-ms-token`, `system.accesstoken`, `$password`. */
function isNameChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45 || c === 46 || c === 36;
}

/** base64, base64url and hex characters. */
function isBase64Char(c: number): boolean {
  return isAlnum(c) || c === 43 || c === 47 || c === 95 || c === 45;
}

function isUrlSafeChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function isWhite(c: number): boolean {
  return isSpace(c) || isLineBreak(c) || c === 12 || c === 11;
}

/** The character codes of `chars` (all ASCII). */
function codesOf(chars: string): Set<number> {
  const codes = new Set<number>();
  for (let i = 0; i < chars.length; i++) codes.add(chars.charCodeAt(i));
  return codes;
}

// Where a bare value ends: white space, quotes, delimiters of URLs, lists, markup and escapes.
const BARE_STOPS = codesOf("&\"'<>,;)]}|`\\{[");

function isBareValueChar(c: number): boolean {
  return !isWhite(c) && !BARE_STOPS.has(c);
}

// --- spans -----------------------------------------------------------------------------------------------------

interface Span {
  start: number;
  end: number;
  label: string;
}

/** Replaces the spans (in any order, overlapping or not) by their labels. */
function applySpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let from = 0;
  let current: Span | null = null;
  for (const span of spans) {
    if (span.end <= span.start) continue;
    if (current && span.start <= current.end) {
      if (span.end > current.end) current.end = span.end;
      if (span.label === REDACTED_KEY) current.label = REDACTED_KEY;
      continue;
    }
    if (current) {
      out.push(text.slice(from, current.start), current.label);
      from = current.end;
    }
    current = { ...span };
  }
  if (current) {
    out.push(text.slice(from, current.start), current.label);
    from = current.end;
  }
  out.push(text.slice(from));
  return out.join("");
}

// --- PEM private keys -------------------------------------------------------------------------------------------

// No space after the words: a form-encoded key writes `-----BEGIN+PRIVATE+KEY-----`.
const PEM_BEGIN = "-----BEGIN";
const PEM_END_MARK = "-----END";

/** PEM private-key blocks, found with index scans; an unterminated block runs to the end of the text. */
function findPrivateKeys(text: string, spans: Span[]): void {
  for (let start = text.indexOf(PEM_BEGIN); start !== -1;) {
    const headerEnd = text.indexOf("-----", start + PEM_BEGIN.length);
    const header = headerEnd === -1 ? text.slice(start, start + 80) : text.slice(start, headerEnd);
    if (!/PRIVATE[ +_]KEY/i.test(header)) {
      start = text.indexOf(PEM_BEGIN, start + PEM_BEGIN.length);
      continue;
    }
    const endAt = headerEnd === -1 ? -1 : text.indexOf(PEM_END_MARK, headerEnd + 5);
    const close = endAt === -1 ? -1 : text.indexOf("-----", endAt + PEM_END_MARK.length);
    const end = close === -1 ? text.length : close + 5;
    spans.push({ start, end, label: REDACTED_KEY });
    start = text.indexOf(PEM_BEGIN, end);
  }
}

/** Certificate blocks are public: base64 inside them is not key material. */
function findCertificates(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const begin = "-----BEGIN CERTIFICATE-----";
  const end = "-----END CERTIFICATE-----";
  for (let at = text.indexOf(begin); at !== -1;) {
    const close = text.indexOf(end, at + begin.length);
    if (close === -1) break;
    ranges.push([at, close + end.length]);
    at = text.indexOf(begin, close + end.length);
  }
  return ranges;
}

// --- names and their values ----------------------------------------------------------------------------------------

/** Words that make a name a secret's name wherever they appear in it (separators removed, lower case). */
const SECRET_SUBSTRINGS = [
  "secret",
  "password",
  "passwd",
  "passphrase",
  "pwd",
  "token",
  "credential",
  "assertion",
  "cookie",
  "authorization",
  "identityheader",
  "securestring",
  "signature",
  "apikey",
  "privatekey",
  // OAuth grants that redeem a token, and the session cookies a browser signs in with.
  "devicecode",
  "codeverifier",
  "samlresponse",
  "estsauth",
  "sessionid",
  "sessid",
];

/** Whole segments of a name that make it a secret's name (`api-key`, `sas`, `x-ms-encryption-key`, `AZDO_PAT`). */
const SECRET_SEGMENTS = new Set(["key", "keys", "sig", "pat", "sas", "auth", "jwt", "pass", "pw", "otp"]);

/** The last segment of a name that says it holds something about a secret, not the secret itself. */
const NOT_SECRET_LAST = new Set([
  "id",
  "ids",
  "name",
  "names",
  "type",
  "types",
  "kind",
  "path",
  "paths",
  "file",
  "files",
  "dir",
  "uri",
  "url",
  "urls",
  "endpoint",
  "host",
  "version",
  "length",
  "len",
  "count",
  "size",
  "expiry",
  "expires",
  "expiration",
  "expireson",
  "exp",
  "on",
  "at",
  "in",
  "time",
  "date",
  "hint",
  "format",
  "source",
  "provider",
  "issuer",
  "audience",
  "scope",
  "scopes",
  "policy",
  "vault",
  "cache",
  "location",
  "status",
  "state",
  "error",
  "errors",
  "message",
  "description",
  "reason",
  "required",
  "missing",
  "invalid",
  "expired",
  "enabled",
  "disabled",
  "mode",
  "lifetime",
  "ttl",
  "store",
  "thumbprint",
  "sha256",
  "sha1",
  "algorithm",
  "alg",
  "usage",
  "use",
  "uri_",
  "ref",
  // A file's extension: `clientSecretCredential.js:60:19` is a stack frame, `key.pem` a file's name.
  "js",
  "mjs",
  "cjs",
  "ts",
  "mts",
  "cts",
  "py",
  "cs",
  "java",
  "go",
  "json",
  "yaml",
  "yml",
  "pem",
  "pfx",
  "crt",
  "cer",
  "txt",
  "dll",
  "ps1",
  "sh",
]);

/** A name's words: split at `_ - . $` and at camelCase humps, lower-cased. */
function segmentsOf(name: string): string[] {
  const words: string[] = [];
  let word = "";
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 95 || c === 45 || c === 46 || c === 36) {
      if (word) words.push(word.toLowerCase());
      word = "";
      continue;
    }
    const upper = c >= 65 && c <= 90;
    const prev = i > 0 ? name.charCodeAt(i - 1) : 0;
    const next = i + 1 < name.length ? name.charCodeAt(i + 1) : 0;
    const prevLower = prev >= 97 && prev <= 122;
    const prevUpper = prev >= 65 && prev <= 90;
    const nextLower = next >= 97 && next <= 122;
    if (word && upper && (prevLower || (prevUpper && nextLower))) {
      words.push(word.toLowerCase());
      word = "";
    }
    word += name.charAt(i);
  }
  if (word) words.push(word.toLowerCase());
  return words;
}

/** Whether `name` names a secret. `inQuery`: the name follows `?` or `&`, where `code` is an auth code too. */
export function isSecretName(name: string, inQuery = false): boolean {
  const bare = name.replace(/^[-$.]{1,3}/, "");
  if (bare === "" || REDACTION_PATTERNS.className.test(bare)) return false;
  const words = segmentsOf(bare);
  const last = words[words.length - 1] ?? "";
  if (NOT_SECRET_LAST.has(last)) return false;
  if (inQuery && words.length === 1 && last === "code") return true;
  const compact = words.join("");
  // Application Insights' instrumentation key identifies a resource and is meant to be shared: not a secret.
  if (compact.includes("instrumentationkey") || compact === "oauth") return false;
  if (SECRET_SUBSTRINGS.some((word) => compact.includes(word))) return true;
  // `keytool -storepass`, `-srcstorepass`, `-keypass`: a name ending in "pass" holds a password.
  if (last.endsWith("pass") && !/(?:by|com)pass$/.test(last)) return true;
  // `.ASPXAUTH`, `ESTSAUTH`, `FedAuth`: session cookies named for what they prove.
  if (last.endsWith("auth") && last !== "oauth") return true;
  // `accountKey`, `primaryMasterKey`, `SharedAccessKey`, `accountkey`: a name ending in "key" holds a key.
  return words.some((w) => SECRET_SEGMENTS.has(w)) || last.endsWith("key") || last.endsWith("keys");
}

/** Header names whose whole value (scheme and spaces included) is the secret. */
const WHOLE_LINE_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-ms-authorization-auxiliary",
]);

/** Quote tokens, longest first: a value or a name may be quoted by any of them, escaped or not. */
const QUOTES = [
  "\\\\\\u0022",
  "\\u0022",
  "\\u0027",
  '\\\\\\"',
  '\\"',
  "\\'",
  "&quot;",
  "&#34;",
  "&#39;",
  "&apos;",
  "&#x22;",
  "&#x27;",
  '"',
  "'",
  "`",
];

function quoteAt(text: string, at: number): string | null {
  const c = text.charCodeAt(at);
  // Every quote token starts with one of these: most positions are rejected at once.
  if (c !== 92 && c !== 38 && c !== 34 && c !== 39 && c !== 96) return null;
  for (const quote of QUOTES) if (text.startsWith(quote, at)) return quote;
  return null;
}

/** Where the quoted value opened by `quote` at `from` ends (the closing quote's index), or at the line's end. */
function closingQuote(text: string, from: number, quote: string): { end: number; closed: boolean } {
  const single = quote.length === 1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) return { end: i, closed: false };
    if (single && c === 92) {
      i++;
      continue;
    }
    if (text.startsWith(quote, i)) {
      // `\"` inside a value quoted with `\"` is `\\\"`: an escaped backslash before it means it still belongs.
      if (!single && i > 0 && text.charCodeAt(i - 1) === 92 && quote.startsWith("\\")) continue;
      return { end: i, closed: true };
    }
  }
  return { end: text.length, closed: false };
}

/** The longest piece of a quoted value a terminal may have wrapped onto the next line. */
const MAX_WRAPPED = 1024;

/**
 * A quoted value broken at the line's end (a terminal or a log viewer wraps long lines): when the next line holds
 * nothing but more of the value and then its closing quote, the value ends there.
 */
function wrappedClose(text: string, end: number, quote: string): { end: number; closed: boolean } {
  if (!isLineBreak(text.charCodeAt(end))) return { end, closed: false };
  const next = end + (text.startsWith("\r\n", end) ? 2 : 1);
  const limit = Math.min(text.length, next + MAX_WRAPPED);
  for (let i = next; i < limit; i++) {
    if (text.startsWith(quote, i)) return i > next ? { end: i, closed: true } : { end, closed: false };
    if (isWhite(text.charCodeAt(i)) || text.charCodeAt(i) === 92) break;
  }
  return { end, closed: false };
}

/** Characters that glue more text to a closing quote: `"abc"def` is one word to a shell, and hides one secret. */
const GLUED = codesOf("_-+/=~!@#$%^*");

/**
 * The end of a quoted value opened at `start`. Text glued to the closing quote belongs to the value: a quote escaped
 * once more than the reader expects (`"ab\\"cd"` printed by `util.inspect`) closes early, and the rest is secret too.
 */
function quotedEnd(text: string, start: number, quote: string): number {
  let { end, closed } = closingQuote(text, start, quote);
  if (!closed) ({ end, closed } = wrappedClose(text, end, quote));
  for (let round = 0; round < 4 && closed; round++) {
    const next = end + quote.length;
    const c = text.charCodeAt(next);
    if (!(isAlnum(c) || GLUED.has(c))) break;
    end = bareEnd(text, next);
    if (quoteAt(text, end) !== quote) break;
    ({ end, closed } = closingQuote(text, end + quote.length, quote));
  }
  return end;
}

/** The end of a bare value starting at `from`. */
function bareEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBareValueChar(text.charCodeAt(i))) i++;
  return i;
}

// After `name=`, a bare value keeps brackets and commas (`p@[s]:w,d`); it ends at white space, quotes and the
// delimiters of queries, connection strings and markup.
const ASSIGNED_STOPS = codesOf("&\"'<>;`\\|");
const OPENERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/** The end of a bare value after `=`: a closing bracket the value did not open ends it (`(secret=x)`). */
function assignedEnd(text: string, from: number): number {
  let i = from;
  const open: string[] = [];
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isWhite(c) || ASSIGNED_STOPS.has(c)) break;
    const ch = text[i] ?? "";
    if (ch === "(" || ch === "[" || ch === "{") open.push(ch);
    else if (ch in OPENERS) {
      if (open[open.length - 1] !== OPENERS[ch]) break;
      open.pop();
    }
    i++;
  }
  // A comma or full stop at the end closes the sentence or the list, not the value.
  while (i > from + 1 && /[,.]/.test(text[i - 1] ?? "")) i--;
  return i;
}

function skipSpaces(text: string, at: number, max = 16): number {
  let i = at;
  while (i < text.length && i - at < max && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isLetters(value: string): boolean {
  return /^[A-Za-z]{1,64}$/.test(value);
}

/** Values that are facts support needs, never secrets: codes, GUIDs, numbers, URLs without credentials. */
function isKeptFact(value: string): boolean {
  return (
    value.startsWith("[REDACTED") ||
    /^AADSTS\d{4,9}[:.,]?$/.test(value) ||
    REDACTION_PATTERNS.guid.test(value.replace(/[.,;:]$/, "")) ||
    /^\d{1,4}[.,:]?$/.test(value)
  );
}

/** A value that, with only a space between it and a secret's name, still looks like a secret (not a word). */
function looksLikeSecretValue(value: string): boolean {
  if (value.length < 6 || isKeptFact(value)) return false;
  const trimmed = value.replace(/[.,;:!?)]{1,3}$/, "");
  // A word or a class name, a path or URL (`/var/run/...`, `(file:///x.js:1:2)` in a stack frame), a flag: not a value.
  if (/^[A-Za-z]{1,200}$/.test(trimmed) || trimmed.startsWith("(") || trimmed.startsWith("-")) return false;
  return !/[/\\]/.test(trimmed);
}

type Separator = "strong" | "colon" | "weak" | "none";

interface ValueSpan {
  start: number;
  end: number;
  quoted: boolean;
}

/** The value after a separator: quoted (by any quote token, or Python's b'…') or bare. */
function readValue(text: string, at: number, braces = false): ValueSpan | null {
  // ODBC quotes a value holding `;` in braces: `PWD={a;b}`.
  if (braces && text[at] === "{") {
    const close = text.indexOf("}", at + 1);
    const end = close === -1 ? bareEnd(text, at + 1) : close;
    return end > at + 1 ? { start: at + 1, end, quoted: true } : null;
  }
  let from = at;
  // Python prints bytes, raw and format strings as b'…', r'…' and f'…'; C# writes @"…" and $"…", bash $'…'.
  const c = text.charCodeAt(from);
  if (
    (c === 98 || c === 114 || c === 117 || c === 102 || c === 64 || c === 36) &&
    (text[from + 1] === "'" || text[from + 1] === '"')
  )
    from++;
  const quote = quoteAt(text, from);
  if (quote) {
    const start = from + quote.length;
    const end = quotedEnd(text, start, quote);
    return end > start ? { start, end, quoted: true } : null;
  }
  const end = braces ? assignedEnd(text, at) : bareEnd(text, at);
  return end > at ? { start: at, end, quoted: false } : null;
}

/** Finds `name <separator> value` for every secret's name, whatever the spelling of the separator. */
function findNamedValues(text: string, spans: Span[]): void {
  const pattern = new RegExp(REDACTION_PATTERNS.secretWord.source, "gi");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    let start = m.index;
    while (start > 0 && m.index - start < 64 && isNameChar(text.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < text.length && end - m.index < 64 && isNameChar(text.charCodeAt(end))) end++;
    pattern.lastIndex = end;
    // `\nAZURE_CLIENT_SECRET` and `\u0026code` in escaped text: the escape is not part of the name.
    if (start > 0 && text.charCodeAt(start - 1) === 92) {
      start += /^u[0-9a-fA-F]{4}/.test(text.slice(start, start + 5)) ? 5 : 1;
    }
    // A name does not end in a sentence's full stop.
    let nameEnd = end;
    while (nameEnd > start && text.charCodeAt(nameEnd - 1) === 46) nameEnd--;
    const name = text.slice(start, nameEnd);
    const before = start > 0 ? text[start - 1] : "";
    const inQuery =
      before === "?" ||
      before === "&" ||
      before === ";" ||
      before === "#" ||
      text.slice(start - 6, start) === "\\u0026" ||
      isFormField(text, start, nameEnd);
    if (name === "" || !isSecretName(name, inQuery)) continue;
    const isFlag = /^-{1,2}[A-Za-z]/.test(name) && (start === 0 || isWhite(text.charCodeAt(start - 1)));
    const alwaysWeak = isFlag || name.toLowerCase().endsWith("securestring");
    const valueAt = redactAfterName(text, start, nameEnd, name, alwaysWeak, spans);
    if (valueAt > pattern.lastIndex) pattern.lastIndex = valueAt;
  }
}

/** A form body's first field, `code=…&grant_type=…`: at the start of a word, then `=`, a value and `&`. */
function isFormField(text: string, start: number, nameEnd: number): boolean {
  const before = text[start - 1] ?? " ";
  if (before === "/" || before === "=" || text[nameEnd] !== "=") return false;
  return text[bareEnd(text, nameEnd + 1)] === "&";
}

/**
 * Reads the separator and the value after a secret's name at [start, nameEnd) and marks the value; returns where
 * reading may go on.
 */
function redactAfterName(
  text: string,
  start: number,
  nameEnd: number,
  name: string,
  alwaysRedact: boolean,
  spans: Span[],
  paired = false,
): number {
  let at = nameEnd;
  let separator: Separator = "none";
  // `<ClientSecret>value</ClientSecret>`: the element's text is the value (attributes allowed).
  if (text[start - 1] === "<") {
    // Attributes fit in a few hundred characters; a tag never closed is not read to the end of the text.
    const within = text.slice(at, at + 256).indexOf(">");
    const close = within === -1 ? -1 : at + within;
    if (close !== -1 && text[close - 1] !== "/") {
      const valueEnd = text.indexOf("<", close + 1);
      const end = valueEnd === -1 ? text.length : valueEnd;
      if (end > close + 1) spans.push({ start: close + 1, end, label: REDACTED });
      return end;
    }
    return at;
  }
  // A quoted name: skip its closing quote.
  const nameQuote = quoteAt(text, at);
  if (nameQuote) at += nameQuote.length;
  // `- name: AZURE_CLIENT_SECRET` then `value: …`, `{"name": "client_secret", …, "value": "…"}`, `--name x --value`:
  // the secret's name is the value of a name field, and its own value sits in the value field next to it.
  if (!paired && isNamedByField(text, start)) {
    const field = findValueField(text, at) ?? findValueFieldBefore(text, start);
    if (field) {
      const end = redactAfterName(text, field.start, field.end, "value", true, spans, true);
      return Math.max(end, at);
    }
  }
  const spaced = skipSpaces(text, at);
  const c = text[spaced];
  if (c === "=" && text[spaced + 1] !== "=") {
    separator = "strong";
    at = spaced + (text[spaced + 1] === ">" ? 2 : 1);
  } else if (c === ":" && text[spaced + 1] === "=") {
    separator = "strong";
    at = spaced + 2;
  } else if ((c === ":" && text[spaced + 1] !== ":") || c === "|") {
    separator = "colon";
    at = spaced + 1;
  } else if (c === "(" && spaced === nameEnd) {
    return redactCallArgument(text, name, spaced + 1, spans);
  } else if (spaced > at || alwaysRedact) {
    separator = "weak";
    at = spaced;
  }
  if (separator === "none") return nameEnd;
  // `SharedAccessKeyName=RootManageSharedAccessKey thumbprint=…`: a name written as another name's value, not a name.
  if (separator === "weak" && !alwaysRedact && text[start - 1] === "=") return nameEnd;
  // `name: "value"` and `name = value` may put spaces (and, for a flag, a line break) before the value.
  at = skipSpaces(text, at);
  if (separator === "colon" || separator === "weak") {
    const typed = REDACTION_PATTERNS.typeAnnotation.exec(text.slice(at, at + 48));
    if (typed && !/^\w+:\/\//.test(text.slice(at, at + 12))) {
      separator = "strong";
      at = skipSpaces(text, at + typed[0].length);
    }
  }
  if (text.startsWith("<<", at)) return redactHereDocument(text, at, spans);
  // `passwords:` then an indented list or block (`- …`, `|`): YAML puts the value on the lines below.
  if (
    separator === "colon" &&
    (isLineEnd(text, at) || /^[|>][-+]?[ \t]*(?:\r?\n|$)/.test(text.slice(at, at + 8)))
  ) {
    return redactIndentedBlock(text, start, at, spans);
  }
  if (separator === "strong" && text.startsWith("-String", at)) at = skipSpaces(text, at + 7);
  if (separator === "colon" && WHOLE_LINE_HEADERS.has(name.toLowerCase().replace(/^[-$.]+/, ""))) {
    let end = at;
    while (end < text.length && !isLineBreak(text.charCodeAt(end)) && text[end] !== '"' && text[end] !== "\\")
      end++;
    if (end > at) spans.push({ start: at, end, label: REDACTED });
    return end;
  }
  // `"clientSecret": { "value": "…" }`, `"passwords": ["…"]`, `'set-cookie': [ '…' ]`: every text inside is the value.
  if (separator !== "weak" && (text[at] === "{" || text[at] === "[") && opensLiterals(text, at)) {
    return redactLiteralsWithin(text, at, spans);
  }
  if (alwaysRedact && text.startsWith("-String", at)) at = skipSpaces(text, at + 7);
  const value = readValue(text, at, separator === "strong");
  if (!value) return at;
  // `;Password=correct horse battery;`: in a connection string only `;` ends a value, spaces included.
  if (separator === "strong" && !value.quoted && text[start - 1] === ";")
    value.end = connectionValueEnd(text, value);
  // `client_secret: Secret("…")`: a wrapper type around the value; the value inside goes too.
  if (!value.quoted && text[value.end - 1] === "(") {
    const inner = readValue(text, value.end);
    if (inner?.quoted) value.end = inner.end;
  }
  const raw = text.slice(value.start, value.end);
  // `<add key="ClientSecret" value="…"/>`: the key's value is the secret's name; its own value follows.
  if (
    name.toLowerCase() === "key" &&
    value.quoted &&
    /^["'\\]{0,2}\s{0,8}value\s{0,8}=/i.test(text.slice(value.end, value.end + 32))
  ) {
    return value.start;
  }
  let redact: boolean;
  if (alwaysRedact) redact = !raw.startsWith("-") || value.quoted;
  // `error?code=7000215` is the lookup link of an AADSTS code, not an authorization code.
  else if (separator === "strong")
    redact = !raw.startsWith("[REDACTED") && !(name === "code" && /^\d{1,9}$/.test(raw));
  else if (separator === "colon") redact = value.quoted ? !isKeptFact(raw) : !isKeptProse(text, value, raw);
  else redact = looksLikeSecretValue(raw);
  if (!redact) {
    // `gh secret set NAME --body value`, `--name x-password --value …`: a flag, then the value.
    if (separator === "weak" && raw.startsWith("-") && !paired) {
      const field = findValueField(text, nameEnd);
      if (field) return redactAfterName(text, field.start, field.end, "value", true, spans, true);
    }
    return separator === "weak" ? nameEnd : value.end;
  }
  spans.push({ start: value.start, end: value.end, label: REDACTED });
  return value.end;
}

/** Whether the name at `start` is the value of a `name` or `key` field (`name: X`, `"name": "X"`, `--name X`, `Name = "X"`). */
function isNamedByField(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  return REDACTION_PATTERNS.nameField.test(before);
}

/**
 * The name of the value field next to a name field, looking at most a few fields ahead in the same object
 * (`{"name": "X", "slotSetting": false, "value": "…"}`), or `null` if there is none.
 */
function findValueField(text: string, from: number): { start: number; end: number } | null {
  const limit = Math.min(text.length, from + 256);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    // Another object, or the next name field: the pair is over.
    if (c === "{" || c === "}" || c === "]" || /^[\s,"'-]name\b/i.test(text.slice(i, i + 6))) return null;
    if (c !== "v" && c !== "V" && c !== "-") continue;
    if (!/[\s,{;"'(]/.test(text[i - 1] ?? " ")) continue;
    const field = REDACTION_PATTERNS.valueField.exec(text.slice(i, i + 16));
    if (field) return { start: i, end: i + field[0].length };
  }
  return null;
}

/** `{"value": "…", "name": "client_secret"}`: the value field before the name field, in the same object. */
function findValueFieldBefore(text: string, start: number): { start: number; end: number } | null {
  const from = Math.max(0, start - 256);
  const within = text.slice(from, start).lastIndexOf("{");
  if (within === -1) return null;
  const open = from + within;
  if (text.slice(open, start).includes("}")) return null;
  const field = findValueField(text, open + 1);
  return field && field.end < start ? field : null;
}

/** Whether only spaces lie between `at` and the end of its line. */
function isLineEnd(text: string, at: number): boolean {
  const i = skipSpaces(text, at, 64);
  return i >= text.length || isLineBreak(text.charCodeAt(i));
}

/** The most lines of a YAML block or here-document read as one value. */
const MAX_BLOCK_LINES = 64;

/** The lines below a YAML name that are indented deeper than it (a list, a mapping, a block scalar): its value. */
function redactIndentedBlock(text: string, nameStart: number, at: number, spans: Span[]): number {
  let lineStart = nameStart;
  while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1)) && nameStart - lineStart < 256)
    lineStart--;
  const indent = skipSpaces(text, lineStart, 256) - lineStart;
  let i = text.indexOf("\n", at);
  let end = at;
  for (let line = 0; i !== -1 && line < MAX_BLOCK_LINES; line++) {
    const from = i + 1;
    const content = skipSpaces(text, from, 256);
    if (content >= text.length || isLineBreak(text.charCodeAt(content))) break;
    // A list may sit at the name's own indentation (`key:` then `- item`); anything else must be deeper.
    if (content - from < indent || (content - from === indent && text[content] !== "-")) break;
    const next = text.indexOf("\n", content);
    const lineEnd = next === -1 ? text.length : next;
    let valueFrom = content;
    if (text.startsWith("- ", valueFrom)) valueFrom = skipSpaces(text, valueFrom + 2);
    if (lineEnd > valueFrom) spans.push({ start: valueFrom, end: lineEnd, label: REDACTED });
    end = lineEnd;
    i = next;
  }
  return end;
}

/** `<<EOT` … `EOT` and `<<< value`: the document (or the word) is the value. */
function redactHereDocument(text: string, at: number, spans: Span[]): number {
  const start = REDACTION_PATTERNS.hereDocument.exec(text.slice(at, at + 40));
  if (!start) return at;
  const marker = start[1];
  if (marker === undefined) {
    const value = readValue(text, skipSpaces(text, at + 3));
    if (!value) return at + 3;
    spans.push({ start: value.start, end: value.end, label: REDACTED });
    return value.end;
  }
  const after = at + start[0].length;
  // Flattened onto one line (a header, a log shipper): the document ends at its marker on the same line.
  if (!isLineEnd(text, after)) {
    const from = skipSpaces(text, after);
    const line = text.slice(from, from + 4096);
    const lineEnd = line.search(/[\r\n]/);
    const close = (lineEnd === -1 ? line : line.slice(0, lineEnd)).indexOf(marker);
    const value = close > 0 ? { start: from, end: from + close } : readValue(text, from);
    if (!value) return after;
    spans.push({ start: value.start, end: value.end, label: REDACTED });
    return value.end;
  }
  const bodyStart = text.indexOf("\n", at);
  if (bodyStart === -1) return after;
  const limit = Math.min(text.length, bodyStart + 64 * 1024);
  let end = limit;
  for (let i = bodyStart; i !== -1 && i < limit; i = text.indexOf("\n", i + 1)) {
    const lineStart = skipSpaces(text, i + 1, 256);
    if (text.startsWith(marker, lineStart) && isLineEnd(text, lineStart + marker.length)) {
      end = i;
      break;
    }
  }
  if (end > bodyStart + 1) spans.push({ start: bodyStart + 1, end, label: REDACTED });
  return end;
}

/** Whether the bracket at `at` opens JSON-like text (a quote or a bracket comes next), not a bare value. */
function opensLiterals(text: string, at: number): boolean {
  let i = at + 1;
  while (i < text.length && i - at < 64 && isWhite(text.charCodeAt(i))) i++;
  const c = text[i];
  return c === "[" || c === "{" || (c !== undefined && quoteAt(text, i) !== null);
}

/** First words of calls that read or act on a secret rather than take one: `getToken("scope")`, `isSecret(x)`. */
const VERBS = new Set([
  "get",
  "has",
  "is",
  "read",
  "load",
  "fetch",
  "acquire",
  "request",
  "refresh",
  "validate",
  "verify",
  "parse",
  "decode",
  "handle",
  "on",
  "to",
  "from",
  "clear",
  "remove",
  "delete",
  "reset",
  "rotate",
  "check",
  "ensure",
  "find",
  "list",
  "revoke",
  "mask",
  "redact",
  "describe",
  "log",
  "print",
  "format",
]);

/** `.clientSecret("…")`, `setPassword('…')`: a secret passed to a call as a literal. */
function redactCallArgument(text: string, name: string, at: number, spans: Span[]): number {
  const first = segmentsOf(name.replace(/^[-$.]{1,3}/, ""))[0] ?? "";
  if (VERBS.has(first)) return at;
  const value = readValue(text, skipSpaces(text, at));
  if (!value?.quoted || isKeptFact(text.slice(value.start, value.end))) return at;
  spans.push({ start: value.start, end: value.end, label: REDACTED });
  return value.end;
}

/** The end of a bare connection-string value: the next `;`, a quote or the line's end. */
function connectionValueEnd(text: string, value: ValueSpan): number {
  let i = value.start;
  const limit = Math.min(text.length, value.start + 1024);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 34 || c === 39 || isLineBreak(c)) break;
    i++;
  }
  // Spaces before the end separate the next word of prose, not a value that ends in spaces.
  while (i > value.end && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Brackets an object or list value may nest: past this depth or length it is read no further. */
const MAX_NESTED_VALUE = 4096;

/**
 * Marks every quoted text inside the object or list that opens at `open` (keys excepted, facts kept); returns its
 * end. Quotes are skipped whole, so a bracket inside a value does not end it.
 */
function redactLiteralsWithin(text: string, open: number, spans: Span[]): number {
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_NESTED_VALUE);
  let i = open;
  while (i < limit) {
    const c = text[i];
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    } else {
      const quote = quoteAt(text, i);
      if (quote) {
        const start = i + quote.length;
        const { end } = closingQuote(text, start, quote);
        const after = skipSpaces(text, end + quote.length);
        const isKey = text[after] === ":" || text[after] === "=";
        const literal = text.slice(start, end);
        if (!isKey && end > start && !isKeptFact(literal) && !REDACTION_PATTERNS.className.test(literal)) {
          spans.push({ start, end, label: REDACTED });
        }
        i = Math.max(end + quote.length, i + 1);
        continue;
      }
    }
    i++;
  }
  return i;
}

/** After `name:`, a word followed by more words is prose ("Invalid client secret: The provided…"), kept. */
function isKeptProse(text: string, value: ValueSpan, raw: string): boolean {
  if (isKeptFact(raw)) return true;
  if (!isLetters(raw)) return false;
  return isSpace(text.charCodeAt(value.end)) && /[A-Za-z(]/.test(text[value.end + 1] ?? "");
}

/** `az login -p value`. */
function findPasswordFlags(text: string, spans: Span[]): void {
  const pattern = new RegExp(REDACTION_PATTERNS.passwordFlag.source, "g");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const at = skipSpaces(text, m.index + m[0].length);
    const value = readValue(text, at);
    if (value && text[value.start] !== "-") {
      spans.push({ start: value.start, end: value.end, label: REDACTED });
      pattern.lastIndex = value.end;
    }
  }
}

/** `curl -u user:password`: the part after the first colon. */
function findUserFlags(text: string, spans: Span[]): void {
  const pattern = new RegExp(REDACTION_PATTERNS.userFlag.source, "g");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const value = readValue(text, skipSpaces(text, m.index + m[0].length));
    if (!value) continue;
    const colon = text.slice(value.start, value.end).indexOf(":");
    if (colon !== -1 && value.start + colon + 1 < value.end) {
      spans.push({ start: value.start + colon + 1, end: value.end, label: REDACTED });
    }
    pattern.lastIndex = Math.max(value.end, pattern.lastIndex);
  }
}

/** `echo value | docker login --password-stdin`, `echo value | az devops login`: the echoed value is the secret. */
function findEchoPipes(text: string, spans: Span[]): void {
  if (!text.includes("|")) return;
  const pattern = new RegExp(REDACTION_PATTERNS.echoPipe.source, "g");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const value = readValue(text, m.index + m[0].length);
    if (!value) continue;
    const after = skipSpaces(text, value.end + (value.quoted ? 1 : 0));
    if (text[after] !== "|") continue;
    const rest = text.slice(after, after + 256);
    const lineEnd = rest.search(/[\r\n]/);
    if (/stdin|\blogin\b/i.test(lineEnd === -1 ? rest : rest.slice(0, lineEnd))) {
      spans.push({ start: value.start, end: value.end, label: REDACTED });
    }
    pattern.lastIndex = Math.max(value.end, pattern.lastIndex);
  }
}

/** The dash runs of a table's rule line (`-----  ---`), or `null` when the line is not one. */
function ruleColumns(text: string, from: number, to: number): [number, number][] | null {
  const columns: [number, number][] = [];
  let run = -1;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    if (c === 45) {
      if (run === -1) run = i;
    } else if (isSpace(c) || c === 13) {
      if (run !== -1) columns.push([run - from, i - from]);
      run = -1;
    } else return null;
  }
  return columns.length >= 2 ? columns : null;
}

/** The most rows of one table read below its header. */
const MAX_TABLE_ROWS = 256;

/**
 * Tables as `az … -o table` prints them: a header, a rule of dashes, then rows. The cells of a column whose header
 * names a secret (`Password`, `AccessToken`) are secret, whatever they look like.
 */
function findTableColumns(text: string, spans: Span[]): void {
  if (!text.includes("--")) return;
  let previousStart = -1;
  let lineStart = 0;
  while (lineStart < text.length) {
    const next = text.indexOf("\n", lineStart);
    const lineEnd = next === -1 ? text.length : next;
    const columns =
      text.charCodeAt(lineStart) === 45 && previousStart !== -1
        ? ruleColumns(text, lineStart, lineEnd)
        : null;
    if (columns && previousStart !== -1) {
      // Header cells are read by order, last first: text before the header (a log prefix, a field name) shifts
      // it but not the rows.
      const cells = text
        .slice(previousStart, lineStart - 1)
        .split(REDACTION_PATTERNS.tableGap)
        .map((cell) => cell.trim())
        .filter((cell) => cell !== "");
      const secret =
        cells.length >= columns.length
          ? columns.filter((_column, i) => isSecretName(cells[cells.length - columns.length + i] ?? ""))
          : [];
      let row = next === -1 ? text.length : next + 1;
      for (let count = 0; secret.length > 0 && row < text.length && count < MAX_TABLE_ROWS; count++) {
        const rowNext = text.indexOf("\n", row);
        const rowEnd = rowNext === -1 ? text.length : rowNext;
        if (skipSpaces(text, row, 256) >= rowEnd) break;
        for (const [a, b] of secret) {
          const start = Math.min(row + a, rowEnd);
          const end = Math.min(row + b, rowEnd);
          const cell = text.slice(start, end).trim();
          if (cell !== "" && !isKeptFact(cell)) spans.push({ start, end, label: REDACTED });
        }
        row = rowEnd + 1;
      }
      // The rows are read: go on after the table, so no line is read twice.
      if (secret.length > 0 && row > lineEnd + 1) {
        previousStart = -1;
        lineStart = row;
        continue;
      }
    }
    previousStart = lineStart;
    lineStart = lineEnd + 1;
  }
}

/** PowerShell's `ConvertTo-SecureString 'value'` and `ConvertTo-SecureString -String 'value'`. */
function findSecureStrings(text: string, spans: Span[]): void {
  const pattern = new RegExp(REDACTION_PATTERNS.convertToSecureString.source, "gi");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    let at = skipSpaces(text, m.index + m[0].length);
    // `-AsPlainText -Force -String '…'`: switches may come first, in any order.
    for (let flag = 0; flag < 4 && /^-(?:asplaintext|force)\b/i.test(text.slice(at, at + 13)); flag++) {
      at = skipSpaces(text, bareEnd(text, at));
    }
    if (/^-string\b/i.test(text.slice(at, at + 8))) at = skipSpaces(text, at + 7);
    const value = readValue(text, at);
    if (value && (value.quoted || text[value.start] !== "-")) {
      spans.push({ start: value.start, end: value.end, label: REDACTED });
    }
  }
}

/** Arguments of a credential's constructor that are never secret: IDs, user names, domains, URLs. */
function isPublicArgument(value: string): boolean {
  return (
    isKeptFact(value) ||
    value.includes("@") ||
    value.includes("://") ||
    REDACTION_PATTERNS.domainName.test(value)
  );
}

/** `new ClientSecretCredential("tenant", "client", "…")`: the literal arguments that are not IDs or names. */
function findSecretCredentialCalls(text: string, spans: Span[]): void {
  if (!text.includes("Credential")) return;
  const pattern = new RegExp(REDACTION_PATTERNS.secretCredentialCall.source, "g");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    let i = m.index + m[0].length;
    const limit = Math.min(text.length, i + 1024);
    let depth = 0;
    while (i < limit) {
      const c = text[i];
      if (c === "(" || c === "{" || c === "[") depth++;
      else if (c === ")" || c === "}" || c === "]") {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0) {
        const value = c === "'" || c === '"' || c === "@" ? readValue(text, i) : null;
        if (value?.quoted) {
          if (!isPublicArgument(text.slice(value.start, value.end))) {
            spans.push({ start: value.start, end: value.end, label: REDACTED });
          }
          i = value.end + 1;
          continue;
        }
      }
      i++;
    }
    pattern.lastIndex = Math.max(i, m.index + 1);
  }
}

/** `::add-mask::value`, `##vso[task.setsecret]value`, `issecret=true]value`: the rest of the line is the secret. */
function findMaskCommands(text: string, spans: Span[]): void {
  const pattern = new RegExp(REDACTION_PATTERNS.maskCommand.source, "gi");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const at = m.index + m[0].length;
    let end = at;
    while (end < text.length && !isLineBreak(text.charCodeAt(end)) && text[end] !== "'" && text[end] !== '"')
      end++;
    if (end > at) spans.push({ start: at, end, label: REDACTED });
    pattern.lastIndex = Math.max(end, at);
  }
}

/** Characters of a `user:password` written before `@` without a scheme (a proxy setting, `curl -x`). */
function isUserInfoChar(c: number): boolean {
  return isNameChar(c) || c === 58 || c === 37 || c === 126 || c === 33 || c === 42 || c === 43;
}

/** `HTTPS_PROXY=user:password@proxy:8080`: a password before an `@` with no scheme in front. */
function findSchemelessUserInfo(text: string, spans: Span[]): void {
  let readUntil = 0;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > readUntil && at - start < 256 && isUserInfoChar(text.charCodeAt(start - 1))) start--;
    readUntil = at + 1;
    const before = text[start - 1] ?? "";
    // After `/` or `:` this is a URL's userinfo (read by findUrlUserInfo) or a path.
    if (before === "/" || before === ":" || !isAlnum(text.charCodeAt(at + 1))) continue;
    const within = text.slice(start, at).indexOf(":");
    const colon = within === -1 ? -1 : start + within;
    if (colon === -1 || colon >= at - 1 || colon === start) continue;
    if (/^(?:mailto|sip|sips|tel|xmpp)$/i.test(text.slice(start, colon))) continue;
    spans.push({ start: colon + 1, end: at, label: REDACTED });
  }
}

// --- tokens with a shape ---------------------------------------------------------------------------------------------

/** The token after `Bearer` (a space, `+`, `%20` or a line break between): opaque tokens have no other telltale. */
function findBearerTokens(text: string, spans: Span[]): void {
  const pattern = new RegExp(REDACTION_PATTERNS.bearer.source, "gi");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    let at = m.index + m[0].length;
    for (let guard = 0; guard < 8 && at < text.length; guard++) {
      if (isWhite(text.charCodeAt(at)) || text[at] === "+") at++;
      else if (text.startsWith("%20", at)) at += 3;
      else if (/^\\[nrt]/.test(text.slice(at, at + 2))) at += 2;
      else break;
    }
    const end = bareEnd(text, at);
    const token = text.slice(at, end);
    // `Bearer authorization_uri="…"` in a challenge is a parameter list; "bearer token" in prose is a word.
    if (token === "" || /^[a-z_]{1,40}(?:=|%3D)/i.test(token)) continue;
    if (isLetters(token) && token.length < 20) continue;
    if (token.startsWith("[REDACTED")) continue;
    spans.push({ start: at, end, label: REDACTED });
    pattern.lastIndex = end;
  }
}

/** `Basic dXNlcjpwYXNz`: base64 of `user:password`. */
function findBasicCredentials(text: string, spans: Span[]): void {
  const pattern = new RegExp(REDACTION_PATTERNS.basic.source, "gi");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const at = m.index + m[0].length;
    let end = at;
    while (end < text.length && (isBase64Char(text.charCodeAt(end)) || text[end] === "=")) end++;
    const token = text.slice(at, end);
    if (token.length < 6) continue;
    const decoded = decodeBase64Text(token.replace(/=+$/, ""), 64 * 1024);
    const isPair = decoded !== null && decoded.includes(":");
    if (isPair || (!isLetters(token) && token.length >= 12)) spans.push({ start: at, end, label: REDACTED });
  }
}

function isSegmentChar(c: number): boolean {
  return isUrlSafeChar(c) || c === 61;
}

/**
 * JWTs and JWEs however they are wrapped: spaces or line breaks around the dots, lines broken inside a segment,
 * five parts, a header that is not `eyJ`. The start is base64url of a JSON object; then segments and dots are
 * consumed, a line break only when the next line is nothing but token characters.
 */
function findJwts(text: string, spans: Span[]): void {
  const pattern = new RegExp(REDACTION_PATTERNS.jwtStart.source, "g");
  // Where an earlier start read on without meeting a dot: a later start inside would read the same, or less.
  let noDotsUntil = -1;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m.index < noDotsUntil) {
      pattern.lastIndex = markTokenPart(text, m.index, spans);
      continue;
    }
    let start = m.index;
    // A payload found first: take the header before its dot too.
    let back = start - 1;
    while (back >= 0 && isSpace(text.charCodeAt(back))) back--;
    if (back >= 0 && text[back] === ".") {
      back--;
      while (back >= 0 && isSpace(text.charCodeAt(back))) back--;
      let segStart = back;
      while (segStart >= 0 && start - segStart < 4096 && isUrlSafeChar(text.charCodeAt(segStart))) segStart--;
      if (back - segStart >= 8) start = segStart + 1;
    }
    let at = m.index;
    let dots = 0;
    let lastTokenEnd = at;
    let segmentLength = 0;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (isSegmentChar(c)) {
        at++;
        segmentLength++;
        lastTokenEnd = at;
        continue;
      }
      // A dot written `\u002e` or `%2E` is still a dot.
      const escapedDot = text.startsWith("\\u002e", at) ? 6 : /^%2e/i.test(text.slice(at, at + 3)) ? 3 : 0;
      if (c === 46 || escapedDot > 0) {
        dots++;
        at += escapedDot || 1;
        segmentLength = 0;
        lastTokenEnd = at;
        continue;
      }
      // White space counts only around a dot, or as a line wrapped inside a long segment.
      let next = at;
      while (next < text.length && isWhite(text.charCodeAt(next)) && next - at < 16) next++;
      if (next === at || next >= text.length) break;
      if (text[next] === "." || text[at - 1] === ".") {
        at = next;
        continue;
      }
      if (segmentLength >= 16 && text.slice(at, next).includes("\n") && isTokenLine(text, next)) {
        at = next;
        continue;
      }
      break;
    }
    if (dots >= 1 && lastTokenEnd - start >= 24) {
      spans.push({ start, end: lastTokenEnd, label: REDACTED });
      pattern.lastIndex = lastTokenEnd;
      continue;
    }
    if (dots === 0) noDotsUntil = lastTokenEnd;
    pattern.lastIndex = markTokenPart(text, m.index, spans);
  }
}

/**
 * A token's part standing alone (the rest cut away or printed elsewhere) at `from`: its JSON says what it is. No
 * header or claim set runs past MAX_TOKEN_PART; a run that long after `eyJ` is hidden unread. Returns its end.
 */
function markTokenPart(text: string, from: number, spans: Span[]): number {
  let end = from;
  while (end < text.length && isUrlSafeChar(text.charCodeAt(end))) end++;
  const length = end - from;
  if (length > MAX_TOKEN_PART || (length >= 16 && isTokenPart(text.slice(from, end)))) {
    spans.push({ start: from, end, label: REDACTED });
  }
  return Math.max(end, from + 1);
}

const MAX_TOKEN_PART = 16 * 1024;

/** Whether base64url text is a JSON object holding a token's claims. */
function isTokenPart(segment: string): boolean {
  const decoded = decodeBase64Text(segment, MAX_TOKEN_PART);
  return (
    decoded !== null && decoded.trimStart().startsWith("{") && REDACTION_PATTERNS.tokenClaims.test(decoded)
  );
}

/** Whether the line starting at `at` holds nothing but token characters (a wrapped token's next line). */
function isTokenLine(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) {
    const c = text.charCodeAt(i);
    if (!isSegmentChar(c) && c !== 46) return false;
    i++;
  }
  return i > at;
}

/** Prefixed tokens (`ghp_…`, `xoxb-…`, `AKIA…`): the prefix and 16 or more characters after it. */
function findPrefixedTokens(text: string, spans: Span[]): void {
  const pattern = new RegExp(REDACTION_PATTERNS.prefixedToken.source, "g");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    let end = m.index + m[0].length;
    while (end < text.length && (isUrlSafeChar(text.charCodeAt(end)) || text[end] === ".")) end++;
    while (end > m.index && text[end - 1] === ".") end--;
    if (end - m.index - m[0].length >= 16) spans.push({ start: m.index, end, label: REDACTED });
    pattern.lastIndex = Math.max(end, m.index + 1);
  }
}

function findClientSecretValues(text: string, spans: Span[]): void {
  if (!text.includes("Q~")) return;
  const pattern = new RegExp(REDACTION_PATTERNS.clientSecretValue.source, "g");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length, label: REDACTED });
  }
}

function isGlueChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 126 || c === 43 || c === 47 || c === 61 || c === 45;
}

/** A secret glued to an AADSTS code on either side: the code stays, the rest goes. */
function findGluedToCodes(text: string, spans: Span[]): void {
  if (!text.includes("AADSTS")) return;
  const pattern = new RegExp(REDACTION_PATTERNS.stsCode.source, "g");
  // Codes glued to each other: the glue after one is read once, and hides the codes inside it too.
  let readUntil = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const codeEnd = m.index + m[0].length;
    let end = codeEnd;
    while (end < text.length && isGlueChar(text.charCodeAt(end))) end++;
    if (end > codeEnd) spans.push({ start: codeEnd, end, label: REDACTED });
    let start = m.index;
    while (start > readUntil && m.index - start < 4096 && isGlueChar(text.charCodeAt(start - 1))) start--;
    if (m.index - start >= 6) spans.push({ start, end: m.index, label: REDACTED });
    readUntil = end;
    pattern.lastIndex = Math.max(end, m.index + 1);
  }
}

/** `scheme://user:password@host` and `https://PAT@dev.azure.com`: everything before the `@` goes. */
function findUrlUserInfo(text: string, spans: Span[]): void {
  for (let at = text.indexOf("://"); at !== -1; at = text.indexOf("://", at + 3)) {
    const from = at + 3;
    let i = from;
    while (i < text.length && i - from < 1024) {
      const c = text.charCodeAt(i);
      if (
        c === 64 ||
        c === 47 ||
        c === 63 ||
        c === 35 ||
        isWhite(c) ||
        c === 34 ||
        c === 39 ||
        c === 60 ||
        c === 62
      )
        break;
      i++;
    }
    if (text.charCodeAt(i) === 64 && i > from) spans.push({ start: from, end: i, label: REDACTED });
  }
}

// --- base64 ----------------------------------------------------------------------------------------------------

/** The 6-bit value of a base64 or base64url character, or -1. */
function sextet(code: number): number {
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 71;
  if (code >= 48 && code <= 57) return code + 4;
  if (code === 43 || code === 45) return 62;
  if (code === 47 || code === 95) return 63;
  return -1;
}

/** Decodes base64 that encodes ASCII text; `null` at the first byte that is not printable (binary), or past `max`. */
function decodeBase64Text(run: string, max: number): string | null {
  if (run.length > max) return null;
  const bytes: number[] = [];
  let text = "";
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
      if ((byte < 32 && byte !== 9 && byte !== 10 && byte !== 13) || byte >= 127) return null;
      bytes.push(byte);
      if (bytes.length === 4096) {
        text += String.fromCharCode(...bytes);
        bytes.length = 0;
      }
    }
  }
  return text + String.fromCharCode(...bytes);
}

/** 0 upper, 1 lower, 2 digit, 3 other. */
function charClass(c: number): number {
  if (c >= 65 && c <= 90) return 0;
  if (c >= 97 && c <= 122) return 1;
  if (c >= 48 && c <= 57) return 2;
  return 3;
}

/**
 * Whether a piece of text is random, as key material is: random base64 changes between upper case, lower case and
 * digits at about two characters in three; words, paths and identifiers rarely do.
 */
function isRandom(piece: string): boolean {
  if (piece.length < 16) return false;
  let changes = 0;
  const seen = [false, false, false, false];
  let previous = charClass(piece.charCodeAt(0));
  seen[previous] = true;
  for (let i = 1; i < piece.length; i++) {
    const current = charClass(piece.charCodeAt(i));
    seen[current] = true;
    if (current !== previous) changes++;
    previous = current;
  }
  const classes = (seen[0] ? 1 : 0) + (seen[1] ? 1 : 0) + (seen[2] ? 1 : 0);
  const rate = changes / (piece.length - 1);
  // Random base64 changes class at about 0.65; a camelCase name (`OnBehalfOfCredential`) near 0.35, without digits.
  return classes === 3 ? rate >= 0.35 : classes === 2 && rate >= 0.5;
}

/** Certificate thumbprints (SHA-1 or SHA-256 in hex) are public and help support. */
function isThumbprint(run: string): boolean {
  return (
    (run.length === 40 || run.length === 64) &&
    /^(?:[0-9A-F]{40}|[0-9a-f]{40})(?:[0-9A-F]{24}|[0-9a-f]{24})?$/.test(run)
  );
}

/** Whether a base64 run is (or hides) a secret: key material, or text that holds one. */
function isSecretBlob(run: string, depth: number): boolean {
  const body = run.replace(/=+$/, "");
  if (body.length < 20 || isThumbprint(body)) return false;
  const decoded = depth < MAX_DEPTH ? decodeBase64Text(body, 256 * 1024) : null;
  if (decoded !== null && body.length % 4 !== 1) {
    // Base64 of text: a secret only if the text holds one (a logged request body, `user:password`).
    return redactAllReadings(decoded, depth + 1) !== decoded;
  }
  // Key material: split where paths and GUIDs split, and look for one random piece.
  let pieceStart = 0;
  for (let i = 0; i <= body.length; i++) {
    const c = i < body.length ? body.charCodeAt(i) : 47;
    if (c === 47 || c === 45) {
      if (i - pieceStart >= 16 && isRandom(body.slice(pieceStart, i))) return true;
      pieceStart = i + 1;
    }
  }
  return false;
}

const MAX_DEPTH = 2;

/**
 * Azure DevOps personal access tokens of the classic shape: 52 characters of lower-case base32. Words never run
 * that long, and a hex digest has no letter past `f`.
 */
function isBase32Token(run: string): boolean {
  if (run.length !== 52 || !/^[a-z2-7]{52}$/.test(run)) return false;
  let digits = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) <= 57) digits++;
  return digits >= 3;
}

/**
 * Base64 key material (storage account keys, PFX files, symmetric keys, wrapped private keys without armour) and
 * base64 of text that holds a secret. A blob wrapped over several lines is taken whole.
 */
function findBase64(text: string, spans: Span[], depth: number): void {
  const certificates = findCertificates(text);
  let certificate = 0;
  let previousBlobEnd = -2;
  let i = 0;
  while (i < text.length) {
    if (!isBase64Char(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isBase64Char(text.charCodeAt(i))) i++;
    while (i < text.length && text.charCodeAt(i) === 61) i++;
    const end = i;
    while (certificate < certificates.length && (certificates[certificate]?.[1] ?? 0) <= start) certificate++;
    const inCertificate = (certificates[certificate]?.[0] ?? Infinity) <= start;
    if (inCertificate || end - start < 4) continue;
    // The rest of a blob wrapped over lines: the previous line was key material and only a line break lies between.
    const continues = previousBlobEnd >= 0 && /^[ \t]*\r?\n[ \t]*$/.test(text.slice(previousBlobEnd, start));
    const run = end - start >= 20 ? text.slice(start, end) : "";
    if (continues || (run !== "" && (isBase32Token(run) || isSecretBlob(run, depth)))) {
      spans.push({ start, end, label: REDACTED });
      previousBlobEnd = end;
    }
  }
}

// --- the pipeline --------------------------------------------------------------------------------------------------

/** Every detector on the text as it is. */
function redactCore(text: string, depth: number): string {
  const spans: Span[] = [];
  findPrivateKeys(text, spans);
  findNamedValues(text, spans);
  findPasswordFlags(text, spans);
  findUserFlags(text, spans);
  findTableColumns(text, spans);
  findEchoPipes(text, spans);
  findSecureStrings(text, spans);
  findSecretCredentialCalls(text, spans);
  findMaskCommands(text, spans);
  findBearerTokens(text, spans);
  findBasicCredentials(text, spans);
  findJwts(text, spans);
  findPrefixedTokens(text, spans);
  findClientSecretValues(text, spans);
  findGluedToCodes(text, spans);
  findUrlUserInfo(text, spans);
  if (text.includes("@")) findSchemelessUserInfo(text, spans);
  findBase64(text, spans, depth);
  return applySpans(text, spans);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };

/** Undoes JSON and JavaScript string escapes (`\"`, `\\`, `\n`, `\u0026`…). */
function jsonUnescape(text: string): string {
  if (!text.includes("\\")) return text;
  // Pieces joined once: appending to one string per escape builds a rope that costs more than the text.
  const out: string[] = [];
  let from = 0;
  for (let at = text.indexOf("\\"); at !== -1 && at + 1 < text.length; at = text.indexOf("\\", from)) {
    const next = text[at + 1] ?? "";
    let replacement: string | null = null;
    let length = 2;
    if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
      replacement = String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
      length = 6;
    } else if (next === "x" && /^[0-9a-fA-F]{2}$/.test(text.slice(at + 2, at + 4))) {
      replacement = String.fromCharCode(parseInt(text.slice(at + 2, at + 4), 16));
      length = 4;
    } else if ("\"\\/'".includes(next)) replacement = next;
    else if (next in SIMPLE_ESCAPES) replacement = SIMPLE_ESCAPES[next] ?? next;
    if (replacement === null) {
      out.push(text.slice(from, at + 1));
      from = at + 1;
      continue;
    }
    out.push(text.slice(from, at), replacement);
    from = at + length;
  }
  out.push(text.slice(from));
  return out.join("");
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Decodes `%XX` (UTF-8 where the bytes form it); malformed sequences stay as they are. */
function percentDecode(text: string): string {
  if (!text.includes("%")) return text;
  const out: string[] = [];
  let from = 0;
  let i = text.indexOf("%");
  while (i !== -1 && i < text.length) {
    const bytes: number[] = [];
    const runStart = i;
    while (text.charCodeAt(i) === 37) {
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) break;
      bytes.push(hi * 16 + lo);
      i += 3;
    }
    if (bytes.length === 0) {
      i = text.indexOf("%", i + 1);
      continue;
    }
    let decoded: string;
    try {
      decoded = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      // Not UTF-8: one character per byte (latin1), so nothing is dropped from the reading.
      decoded = new TextDecoder("latin1").decode(new Uint8Array(bytes));
    }
    out.push(text.slice(from, runStart), decoded);
    from = i;
    i = text.indexOf("%", i);
  }
  out.push(text.slice(from));
  return out.join("");
}

const HTML_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: "&",
  apos: "'",
  lt: "<",
  gt: ">",
  equals: "=",
  colon: ":",
  sol: "/",
  bsol: "\\",
  plus: "+",
  lowbar: "_",
  period: ".",
  comma: ",",
  semi: ";",
  quest: "?",
  num: "#",
  percnt: "%",
  lsqb: "[",
  rsqb: "]",
  lcub: "{",
  rcub: "}",
  nbsp: " ",
};

function htmlDecode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(new RegExp(REDACTION_PATTERNS.htmlEntity.source, "g"), (entity) => {
    const body = entity.slice(1, -1);
    if (body.startsWith("#x")) return String.fromCodePoint(Math.min(parseInt(body.slice(2), 16), 0x10ffff));
    if (body.startsWith("#")) return String.fromCodePoint(Math.min(parseInt(body.slice(1), 10), 0x10ffff));
    return HTML_ENTITIES[body] ?? entity;
  });
}

/** A string util.inspect printed in pieces (`console.error(err)` does this to long messages), joined and unescaped. */
function inspectDecode(text: string): string {
  if (!text.includes("' +") && !text.includes('" +')) return text;
  return jsonUnescape(text.replace(new RegExp(REDACTION_PATTERNS.inspectPieces.source, "g"), ""));
}

const DECODERS = [jsonUnescape, percentDecode, htmlDecode, inspectDecode] as const;

/**
 * Reads the text as it is, then decoded each way (twice over, for text encoded inside encoded text). Where a decoded
 * reading holds a secret the plain one did not, the decoded reading, redacted, replaces the text.
 */
function redactAllReadings(text: string, depth = 0): string {
  let out = redactCore(text, depth);
  for (let round = 0; round < 2; round++) {
    let changed = false;
    for (const decode of DECODERS) {
      // Decoded once, and once more when that reading is clean: text escaped twice (`\\u0063lient…`) shows its
      // secret only on the second reading.
      let reading = out;
      for (let times = 0; times < 2; times++) {
        const decoded = decode(reading);
        if (decoded === reading) break;
        const redacted = redactCore(decoded, depth);
        if (redacted !== decoded) {
          out = redacted;
          changed = true;
          break;
        }
        reading = decoded;
      }
    }
    if (!changed) break;
  }
  return out;
}

/** The text without colour codes and invisible characters, which only ever hide what is around them. */
function withoutDisguises(text: string): string {
  let out = text;
  // The escape character itself, or written as an escape (`\u001b[32m` is how util.inspect quotes it).
  if (out.includes("\u001b") || out.includes("1b[") || out.includes("1B[") || out.includes("033[")) {
    out = out.replace(new RegExp(REDACTION_PATTERNS.ansiColour.source, "g"), "");
  }
  if (out.search(REDACTION_PATTERNS.invisible) !== -1) {
    out = out.replace(new RegExp(REDACTION_PATTERNS.invisible.source, "g"), "");
  }
  return out;
}

/**
 * Returns `text` with every secret replaced by `[REDACTED]`: values of secret-named fields (`client_secret=`,
 * `"password": "…"`, `<ClientSecret>`, `DB_PASSWORD="…"`, `api-key:`…), JWTs, `Bearer` and `Basic` credentials,
 * prefixed API tokens, Entra client-secret values, base64 key material, PEM private keys and credentials in URLs,
 * also when they are JSON-escaped, URL-encoded or base64-encoded. AADSTS codes, GUIDs, timestamps, URLs without
 * credentials and PEM certificates stay.
 *
 * Never throws; linear in the length of `text`. If the text cannot be checked, it is replaced whole.
 *
 * @example
 * ```ts
 * redactSecrets("client_secret=abc123&scope=x"); // "client_secret=[REDACTED]&scope=x"
 * ```
 */
export function redactSecrets(text: string): string {
  try {
    if (typeof text !== "string") return REDACTION_FAILED;
    return redactAllReadings(withoutDisguises(text));
  } catch {
    return REDACTION_FAILED;
  }
}

// --- structured values ------------------------------------------------------------------------------------------

/** Objects redactStructure built: already redacted, so a diagnosis inside an event is not read twice. */
const REDACTED_STRUCTURES = new WeakSet();

/** Keys whose values are this package's own words (knowledge entries), never copied from an error. */
const OWN_TEXT_KEYS = new Set(["matches", "match", "docs", "category", "outcome", "runtime", "type"]);

const MAX_STRUCTURE_DEPTH = 12;

/**
 * A copy of `value` with every string redacted, at any depth: diagnoses, events, whatever is built from an error.
 * Plain objects and arrays are copied; anything deeper than a dozen levels is replaced. Throws only on a bug (or an
 * object whose getters throw); callers drop what they cannot redact.
 */
export function redactStructure<T>(value: T): T {
  return redactValue(value, 0, new Map()) as T;
}

/** `seen`: each text redacted once per structure (a message is repeated in a diagnosis and its attempts). */
function redactValue(value: unknown, depth: number, seen: Map<string, string>): unknown {
  if (typeof value === "string") {
    let redacted = seen.get(value);
    if (redacted === undefined) {
      redacted = redactSecrets(value);
      seen.set(value, redacted);
    }
    return redacted;
  }
  if (value === null || typeof value !== "object") return value;
  if (REDACTED_STRUCTURES.has(value)) return value;
  if (depth >= MAX_STRUCTURE_DEPTH) return REDACTION_FAILED;
  let copy: unknown;
  if (Array.isArray(value)) {
    copy = value.map((item: unknown) => redactValue(item, depth + 1, seen));
  } else {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      out[key] = OWN_TEXT_KEYS.has(key) ? field : redactValue(field, depth + 1, seen);
    }
    copy = out;
  }
  REDACTED_STRUCTURES.add(copy as object);
  return copy;
}

// --- what a value looks like ----------------------------------------------------------------------------------------

/** What kind of thing a value is, for a report that must not print it. */
export type SecretShape =
  | "empty"
  | "pem-private-key"
  | "pem-certificate"
  | "jwt"
  | "base64-blob"
  | "client-secret"
  | "access-token"
  | "connection-string"
  | "secret-like"
  | "path"
  | "text";

/** What {@link describeSecretShape} found in a value, said without the value. */
export interface SecretShapeDescription {
  /** The kind of thing the value looks like. */
  shape: SecretShape;
  /** Whether the value may be printed as it is. */
  printable: boolean;
  /** What was found, in words, without the value. */
  description: string;
}

/**
 * Says what a value is without repeating it, for reports (`doctor`) that show configuration: a variable meant to
 * hold a path may hold the PEM key or the token itself, pasted by mistake. Never throws.
 *
 * @example
 * ```ts
 * describeSecretShape("-----BEGIN PRIVATE KEY-----\nMIIE…").description;
 * // "a PEM private key, not a path (2 lines)"
 * ```
 */
export function describeSecretShape(value: string): SecretShapeDescription {
  try {
    return describeShape(typeof value === "string" ? value : "");
  } catch {
    return { shape: "secret-like", printable: false, description: "a value that could not be checked" };
  }
}

function describeShape(value: string): SecretShapeDescription {
  const trimmed = value.trim();
  const lines = trimmed === "" ? 0 : trimmed.split("\n", 10_000).length;
  const size = `${lines} line${lines === 1 ? "" : "s"}, ${trimmed.length} characters`;
  if (trimmed === "") return { shape: "empty", printable: true, description: "an empty value" };
  if (/-----BEGIN[ A-Z]{0,40}PRIVATE KEY/.test(trimmed)) {
    return {
      shape: "pem-private-key",
      printable: false,
      description: `a PEM private key, not a path (${size})`,
    };
  }
  if (trimmed.includes("-----BEGIN CERTIFICATE-----")) {
    return {
      shape: "pem-certificate",
      printable: false,
      description: `a PEM certificate, not a path (${size})`,
    };
  }
  const compact = trimmed.replace(/\s+/g, "");
  if (/^e[w-z0-9_-][\w-]{8,}\.[\w-]{4,}\.[\w-]*(?:\.[\w-]*){0,2}$/.test(compact.slice(0, 64 * 1024))) {
    return { shape: "jwt", printable: false, description: `a JWT (a token itself), not a path (${size})` };
  }
  if (/^(?:Bearer|Basic)\s|^(?:ghp|gho|ghs|ghu|github_pat|glpat|xox[bpas])[_-][\w-]{16,}$/.test(trimmed)) {
    return { shape: "access-token", printable: false, description: "an access token, not a path" };
  }
  if (
    /(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|sig)\s*=/i.test(trimmed) &&
    trimmed.includes(";")
  ) {
    return {
      shape: "connection-string",
      printable: false,
      description: "a connection string with a key, not a path",
    };
  }
  if (/^[\w.-]{3}\dQ~[\w.~-]{30,60}$/.test(compact)) {
    return {
      shape: "client-secret",
      printable: false,
      description: "an Entra client secret value, not a path",
    };
  }
  if (compact.length >= 64 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact.slice(0, 1024 * 1024))) {
    return {
      shape: "base64-blob",
      printable: false,
      description: `base64 data (a certificate, key or PFX file's content?), not a path (${size})`,
    };
  }
  if (redactSecrets(trimmed) !== trimmed || (!/[/\\]/.test(trimmed) && isRandom(trimmed))) {
    return {
      shape: "secret-like",
      printable: false,
      description: `a value that looks like a secret (${size})`,
    };
  }
  if (/^(?:[A-Za-z]:)?[\\/~.]/.test(trimmed) || /[\\/]/.test(trimmed)) {
    return { shape: "path", printable: lines === 1, description: "a path" };
  }
  return { shape: "text", printable: lines === 1 && trimmed.length <= 256, description: `text (${size})` };
}
