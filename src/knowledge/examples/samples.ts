/**
 * Builders for example messages in the exact shapes the runtimes print. Examples are data: these helpers
 * only assemble strings once, at module load, with placeholder identifiers (never real ones).
 */

/** Placeholder identifiers used in every example. */
export const IDS = {
  tenant: "11111111-2222-3333-4444-555555555555",
  client: "00000000-0000-0000-0000-000000000001",
  trace: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  correlation: "12345678-90ab-cdef-1234-567890abcdef",
  timestamp: "2026-11-22 10:00:00Z",
  org: "99999999-8888-7777-6666-555555555555",
} as const;

const stsTail = `\r\nTrace ID: ${IDS.trace}\r\nCorrelation ID: ${IDS.correlation}\r\nTimestamp: ${IDS.timestamp}`;

/**
 * The message @azure/identity 4.13.1 throws (AuthenticationRequiredError) when Microsoft Entra ID refuses a
 * confidential-client token request: MSAL's ServerError template around the STS description.
 */
export function jsSts(oauthError: string, code: string, description: string): string {
  return (
    `${oauthError}: Error(s): ${code} - Timestamp: ${IDS.timestamp} - Description: AADSTS${code}: ${description}` +
    `${stsTail} - Correlation ID: ${IDS.correlation} - Trace ID: ${IDS.trace}`
  );
}

/** MSAL's InteractionRequiredAuthError form: `{error}: {description}` with AAD's trailer. */
export function jsInteraction(oauthError: string, code: string, description: string): string {
  return `${oauthError}: AADSTS${code}: ${description}${stsTail}`;
}

/** Python's ClientAuthenticationError text for an STS refusal. */
export function pySts(credential: string, code: string, description: string): string {
  return (
    `azure.core.exceptions.ClientAuthenticationError: ${credential}.get_token failed: Authentication failed: ` +
    `AADSTS${code}: ${description}${stsTail.replace(/\r\n/g, "\n")}`
  );
}

/** Go azidentity's AuthenticationFailedError text for an STS refusal. */
export function goSts(
  credential: string,
  status: string,
  oauthError: string,
  code: string,
  description: string,
  anchor: string,
): string {
  const line = "--------------------------------------------------------------------------------";
  return (
    `${credential}: Authentication failed:\nPOST https://login.microsoftonline.com/${IDS.tenant}/oauth2/v2.0/token\n${line}\n` +
    `RESPONSE ${status}\n${line}\n{\n  "error": "${oauthError}",\n  "error_description": "AADSTS${code}: ${description} ` +
    `Trace ID: ${IDS.trace} Correlation ID: ${IDS.correlation} Timestamp: ${IDS.timestamp}",\n  "error_codes": [\n    ${code}\n  ],\n` +
    `  "timestamp": "${IDS.timestamp}",\n  "trace_id": "${IDS.trace}",\n  "correlation_id": "${IDS.correlation}"\n}\n${line}\n` +
    `To troubleshoot, visit https://aka.ms/azsdk/go/identity/troubleshoot#${anchor}`
  );
}

/** .NET's AuthenticationFailedException text for an STS refusal. */
export function dotnetSts(credential: string, code: string, description: string): string {
  return `Azure.Identity.AuthenticationFailedException: ${credential} authentication failed: AADSTS${code}: ${description}${stsTail}`;
}

/** Azure CLI's stderr for an STS refusal. */
export function cliSts(code: string, description: string): string {
  return `ERROR: AADSTS${code}: ${description}${stsTail.replace(/\r\n/g, "\n")}`;
}
