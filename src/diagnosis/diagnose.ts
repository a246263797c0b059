/**
 * Builds a `Diagnosis` from a normalised error: facts, knowledge matches, and for chains one attempt per
 * member with the root cause chosen to lead the summary.
 */
import { matchKnowledge, type ScoredEntry } from "../knowledge/match.js";
import { knowledgeIndex } from "../knowledge/index.js";
import { familyEntries, stsLookupUrl, unlistedStsCodeEntry } from "../knowledge/fallbacks.js";
import type { DiagnosisCategory } from "../knowledge/diagnosisCategories.js";
import type { KnowledgeEntry } from "../knowledge/schema.js";
import { extractFacts, type ExtractedFacts } from "./extract.js";
import { familyEntryOf } from "./families.js";
import { adaptMatchToRuntime } from "./runtimeAdvice.js";
import { normaliseError, type NormalisedError } from "./normalise.js";
import { redactStructure } from "./redact.js";
import { findCredentialInStack, findCredentialNames, isCredentialContainer } from "./credentialNames.js";
import type {
  AttemptDiagnosis,
  AttemptOutcome,
  Diagnosis,
  DiagnosisConfidence,
  KnowledgeMatch,
} from "./types.js";

/** A chain member's attempt as `DiagnosticCredential` observed it live. */
export interface ObservedAttempt {
  readonly credential: string;
  readonly outcome: AttemptOutcome;
  /** What the member threw, when it threw. */
  readonly error?: unknown;
  readonly durationMs: number | null;
  /** Why it was skipped or timed out, in a few words. */
  readonly note?: string;
}

/** What the caller knows beyond the error itself. */
export interface DiagnoseContext {
  /** The credential that threw (for a chain: the chain's class name). */
  readonly credential?: string | null;
  /** Each member's attempt, when a chain was observed live. */
  readonly attempts?: readonly ObservedAttempt[];
}

const MAX_MATCHES = 5;
/** A family entry's score: below any entry whose own rules matched. */
const FAMILY_SCORE = 1;

/** Categories that can mean "this member is not set up here" (see `isMerelyUnavailable`). */
const UNAVAILABLE_CATEGORIES: ReadonlySet<DiagnosisCategory> = new Set([
  "not-configured",
  "tool-missing",
  "imds-unreachable",
  "not-logged-in",
]);

/** A tool that is simply not there (as opposed to present but too old, or answering something specific). */
const TOOL_ABSENT_TEXT =
  /not installed|ensure that it is installed|unable to execute|not found|could(?: not|n't) be found|not recognized|\bENOENT\b|command not found|cannot find|no such file|can(?:no|')t be accessed/i;

/** A sign-in store with nothing in it (as opposed to a session that expired or a tool asking for `az login`). */
const NOTHING_CACHED_TEXT =
  /no accounts? (?:were |was )?found|no cached (?:token|account)|authentication (?:is )?(?:not available|unavailable)|\bnot available\b/i;

const UNAVAILABLE_TEXT =
  /\bunavailable\b|\bnot available\b|not (?:fully )?configured|could(?: not|n't) be found|not installed|\bplease run\b/i;

function toMatch({ entry, score }: ScoredEntry, docs: readonly string[] = entry.docs): KnowledgeMatch {
  return {
    id: entry.id,
    title: entry.title,
    category: entry.category,
    cause: entry.cause,
    mitigations: [...entry.mitigations],
    docs: [...docs],
    retryable: entry.retryable,
    score: Math.round(score * 100) / 100,
  };
}

/**
 * Knowledge matches for one error, best first. An AADSTS code no entry lists leads with the unlisted-code entry
 * (its lookup link), in the category of the code's family; a failure nothing matches gets its family's entry.
 */
function findMatches(facts: ExtractedFacts): KnowledgeMatch[] {
  const scored = matchKnowledge({
    text: facts.lowerText,
    stsCodes: facts.stsCodes,
    serviceCodes: facts.serviceCodes,
    credentials: facts.credentials,
    errorName: facts.errorName,
    httpStatus: facts.httpStatus,
  });
  const matches = scored.slice(0, MAX_MATCHES).map((s) => toMatch(s));
  const firstCode = facts.stsCodes[0];
  const codeKnown = scored.some((s) =>
    (s.entry.match.stsCodes ?? []).some((c) => facts.stsCodes.includes(c)),
  );
  const family = firstCode && !codeKnown ? familyEntryOf(facts) : null;
  if (firstCode && !codeKnown) {
    const fallback: KnowledgeEntry = { ...unlistedStsCodeEntry, category: family?.category ?? "other" };
    matches.unshift(
      toMatch({ entry: fallback, score: 100 }, [stsLookupUrl(firstCode), ...unlistedStsCodeEntry.docs]),
    );
    if (family) matches.splice(1, 0, toMatch({ entry: family, score: FAMILY_SCORE }));
  } else if (matches.length === 0) {
    const recognised = familyEntryOf(facts);
    if (recognised) matches.push(toMatch({ entry: recognised, score: FAMILY_SCORE }));
  }
  return matches.slice(0, MAX_MATCHES);
}

/** Entries chosen by inference (an unlisted code, a family), never by their own wording. */
const INFERRED_ENTRIES: ReadonlySet<string> = new Set([
  unlistedStsCodeEntry.id,
  ...familyEntries.map((e) => e.id),
]);

/**
 * How sure a diagnosis led by `top` is: an entry whose own rules (AADSTS code, phrase, pattern, service code)
 * matched is `high`; an inferred entry, one that only fits the error's name or status, or a category without
 * an entry is `medium`; nothing recognised is `low`.
 */
function confidenceOf(top: KnowledgeMatch | undefined, category: DiagnosisCategory): DiagnosisConfidence {
  if (!top) return category === "other" ? "low" : "medium";
  if (INFERRED_ENTRIES.has(top.id)) return "medium";
  const rules = knowledgeIndex().byId.get(top.id)?.match ?? {};
  const specific = [rules.stsCodes, rules.text, rules.patterns, rules.serviceCodes].some(
    (list) => (list?.length ?? 0) > 0,
  );
  return specific ? "high" : "medium";
}

function categoryOf(facts: ExtractedFacts, matches: readonly KnowledgeMatch[]): DiagnosisCategory {
  const top = matches[0];
  if (top) return top.category;
  if (facts.errorName === "RestError" && (facts.httpStatus === 401 || facts.httpStatus === 403)) {
    return "permission-denied";
  }
  return "other";
}

/** The error-name prefix runtimes print before a message (`RestError: `, `AuthenticationFailedException: `). */
export const ERROR_NAME_PREFIX = /^(?:[A-Za-z][\w.]{0,80}(?:Error|Exception)|Error): /;

/** A message's first line, without its error-name prefix: what a summary says after "failed:". */
function firstLine(text: string): string {
  const line = (text.split("\n", 1)[0] ?? "").replace(ERROR_NAME_PREFIX, "");
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** One error on its own: facts, matches, category. */
interface SingleDiagnosis {
  facts: ExtractedFacts;
  matches: KnowledgeMatch[];
  category: DiagnosisCategory;
  message: string;
}

function diagnoseSingle(error: NormalisedError, credential: string | null): SingleDiagnosis {
  const facts = extractFacts(error, credential);
  const matches = findMatches(facts);
  // Redacted with everything else the diagnosis copies from the error, once, by redactStructure in diagnose().
  return { facts, matches, category: categoryOf(facts, matches), message: error.message };
}

function outcomeOf(error: NormalisedError, category: DiagnosisCategory): AttemptOutcome {
  if (error.name === "CredentialUnavailableError") return "unavailable";
  if (error.name === null && (UNAVAILABLE_CATEGORIES.has(category) || UNAVAILABLE_TEXT.test(error.message))) {
    return "unavailable";
  }
  return "failed";
}

function attemptSummary(
  credential: string | null,
  outcome: AttemptOutcome,
  single: SingleDiagnosis | null,
  note?: string,
): string {
  const who = credential ?? "A credential";
  if (outcome === "succeeded") return `${who} returned a token`;
  if (outcome === "skipped") return `${who} was not tried${note ? `: ${note}` : ""}`;
  if (outcome === "timed-out") return `${who} did not answer in time${note ? ` (${note})` : ""}`;
  const why = single?.matches[0]?.title ?? firstLine(single?.message ?? "");
  const code = single?.facts.stsCodes[0];
  const verb = outcome === "unavailable" ? "is unavailable" : "failed";
  return `${who} ${verb}: ${why}${code && !why.includes(code) ? ` (${code})` : ""}`;
}

function attemptFrom(
  credential: string | null,
  outcome: AttemptOutcome,
  single: SingleDiagnosis | null,
  durationMs: number | null,
  note?: string,
): AttemptDiagnosis {
  return {
    credential,
    outcome,
    errorName: single?.facts.errorName ?? null,
    summary: attemptSummary(credential, outcome, single, note),
    category: single?.category ?? "other",
    stsCode: single?.facts.stsCodes[0] ?? null,
    correlationId: single?.facts.correlationId ?? null,
    traceId: single?.facts.traceId ?? null,
    timestamp: single?.facts.timestamp ?? null,
    match: single?.matches[0] ?? null,
    message: single?.message ?? "",
    durationMs,
  };
}

function attemptsFromObserved(observed: readonly ObservedAttempt[]): AttemptDiagnosis[] {
  return observed.map((o) => {
    const single = o.error === undefined ? null : diagnoseSingle(normaliseError(o.error), o.credential);
    return attemptFrom(o.credential, o.outcome, single, o.durationMs, o.note);
  });
}

/** `memberNames`: the credential names in each member's message, found while reading the whole error. */
function attemptsFromMembers(
  members: readonly NormalisedError[],
  memberNames: readonly (readonly string[])[],
): AttemptDiagnosis[] {
  return members.map((member, i) => {
    const names = memberNames[i] ?? findCredentialNames(member.message);
    const credential = names.find((n) => !isCredentialContainer(n)) ?? null;
    const single = diagnoseSingle(member, credential);
    return attemptFrom(credential, outcomeOf(member, single.category), single, null);
  });
}

/**
 * Whether a member only said "what I need is absent here" (its variables unset, no managed identity endpoint, its
 * tool not installed, no cached account). A tool or endpoint that is there and answered something specific (a
 * signed-out `az` asking for `az login`, an expired session, a tool too old, an STS code) is a root cause instead.
 */
function isMerelyUnavailable(attempt: AttemptDiagnosis): boolean {
  if (attempt.stsCode || !UNAVAILABLE_CATEGORIES.has(attempt.category)) return false;
  if (attempt.category === "tool-missing") return TOOL_ABSENT_TEXT.test(attempt.message);
  if (attempt.category === "not-logged-in") return NOTHING_CACHED_TEXT.test(attempt.message);
  return true;
}

/**
 * DefaultAzureCredential's log line for a member whose constructor threw (identity then leaves it out of the
 * aggregate): `Skipped createDefaultManagedIdentityCredential because of an error creating the credential: …`.
 */
export const SKIPPED_CONSTRUCTION_LINE =
  /Skipped createDefault([A-Za-z]{1,60}Credential) because of an error creating the credential: ([^\n]{1,500})/g;

/** A member whose constructor threw, from a pasted log: unavailable, with the constructor's reason as its message. */
function attemptsFromSkippedConstructions(text: string): AttemptDiagnosis[] {
  const attempts: AttemptDiagnosis[] = [];
  for (const m of text.matchAll(SKIPPED_CONSTRUCTION_LINE)) {
    const credential = m[1] ?? null;
    const single = diagnoseSingle(normaliseError(m[2] ?? ""), credential);
    attempts.push(attemptFrom(credential, "unavailable", single, null));
  }
  return attempts;
}

/** How strongly an attempt explains the chain's failure; the highest leads. */
function rootWeight(attempt: AttemptDiagnosis): number {
  let weight = 0;
  const explained = attempt.category !== "other" || attempt.stsCode !== null;
  // A failure nothing explains ("failed due to an unknown error", a cut-off paste) is a root cause, but a
  // recognised one says more.
  if ((attempt.outcome === "failed" || attempt.outcome === "timed-out") && explained) weight += 1000;
  if (attempt.stsCode) weight += 500;
  if (!isMerelyUnavailable(attempt)) weight += 100;
  if (attempt.category !== "other") weight += 50;
  return weight + (attempt.match?.score ?? 0) / 10;
}

function chooseRoot(attempts: readonly AttemptDiagnosis[]): AttemptDiagnosis | null {
  let best: AttemptDiagnosis | null = null;
  for (const attempt of attempts) {
    if (attempt.outcome === "succeeded" || attempt.outcome === "skipped") continue;
    if (!best || rootWeight(attempt) > rootWeight(best)) best = attempt;
  }
  return best;
}

/** The matches of both lists, each entry once (the first occurrence kept), at most `MAX_MATCHES`. */
function mergeMatches(first: readonly KnowledgeMatch[], rest: readonly KnowledgeMatch[]): KnowledgeMatch[] {
  const merged: KnowledgeMatch[] = [];
  for (const match of [...first, ...rest]) if (!merged.some((m) => m.id === match.id)) merged.push(match);
  return merged.slice(0, MAX_MATCHES);
}

function singleSummary(single: SingleDiagnosis, credential: string | null): string {
  const { facts } = single;
  const top = single.matches[0];
  const code = facts.stsCodes[0];
  const why = top?.title ?? (firstLine(single.message) || "no further detail was given");
  // A service's 401/403 after a token was issued: no credential failed, the service refused the caller.
  if (
    !credential &&
    facts.credentials.length === 0 &&
    facts.serviceErrorCode !== null &&
    facts.httpStatus !== null
  ) {
    return `The service refused the request (HTTP ${String(facts.httpStatus)} ${facts.serviceErrorCode}): ${why}`;
  }
  const who = credential ?? facts.credentials[0];
  const withCode = `${why}${code && !why.includes(code) ? ` (${code})` : ""}`;
  // Only a credential is a "who": an error name ("Error", "RestError") says what was thrown, not what failed, and
  // the renderer's heading already says "Authentication failed:".
  return who ? `${who} failed: ${withCode}` : withCode;
}

const CHAIN_UNCONFIGURED_ENTRY = "default-credential-all-unavailable";

function triedAttempts(attempts: readonly AttemptDiagnosis[]): AttemptDiagnosis[] {
  return attempts.filter((a) => a.outcome !== "skipped" && a.outcome !== "succeeded");
}

/** Every member that was tried said only "not set up here": unavailable, for a reason that is not a failure. */
function isNothingConfigured(attempts: readonly AttemptDiagnosis[]): boolean {
  const tried = triedAttempts(attempts);
  return tried.length > 0 && tried.every((a) => a.outcome === "unavailable" && isMerelyUnavailable(a));
}

/** `matches` led by entry `id`: moved to the front, or added there when the text alone did not match it. */
function promote(matches: readonly KnowledgeMatch[], id: string): KnowledgeMatch[] {
  const found = matches.find((m) => m.id === id);
  if (found) return [found, ...matches.filter((m) => m !== found)];
  const entry = knowledgeIndex().byId.get(id);
  return entry ? [toMatch({ entry, score: FAMILY_SCORE }), ...matches].slice(0, MAX_MATCHES) : [...matches];
}

function chainSummary(root: AttemptDiagnosis | null, attempts: readonly AttemptDiagnosis[]): string {
  const tried = triedAttempts(attempts);
  if (!root) return "The credential chain returned no token and reported no error";
  if (isNothingConfigured(attempts)) {
    return `No credential in the chain is set up on this machine (${tried.length} tried, all unavailable)`;
  }
  const others = tried.length - 1;
  return `${root.summary}${others > 0 ? ` (and ${others} other credential${others === 1 ? "" : "s"} unavailable or failed)` : ""}`;
}

/** The identity of the token a service refused, from the error or the first cause that carries one. */
function presentedIdentity(error: NormalisedError): Diagnosis["tokenIdentity"] {
  for (let current: NormalisedError | null = error; current; current = current.cause) {
    if (current.tokenIdentity) return current.tokenIdentity;
  }
  return null;
}

function uniqueCredentials(lists: readonly (readonly (string | null)[])[]): string[] {
  const names: string[] = [];
  for (const list of lists) for (const name of list) if (name && !names.includes(name)) names.push(name);
  return names;
}

/**
 * The credentials a diagnosis reports: those the caller observed (the credential it wrapped, then each member it
 * saw tried), every identity credential the text names, then those whose code is in the stack of the error or of
 * a thrown member (a JavaScript stack names them by its frames). Nothing is inferred from wording: a plain `az`
 * message names none.
 */
function reportedCredentials(
  error: NormalisedError,
  context: DiagnoseContext,
  facts: ExtractedFacts,
): string[] {
  return uniqueCredentials([
    [context.credential ?? null],
    (context.attempts ?? []).map((a) => a.credential),
    facts.namedCredentials,
    [findCredentialInStack(error.stack ?? facts.text)],
    error.children.map((child) => (child.thrown && child.stack ? findCredentialInStack(child.stack) : null)),
  ]);
}

/** Diagnoses `value` with what the caller knows. Throws only on a bug; `explainAuthError` guards it. */
export function diagnose(value: unknown, context: DiagnoseContext = {}): Diagnosis {
  const error = normaliseError(value);
  const hint = context.credential ?? null;
  // The credential the caller wrapped comes first: it is the one the user built, whatever it delegated to.
  const wrapped = hint && !isCredentialContainer(hint) ? hint : null;
  const whole = diagnoseSingle(error, wrapped);
  const attempts = context.attempts?.length
    ? attemptsFromObserved(context.attempts)
    : [
        ...attemptsFromMembers(error.children, whole.facts.memberCredentialNames),
        ...attemptsFromSkippedConstructions(whole.facts.text),
      ];

  const facts = whole.facts;
  const root = attempts.length > 0 ? chooseRoot(attempts) : null;
  const rootMatches = root?.match
    ? [root.match, ...whole.matches.filter((m) => m.category === root.category)]
    : [];
  const merged = root ? mergeMatches(rootMatches, whole.matches) : whole.matches;
  // When nothing in the chain is set up, no single member is the cause: the chain-level advice leads.
  const nothingConfigured = attempts.length > 0 && isNothingConfigured(attempts);
  const matches = nothingConfigured ? promote(merged, CHAIN_UNCONFIGURED_ENTRY) : merged;
  const category = nothingConfigured ? "not-configured" : (root?.category ?? whole.category);
  const stsCode = root?.stsCode ?? facts.stsCodes[0] ?? null;
  const top = matches[0];

  // Every field copied from the error (name, IDs, codes, attempts…) goes through the same redaction as the message.
  return redactStructure({
    summary: attempts.length > 0 ? chainSummary(root, attempts) : singleSummary(whole, hint),
    category,
    confidence: confidenceOf(top, category),
    errorName: error.name,
    runtime: facts.runtime,
    stsCode,
    stsCodes: stsCode && !facts.stsCodes.includes(stsCode) ? [stsCode, ...facts.stsCodes] : facts.stsCodes,
    oauthError: facts.oauthError,
    subError: facts.subError,
    correlationId: root?.correlationId ?? facts.correlationId,
    traceId: root?.traceId ?? facts.traceId,
    timestamp: root?.timestamp ?? facts.timestamp,
    httpStatus: facts.httpStatus,
    serviceErrorCode: facts.serviceErrorCode,
    tokenIdentity: presentedIdentity(error),
    credentials: reportedCredentials(error, context, facts),
    // Advice in the reader's runtime: a Python, .NET, Go or Java paste gets its own logging switch and guide.
    attempts: attempts.map((a) =>
      a.match ? { ...a, match: adaptMatchToRuntime(a.match, facts.runtime) } : a,
    ),
    matches: matches.map((m) => adaptMatchToRuntime(m, facts.runtime)),
    retryable: top?.retryable ?? category === "network",
    lookupUrl: stsCode ? stsLookupUrl(stsCode) : null,
    message: whole.message,
  });
}
