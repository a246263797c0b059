/** The sources and example messages of the entries in ../fallbacks.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const fallbackExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  // Chosen for any AADSTS code no entry lists, so no message is its own example.
  "sts-code-unlisted": { sources: ["ADO-16", "GEN-04"], examples: [] },
  // Family entries are chosen by the engine's family rules (src/diagnosis/families.ts, tested in
  // test/unit/diagnosis/families.spec.ts), never by match rules, so no message is their own example.
  "family-managed-identity-refused": { sources: ["MI-01", "MI-06"], examples: [] },
  "family-imds-unreachable": { sources: ["MI-03"], examples: [] },
  "family-network": { sources: ["GEN-01"], examples: [] },
  "family-tool-missing": { sources: ["CLI-01", "AZD-01", "PS-01"], examples: [] },
  "family-not-logged-in": { sources: ["AZD-02", "PS-03"], examples: [] },
  "family-assertion-invalid": { sources: ["CERT-01", "ASRT-02"], examples: [] },
  "family-credential-invalid": { sources: ["SEC-01", "UP-01"], examples: [] },
  "family-app-not-found": { sources: ["APP-01"], examples: [] },
  "family-consent-required": { sources: ["GEN-04"], examples: [] },
  "family-conditional-access": { sources: ["GEN-04"], examples: [] },
  "family-permission-denied": { sources: ["GEN-03", "DAC-02"], examples: [] },
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
