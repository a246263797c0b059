/**
 * Says what kind of secret a value looks like, in doctor's words, so a report can name it instead of printing it.
 * The judgement is the redaction module's; this only words it for a sentence ("this looks like …").
 */
import { describeSecretShape as describeValue, type SecretShape } from "../../diagnosis/redact.js";

const WORDS: Partial<Record<SecretShape, string>> = {
  "pem-private-key": "a PEM private key",
  "pem-certificate": "a PEM certificate (a file's content)",
  jwt: "a JWT (a token)",
  "client-secret": "a client secret",
  "access-token": "an access token",
  "connection-string": "a connection string with a key",
  "base64-blob": "base64 key or certificate data",
  "secret-like": "a value that looks like a secret",
};

/**
 * What kind of secret `value` looks like (`"a PEM private key"`, `"a JWT (a token)"`…), or `null` when it looks
 * like an ordinary value. Never throws.
 */
export function describeSecretShape(value: string): string | null {
  const { shape, printable } = describeValue(value);
  if (WORDS[shape] !== undefined) return WORDS[shape];
  // Text or a "path" too long or over several lines to print is a file's content pasted where a value belongs.
  return printable ? null : "text over several lines (a file's content?)";
}
