/**
 * Replaces anything token- or secret-shaped before text reaches any output. Events are built from an
 * allow-list, so this is the backstop for free text (messages, bodies, pasted logs).
 */

const REDACTED = "[REDACTED]";

// Names whose value is a secret wherever they appear as `name=value` (query strings, form bodies, connection strings).
const SECRET_KEYS =
  "client_secret|client_assertion|password|passwd|pwd|sig|secret|access_token|refresh_token|id_token|assertion|accountkey|sharedaccesskey|sharedaccesssignature|systemaccesstoken|system\\.accesstoken";

// Names whose value is a secret as a JSON property.
const SECRET_JSON_KEYS =
  "authorization|access_token|accesstoken|refresh_token|refreshtoken|id_token|idtoken|client_secret|clientsecret|client_assertion|clientassertion|password|token|oidctoken|secret|systemaccesstoken|assertion|x-ms-token";

/** Every pattern `redactSecrets` applies, exported so the linear-time checker can prove them. */
export const REDACTION_PATTERNS = {
  jwt: /(?<![\w-])eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g,
  bearer: /\bBearer[ \t]+([^\s"',;]+)/gi,
  keyValue: new RegExp(`\\b(${SECRET_KEYS})=([^&\\s"',;<]+)`, "gi"),
  json: new RegExp(`("(?:${SECRET_JSON_KEYS})"[ \\t]*:[ \\t]*)"[^"]*"`, "gi"),
  header: /\b(authorization|cookie|set-cookie|x-ms-authorization-auxiliary)(:[ \t]*)[^\r\n]+/gi,
  clientSecretValue: /\b[\w.-]{3}\dQ~[\w.~-]{30,40}/g,
} as const;

const PEM_BEGIN = "-----BEGIN ";
const PEM_END_MARK = "-----END ";

/** Removes PEM private-key blocks with index scans (a lazy regex would be quadratic on unterminated blocks). */
function redactPrivateKeys(text: string): string {
  let start = text.indexOf(PEM_BEGIN);
  if (start === -1) return text;
  let out = "";
  let from = 0;
  while (start !== -1) {
    const headerEnd = text.indexOf("-----", start + PEM_BEGIN.length);
    const header = headerEnd === -1 ? "" : text.slice(start, headerEnd);
    if (!header.includes("PRIVATE KEY")) {
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

/**
 * Returns `text` with JWTs, `Bearer` values, `client_secret=`-style values, secret JSON properties,
 * `Authorization` headers, Entra client-secret values and PEM private keys replaced by `[REDACTED]`.
 * Never throws; linear in the length of `text`.
 */
export function redactSecrets(text: string): string {
  const p = REDACTION_PATTERNS;
  let out = redactPrivateKeys(text);
  out = out.replace(p.header, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`);
  out = out.replace(p.json, (_m, key: string) => `${key}"${REDACTED}"`);
  out = out.replace(p.keyValue, (_m, key: string) => `${key}=${REDACTED}`);
  out = out.replace(p.bearer, (m, value: string) =>
    // `Bearer authorization_uri="…"` in a www-authenticate header is a parameter list, not a token.
    /^[a-z_]+=/i.test(value) ? m : `Bearer ${REDACTED}`,
  );
  out = out.replace(p.jwt, REDACTED);
  out = out.replace(p.clientSecretValue, REDACTED);
  return out;
}
