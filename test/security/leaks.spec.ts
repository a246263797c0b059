/**
 * No secret survives any output. Every sample of the corpus (a secret in the text that really carries it) is hidden
 * in every place an error can hold text, and the result goes through every output this package has: the Diagnosis
 * JSON, its rendering, DiagnosticCredential's rethrown error, attached diagnosis, events, JSON lines, diagnostics
 * channels and logger lines, and the CLI. Each test lists every leak it finds, one line per secret × place × output.
 *
 * The rethrown error is searched where DiagnosticCredential promises to redact and where identity's own error
 * classes keep text: message, stack, `errorResponse`, `errors[]` and `cause`, recursively. The `request` and
 * `response` objects a RestError carries belong to the HTTP pipeline and are left as they are.
 */
import type { TokenCredential } from "@azure/core-auth";
import { AzurePipelinesCredential, ClientSecretCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import {
  createJsonLinesSink,
  DiagnosticCredential,
  getDiagnosis,
  redactSecrets,
} from "azure-identity-diagnostics";
import { startCapture } from "../lab/harness/capture.js";
import { PIPELINES } from "../lab/harness/fakePipelines.js";
import { stsError, stsErrorFor } from "../lab/harness/fakeSts.js";
import { LAB } from "../lab/harness/tokens.js";
import { useLab } from "../lab/scenarios/lab.js";
import { ARM_SCOPE } from "../lab/scenarios/scenario.js";
import {
  asText,
  cliOutputs,
  diagnosticCredentialOutputs,
  errorText,
  ISSUED_TOKEN,
  libraryOutputs,
  paste,
  WRAPPINGS,
} from "./outputs.js";
import { findSecret, leaksIn, readings, type Output } from "./detectLeaks.js";
import {
  ENTRA_CLIENT_SECRET,
  HIDING_PLACES,
  PUBLIC_PEM_CERTIFICATE,
  SECRET_SAMPLES,
  type HidingPlace,
  type SecretSample,
} from "./secretsCorpus.js";

const COMBINATIONS = SECRET_SAMPLES.flatMap((sample) => HIDING_PLACES.map((place) => ({ sample, place })));

/** Runs `check` on every sample × place and returns every leak line, so a failure lists them all. */
async function everyLeak(
  check: (sample: SecretSample, place: HidingPlace) => Promise<string[]> | string[],
): Promise<string[]> {
  const leaks: string[] = [];
  for (const { sample, place } of COMBINATIONS) leaks.push(...(await check(sample, place)));
  return leaks;
}

describe("the secrets corpus", () => {
  it("covers every kind of secret in every place", () => {
    expect(new Set(SECRET_SAMPLES.map((s) => s.kind)).size).toBeGreaterThanOrEqual(20);
    expect(HIDING_PLACES.length).toBeGreaterThanOrEqual(12);
    for (const { sample, place } of COMBINATIONS) {
      // Each place really holds the sample: the unredacted error, as util.inspect prints it, carries the secret.
      expect(
        findSecret(paste(place.build(sample.text)), sample),
        `${sample.kind} × ${place.name}`,
      ).not.toBeNull();
    }
  });

  it("reports every secret × place × output of a deliberately unredacted output, not just the first", () => {
    const leaks = COMBINATIONS.flatMap(({ sample, place }) =>
      leaksIn([{ name: "unredacted inspect", text: paste(place.build(sample.text)) }], sample, place.name),
    );
    expect(leaks).toHaveLength(COMBINATIONS.length);
    expect(leaks).toContain(
      `${SECRET_SAMPLES[0]?.kind} [${SECRET_SAMPLES[0]?.carrier}] × ${HIDING_PLACES[0]?.name} × unredacted inspect: the secret (as printed)`,
    );
  });

  it("finds a secret however it was encoded, and a third of one", () => {
    const sample = { secret: ENTRA_CLIENT_SECRET };
    const encoded = {
      "JSON-escaped twice": JSON.stringify(JSON.stringify({ s: ENTRA_CLIENT_SECRET })),
      "form-encoded": new URLSearchParams({ s: ENTRA_CLIENT_SECRET }).toString(),
      "base64 at an odd offset": Buffer.from(`xx${ENTRA_CLIENT_SECRET}`).toString("base64"),
      "inside colours": `\u001b[31m${ENTRA_CLIENT_SECRET.slice(0, 20)}\u001b[39m${ENTRA_CLIENT_SECRET.slice(20)}`,
      "cut short": `[REDACTED]${ENTRA_CLIENT_SECRET.slice(14)}`,
    };
    for (const [how, text] of Object.entries(encoded)) expect(findSecret(text, sample), how).not.toBeNull();
    expect(findSecret(redactSecrets(`secret ${ENTRA_CLIENT_SECRET}`), sample)).toBeNull();
    expect(readings("plain text").map((r) => r.how)).toEqual(["as printed"]);
  });

  it("keeps a PEM certificate, which is public, and removes the private key next to it", () => {
    const bundle = SECRET_SAMPLES.find((s) => s.carrier === "certificate bundle");
    expect(bundle).toBeDefined();
    const out = redactSecrets(bundle?.text ?? "");
    expect(out).toContain(PUBLIC_PEM_CERTIFICATE);
    expect(findSecret(out, bundle ?? { secret: "" })).toBeNull();
  });
});

describe("redaction keeps what is not a secret", () => {
  it.each([
    [
      "a percent-encoded URL without a secret",
      "redirect to https://login.microsoftonline.com/common/oauth2/v2.0/authorize?redirect_uri=http%3A%2F%2Flocalhost%3A8400&scope=https%3A%2F%2Fmanagement.azure.com%2F.default failed",
    ],
    [
      "base64 of a refusal without a secret",
      `body ${Buffer.from('{"error":"invalid_client","error_codes":[7000215]}').toString("base64")}`,
    ],
    [
      "long paths and names that only look like base64",
      "ManagedIdentityCredential read /var/run/secrets/azure/tokens/azure-identity-token and /home/runner/work/app/app",
    ],
    [
      "a JSON-escaped refusal",
      'Request failed: {"detail":"{\\"error\\":\\"invalid_client\\",\\"correlation_id\\":\\"3c1f2a9b-8d7e-4f6a-9b5c-2e1d0c9b8a7f\\"}"}',
    ],
    [
      "a form-encoded challenge's parameters",
      "www-authenticate=Bearer+authorization_uri%3D%22https%3A%2F%2Flogin.microsoftonline.com%2Ft%22",
    ],
  ])("%s", (_name, text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe("no secret survives any output", () => {
  it("explainAuthError and renderDiagnosis, plain and coloured", async () => {
    const leaks = await everyLeak((sample, place) =>
      leaksIn(libraryOutputs(place.build(sample.text)), sample, place.name),
    );
    expect(leaks).toEqual([]);
  });

  it.each(WRAPPINGS)(
    "DiagnosticCredential around a $name: rethrown error, diagnosis, events, JSON lines, channels, logger",
    async (wrapping) => {
      const leaks = await everyLeak(async (sample, place) => {
        const outputs = await diagnosticCredentialOutputs(wrapping.credential(place.build(sample.text)));
        return leaksIn(outputs, sample, `${place.name} (${wrapping.name})`, [ISSUED_TOKEN]);
      });
      expect(leaks).toEqual([]);
    },
  );

  it("the CLI's explain, as text (with and without colour) and as JSON", async () => {
    const leaks = await everyLeak(async (sample, place) =>
      leaksIn(await cliOutputs(paste(place.build(sample.text))), sample, place.name),
    );
    expect(leaks).toEqual([]);
  });
});

describe("no secret survives when real credentials fail against the lab", () => {
  const lab = useLab();

  /** Runs `credential` bare and wrapped; returns the leak lines of everything this package produced. */
  async function leaksOfRealFailure(
    build: () => TokenCredential,
    secrets: readonly string[],
  ): Promise<{
    leaks: string[];
    bare: unknown;
    identityLines: string[];
  }> {
    let bare: unknown = undefined;
    try {
      await build().getToken(ARM_SCOPE);
    } catch (error) {
      bare = error;
    }
    expect(bare, "the bare credential returned a token").toBeDefined();
    const capture = startCapture("verbose");
    const jsonLines: string[] = [];
    const sink = createJsonLinesSink({ write: (line: string) => jsonLines.push(line) });
    let wrapped: unknown = undefined;
    try {
      await new DiagnosticCredential(build(), {
        onEvent: (event) => {
          capture.onEvent(event);
          sink(event);
        },
      }).getToken(ARM_SCOPE);
    } catch (error) {
      wrapped = error;
    } finally {
      capture.stop();
    }
    const diagnosis = getDiagnosis(wrapped);
    const outputs: Output[] = [
      ...libraryOutputs(bare),
      { name: "rethrown error", text: errorText(wrapped) },
      { name: "getDiagnosis(err)", text: asText(diagnosis ?? null) },
      { name: "events and our logger lines", text: capture.ownText() },
      { name: "JSON-lines sink", text: jsonLines.join("") },
      ...(await cliOutputs(paste(bare))),
    ];
    const leaks = secrets.flatMap((secret) =>
      leaksIn(
        outputs,
        { kind: "lab secret", carrier: secret.slice(0, 12), text: "", secret },
        "real failure",
      ),
    );
    const identityLines = capture.logLines.filter((line) => !line.startsWith("azure:identity-diagnostics:"));
    return { leaks, bare, identityLines };
  }

  it("ClientSecretCredential: an Entra-shaped secret refused, and refused by a token service that quotes it", async () => {
    lab.addSecret(ENTRA_CLIENT_SECRET);
    const build = (): TokenCredential =>
      new ClientSecretCredential(LAB.tenantId, LAB.clientId, ENTRA_CLIENT_SECRET, lab.credentialOptions());

    lab.sts.respond(stsError(7000215));
    const refused = await leaksOfRealFailure(build, lab.secrets());
    expect(lab.sts.requests.at(-1)?.form.client_secret).toBe(ENTRA_CLIENT_SECRET);

    // A proxy or a misconfigured gateway may echo the form body; the refusal then carries the secret.
    lab.sts.respond(
      stsErrorFor(7000215, {
        error: "invalid_client",
        status: 401,
        text: `Invalid client secret provided. Request body was client_secret=${encodeURIComponent(ENTRA_CLIENT_SECRET)}&secret ${ENTRA_CLIENT_SECRET}.`,
      }),
    );
    const echoed = await leaksOfRealFailure(build, lab.secrets());
    expect(errorText(echoed.bare)).toContain(ENTRA_CLIENT_SECRET);
    expect([...refused.leaks, ...echoed.leaks]).toEqual([]);
  });

  it("AzurePipelinesCredential: System.AccessToken quoted by identity on an OIDC 401 stays out of our output", async () => {
    lab.env.set({ SYSTEM_OIDCREQUESTURI: lab.pipelines.oidcRequestUri });
    lab.pipelines.respond({ kind: "refuse", status: 401, body: "empty" });
    const build = (): TokenCredential =>
      new AzurePipelinesCredential(
        LAB.tenantId,
        LAB.clientId,
        PIPELINES.serviceConnectionId,
        PIPELINES.systemAccessToken,
        lab.credentialOptions(),
      );
    const { leaks, bare, identityLines } = await leaksOfRealFailure(build, lab.secrets());
    expect(lab.pipelines.requests.at(-1)?.headers.authorization).toBe(
      `Bearer ${PIPELINES.systemAccessToken}`,
    );
    // identity itself prints the token, in the error it throws and in its own log line: upstream, not our output.
    expect(errorText(bare)).toContain(PIPELINES.systemAccessToken);
    expect(identityLines.join("\n")).toContain(PIPELINES.systemAccessToken);
    expect(leaks).toEqual([]);
  });
});
