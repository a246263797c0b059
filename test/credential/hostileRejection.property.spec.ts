/**
 * Whatever the inner credential rejects with, the caller gets that very value (`Object.is`), however hostile:
 * proxies whose traps throw (any subset of them, throwing anything), revoked proxies, proxies of errors, arrays
 * and functions, rejected or thrown synchronously, with and without listeners, a timeout or the message note.
 * Explaining may fail on such a value; it never changes what is thrown.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { DiagnosticCredential, getDiagnosis } from "../../src/index.js";
import { PROXY_TRAPS } from "../reliability/hostileValues.js";

const SCOPE = "https://management.azure.com/.default";

type Target = "error" | "plain" | "array" | "function" | "null-prototype" | "frozen error";
type Thrown = "error" | "string" | "itself" | "undefined";

interface HostileRecipe {
  target: Target;
  traps: readonly (typeof PROXY_TRAPS)[number][];
  thrown: Thrown;
  revoked: boolean;
  /** A `get` trap that answers, with values that lie: a name of a credential error, a message with a secret. */
  lyingGet: boolean;
}

const recipe: fc.Arbitrary<HostileRecipe> = fc.record({
  target: fc.constantFrom<Target>("error", "plain", "array", "function", "null-prototype", "frozen error"),
  traps: fc.subarray([...PROXY_TRAPS]),
  thrown: fc.constantFrom<Thrown>("error", "string", "itself", "undefined"),
  revoked: fc.boolean(),
  lyingGet: fc.boolean(),
});

function makeTarget(target: Target): object {
  switch (target) {
    case "error":
      return Object.assign(new Error("AADSTS7000215: Invalid client secret provided."), {
        name: "AuthenticationError",
      });
    case "plain":
      return { message: "client_secret=abc123", name: "CredentialUnavailableError" };
    case "array":
      return [new Error("member")];
    case "function":
      return function hostile() {};
    case "null-prototype":
      return Object.create(null) as object;
    case "frozen error":
      return Object.freeze(new Error("frozen"));
  }
}

function hostileProxy(r: HostileRecipe): object {
  const handler: ProxyHandler<object> = {};
  let self: object | null = null;
  const thrown = (): unknown =>
    r.thrown === "error"
      ? new Error("trap")
      : r.thrown === "string"
        ? "trap"
        : r.thrown === "itself"
          ? self
          : undefined;
  for (const trap of r.traps) {
    (handler as Record<string, () => never>)[trap] = () => {
      throw thrown();
    };
  }
  if (r.lyingGet && !r.traps.includes("get")) {
    let reads = 0;
    handler.get = (_target, key) => {
      // Different answers on each read: anything read twice must not be trusted to match.
      reads++;
      if (key === "name") return reads % 2 ? "CredentialUnavailableError" : "AuthenticationError";
      if (key === "message") return `client_secret=lying-${reads}-0123456789abcdefghij`;
      if (key === "errors") return reads % 3 ? [self] : undefined;
      if (key === "cause") return self;
      return undefined;
    };
  }
  if (r.revoked) {
    const { proxy, revoke } = Proxy.revocable(makeTarget(r.target), handler);
    self = proxy;
    revoke();
    return proxy;
  }
  self = new Proxy(makeTarget(r.target), handler);
  return self;
}

interface WrapperRecipe {
  sync: boolean;
  listen: boolean;
  timeoutMs: number | undefined;
  augmentErrorMessage: boolean;
}

const wrapperRecipe: fc.Arbitrary<WrapperRecipe> = fc.record({
  sync: fc.boolean(),
  listen: fc.boolean(),
  timeoutMs: fc.constantFrom(undefined, 5_000),
  augmentErrorMessage: fc.boolean(),
});

class RejectingWith implements TokenCredential {
  constructor(
    private readonly value: unknown,
    private readonly sync: boolean,
  ) {}
  getToken(): Promise<AccessToken | null> {
    if (this.sync) throw this.value;
    return this.#rejectLater();
  }
  async #rejectLater(): Promise<never> {
    await Promise.resolve();
    throw this.value;
  }
}

/** Boxed: resolving a promise with a proxy would read its `then`, which a hostile proxy refuses. */
async function caughtFrom(credential: TokenCredential): Promise<{ value: unknown }> {
  try {
    await credential.getToken(SCOPE);
  } catch (error) {
    return { value: error };
  }
  throw new Error("getToken resolved; it should have rejected");
}

describe("DiagnosticCredential and hostile rejected values", () => {
  it("rejects with the very proxy the inner credential rejected with, whatever its traps do", async () => {
    await fc.assert(
      fc.asyncProperty(recipe, wrapperRecipe, async (r, w) => {
        const proxy = hostileProxy(r);
        const events: unknown[] = [];
        const wrapped = new DiagnosticCredential(new RejectingWith(proxy, w.sync), {
          ...(w.listen ? { onEvent: (event) => events.push(event) } : {}),
          ...(w.timeoutMs === undefined ? {} : { timeoutMs: w.timeoutMs }),
          augmentErrorMessage: w.augmentErrorMessage,
          logging: false,
        });
        const caught = await caughtFrom(wrapped);
        expect(Object.is(caught.value, proxy)).toBe(true);
        // Reading the diagnosis back is as safe as rejecting: it answers or says there is none.
        expect(() => getDiagnosis(caught.value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("rethrows a synchronous throw synchronously, still the same proxy", () => {
    const proxy = hostileProxy({
      target: "error",
      traps: [...PROXY_TRAPS],
      thrown: "itself",
      revoked: false,
      lyingGet: false,
    });
    const wrapped = new DiagnosticCredential(new RejectingWith(proxy, true), { logging: false });
    let caught: unknown = null;
    try {
      void wrapped.getToken(SCOPE);
    } catch (error) {
      caught = error;
    }
    expect(Object.is(caught, proxy)).toBe(true);
  });
});
