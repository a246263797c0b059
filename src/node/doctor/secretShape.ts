/**
 * Says what kind of secret a value looks like, so doctor can name it instead of printing it. A stop-gap local to
 * doctor until the redaction module exports its own describer; every check is a linear scan or a linear regex.
 */

const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]{1,40})-----/;
const JWT = /^(?:Bearer\s+)?eyJ[\w-]*\.[\w-]*\.[\w-]*$/;
const JWE = /^eyJ[\w-]*\.[\w-]*\.[\w-]*\.[\w-]*\.[\w-]*$/;
/** Microsoft Entra ID client secret values: 40 characters, three, a digit, then `Q~` (e.g. `abc8Q~…`, `xyz7Q~…`). */
const CLIENT_SECRET = /^[\w.~-]{3}\dQ~[\w.~-]{30,60}$/;
const CONNECTION_KEY = /(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|sig)\s*=/i;
const PREFIXED_TOKEN = /^(?:ghp|gho|ghs|ghu|github_pat|glpat|xox[bpas])[_-][\w-]{16,}$/;
const BASE64_BLOB = /^[A-Za-z0-9+/=_-]{32,}$/;

/**
 * What kind of secret `value` looks like (`"a PEM private key"`, `"a JWT"`…), or `null` when it looks like an
 * ordinary value. Never throws.
 *
 * @example
 * ```ts
 * describeSecretShape("-----BEGIN PRIVATE KEY-----\nMIIE…"); // "a PEM private key"
 * ```
 */
export function describeSecretShape(value: string): string | null {
  const text = value.trim();
  if (text === "") return null;
  const pem = PEM_BEGIN.exec(text.slice(0, 4096))?.[1];
  if (pem !== undefined) {
    // A certificate file often carries its key after the certificate: name the worse of the two.
    if (pem.includes("PRIVATE KEY") || text.includes("PRIVATE KEY-----")) return "a PEM private key";
    if (pem.includes("CERTIFICATE")) return "a PEM certificate (a file's content)";
    return "PEM content (a file's content)";
  }
  if (text.length > 64 * 1024) return "a very long value (a file's content?)";
  if (JWT.test(text) || JWE.test(text)) return "a JWT (a token)";
  if (/^Bearer\s/i.test(text)) return "a bearer token";
  if (/^Basic\s/i.test(text)) return "a Basic credential";
  if (PREFIXED_TOKEN.test(text)) return "an access token";
  if (CLIENT_SECRET.test(text)) return "a client secret";
  if (CONNECTION_KEY.test(text) && text.includes(";")) return "a connection string with a key";
  if (text.includes("\n")) return "text over several lines (a file's content?)";
  // Absolute and home-relative paths look like base64 to the rules below (letters, digits, `/`): they are paths.
  if (/^(?:[/~.\\]|[A-Za-z]:[\\/])/.test(text)) return null;
  if (text.startsWith("MII") && BASE64_BLOB.test(text)) return "base64 key or certificate data";
  if (
    text.length >= 32 &&
    BASE64_BLOB.test(text) &&
    /\d/.test(text) &&
    /[a-z]/.test(text) &&
    /[A-Z]/.test(text)
  ) {
    return "a long random string (a key or secret?)";
  }
  return null;
}
