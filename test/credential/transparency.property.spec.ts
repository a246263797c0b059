/**
 * DiagnosticCredential is invisible, for generated inner behaviours: a token, `null`, a rejection with each
 * identity error name, a plain Error or a non-Error, a synchronous throw, or a hang until the caller aborts.
 * Bare and wrapped, the caller sees the same value (same object), the same rejected object (same class, name,
 * keys and fields), and the same settle order across concurrent calls; chains fall through for exactly the same
 * behaviours with the wrapper inside them, around them, or both. The identity classes come from
 * `@azure/identity`, so the compatibility matrix re-runs this file against other identity versions.
 */
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import {
  AggregateAuthenticationError,
  AuthenticationError,
  AuthenticationRequiredError,
  ChainedTokenCredential,
  CredentialUnavailableError,
  DefaultAzureCredential,
} from "@azure/identity";
import { DiagnosticCredential, getDiagnosis } from "../../src/index.js";
import { isolateEnv, type IsolatedEnv } from "../lab/harness/env.js";
import { azBehaviour, createFakeTools, type FakeTools } from "../lab/harness/fakeTools.js";
import { closedPort } from "../lab/harness/fakeManagedIdentity.js";

const SCOPE = "https://management.azure.com/.default";

const FAILURES = [
  "CredentialUnavailableError",
  "AuthenticationError",
  "AuthenticationRequiredError",
  "AggregateAuthenticationError",
  "Error",
  "string",
  "number",
  "undefined",
  "object",
] as const;
type Failure = (typeof FAILURES)[number];

type Behaviour =
  | { readonly kind: "token" }
  | { readonly kind: "null" }
  | { readonly kind: "reject"; readonly failure: Failure }
  | { readonly kind: "throw-sync"; readonly failure: Failure }
  | { readonly kind: "hang-until-abort" };

const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
  fc.constant<Behaviour>({ kind: "token" }),
  fc.constant<Behaviour>({ kind: "null" }),
  fc.constantFrom(...FAILURES).map((failure): Behaviour => ({ kind: "reject", failure })),
  fc.constantFrom(...FAILURES).map((failure): Behaviour => ({ kind: "throw-sync", failure })),
  fc.constant<Behaviour>({ kind: "hang-until-abort" }),
);

/** A fresh value of each failure kind, as a credential would throw it. */
function makeFailure(failure: Failure): unknown {
  switch (failure) {
    case "CredentialUnavailableError":
      return new CredentialUnavailableError("FakeCredential is not set up here.");
    case "AuthenticationError":
      return new AuthenticationError(401, {
        error: "invalid_client",
        error_description: "AADSTS7000215: Invalid client secret provided.",
        error_codes: [7000215],
        correlation_id: "7b12f9bb-2eef-42e3-ad75-eee69ec9088d",
      });
    case "AuthenticationRequiredError":
      return new AuthenticationRequiredError({
        scopes: [SCOPE],
        message: "Interactive sign-in is required.",
        cause: new Error("silent sign-in failed"),
      });
    case "AggregateAuthenticationError":
      return new AggregateAuthenticationError(
        [new CredentialUnavailableError("first member is not set up"), new Error("second member broke")],
        "ChainedTokenCredential authentication failed.",
      );
    case "Error":
      return Object.assign(new Error("plain failure", { cause: new TypeError("inner") }), { code: "EFAKE" });
    case "string":
      return "a thrown string";
    case "number":
      return 42;
    case "undefined":
      return undefined;
    case "object":
      return { reason: "a thrown plain object", statusCode: 500 };
  }
}

/** Lets `count` turns of the event loop pass: settle order is then set by macrotasks, not by microtask depth. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A credential that does what it is told, call by call, and remembers what it returned or threw. */
class ScriptedCredential implements TokenCredential {
  readonly outcomes: { readonly returned?: AccessToken | null; readonly thrown?: unknown }[] = [];
  readonly signals: GetTokenOptions["abortSignal"][] = [];

  constructor(
    readonly label: string,
    private readonly script: readonly { readonly behaviour: Behaviour; readonly delay: number }[],
    private readonly calls: string[] = [],
  ) {}

  getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const step = this.script[this.signals.length % this.script.length];
    if (!step) throw new Error("empty script");
    this.signals.push(options?.abortSignal);
    this.calls.push(this.label);
    const { behaviour: b, delay } = step;
    if (b.kind === "throw-sync") {
      const thrown = makeFailure(b.failure);
      this.outcomes.push({ thrown });
      throw thrown;
    }
    return (async () => {
      if (b.kind === "hang-until-abort") {
        const signal = options?.abortSignal;
        await new Promise<void>((resolve) => {
          if (!signal || signal.aborted) resolve();
          else
            signal.addEventListener(
              "abort",
              () => {
                resolve();
              },
              { once: true },
            );
        });
        const thrown = Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
        this.outcomes.push({ thrown });
        throw thrown;
      }
      await turns(delay);
      if (b.kind === "reject") {
        const thrown = makeFailure(b.failure);
        this.outcomes.push({ thrown });
        throw thrown;
      }
      const returned: AccessToken | null =
        b.kind === "token"
          ? { token: `token-of-${this.label}`, expiresOnTimestamp: Date.now() + 3600_000 }
          : null;
      this.outcomes.push({ returned });
      return returned;
    })();
  }
}

type Settled =
  | { readonly index: number; readonly status: "fulfilled"; readonly value: unknown }
  | {
      readonly index: number;
      readonly status: "rejected";
      readonly reason: unknown;
      /** `getToken` threw before returning a promise. */
      readonly synchronous: boolean;
    };

/** Calls `getToken` once per abort controller, all at once; settles in the order they finish. */
async function callConcurrently(
  credential: TokenCredential,
  controllers: readonly AbortController[],
  abortAfter: readonly number[],
): Promise<Settled[]> {
  const settled: Settled[] = [];
  const calls = controllers.map(async (controller, index) => {
    let pending: Promise<unknown>;
    try {
      pending = credential.getToken(SCOPE, { abortSignal: controller.signal });
    } catch (reason) {
      settled.push({ index, status: "rejected", reason, synchronous: true });
      return;
    }
    try {
      settled.push({ index, status: "fulfilled", value: await pending });
    } catch (reason) {
      settled.push({ index, status: "rejected", reason, synchronous: false });
    }
  });
  abortAfter.forEach((delay, i) => {
    void turns(delay).then(() => controllers[i]?.abort());
  });
  await Promise.all(calls);
  return settled;
}

/** What a caller can observe of a rejection, apart from the message the wrapper may extend. */
function shapeOf(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return { primitive: value };
  const record = value as Record<string, unknown>;
  return {
    constructor: value.constructor,
    prototype: Object.getPrototypeOf(value) as unknown,
    name: record.name,
    keys: Object.keys(value),
    statusCode: record.statusCode,
    errorResponse: record.errorResponse,
    code: record.code,
    scopes: record.scopes,
    errors:
      Array.isArray(record.errors) && depth < 3
        ? record.errors.map((e) => shapeOf(e, depth + 1))
        : record.errors,
    cause: depth < 3 ? shapeOf(record.cause, depth + 1) : typeof record.cause,
  };
}

function messageOf(value: unknown): unknown {
  return value !== null && typeof value === "object" ? (value as { message?: unknown }).message : undefined;
}

/** The note `augmentErrorMessage` appends; a chain quotes its members' messages, notes included. */
const NOTE = /\n\n\[azure-identity-diagnostics\][\s\S]*?Full diagnosis: getDiagnosis\(err\)\./g;

/** The wrapped rejection is the bare one's twin: same shape, and the same message once the notes are taken out. */
function expectSameRejection(wrapped: unknown, bare: unknown, augmented: boolean): void {
  expect(shapeOf(wrapped)).toEqual(shapeOf(bare));
  const wrappedMessage = messageOf(wrapped);
  if (!augmented) expect(wrappedMessage).toEqual(messageOf(bare));
  else if (typeof wrappedMessage === "string")
    expect(wrappedMessage.replace(NOTE, "")).toEqual(messageOf(bare));
  else expect(wrappedMessage).toEqual(messageOf(bare));
}

const script = fc.uniqueArray(fc.record({ behaviour, delay: fc.integer({ min: 1, max: 30 }) }), {
  minLength: 1,
  maxLength: 6,
  selector: (step) => step.delay,
});

describe("DiagnosticCredential around a generated credential", () => {
  it("settles every concurrent call like the bare credential: same value object, same rejected object, same order", async () => {
    await fc.assert(
      fc.asyncProperty(script, fc.boolean(), fc.boolean(), async (steps, augment, withHook) => {
        const run = async (wrap: boolean) => {
          const inner = new ScriptedCredential("inner", steps);
          const credential = wrap
            ? new DiagnosticCredential(inner, {
                augmentErrorMessage: augment,
                logging: false,
                ...(withHook ? { onEvent: () => undefined } : {}),
              })
            : inner;
          const controllers = steps.map(() => new AbortController());
          const settled = await callConcurrently(
            credential,
            controllers,
            steps.map((s) => s.delay),
          );
          return { inner, settled, controllers };
        };
        const bare = await run(false);
        const wrapped = await run(true);

        // Same order, same outcome, and a synchronous throw stays synchronous.
        const observable = (s: Settled) => [s.index, s.status, s.status === "rejected" && s.synchronous];
        expect(wrapped.settled.map(observable)).toEqual(bare.settled.map(observable));
        // The inner credential was called once per call, with the caller's own abort signal.
        expect(wrapped.inner.signals.every((signal, i) => signal === wrapped.controllers[i]?.signal)).toBe(
          true,
        );
        for (const [i, outcome] of wrapped.settled.entries()) {
          const twin = bare.settled[i];
          const innerOutcome = wrapped.inner.outcomes.find(
            (o) =>
              (outcome.status === "fulfilled" && o.returned === outcome.value && "returned" in o) ||
              (outcome.status === "rejected" && "thrown" in o && o.thrown === outcome.reason),
          );
          // Identity: what the caller got is the very object the inner credential produced.
          expect(innerOutcome, `call ${outcome.index} got the inner credential's own object`).toBeDefined();
          if (outcome.status === "fulfilled" && twin?.status === "fulfilled") {
            expect(outcome.value === null).toBe(twin.value === null);
          } else if (outcome.status === "rejected" && twin?.status === "rejected") {
            expectSameRejection(outcome.reason, twin.reason, augment);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it("attaches a diagnosis to every rejected object that can hold one, invisibly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FAILURES), async (failure) => {
        const inner = new ScriptedCredential("inner", [{ behaviour: { kind: "reject", failure }, delay: 1 }]);
        const reason = await new DiagnosticCredential(inner, { logging: false }).getToken(SCOPE).then(
          () => "resolved",
          (e: unknown) => e,
        );
        const thrown = inner.outcomes[0]?.thrown;
        expect(reason).toBe(thrown);
        if (thrown !== null && typeof thrown === "object") {
          expect(getDiagnosis(reason)).toBeDefined();
          expect(JSON.stringify(Object.keys(reason as object))).toBe(JSON.stringify(Object.keys(thrown)));
        } else {
          expect(getDiagnosis(reason)).toBeUndefined();
        }
      }),
      { numRuns: FAILURES.length * 2 },
    );
  });
});

type Placement = "bare" | "inside" | "around" | "both";

/** A chain of scripted members, with DiagnosticCredential placed inside it, around it, both or neither. */
function buildChain(members: readonly Behaviour[], placement: Placement, augment: boolean) {
  const calls: string[] = [];
  const fakes = members.map(
    (b, i) => new ScriptedCredential(`member${i}`, [{ behaviour: b, delay: 1 }], calls),
  );
  const options = { augmentErrorMessage: augment, logging: false } as const;
  const wrapInside = placement === "inside" || placement === "both";
  const chain = new ChainedTokenCredential(
    ...fakes.map((fake) => (wrapInside ? new DiagnosticCredential(fake, options) : fake)),
  );
  const outer =
    placement === "around" || placement === "both" ? new DiagnosticCredential(chain, options) : chain;
  return { calls, fakes, credential: outer };
}

/** Members for a chain: hangs become immediate aborts' victims, so a chain of them still ends. */
const members = fc.array(behaviour, { minLength: 1, maxLength: 5 });

describe("DiagnosticCredential with the real ChainedTokenCredential", () => {
  it("falls through, stops and succeeds on exactly the same members, wherever the wrapper is placed", async () => {
    await fc.assert(
      fc.asyncProperty(members, fc.boolean(), async (behaviours, augment) => {
        const results = [];
        for (const placement of ["bare", "inside", "around", "both"] as const) {
          const { calls, fakes, credential } = buildChain(behaviours, placement, augment);
          const controller = new AbortController();
          const [settled] = await callConcurrently(credential, [controller], [3]);
          results.push({ placement, calls, fakes, settled });
        }
        const [bare, ...others] = results;
        if (!bare?.settled) throw new Error("the bare chain did not settle");
        for (const other of others) {
          expect(other.calls, `members called (${other.placement})`).toEqual(bare.calls);
          const settled = other.settled;
          if (!settled) throw new Error(`${other.placement} did not settle`);
          expect(settled.status, other.placement).toBe(bare.settled.status);
          if (settled.status === "fulfilled") {
            // The very token object the winning member returned, whatever wraps it.
            const winner = other.fakes.find((f) =>
              f.outcomes.some((o) => o.returned && o.returned === settled.value),
            );
            expect(winner?.label).toBe(bare.fakes.find((f) => f.outcomes.some((o) => o.returned))?.label);
          } else if (bare.settled.status === "rejected") {
            expectSameRejection(settled.reason, bare.settled.reason, augment);
            // A stopping error is the member's own object; a chain-made aggregate holds the members' own objects.
            // (A member rejecting with undefined makes the chain itself fail: a TypeError reading `.name`.)
            const thrownByMembers = other.fakes.flatMap((f) => f.outcomes.map((o) => o.thrown));
            const reason = settled.reason as { name?: unknown; errors?: unknown } | null | undefined;
            if (!thrownByMembers.includes(reason)) {
              // Made by the chain: the aggregate, "no member returned a token", or the TypeError above.
              expect(["AggregateAuthenticationError", "CredentialUnavailableError", "TypeError"]).toContain(
                reason?.name,
              );
              if (Array.isArray(reason?.errors))
                for (const member of reason.errors) expect(thrownByMembers).toContain(member);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe("DiagnosticCredential with the real DefaultAzureCredential", () => {
  let tools: FakeTools;
  let env: IsolatedEnv;

  beforeAll(async () => {
    tools = await createFakeTools();
  });
  afterAll(async () => {
    await tools.cleanup();
  });
  beforeEach(async () => {
    env = isolateEnv();
    tools.reset();
    for (const tool of ["az", "azd", "pwsh"] as const) tools.remove(tool);
    env.usePath(tools.bin);
    // Managed identity's probe of 169.254.169.254 goes to a closed loopback port and fails at once, as off Azure.
    env.set({ HTTP_PROXY: await closedPort(), NO_PROXY: "127.0.0.1,localhost" });
  });
  afterEach(() => {
    env.restore();
  });

  const azOutcomes = ["signed-in", "not-logged-in", "login-expired", "not-installed"] as const;

  function arrangeAz(outcome: (typeof azOutcomes)[number]): void {
    tools.reset();
    for (const tool of ["az", "azd", "pwsh"] as const) tools.remove(tool);
    if (outcome === "signed-in") tools.az(azBehaviour.token());
    else if (outcome === "not-logged-in") tools.az(azBehaviour.notLoggedIn());
    else if (outcome === "login-expired") tools.az(azBehaviour.expiredLogin());
  }

  it("ends the same way with and without the wrapper, for a generated Azure CLI behaviour", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...azOutcomes), async (outcome) => {
        const observe = async (wrap: boolean) => {
          arrangeAz(outcome);
          const inner = new DefaultAzureCredential({ retryOptions: { maxRetries: 0 } });
          const credential = wrap ? new DiagnosticCredential(inner, { logging: false }) : inner;
          const result = await credential.getToken(SCOPE).then(
            (token) => ({ status: "fulfilled" as const, token }),
            (reason: unknown) => ({ status: "rejected" as const, reason }),
          );
          return { result, azRuns: tools.calls("az").length, issued: [...tools.issuedTokens] };
        };
        const bare = await observe(false);
        const wrapped = await observe(true);

        // The generated behaviour was really exercised: az ran (when installed) and a signed-in az wins.
        if (outcome !== "not-installed") expect(bare.azRuns).toBeGreaterThan(0);
        expect(bare.result.status).toBe(outcome === "signed-in" ? "fulfilled" : "rejected");
        expect(wrapped.azRuns).toBe(bare.azRuns);
        expect(wrapped.result.status).toBe(bare.result.status);
        if (wrapped.result.status === "fulfilled" && bare.result.status === "fulfilled") {
          expect(Object.keys(wrapped.result.token ?? {})).toEqual(Object.keys(bare.result.token ?? {}));
          expect(wrapped.issued).toContain(wrapped.result.token?.token);
        } else if (wrapped.result.status === "rejected" && bare.result.status === "rejected") {
          const names = (e: unknown) =>
            ((e as { errors?: { name?: string }[] }).errors ?? []).map((member) => member.name);
          expect((wrapped.result.reason as Error).name).toBe((bare.result.reason as Error).name);
          expect((wrapped.result.reason as Error).constructor).toBe(
            (bare.result.reason as Error).constructor,
          );
          expect(names(wrapped.result.reason)).toEqual(names(bare.result.reason));
          expect(getDiagnosis(wrapped.result.reason)).toBeDefined();
        }
      }),
      { numRuns: 6 },
    );
  });
});
