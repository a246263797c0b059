/**
 * Free text bound for a telemetry backend: redacted again (a backstop, the diagnosis is already redacted), user
 * names masked, and bounded in length. Telemetry reaches a wider audience than a process's own logs.
 */
import { redactSecrets } from "../diagnosis/redact.js";

const MAX_LENGTH = 2048;
const USER_NAME_MASK = "[USER]";

/** Something shaped like a user principal name or an e-mail address: `name@domain.tld`. */
function looksLikeUserName(word: string): boolean {
  const at = word.indexOf("@");
  return at > 0 && word.indexOf(".", at + 2) > at + 1;
}

/** Returns `text` fit for a span attribute or status. Never throws; linear in the length of `text`. */
export function toTelemetryText(text: string): string {
  // Microsoft Entra ID hides user names in its own messages; developer tools and services may not.
  const masked = redactSecrets(text)
    .split(/(\s+)/)
    .map((word) => (looksLikeUserName(word) ? USER_NAME_MASK : word))
    .join("");
  return masked.length > MAX_LENGTH ? `${masked.slice(0, MAX_LENGTH - 1)}…` : masked;
}
