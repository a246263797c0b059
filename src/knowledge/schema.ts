import type { DiagnosisCategory } from "./diagnosisCategories.js";
import type { ErrorRuntime } from "./errorRuntimes.js";

/**
 * How an entry recognises a failure. An entry is a candidate when ANY primary rule hits
 * (`stsCodes`, `text`, `patterns`, `serviceCodes`); entries without primary rules are candidates when
 * their `errorNames`/`httpStatus` filters hit. `context`, when present, must also be found in the text.
 * `credentials`, `errorNames` and `httpStatus` then raise the score of a candidate.
 */
export interface MatchRules {
  /** AADSTS codes, written `"AADSTS7000215"`. */
  readonly stsCodes?: readonly string[];
  /** Case-insensitive fragments of the message, as each runtime prints it. Preferred over patterns. */
  readonly text?: readonly string[];
  /** Regular-expression sources, compiled with the `i` flag; the checker proves each linear-time. */
  readonly patterns?: readonly string[];
  /** Service error codes after a token was obtained (`AuthorizationFailed`, `ForbiddenByRbac`…). */
  readonly serviceCodes?: readonly string[];
  /** Fragments that narrow the entry to a situation; at least one must appear for the entry to match. */
  readonly context?: readonly string[];
  /** Credential types this failure belongs to. */
  readonly credentials?: readonly string[];
  /** Error `name`s this failure arrives as. */
  readonly errorNames?: readonly string[];
  /** HTTP statuses this failure arrives with. */
  readonly httpStatus?: readonly number[];
}

/** A message that must be diagnosed with this entry first. */
export interface KnowledgeExample {
  readonly text: string;
  /** Who prints it in this form. */
  readonly runtime: ErrorRuntime;
  /** Where this wording was seen (a seed row id, a guide, or `lab` for the real @azure/identity). */
  readonly source: string;
}

/**
 * One explained failure. Ids are permanent: retire an entry, never delete or rename it. Its sources and examples
 * live in `knowledge/examples/<family>.ts` under the same id.
 */
export interface KnowledgeEntry {
  /** Stable kebab-case slug. */
  readonly id: string;
  /** One sentence: what went wrong. */
  readonly title: string;
  readonly category: DiagnosisCategory;
  /** Whether trying again later, unchanged, can succeed. */
  readonly retryable: boolean;
  readonly match: MatchRules;
  /** Why it happens, in our own words. */
  readonly cause: string;
  /** What to do, most likely fix first, in our own words. */
  readonly mitigations: readonly string[];
  /** Public documentation links. */
  readonly docs: readonly string[];
  /**
   * Present when the entry no longer matches anything. The one way to retire an id: the entry stays, with the
   * reason and its successor, so its error-index page and every log line citing it keep meaning something.
   */
  readonly retired?: { readonly reason: string; readonly replacedBy?: string };
}

/**
 * What an entry is checked and documented with, kept apart from the entry because no diagnosis needs it: the
 * core entry stays small, and the tests, the error index and the CLI load it from `knowledge/examples/`.
 */
export interface KnowledgeEvidence {
  /** Seed row ids (`SEC-01`…) and other source ids this entry covers. */
  readonly sources: readonly string[];
  /** Messages, in each runtime's wording, that must be diagnosed with this entry first. */
  readonly examples: readonly KnowledgeExample[];
}

/** An entry with its sources and example messages, as the `azure-identity-diagnostics/knowledge` subpath lists it. */
export interface KnowledgeEntryWithExamples extends KnowledgeEntry, KnowledgeEvidence {}
