/**
 * Runs one failure scenario the way the lab requires: the real credential bare, then the same credential wrapped in
 * `DiagnosticCredential`. Both must fail with the same error class and `name`; the diagnosis (attached and from
 * `explainAuthError`) must quote exactly the facts the fake sent and lead with the expected knowledge entry; and
 * nothing captured (events, every logger line, the rethrown error, the diagnosis and its rendering) may contain a
 * secret or token.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { expect, it } from "vitest";
import {
  DiagnosticCredential,
  explainAuthError,
  getDiagnosis,
  renderDiagnosis,
  type Diagnosis,
  type DiagnosisCategory,
  type DiagnosticEvent,
} from "azure-identity-diagnostics";
import { startCapture, type Capture } from "../harness/capture.js";
import { identityStacksNameCredentials } from "../harness/identityVersion.js";
import { expectLeadingEntry } from "../harness/producedEntries.js";
import type { SentStsError } from "../harness/stsErrors.js";
import type { Lab } from "./lab.js";

export const ARM_SCOPE = "https://management.azure.com/.default";

export interface ScenarioExpectation {
  /** `name` of the error the real credential throws (and DiagnosticCredential rethrows). */
  errorName: string;
  /** Id of the knowledge entry that must lead the diagnosis. */
  topEntry: string;
  category: DiagnosisCategory;
  /** Credential types the diagnosis must list, in this order (others may be listed between them). */
  credentials: string[];
  /** The diagnosis must quote the token service's refusal: code, correlation and trace IDs, timestamp. */
  quotesTokenService?: boolean;
  /**
   * Set to `false` when the bare error carries no trace of its credential (no name in the message, no credential
   * frame in the stack), so `explainAuthError` on it alone cannot list one. DiagnosticCredential always can.
   */
  bareErrorNamesCredential?: false;
  /**
   * What `explainAuthError` on the bare error alone leads with, when that differs from `topEntry` because only the
   * wrapper knows which credential failed (`null`: no entry matches the bare text).
   */
  bareTopEntry?: string | null;
  /** Further facts that must be exactly these. */
  facts?: Partial<Pick<Diagnosis, "stsCode" | "httpStatus" | "oauthError" | "subError" | "category">>;
}

export interface FailureScenario {
  name: string;
  /** Sets up fakes and environment; returns a factory for a fresh credential (called once per run). */
  arrange(lab: Lab): Promise<() => TokenCredential> | (() => TokenCredential);
  scopes?: string | string[];
  getTokenOptions?: GetTokenOptions;
  /** DiagnosticCredential's `timeoutMs`. When set the bare credential is expected to hang and is not awaited. */
  timeoutMs?: number;
  expect: ScenarioExpectation;
  /** Further assertions on what the run saw. */
  then?: (run: ScenarioRun, lab: Lab) => void;
  /** Why this scenario cannot run on the loaded identity version (see harness/identityVersion.ts). */
  skip?: string | undefined;
}

export interface ScenarioRun {
  /** Secrets that @azure/identity's own log lines printed during the wrapped run. */
  identityLogLeaks: string[];
  bare: unknown;
  wrapped: unknown;
  diagnosis: Diagnosis;
  events: DiagnosticEvent[];
  sentToBare: SentStsError | undefined;
  sentToWrapped: SentStsError | undefined;
}

async function rejection(promise: Promise<AccessToken | null>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected getToken to fail, but it returned a token");
}

function nameOf(error: unknown): unknown {
  return (error as { name?: unknown } | null)?.name;
}

/** Asserts the diagnosis quotes exactly what the token service sent. */
export function expectQuotesRefusal(diagnosis: Diagnosis, sent: SentStsError | undefined): void {
  expect(sent, "the token service sent no refusal").toBeDefined();
  if (!sent) return;
  expect({
    stsCode: diagnosis.stsCode,
    correlationId: diagnosis.correlationId,
    traceId: diagnosis.traceId,
    timestamp: diagnosis.timestamp,
  }).toEqual({
    stsCode: `AADSTS${sent.code}`,
    correlationId: sent.correlationId,
    traceId: sent.traceId,
    timestamp: sent.timestamp,
  });
}

function expectDiagnosis(
  diagnosis: Diagnosis,
  expected: ScenarioExpectation,
  sent: SentStsError | undefined,
): void {
  expectLeadingEntry(
    diagnosis.matches[0]?.id,
    expected.topEntry,
    `${diagnosis.summary}\n${diagnosis.message}\n${JSON.stringify(diagnosis.matches.map((m) => [m.id, m.score]))}`,
  );
  expect(diagnosis.category).toBe(expected.category);
  const positions = expected.credentials.map((name) => diagnosis.credentials.indexOf(name));
  expect(
    positions.every((p) => p >= 0),
    `credentials ${JSON.stringify(diagnosis.credentials)}`,
  ).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  if (expected.facts) expect(diagnosis).toMatchObject(expected.facts);
  if (expected.quotesTokenService) expectQuotesRefusal(diagnosis, sent);
}

/**
 * Fails naming each secret found in what this library produced (events, its log lines, the rethrown error, the
 * diagnosis and its renderings) and the line it was found in. Other packages' own log lines are not ours to change;
 * `identityLogLeaks` lists what identity itself printed, so a scenario can pin a known upstream leak.
 */
export function expectNoLeak(capture: Capture, secrets: readonly string[]): void {
  const text = capture.ownText();
  const where = capture.leakedByLibrary(secrets).map((secret) => {
    const line = text.split("\n").find((l) => l.includes(secret)) ?? "(encoded form)";
    return `${secret.slice(0, 12)}… in: ${line.slice(0, 300)}`;
  });
  expect(where, "secrets found in captured output").toEqual([]);
}

/** Runs a scenario: bare, then wrapped; returns what it saw for extra assertions. */
export async function runScenario(lab: Lab, scenario: FailureScenario): Promise<ScenarioRun> {
  const build = await scenario.arrange(lab);
  const scopes = scenario.scopes ?? ARM_SCOPE;

  let bare: unknown = undefined;
  let sentToBare: SentStsError | undefined;
  if (scenario.timeoutMs === undefined) {
    const errorsBefore = lab.sts.errors.length;
    bare = await rejection(build().getToken(scopes, scenario.getTokenOptions));
    sentToBare = lab.sts.errors.length > errorsBefore ? lab.sts.lastError : undefined;
    expect(nameOf(bare)).toBe(scenario.expect.errorName);
  }

  const capture = startCapture("verbose");
  let wrapped: unknown;
  let sentToWrapped: SentStsError | undefined;
  try {
    const errorsBefore = lab.sts.errors.length;
    const credential = new DiagnosticCredential(build(), {
      onEvent: (event) => {
        capture.onEvent(event);
      },
      ...(scenario.timeoutMs === undefined ? {} : { timeoutMs: scenario.timeoutMs }),
    });
    wrapped = await rejection(credential.getToken(scopes, scenario.getTokenOptions));
    sentToWrapped = lab.sts.errors.length > errorsBefore ? lab.sts.lastError : undefined;
  } finally {
    capture.stop();
  }

  // The same error, as the chain and the user's catch block see it.
  expect(nameOf(wrapped)).toBe(scenario.expect.errorName);
  if (bare !== undefined) {
    expect((wrapped as object).constructor).toBe((bare as object).constructor);
    expect(Object.keys(wrapped as object).sort()).toEqual(Object.keys(bare as object).sort());
  }

  const diagnosis = getDiagnosis(wrapped);
  expect(diagnosis, "DiagnosticCredential attached no diagnosis").toBeDefined();
  if (!diagnosis) throw new Error("unreachable");
  expectDiagnosis(diagnosis, scenario.expect, sentToWrapped);

  const failure = capture.events.find((e) => e.type === "token.failure");
  expect(failure?.type === "token.failure" ? failure.diagnosis.match?.id : undefined).toBe(
    scenario.expect.topEntry,
  );

  // The catch-block path: the bare error explained on its own.
  if (bare !== undefined) {
    const explained = explainAuthError(bare);
    const namesCredential =
      scenario.expect.bareErrorNamesCredential !== false && identityStacksNameCredentials();
    const credentials = namesCredential ? scenario.expect.credentials : [];
    const bareTop = scenario.expect.bareTopEntry;
    if (bareTop === undefined) {
      expectDiagnosis(explained, { ...scenario.expect, credentials }, sentToBare);
    } else {
      if (bareTop === null) expect(explained.matches[0]?.id ?? null).toBe(null);
      else expectLeadingEntry(explained.matches[0]?.id, bareTop);
      if (scenario.expect.quotesTokenService) expectQuotesRefusal(explained, sentToBare);
    }
    capture.add(explained);
    capture.add(renderDiagnosis(explained));
  }

  capture.add(wrapped);
  capture.add(diagnosis);
  capture.add(renderDiagnosis(diagnosis));
  capture.add(renderDiagnosis(diagnosis, { color: true }));
  expectNoLeak(capture, lab.secrets());

  const identityLogLeaks = capture.leaked(lab.secrets()).filter((s) => !capture.leakedByLibrary([s]).length);
  return { identityLogLeaks, bare, wrapped, diagnosis, events: capture.events, sentToBare, sentToWrapped };
}

/** `it`, or `it.skip` with the reason in the report, for a scenario the loaded identity version cannot run. */
function testOrSkip(scenario: { skip?: string | undefined }): (name: string, body: () => unknown) => void {
  const reason = scenario.skip;
  if (reason === undefined) return it;
  return (name) => {
    it.skip(`${name} (skipped: ${reason})`, () => undefined);
  };
}

/** Declares one vitest test per scenario. */
export function defineScenarios(lab: Lab, scenarios: readonly FailureScenario[]): void {
  const names = new Set<string>();
  for (const scenario of scenarios) {
    if (names.has(scenario.name)) throw new Error(`duplicate scenario name: ${scenario.name}`);
    names.add(scenario.name);
    testOrSkip(scenario)(scenario.name, async () => {
      const run = await runScenario(lab, scenario);
      scenario.then?.(run, lab);
    });
  }
}

export interface ConstructorScenario {
  name: string;
  /** Builds the credential; must throw, as identity's constructors do for missing configuration. */
  construct(lab: Lab): unknown;
  expect: Omit<ScenarioExpectation, "quotesTokenService">;
  /** Further assertions on the diagnosis. */
  then?: (diagnosis: Diagnosis) => void;
  /** Why this scenario cannot run on the loaded identity version (see harness/identityVersion.ts). */
  skip?: string | undefined;
}

/**
 * Scenarios where the credential cannot even be built: there is nothing to wrap, so only the catch-block path
 * (`explainAuthError`) applies.
 */
export function defineConstructorScenarios(lab: Lab, scenarios: readonly ConstructorScenario[]): void {
  for (const scenario of scenarios) {
    testOrSkip(scenario)(scenario.name, () => {
      let thrown: unknown = undefined;
      try {
        scenario.construct(lab);
      } catch (error) {
        thrown = error;
      }
      expect(nameOf(thrown)).toBe(scenario.expect.errorName);
      const diagnosis = explainAuthError(thrown);
      expectDiagnosis(diagnosis, scenario.expect, undefined);
      scenario.then?.(diagnosis);
      const capture = startCapture("verbose");
      capture.stop();
      capture.add(diagnosis);
      capture.add(renderDiagnosis(diagnosis));
      expectNoLeak(capture, lab.secrets());
    });
  }
}
