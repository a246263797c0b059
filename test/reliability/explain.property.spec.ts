/**
 * Never breaks the caller: `explainAuthError`, `renderDiagnosis` and the CLI's `explain` take anything at all
 * (throwing getters, trapped and revoked proxies, cycles, 10,000-deep chains, odd prototypes, symbols, BigInts,
 * 10 MB strings, lone surrogates, arbitrary bytes) and answer with a valid result instead of throwing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIAGNOSIS_CATEGORIES, explainAuthError, renderDiagnosis, type Diagnosis } from "../../src/index.js";
import { run } from "../../src/cli/run.js";
import { fakeIo } from "../cli/fakeIo.js";
import { assertValidDiagnosis } from "./assertValidDiagnosis.js";
import {
  anyData,
  buildError,
  buildNested,
  deepChain,
  errorRecipe,
  hostileText,
  nestedRecipe,
  revokedProxy,
  trappedProxy,
  utf16Units,
} from "./hostileValues.js";

const RUNS = 300;

/** Explains `value`, failing the property on a throw or an invalid result. */
function explainsValidly(value: unknown): Diagnosis {
  const diagnosis = explainAuthError(value);
  assertValidDiagnosis(diagnosis);
  return diagnosis;
}

describe("explainAuthError on arbitrary values", () => {
  it("returns a valid Diagnosis for any plain value: primitives, BigInt, symbols, maps, typed arrays, null prototypes", () => {
    fc.assert(
      fc.property(anyData, (value) => void explainsValidly(value)),
      { numRuns: RUNS },
    );
  });

  it("returns a valid Diagnosis for any text, lone surrogates and auth-shaped fragments included", () => {
    fc.assert(
      fc.property(hostileText, (text) => void explainsValidly(text)),
      { numRuns: RUNS },
    );
  });

  it("returns a valid Diagnosis for error-shaped objects whose fields throw, loop to themselves or hold exotic values", () => {
    fc.assert(
      fc.property(errorRecipe, (recipe) => void explainsValidly(buildError(recipe))),
      {
        numRuns: RUNS,
      },
    );
  });

  it("returns a valid Diagnosis for errors nested in each other as causes and aggregate members, cycles included", () => {
    fc.assert(
      fc.property(nestedRecipe, (recipe) => void explainsValidly(buildNested(recipe))),
      {
        numRuns: RUNS,
      },
    );
  });

  it("returns a valid Diagnosis for a proxy whose every trap throws, whatever it stands for", () => {
    for (const target of [{}, [], new Error("target"), function target() {}]) {
      explainsValidly(trappedProxy(target));
      explainsValidly({ message: "outer", cause: trappedProxy(target), errors: [trappedProxy(target)] });
      explainsValidly(Object.assign(new Error("outer"), { response: trappedProxy(target) }));
    }
    // The traps fire as getter results, as array members and as the response's headers.
    fc.assert(
      fc.property(fc.constantFrom("errors", "cause", "response", "errorResponse", "request"), (field) => {
        explainsValidly({ [field]: trappedProxy() });
        explainsValidly({ response: { headers: trappedProxy(), request: { headers: trappedProxy() } } });
      }),
      { numRuns: 20 },
    );
  });

  it("returns a valid Diagnosis for a revoked proxy, alone or deep inside an error", () => {
    explainsValidly(revokedProxy());
    explainsValidly({ message: "AADSTS7000215", cause: revokedProxy(), errors: [revokedProxy()] });
    explainsValidly({ response: { headers: revokedProxy(), status: 401 } });
  });

  it("returns a valid Diagnosis for 10,000-deep cause chains and aggregate nestings, and still reads the outer error", () => {
    for (const via of ["cause", "errors"] as const) {
      const diagnosis = explainsValidly(deepChain(10_000, via));
      expect(diagnosis.errorName).toBe("Error");
    }
    const mixed = deepChain(10_000, "cause");
    Object.assign(mixed, { errors: [deepChain(10_000, "errors"), mixed] });
    explainsValidly(mixed);
  });

  it("returns a valid Diagnosis for circular causes and aggregates", () => {
    const a = new Error("AADSTS50076 a") as Error & { errors?: unknown[] };
    const b = new Error("b", { cause: a });
    a.cause = b;
    a.errors = [a, b, a];
    const diagnosis = explainsValidly(a);
    expect(diagnosis.stsCode).toBe("AADSTS50076");
  });

  it("returns a valid Diagnosis for frozen errors and frozen aggregates", () => {
    const member = Object.freeze(Object.assign(new Error("AADSTS700016"), { name: "AuthenticationError" }));
    const aggregate = Object.freeze(
      Object.assign(new Error("ChainedTokenCredential authentication failed."), {
        name: "AggregateAuthenticationError",
        errors: Object.freeze([member]),
      }),
    );
    const diagnosis = explainsValidly(aggregate);
    expect(diagnosis.stsCodes).toContain("AADSTS700016");
  });

  it("returns a valid Diagnosis when message and name are not strings", () => {
    fc.assert(
      fc.property(fieldsOf(["message", "name", "stack", "code"]), (fields) => {
        explainsValidly(Object.assign(Object.create(null) as object, fields));
        explainsValidly(Object.assign(new Error("x"), fields));
      }),
      { numRuns: RUNS },
    );
  });

  it("returns a valid Diagnosis for 10 MB strings, as the value, the message, a member's message and a response body", () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom("value", "message", "member", "body"), (seed, where) => {
        const unit = `${seed} AADSTS7000215 `;
        const big = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
        const value =
          where === "value"
            ? big
            : where === "message"
              ? new Error(big)
              : where === "member"
                ? Object.assign(new Error(big), { errors: [new Error(big), big] })
                : { name: "RestError", statusCode: 401, response: { status: 401, bodyAsText: big } };
        const diagnosis = explainsValidly(value);
        expect(diagnosis.message.length).toBeLessThan(big.length);
      }),
      { numRuns: 4 },
    );
  });
});

function fieldsOf(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(
    fc.constantFrom(...keys),
    fc.oneof(anyData, utf16Units, fc.constantFrom(Symbol("s"), 42n, Number.NaN)),
  );
}

describe("explainAuthError regressions", () => {
  it("reads an object that invents new aggregate members on every read in bounded work", () => {
    // Every `errors` read returns 64 fresh objects with the same getter: an endless tree. Reading it all
    // would take forever, so the getter gives up (throws) after a million objects; diagnosis must stop far earlier.
    let created = 0;
    const LIMIT = 1_000_000;
    const inventive = (): object => {
      created++;
      return {
        message: "AADSTS7000215: member",
        get errors(): object[] {
          if (created > LIMIT) throw new Error("gave up");
          return Array.from({ length: 64 }, inventive);
        },
      };
    };
    explainsValidly(inventive());
    expect(created).toBeLessThan(20_000);
  });

  it("renders a diagnosis with fields missing or of the wrong type, and null options, instead of throwing", () => {
    // As read back from JSON written by another version, or built by hand in JavaScript.
    const partial = {
      summary: "EnvironmentCredential failed",
      matches: [{ title: "t", mitigations: [1, null] }],
    };
    const text = renderDiagnosis(partial as unknown as Diagnosis, null as unknown as undefined);
    expect(text).toContain("EnvironmentCredential failed");
    expect(renderDiagnosis(undefined as unknown as Diagnosis)).toContain("Authentication failed:");
    expect(
      renderDiagnosis({ attempts: [{ outcome: "exploded", summary: "s" }] } as unknown as Diagnosis),
    ).toContain("s");
  });
});

const category = fc.constantFrom(...DIAGNOSIS_CATEGORIES);
const nullableText = fc.option(hostileText, { nil: null });
const number = fc.oneof(fc.double(), fc.integer(), fc.constant(null));

const matchLike = fc.record({
  id: hostileText,
  title: hostileText,
  category,
  cause: hostileText,
  mitigations: fc.array(hostileText, { maxLength: 4 }),
  docs: fc.array(hostileText, { maxLength: 3 }),
  retryable: fc.boolean(),
  score: fc.double(),
});

const attemptLike = fc.record({
  credential: nullableText,
  outcome: fc.constantFrom("succeeded", "unavailable", "failed", "skipped", "timed-out"),
  errorName: nullableText,
  summary: hostileText,
  category,
  stsCode: nullableText,
  correlationId: nullableText,
  traceId: nullableText,
  timestamp: nullableText,
  match: fc.option(matchLike, { nil: null }),
  message: hostileText,
  durationMs: number,
});

const identityLike = fc.record({
  tenantId: nullableText,
  objectId: nullableText,
  appId: nullableText,
  identityType: nullableText,
  audience: nullableText,
  issuer: nullableText,
  expiresOn: nullableText,
  managedIdentityResourceId: nullableText,
  roles: fc.array(hostileText, { maxLength: 3 }),
  scopes: fc.array(hostileText, { maxLength: 3 }),
  userName: nullableText,
});

/** Diagnosis-shaped records with any text in every field (not necessarily one explainAuthError would produce). */
const diagnosisLike = fc.record({
  summary: hostileText,
  category,
  confidence: fc.constantFrom("high" as const, "medium" as const, "low" as const),
  errorName: nullableText,
  runtime: fc.constantFrom("javascript", "python", "unknown"),
  stsCode: nullableText,
  stsCodes: fc.array(hostileText, { maxLength: 3 }),
  oauthError: nullableText,
  subError: nullableText,
  correlationId: nullableText,
  traceId: nullableText,
  timestamp: nullableText,
  httpStatus: number,
  serviceErrorCode: nullableText,
  tokenIdentity: fc.option(identityLike, { nil: null }),
  credentials: fc.array(hostileText, { maxLength: 3 }),
  attempts: fc.array(attemptLike, { maxLength: 4 }),
  matches: fc.array(matchLike, { maxLength: 4 }),
  retryable: fc.boolean(),
  lookupUrl: nullableText,
  message: hostileText,
});

/** A diagnosis with fields missing, of the wrong type, or a value that is no diagnosis at all. */
const malformedDiagnosis: fc.Arbitrary<unknown> = fc.oneof(
  anyData,
  diagnosisLike.chain((d) =>
    fc
      .dictionary(fc.constantFrom(...Object.keys(d)), fc.oneof(anyData, fc.constant(undefined)), {
        maxKeys: 6,
      })
      .map((overrides) => ({ ...d, ...overrides })),
  ),
  fc.record(
    {
      attempts: fc.array(
        fc.oneof(
          anyData,
          attemptLike.map((a) => ({ ...a, outcome: "exploded" })),
        ),
      ),
      matches: fc.array(
        fc.oneof(
          anyData,
          matchLike.map((m) => ({ ...m, mitigations: [{}, 1n, null] })),
        ),
      ),
      tokenIdentity: fc.oneof(
        anyData,
        identityLike.map((i) => ({ ...i, roles: "all" })),
      ),
    },
    { requiredKeys: [] },
  ),
);

const renderOptions: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ color: fc.boolean(), includeMessage: fc.boolean() }, { requiredKeys: [] }),
  anyData,
);

describe("renderDiagnosis on arbitrary input", () => {
  it("renders every diagnosis explainAuthError produces, with any options", () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, nestedRecipe), renderOptions, (value, options) => {
        const input = typeof value === "string" ? value : buildNested(value);
        const text = renderDiagnosis(explainAuthError(input), options as never);
        expect(typeof text).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it("renders any diagnosis-shaped record, odd text and numbers included, and shows its summary", () => {
    fc.assert(
      fc.property(diagnosisLike, renderOptions, (diagnosis, options) => {
        const text = renderDiagnosis(diagnosis, options as never);
        expect(text).toContain(diagnosis.summary);
      }),
      { numRuns: RUNS },
    );
  });

  it("renders partial and malformed diagnoses (missing fields, wrong types, no object at all) without throwing", () => {
    fc.assert(
      fc.property(malformedDiagnosis, renderOptions, (diagnosis, options) => {
        expect(typeof renderDiagnosis(diagnosis as Diagnosis, options as never)).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * A stack frame of this process, as Node prints one: it names a Node internal or a file of this repository.
 * (Frames inside the input are the user's own text, echoed back on purpose.)
 */
const OWN_STACK_FRAME = new RegExp(
  String.raw`^\s+at .*(?:node:internal|${process.cwd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}).*:\d+:\d+`,
  "m",
);

async function explainCli(argv: string[], stdin?: Uint8Array): Promise<{ code: number; out: string }> {
  const io = fakeIo(stdin === undefined ? { stdinIsTTY: true } : { stdin });
  const code = await run(argv, io);
  return { code, out: io.out() + io.err() };
}

function expectCleanExit({ code, out }: { code: number; out: string }): void {
  expect([0, 1, 2]).toContain(code);
  expect(out).not.toMatch(OWN_STACK_FRAME);
  expect(out).not.toContain("unexpected failure");
}

/** Bytes: random, UTF-8 of hostile text, UTF-16 with a byte-order mark, or text with a NUL in it. */
const inputBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  hostileText.map((text) => new TextEncoder().encode(text)),
  hostileText.map((text) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")])),
  hostileText.map((text) => Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, "utf16le").swap16()])),
  hostileText.map((text) => new TextEncoder().encode(`${text}\u0000${text}`)),
);

describe("the CLI's explain on arbitrary input", () => {
  it("recognises a stack trace of this process (so the checks below can fail)", () => {
    expect(new Error("probe").stack).toMatch(OWN_STACK_FRAME);
  });

  it("answers any bytes on standard input with exit status 0, 1 or 2 and no stack trace", async () => {
    await fc.assert(
      fc.asyncProperty(inputBytes, fc.boolean(), async (bytes, json) => {
        expectCleanExit(await explainCli(["explain", ...(json ? ["--json"] : [])], bytes));
        expectCleanExit(await explainCli(["explain", "-"], bytes));
      }),
      { numRuns: 150 },
    );
  });

  it("answers any arguments, flag-like ones included, with exit status 0, 1 or 2 and no stack trace", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(hostileText, fc.constantFrom("-", "--", "--json", "-f", "--message")), {
          minLength: 1,
          maxLength: 5,
        }),
        async (args) => {
          expectCleanExit(await explainCli(["explain", ...args]));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("prints a Diagnosis that passes the contract with --json for any UTF-8 text", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileText.filter((t) => t.trim() !== "" && !t.includes("\u0000")),
        async (text) => {
          const io = fakeIo({ stdin: new TextEncoder().encode(text) });
          const code = await run(["explain", "--json"], io);
          // TextEncoder writes lone surrogates as U+FFFD, so this is always valid, non-empty UTF-8.
          expect([0, 1]).toContain(code);
          const printed: unknown = JSON.parse(io.out());
          // A single word can name a knowledge entry instead; only diagnoses are checked here.
          if (printed !== null && typeof printed === "object" && "entries" in printed) return;
          assertValidDiagnosis(printed);
        },
      ),
      { numRuns: 150 },
    );
  });
});
