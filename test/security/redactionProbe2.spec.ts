/**
 * The second secrets probe: fresh hiding places (probe2Corpus.ts) through every output, plus the places inside an
 * error object that the first suites do not fill: nested details, Maps, symbol keys, fetch `Headers`, header
 * arrays, accessor messages, throwing getters, causes held in arrays, and a secret at the end of a 1 MB line. The
 * other side is checked too: the facts support needs (GUIDs, AADSTS codes, timestamps, class names, the
 * instrumentation key) stay readable.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import { afterAll, describe, expect, it } from "vitest";
import {
  DiagnosticCredential,
  explainAuthError,
  getDiagnosis,
  redactSecrets,
  renderDiagnosis,
} from "azure-identity-diagnostics";
import { run } from "../../src/cli/run.js";
import { fakeIo } from "../cli/fakeIo.js";
import { ARM_SCOPE } from "../lab/scenarios/scenario.js";
import { findSecret, leaksIn, type Output } from "./detectLeaks.js";
import {
  cliOutputs,
  diagnosticCredentialOutputs,
  errorText,
  libraryOutputs,
  paste,
  RejectingCredential,
} from "./outputs.js";
import { KEPT_FACTS, PROBE2_SAMPLES } from "./probe2Corpus.js";
import { httpHeaders, named, REFUSAL, type HidingPlace, type SecretSample } from "./secretsCorpus.js";

const dir = mkdtempSync(join(tmpdir(), "probe2-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** An error whose `message` is an accessor on its class, as some SDK errors compute it. */
class ComputedMessageError extends Error {
  constructor(private readonly detail: string) {
    super("");
    this.name = "AuthenticationError";
  }
  override get message(): string {
    return `${REFUSAL}\n${this.detail}`;
  }
}

/** fetch `Headers` refuse line breaks in a value. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, " ");

/** Places inside an error object that an error reporter, `util.inspect` or a logger prints. */
const OBJECT_PLACES: readonly HidingPlace[] = [
  {
    name: "nested err.details",
    build: (text) =>
      named("RestError", "Forbidden", {
        statusCode: 403,
        details: { error: { code: "AuthorizationFailed", message: text, innererror: { trace: [text] } } },
      }),
  },
  {
    name: "response.parsedBody",
    build: (text) =>
      named("RestError", "Unauthorized", {
        statusCode: 401,
        response: { status: 401, bodyAsText: "", parsedBody: { error: { message: text } }, headers: {} },
      }),
  },
  {
    name: "request headers as fetch Headers",
    build: (text) =>
      named("RestError", "The access token is invalid.", {
        statusCode: 401,
        request: { url: "https://management.azure.com/", headers: new Headers({ "x-debug": oneLine(text) }) },
      }),
  },
  {
    name: "request headers as a Map",
    build: (text) =>
      named("RestError", "The access token is invalid.", {
        statusCode: 401,
        request: { url: "https://management.azure.com/", headers: new Map([["x-debug", text]]) },
      }),
  },
  {
    name: "core-rest-pipeline HttpHeaders",
    build: (text) =>
      named("RestError", "The access token is invalid.", {
        statusCode: 401,
        request: {
          url: "https://management.azure.com/",
          headers: createHttpHeaders({ "x-ms-client-request-id": "7b12f9bb", "x-debug": text }),
        },
      }),
  },
  {
    name: "set-cookie array in response headers",
    build: (text) =>
      named("RestError", "Unauthorized", {
        statusCode: 401,
        response: {
          status: 401,
          bodyAsText: "",
          headers: httpHeaders({ "x-ms-request-id": "a" }),
          raw: [text],
        },
      }),
  },
  {
    name: "symbol-keyed field",
    build: (text) => {
      const error = named("AuthenticationError", REFUSAL);
      (error as unknown as Record<symbol, string>)[Symbol("context")] = text;
      return error;
    },
  },
  {
    name: "Map field",
    build: (text) => named("AuthenticationError", REFUSAL, { context: new Map([["request", text]]) }),
  },
  {
    name: "array of strings field",
    build: (text) => named("AuthenticationError", REFUSAL, { logs: ["first line", text] }),
  },
  {
    name: "cause held in an array",
    build: (text) =>
      named("Error", "token acquisition failed", { cause: [named("AuthenticationError", text)] }),
  },
  {
    name: "aggregate member that is a plain object",
    build: (text) =>
      named("AggregateAuthenticationError", "ChainedTokenCredential authentication failed.", {
        errors: [{ name: "AuthenticationError", message: `${REFUSAL}\n${text}` }],
      }),
  },
  {
    name: "request body as URLSearchParams",
    build: (text) =>
      named("RestError", "Bad Request", {
        statusCode: 400,
        request: { url: "https://login.microsoftonline.com/", body: new URLSearchParams({ detail: text }) },
      }),
  },
  {
    name: "an axios-style config and response",
    build: (text) =>
      named("AxiosError", "Request failed with status code 401", {
        code: "ERR_BAD_REQUEST",
        config: { url: "/token", headers: { "X-Debug": oneLine(text) }, data: `grant_type=x&detail=${text}` },
        response: { status: 401, data: { error_description: text } },
      }),
  },
  {
    name: "message computed by a getter",
    build: (text) => new ComputedMessageError(text),
  },
  {
    name: "a getter that throws next to the text",
    build: (text) => {
      const error = named("AuthenticationError", `${REFUSAL}\n${text}`);
      Object.defineProperty(error, "statusCode", {
        enumerable: true,
        get: () => {
          throw new Error("no status");
        },
      });
      return error;
    },
  },
];

/** Fails listing every leak line in full (a diff of a long list is cut short). */
function expectNone(leaks: readonly string[]): void {
  expect(leaks.length, `${leaks.length} leaks:\n${leaks.join("\n")}`).toBe(0);
}

const inMessage: HidingPlace = {
  name: "error message",
  build: (text) => named("AuthenticationError", `${REFUSAL}\n${text}`),
};

/** Every sample in the message, and in one object place in turn; every object place holds several samples. */
const COMBINATIONS = PROBE2_SAMPLES.flatMap((sample, i) => [
  { sample, place: inMessage },
  { sample, place: OBJECT_PLACES[i % OBJECT_PLACES.length] ?? inMessage },
]);

/** The util.inspect text of a rethrown error, read with hidden fields too (some reporters print them). */
function inspectOutputs(error: unknown): Output[] {
  return [{ name: "rethrown error fields", text: errorText(error) }];
}

describe("the second probe's corpus", () => {
  it("has 50 or more hiding places, each with its own secret, each really in the error it builds", () => {
    expect(PROBE2_SAMPLES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(PROBE2_SAMPLES.map((s) => s.secret)).size).toBe(PROBE2_SAMPLES.length);
    const missing = COMBINATIONS.filter(({ sample, place }) => {
      const error = place.build(sample.text);
      return findSecret(`${errorText(error)}\n${paste(error)}`, sample) === null;
    });
    expect(missing.map(({ sample, place }) => `${sample.kind} [${sample.carrier}] × ${place.name}`)).toEqual(
      [],
    );
  });
});

describe("no secret of the second probe survives", () => {
  it("redactSecrets", () => {
    const leaks = PROBE2_SAMPLES.flatMap((sample) =>
      leaksIn([{ name: "redactSecrets", text: redactSecrets(sample.text) }], sample, "text"),
    );
    expectNone(leaks);
  });

  it("explainAuthError and renderDiagnosis, in the message and in an object place", () => {
    const leaks = COMBINATIONS.flatMap(({ sample, place }) =>
      leaksIn(libraryOutputs(place.build(sample.text)), sample, place.name),
    );
    expectNone(leaks);
  });

  it("DiagnosticCredential: rethrown error (fields and util.inspect), diagnosis, events, JSON lines, channels, logger", async () => {
    const leaks: string[] = [];
    for (const { sample, place } of COMBINATIONS) {
      const error = place.build(sample.text);
      const outputs = await diagnosticCredentialOutputs(new RejectingCredential(error));
      leaks.push(...leaksIn([...outputs, ...inspectOutputs(error)], sample, place.name));
    }
    expectNone(leaks);
  }, 300_000);

  it("the CLI's explain, as text, coloured and JSON", async () => {
    const leaks: string[] = [];
    for (const { sample, place } of COMBINATIONS) {
      leaks.push(...leaksIn(await cliOutputs(paste(place.build(sample.text))), sample, place.name));
    }
    expectNone(leaks);
  }, 300_000);

  it("the CLI's scan of a log holding every sample next to a refusal, as text, JSON and annotations", async () => {
    const log = join(dir, "run.log");
    const lines = PROBE2_SAMPLES.map(
      (sample, i) =>
        `2024-05-01T10:00:${String(i % 60).padStart(2, "0")}Z ##[error]${REFUSAL}\n${sample.text}`,
    );
    writeFileSync(log, `${lines.join("\n")}\n`);
    const outputs: Output[] = [];
    for (const args of [
      ["scan", log],
      ["scan", "--json", log],
      ["scan", "--format", "github", log],
    ]) {
      const io = fakeIo({ cwd: dir });
      await run(args, io);
      outputs.push({ name: args.join(" "), text: io.out() + io.err() });
    }
    expect(outputs[1]?.text).toContain("AADSTS7000215");
    const leaks = PROBE2_SAMPLES.flatMap((sample) => leaksIn(outputs, sample, "log file"));
    expectNone(leaks);
  });
});

describe("a secret at the end of a 1 MB line", () => {
  const secret = "Fk38Q~probe2.long-line_secret~0123456789";
  const sample: SecretSample = { kind: "long line", carrier: "1 MB", secret, text: "" };
  const line = `${REFUSAL} ${"x".repeat(1024 * 1024)} client_secret=${secret}`;

  it("leaves no output holding it", async () => {
    const error = named("AuthenticationError", line);
    const outputs = [
      { name: "redactSecrets", text: redactSecrets(line) },
      ...libraryOutputs(named("AuthenticationError", line)),
      ...(await diagnosticCredentialOutputs(new RejectingCredential(error))),
      ...(await cliOutputs(line)),
    ];
    expectNone(leaksIn(outputs, sample, "message"));
  }, 60_000);
});

describe("what must stay readable", () => {
  it.each(KEPT_FACTS)("$name", ({ text, facts }) => {
    const out = redactSecrets(text);
    for (const fact of facts) expect(out, out).toContain(fact);
  });

  it("a refusal keeps its code, IDs and timestamp through explainAuthError and renderDiagnosis", () => {
    const refusal = KEPT_FACTS.find((k) => k.name === "STS refusal");
    const diagnosis = explainAuthError(named("AuthenticationError", refusal?.text ?? ""));
    expect(diagnosis.stsCodes).toContain("AADSTS7000215");
    expect(diagnosis.correlationId).toBe("3c1f2a9b-8d7e-4f6a-9b5c-2e1d0c9b8a7f");
    expect(diagnosis.traceId).toBe("0f4c7a35-1c7e-4bb8-9c8e-7d1b6a2f3e00");
    const rendered = renderDiagnosis(diagnosis, { includeMessage: true });
    for (const fact of refusal?.facts ?? []) expect(rendered).toContain(fact);
  });

  it("an error whose getters throw is still explained, and DiagnosticCredential rethrows that same error", async () => {
    const error = named("AuthenticationError", REFUSAL);
    for (const key of ["errorResponse", "cause", "errors", "response"]) {
      Object.defineProperty(error, key, {
        enumerable: true,
        get: () => {
          throw new Error(`no ${key}`);
        },
      });
    }
    expect(explainAuthError(error).stsCodes).toContain("AADSTS7000215");
    let thrown: unknown = undefined;
    try {
      await new DiagnosticCredential(new RejectingCredential(error)).getToken(ARM_SCOPE);
    } catch (caught) {
      thrown = caught;
    }
    expect(thrown).toBe(error);
    expect(getDiagnosis(thrown)?.stsCodes).toContain("AADSTS7000215");
  });
});
