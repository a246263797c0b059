/** The sources and example messages (each runtime's wording) of the entries in ../entries/chains.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const chainExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "default-credential-all-unavailable": {
    sources: ["DAC-01", "GEN-02", "GEN-05", "js-guide"],
    examples: [
      {
        text: "AggregateAuthenticationError: ChainedTokenCredential authentication failed.",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "azure.identity._exceptions.ClientAuthenticationError: DefaultAzureCredential failed to retrieve a token from the included credentials.",
        runtime: "python",
        source: "DAC-01",
      },
      {
        text: "DefaultAzureCredential: failed to acquire a token.",
        runtime: "go",
        source: "DAC-01",
      },
    ],
  },
  "default-credential-unexpected-identity": {
    sources: ["DAC-02", "GEN-03", "js-guide"],
    examples: [
      {
        text: "RestError: Status code 403 (Forbidden) on a request whose token came from DefaultAzureCredential (ChainedTokenCredential => getToken() => Result for AzureCliCredential: SUCCESS)",
        runtime: "javascript",
        source: "DAC-02",
      },
    ],
  },
  "managed-identity-timed-out-in-chain": {
    sources: ["DAC-03", "MI-03"],
    examples: [
      {
        text: "ManagedIdentityCredential: managed identity timed out. See https://aka.ms/azsdk/go/identity/troubleshoot#dac for more information",
        runtime: "go",
        source: "DAC-03",
      },
    ],
  },
  "credential-chain-empty": {
    sources: ["written"],
    examples: [
      {
        text: 'ERROR\tscale_handler\terror resolving auth params\t{"type": "ScaledObject", "namespace": "example", "error": "sources must contain at least one TokenCredential"}',
        runtime: "go",
        source: "written",
      },
    ],
  },
};
