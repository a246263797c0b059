/**
 * Entries the matcher uses when nothing more specific applies. They are data like every other entry, but
 * they are chosen by the matcher (an AADSTS code no entry knows, a service reply no entry knows), not by
 * match rules.
 */
import type { KnowledgeEntry } from "./schema.js";

/** Microsoft's lookup page for an AADSTS number. */
export function stsLookupUrl(stsCode: string): string {
  return `https://login.microsoftonline.com/error?code=${stsCode.replace(/^AADSTS/i, "")}`;
}

/** Used for an AADSTS code that no entry lists (its lookup link is added per code). */
export const unlistedStsCodeEntry: KnowledgeEntry = {
  id: "sts-code-unlisted",
  title: "Microsoft Entra ID rejected the token request with a code this knowledge base does not list",
  category: "other",
  retryable: false,
  match: {},
  cause:
    "The identity provider refused to issue a token and explained why in the AADSTS code and its description. " +
    "This particular code has no dedicated entry here, so the description next to the code is the best guide.",
  mitigations: [
    "Read the sentence after the AADSTS code: it names the setting, app or user that was refused.",
    "Open Microsoft's lookup page for the code (linked below) for its official meaning.",
    "Give the correlation ID and timestamp to your tenant administrator: they find the exact request in the Entra sign-in logs with them.",
  ],
  docs: ["https://learn.microsoft.com/entra/identity-platform/reference-error-codes"],
};

/** A chain member that never settled, stopped by `DiagnosticCredential`'s `timeoutMs`. */
export const credentialTimedOutEntry: KnowledgeEntry = {
  id: "credential-timed-out",
  title: "A credential did not return a token in time and was stopped by the timeout",
  category: "managed-identity-unavailable",
  retryable: true,
  match: { text: ["did not return a token within"], errorNames: ["CredentialUnavailableError"] },
  cause:
    "The member named in the message started a token request and never finished it. The usual culprit is a " +
    "managed identity endpoint that answers DefaultAzureCredential's availability probe but never the token " +
    "request itself; identity's own abort signal does not reach that request, so only an outer timeout ends it.",
  mitigations: [
    "On a machine without managed identity, leave it out: set AZURE_TOKEN_CREDENTIALS=dev, or build a ChainedTokenCredential of the credentials you use.",
    "On Azure, check that managed identity is enabled for this resource and that nothing (a proxy, a firewall, a sidecar) holds requests to 169.254.169.254.",
    "In production, use ManagedIdentityCredential directly instead of DefaultAzureCredential.",
  ],
  docs: ["https://aka.ms/azsdk/js/identity/managedidentitycredential/troubleshoot"],
};

/** Entries that belong to the matcher and to `DiagnosticCredential` rather than to a seed guide. */
export const fallbackEntries: readonly KnowledgeEntry[] = [unlistedStsCodeEntry, credentialTimedOutEntry];
