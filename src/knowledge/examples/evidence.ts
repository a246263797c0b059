/**
 * The sources and example messages of every entry, joined to the entries on request. No diagnosis needs them,
 * so the core entry never imports this module; the tests, the error index, the CLI and the
 * `azure-identity-diagnostics/knowledge` subpath (./index.ts) do.
 */
import { deepFreeze, listKnowledgeEntries, lookupKnowledge } from "../index.js";
import type { KnowledgeEntry, KnowledgeEntryWithExamples, KnowledgeEvidence } from "../schema.js";
import { azureDevOpsExamples } from "./azureDevOps.js";
import { appSignInExamples } from "./appSignIn.js";
import { azurePipelinesExamples } from "./azurePipelines.js";
import { chainExamples } from "./chains.js";
import { developerToolExamples } from "./developerTools.js";
import { fallbackExamples } from "./fallbacks.js";
import { generalExamples } from "./general.js";
import { goDotnetExamples } from "./goDotnet.js";
import { localToolExamples } from "./localTools.js";
import { managedIdentityExamples } from "./managedIdentity.js";
import { managedIdentityEndpointExamples } from "./managedIdentityEndpoints.js";
import { networkExamples } from "./network.js";
import { pythonJavaExamples } from "./pythonJava.js";
import { sdkServiceExamples } from "./sdkServices.js";
import { serviceExamples } from "./services.js";
import { servicePrincipalExamples } from "./servicePrincipal.js";
import { stsCodeExamples } from "./stsCodes.js";
import { workloadIdentityExamples } from "./workloadIdentity.js";

/** Each family's evidence by entry id, one record per file (the checker proves each entry has exactly one). */
export const evidenceFamilies: readonly Readonly<Record<string, KnowledgeEvidence>>[] = [
  azureDevOpsExamples,
  azurePipelinesExamples,
  workloadIdentityExamples,
  servicePrincipalExamples,
  managedIdentityExamples,
  managedIdentityEndpointExamples,
  developerToolExamples,
  localToolExamples,
  goDotnetExamples,
  chainExamples,
  serviceExamples,
  sdkServiceExamples,
  stsCodeExamples,
  pythonJavaExamples,
  appSignInExamples,
  networkExamples,
  generalExamples,
  fallbackExamples,
];

/** Every entry's evidence by entry id. */
const knowledgeEvidence = new Map(evidenceFamilies.flatMap((family) => Object.entries(family)));

const NO_EVIDENCE: KnowledgeEvidence = { sources: [], examples: [] };
const joined = new Map<KnowledgeEntry, KnowledgeEntryWithExamples>();

/** `entry` with its sources and examples, in the field order entries are written in; one object per entry. */
function withExamples(entry: KnowledgeEntry): KnowledgeEntryWithExamples {
  let full = joined.get(entry);
  if (!full) {
    const { retired, ...rest } = entry;
    const { sources, examples } = knowledgeEvidence.get(entry.id) ?? NO_EVIDENCE;
    full = deepFreeze({ ...rest, sources, examples, ...(retired ? { retired } : {}) });
    joined.set(entry, full);
  }
  return full;
}

/**
 * Every knowledge entry with the seed rows it covers and example messages in each runtime's wording (each one
 * proven to be diagnosed with that entry first), retired entries included, in declaration order.
 *
 * @example
 * ```ts
 * import { listKnowledgeEntriesWithExamples } from "azure-identity-diagnostics/knowledge";
 * for (const entry of listKnowledgeEntriesWithExamples()) console.log(entry.id, entry.examples.length);
 * ```
 */
export function listKnowledgeEntriesWithExamples(): readonly KnowledgeEntryWithExamples[] {
  return listKnowledgeEntries().map(withExamples);
}

/**
 * `lookupKnowledge(query)` with each entry's sources and examples. Returns `[]` when nothing is known.
 *
 * @example
 * ```ts
 * import { lookupKnowledgeWithExamples } from "azure-identity-diagnostics/knowledge";
 * const [entry] = lookupKnowledgeWithExamples("AADSTS7000215");
 * ```
 */
export function lookupKnowledgeWithExamples(query: string): KnowledgeEntryWithExamples[] {
  return lookupKnowledge(query).map(withExamples);
}
