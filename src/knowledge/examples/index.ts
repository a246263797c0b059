/**
 * azure-identity-diagnostics/knowledge: the knowledge base with the data behind each entry (the seed rows it
 * covers and example messages in each runtime's wording), for documentation and tooling. Diagnoses never need
 * it, so the core entry leaves it out.
 */
export { listKnowledgeEntriesWithExamples, lookupKnowledgeWithExamples } from "./evidence.js";
export type { KnowledgeEntryWithExamples, KnowledgeEvidence, KnowledgeExample } from "../schema.js";
