/**
 * The generated adversarial corpus (adversarialCorpus.ts) through every output, with the probe's decoders: each
 * secret is searched whole, by its first and last 12 characters and by thirds, after stripping colour,
 * JSON-unescaping, URL-decoding and base64-decoding the output. Every sample is hidden in the message; each is also
 * hidden in one structured field (name, IDs, codes, a deep cause…), in turn, so every field carries many samples.
 */
import { describe, expect, it } from "vitest";
import { redactSecrets } from "azure-identity-diagnostics";
import { findSecret, leaksIn } from "./detectLeaks.js";
import { ADVERSARIAL_SAMPLES } from "./adversarialCorpus.js";
import {
  cliOutputs,
  errorText,
  diagnosticCredentialOutputs,
  libraryOutputs,
  paste,
  RejectingCredential,
  WRAPPINGS,
} from "./outputs.js";
import { httpHeaders, named, REFUSAL, type HidingPlace } from "./secretsCorpus.js";

/** Structured fields an error copies from a service or a credential, and the depths a cause chain can reach. */
const STRUCTURED_PLACES: readonly HidingPlace[] = [
  { name: "err.name", build: (text) => named(text, REFUSAL) },
  {
    name: "correlationId field",
    build: (text) => named("AuthenticationError", REFUSAL, { correlationId: text }),
  },
  { name: "traceId field", build: (text) => named("AuthenticationError", REFUSAL, { traceId: text }) },
  { name: "subError field", build: (text) => named("AuthenticationError", REFUSAL, { subError: text }) },
  {
    name: "MSAL errorMessage and errorCode",
    build: (text) => named("InteractionRequiredAuthError", "", { errorMessage: text, errorCode: text }),
  },
  {
    name: "x-ms-error-code header",
    build: (text) =>
      named("RestError", "Forbidden", {
        statusCode: 403,
        response: { status: 403, bodyAsText: "", headers: httpHeaders({ "x-ms-error-code": text }) },
      }),
  },
  {
    name: "RestError code",
    build: (text) => named("RestError", "Forbidden", { statusCode: 403, code: text }),
  },
  {
    name: "errorResponse IDs",
    build: (text) =>
      named("AuthenticationError", "invalid_client(status code 401).", {
        statusCode: 401,
        errorResponse: {
          error: text,
          errorDescription: REFUSAL,
          correlationId: text,
          traceId: text,
          timestamp: text,
        },
      }),
  },
  {
    name: "cause 12 levels deep",
    build: (text) => {
      let error = named("AuthenticationError", `${REFUSAL}\n${text}`);
      for (let depth = 0; depth < 12; depth++) error = named("Error", `wrapper ${depth}`, { cause: error });
      return error;
    },
  },
  {
    name: "cause 70 levels deep",
    build: (text) => {
      let error = named("AuthenticationError", `${REFUSAL}\n${text}`);
      for (let depth = 0; depth < 70; depth++) error = named("Error", `wrapper ${depth}`, { cause: error });
      return error;
    },
  },
  {
    name: "an aggregate member's cause",
    build: (text) =>
      named("AggregateAuthenticationError", "ChainedTokenCredential authentication failed.", {
        errors: [
          named("CredentialUnavailableError", "EnvironmentCredential is unavailable.", {
            cause: named("Error", text),
          }),
        ],
      }),
  },
  { name: "a string cause", build: (text) => named("AuthenticationError", REFUSAL, { cause: text }) },
];

const inMessage: HidingPlace = {
  name: "error message",
  build: (text) => named("AuthenticationError", `${REFUSAL}\n${text}`),
};

/** Each sample in the message and in one structured place, in turn. */
const COMBINATIONS = ADVERSARIAL_SAMPLES.flatMap((sample, i) => [
  { sample, place: inMessage },
  { sample, place: STRUCTURED_PLACES[i % STRUCTURED_PLACES.length] ?? inMessage },
]);

describe("the adversarial corpus", () => {
  it("holds at least 150 hiding places, each with its own secret, each really carrying it", () => {
    expect(ADVERSARIAL_SAMPLES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ADVERSARIAL_SAMPLES.map((s) => s.secret)).size).toBe(ADVERSARIAL_SAMPLES.length);
    const missing = COMBINATIONS.filter(
      ({ sample, place }) => findSecret(errorText(place.build(sample.text)), sample) === null,
    );
    expect(missing.map(({ sample, place }) => `${sample.kind} [${sample.carrier}] × ${place.name}`)).toEqual(
      [],
    );
  });

  it("redactSecrets leaves none of them", () => {
    const leaks = ADVERSARIAL_SAMPLES.flatMap((sample) =>
      leaksIn([{ name: "redactSecrets", text: redactSecrets(sample.text) }], sample, "text"),
    );
    expect(leaks).toEqual([]);
  });

  it("explainAuthError and renderDiagnosis leave none of them, in the message or a structured field", () => {
    const leaks = COMBINATIONS.flatMap(({ sample, place }) =>
      leaksIn(libraryOutputs(place.build(sample.text)), sample, place.name),
    );
    expect(leaks).toEqual([]);
  });

  it("DiagnosticCredential leaves none of them in any output: error, diagnosis, events, lines, channels, logger, spans", async () => {
    const leaks: string[] = [];
    for (const { sample, place } of COMBINATIONS) {
      const outputs = await diagnosticCredentialOutputs(new RejectingCredential(place.build(sample.text)));
      leaks.push(...leaksIn(outputs, sample, place.name));
    }
    expect(leaks).toEqual([]);
  }, 600_000);

  it("DiagnosticCredential around chains leaves none of them", async () => {
    const leaks: string[] = [];
    const chains = WRAPPINGS.filter((w) => w.name !== "lone credential");
    for (const [i, sample] of ADVERSARIAL_SAMPLES.entries()) {
      const wrapping = chains[i % chains.length];
      if (!wrapping) continue;
      const outputs = await diagnosticCredentialOutputs(wrapping.credential(inMessage.build(sample.text)));
      leaks.push(...leaksIn(outputs, sample, `message (${wrapping.name})`));
    }
    expect(leaks).toEqual([]);
  }, 600_000);

  it("the CLI's explain leaves none of them, as text, coloured and JSON", async () => {
    const leaks: string[] = [];
    for (const { sample, place } of COMBINATIONS) {
      leaks.push(...leaksIn(await cliOutputs(paste(place.build(sample.text))), sample, place.name));
    }
    expect(leaks).toEqual([]);
  }, 600_000);
});
