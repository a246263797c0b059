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
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { inspect } from "node:util";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { AzureLogger, getLogLevel, setLogLevel } from "@azure/logger";
import { AzurePipelinesCredential, ChainedTokenCredential, ClientSecretCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import {
  createJsonLinesSink,
  DIAGNOSTIC_CHANNELS,
  DiagnosticCredential,
  explainAuthError,
  getDiagnosis,
  redactSecrets,
  renderDiagnosis,
} from "azure-identity-diagnostics";
import { run } from "../../src/cli/run.js";
import { fakeIo } from "../cli/fakeIo.js";
import { startCapture } from "../lab/harness/capture.js";
import { PIPELINES } from "../lab/harness/fakePipelines.js";
import { stsError, stsErrorFor } from "../lab/harness/fakeSts.js";
import { LAB } from "../lab/harness/tokens.js";
import { useLab } from "../lab/scenarios/lab.js";
import { ARM_SCOPE } from "../lab/scenarios/scenario.js";
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

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    // JSON.stringify returns undefined for undefined and functions, whatever its declared type says.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    return String(value);
  }
}

/** The text of an error wherever identity's error classes keep it (see the file comment). */
function errorText(error: unknown, depth = 0): string {
  if (error === null || typeof error !== "object" || depth > 8) return "";
  const record = error as Record<string, unknown>;
  const parts = [String(record.message), String(record.stack), asText(record.errorResponse ?? null)];
  if (Array.isArray(record.errors))
    for (const member of record.errors) parts.push(errorText(member, depth + 1));
  parts.push(errorText(record.cause, depth + 1));
  return parts.join("\n");
}

/** What a user pastes into `explain`: the error as `console.error` prints it. */
const paste = (error: unknown): string => inspect(error, { depth: 10, breakLength: 120 });

/** Every `@azure/logger` line written while `action` runs, at verbose level; the logger is restored after. */
async function loggerLines(action: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const previousLog = AzureLogger.log;
  const previousLevel = getLogLevel();
  setLogLevel("verbose");
  AzureLogger.log = (...args: unknown[]) => {
    lines.push(args.map(asText).join(" "));
  };
  try {
    await action();
  } finally {
    AzureLogger.log = previousLog;
    setLogLevel(previousLevel);
  }
  return lines;
}

/** Every message published on the package's diagnostics channels while `action` runs. */
async function channelMessages(action: () => Promise<void>): Promise<string[]> {
  const messages: string[] = [];
  const listener = (message: unknown): void => {
    messages.push(asText(message));
  };
  const names = Object.values(DIAGNOSTIC_CHANNELS);
  for (const name of names) subscribe(name, listener);
  try {
    await action();
  } finally {
    for (const name of names) unsubscribe(name, listener);
  }
  return messages;
}

class RejectingCredential implements TokenCredential {
  constructor(private readonly error: Error) {}
  getToken(): Promise<AccessToken | null> {
    return Promise.reject(this.error);
  }
}

/** The token a chain's second member hands out: a secret too, which no success event may repeat. */
const ISSUED_TOKEN =
  "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiIxMTExMTExMS0yMjIyLTMzMzMtNDQ0NC01NTU1NTU1NTU1NTUiLCJmYWtlIjoiaXNzdWVkIn0.RkFLRS1pc3N1ZWQtdG9rZW4tc2lnbmF0dXJlLW5vdC1yZWFs";

class IssuingCredential implements TokenCredential {
  getToken(): Promise<AccessToken> {
    return Promise.resolve({ token: ISSUED_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 });
  }
}

/** How DiagnosticCredential meets the error: thrown by a lone credential, or by a chain member. */
const WRAPPINGS: { name: string; credential(error: Error): TokenCredential }[] = [
  { name: "lone credential", credential: (error) => new RejectingCredential(error) },
  {
    // The member's refusal is swallowed by the chain; only its diagnosis (warning event) reaches output.
    name: "chain member that falls through to a token",
    credential: (error) =>
      new ChainedTokenCredential(
        new RejectingCredential(renamed(error, "AuthenticationRequiredError")),
        new IssuingCredential(),
      ),
  },
  {
    name: "chain member of an aggregate failure",
    credential: (error) =>
      new ChainedTokenCredential(new RejectingCredential(renamed(error, "AuthenticationRequiredError"))),
  },
];

function renamed(error: Error, name: string): Error {
  error.name = name;
  return error;
}

/** Every output of one DiagnosticCredential call that fails (or falls through) with `error`. */
async function diagnosticCredentialOutputs(credential: TokenCredential): Promise<Output[]> {
  const events: string[] = [];
  const jsonLines: string[] = [];
  const sink = createJsonLinesSink({ write: (line: string) => jsonLines.push(line) });
  let thrown: unknown = undefined;
  let channel: string[] = [];
  const logLines = await loggerLines(async () => {
    channel = await channelMessages(async () => {
      const wrapped = new DiagnosticCredential(credential, {
        onEvent: (event) => {
          events.push(JSON.stringify(event));
          sink(event);
        },
      });
      try {
        await wrapped.getToken(ARM_SCOPE);
      } catch (error) {
        thrown = error;
      }
    });
  });
  const diagnosis = getDiagnosis(thrown);
  return [
    { name: "rethrown error", text: errorText(thrown) },
    { name: "getDiagnosis(err)", text: asText(diagnosis ?? null) },
    {
      name: "renderDiagnosis(getDiagnosis(err))",
      text: diagnosis ? renderDiagnosis(diagnosis, { includeMessage: true }) : "",
    },
    { name: "onEvent events", text: events.join("\n") },
    { name: "JSON-lines sink", text: jsonLines.join("") },
    { name: "diagnostics_channel messages", text: channel.join("\n") },
    // identity's own lines (a chain logs its members' errors) are not ours to change; the lab tests pin them.
    {
      name: "@azure/logger lines",
      text: logLines.filter((line) => line.startsWith("azure:identity-diagnostics:")).join("\n"),
    },
  ];
}

async function cliOutputs(text: string): Promise<Output[]> {
  const plain = fakeIo({ stdin: text });
  await run(["explain", "--message"], plain);
  const coloured = fakeIo({ stdin: text });
  await run(["explain", "--message", "--color"], coloured);
  const json = fakeIo({ stdin: text });
  await run(["explain", "--json"], json);
  return [
    { name: "CLI explain --message", text: plain.out() + plain.err() },
    { name: "CLI explain --message --color", text: coloured.out() + coloured.err() },
    { name: "CLI explain --json", text: json.out() + json.err() },
  ];
}

function libraryOutputs(error: unknown): Output[] {
  const diagnosis = explainAuthError(error);
  return [
    { name: "explainAuthError JSON", text: JSON.stringify(diagnosis) },
    { name: "renderDiagnosis", text: renderDiagnosis(diagnosis, { includeMessage: true }) },
    {
      name: "renderDiagnosis with color",
      text: renderDiagnosis(diagnosis, { color: true, includeMessage: true }),
    },
  ];
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
