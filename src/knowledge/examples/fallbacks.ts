/** The sources and example messages of the entries in ../fallbacks.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const fallbackExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  // Chosen for any AADSTS code no entry lists, so no message is its own example.
  "sts-code-unlisted": { sources: ["ADO-16", "GEN-04"], examples: [] },
  "credential-timed-out": {
    sources: ["DAC-03", "MI-03"],
    examples: [
      {
        text: "CredentialUnavailableError: ManagedIdentityCredential did not return a token within 5000 ms; DiagnosticCredential stopped waiting.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
};
