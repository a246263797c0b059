/**
 * Runs each logging and telemetry recipe in examples/recipes/ against a real credential failing at the lab's
 * token service (a wrong client secret, AADSTS7000215), and checks what reached the log or the collector:
 * the diagnosis, and no secret. Collectors are fakes on 127.0.0.1; the network guard fails any test that
 * tries to go further.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ClientSecretCredential } from "@azure/identity";
import type { DiagnosticEvent } from "azure-identity-diagnostics";
import { withJsonLines } from "../../examples/recipes/jsonLinesToStdout.js";
import { createAppLogger as createPinoLogger, pinoHandler } from "../../examples/recipes/pinoLogger.js";
import {
  createAppLogger as createWinstonLogger,
  winstonHandler,
} from "../../examples/recipes/winstonLogger.js";
import { startTelemetry, withOpenTelemetry } from "../../examples/recipes/otlpCollector.js";
import {
  azureMonitorOptions,
  startApplicationInsights,
  withOpenTelemetry as withAzureMonitor,
} from "../../examples/recipes/applicationInsights.js";
import { DiagnosticCredential } from "azure-identity-diagnostics";
import { stsError } from "../lab/harness/fakeSts.js";
import { installLoopbackGuard } from "../lab/harness/loopbackGuard.js";
import { serverTlsOptions, trustTestCa } from "../lab/harness/tls.js";
import { LAB } from "../lab/harness/tokens.js";
import { SECRETS, useLab } from "../lab/scenarios/lab.js";
import { ARM_SCOPE } from "../lab/scenarios/scenario.js";

const lab = useLab();

/** A credential the lab's token service refuses with AADSTS7000215. */
function wrongSecret(): ClientSecretCredential {
  lab.sts.respond(stsError(7000215));
  return new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.wrongSecret, lab.credentialOptions());
}

async function failToGetToken(credential: { getToken(scope: string): Promise<unknown> }): Promise<void> {
  await expect(credential.getToken(ARM_SCOPE)).rejects.toMatchObject({ name: "AuthenticationRequiredError" });
}

function expectNoSecret(text: string): void {
  for (const secret of lab.secrets()) expect(text).not.toContain(secret);
}

/** A writable stream keeping what was written, for loggers. */
function memoryStream(): { stream: Writable; lines(): string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join("").split("\n").filter(Boolean) };
}

interface Received {
  path: string;
  body: string;
}

/**
 * An endpoint on 127.0.0.1 recording every request: an OTLP collector (HTTP), or Application Insights ingestion
 * (HTTPS with the lab's certificate: the exporter upgrades every ingestion URL to https).
 */
async function startFakeCollector(
  options: { tls?: boolean; reply?: string } = {},
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const reply = options.reply ?? "{}";
  const listener: RequestListener = (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
      received.push({ path: request.url ?? "", body: body.toString("utf8") });
      response.writeHead(200, { "content-type": "application/json" }).end(reply);
    });
  };
  const server: Server = options.tls ? createTlsServer(serverTlsOptions(), listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe("recipe: JSON lines to standard output", () => {
  it("writes each event of a failed request as one JSON line on stdout, the failure carrying its diagnosis", async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(chunk.toString());
      return true;
    });
    try {
      await failToGetToken(withJsonLines(wrongSecret()));
    } finally {
      spy.mockRestore();
    }

    const events = written.map((line) => JSON.parse(line) as DiagnosticEvent);
    expect(written.every((line) => line.endsWith("\n"))).toBe(true);
    expect(events.map((e) => e.type)).toEqual(["token.request", "token.failure"]);
    const failure = events[1];
    expect(failure?.type === "token.failure" && failure.diagnosis).toMatchObject({
      stsCode: "AADSTS7000215",
      correlationId: lab.sts.lastError?.correlationId,
    });
    expectNoSecret(written.join(""));
  });
});

describe("recipe: pino", () => {
  it("logs the failure as an error record whose message is the diagnosis and whose fields carry the STS code", async () => {
    const out = memoryStream();
    const onEvent = pinoHandler(createPinoLogger(out.stream));
    await failToGetToken(new DiagnosticCredential(wrongSecret(), { onEvent, logging: false }));

    const records = out.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r.level)).toEqual([20, 50]);
    const failure = records[1] as { msg: string; component: string; azureIdentity: DiagnosticEvent };
    expect(failure.component).toBe("azure-identity");
    expect(failure.msg).toMatch(/ClientSecretCredential failed/);
    expect(failure.azureIdentity).toMatchObject({
      type: "token.failure",
      diagnosis: { stsCode: "AADSTS7000215", match: { id: "client-secret-invalid" } },
    });
    expectNoSecret(out.lines().join("\n"));
  });
});

describe("recipe: winston", () => {
  it("logs the failure as an error entry in JSON whose fields carry the STS code", async () => {
    const out = memoryStream();
    const onEvent = winstonHandler(createWinstonLogger(out.stream));
    await failToGetToken(new DiagnosticCredential(wrongSecret(), { onEvent, logging: false }));

    const entries = out.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((e) => e.level)).toEqual(["debug", "error"]);
    const failure = entries[1] as { message: string; timestamp: string; azureIdentity: DiagnosticEvent };
    expect(failure.message).toMatch(/ClientSecretCredential failed/);
    expect(Number.isNaN(Date.parse(failure.timestamp))).toBe(false);
    expect(failure.azureIdentity).toMatchObject({
      type: "token.failure",
      diagnosis: { stsCode: "AADSTS7000215", correlationId: lab.sts.lastError?.correlationId },
    });
    expectNoSecret(out.lines().join("\n"));
  });
});

/** OTLP/JSON attributes (`[{ key, value: { stringValue } }]`) as a plain object. */
function otlpAttributes(
  list: { key: string; value: Record<string, unknown> }[] = [],
): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, Object.values(value)[0]]));
}

interface OtlpSpan {
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
  status?: { code?: number };
}

describe("recipe: OpenTelemetry to an OTLP collector", () => {
  let collector: Awaited<ReturnType<typeof startFakeCollector>>;
  beforeAll(async () => {
    collector = await startFakeCollector();
  });
  afterAll(async () => {
    await collector.close();
  });

  it("delivers the failed request's span and metrics to the collector over OTLP/HTTP", async () => {
    const telemetry = startTelemetry(collector.url);
    try {
      await failToGetToken(withOpenTelemetry(wrongSecret()));
    } finally {
      await telemetry.shutdown();
    }

    const traces = collector.received.filter((r) => r.path === "/v1/traces");
    const spans = traces.flatMap((r) => {
      const body = JSON.parse(r.body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
      return body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
    });
    const span = spans.find((s) => s.name === "getToken ClientSecretCredential");
    expect(span?.status?.code).toBe(2); // STATUS_CODE_ERROR
    expect(otlpAttributes(span?.attributes)).toMatchObject({
      "error.type": "AuthenticationRequiredError",
      "azure.identity.credential": "ClientSecretCredential",
      "azure.identity.outcome": "failure",
      "azure.identity.sts.code": "AADSTS7000215",
      "azure.identity.knowledge_id": "client-secret-invalid",
      "azure.identity.sts.correlation_id": lab.sts.lastError?.correlationId,
    });

    const metricBodies = collector.received.filter((r) => r.path === "/v1/metrics").map((r) => r.body);
    expect(metricBodies.join("")).toContain("azure.identity.token.requests");
    expect(metricBodies.join("")).toContain("azure.identity.token.duration");
    expectNoSecret(collector.received.map((r) => r.body).join("\n"));
  });
});

describe("recipe: Application Insights through the Azure Monitor distro", () => {
  it("configures the distro from a connection string, with Live Metrics off", () => {
    const connectionString =
      "InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";
    expect(azureMonitorOptions(connectionString)).toEqual({
      azureMonitorExporterOptions: { connectionString },
      enableLiveMetrics: false,
      tracesPerSecond: 0,
      samplingRatio: 1,
    });
  });

  it("sends the failed request's span and metrics to the connection string's ingestion endpoint, and nothing else leaves loopback but the distro's refused VM probe", async () => {
    const ingestion = await startFakeCollector({
      tls: true,
      reply: JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }),
    });
    // The distro's usage reporting (statsbeat, SDK stats) goes to fixed Microsoft endpoints and asks the VM
    // metadata service where it runs; operators switch it off with these variables, and so does the lab.
    // (In 1.18, APPLICATIONINSIGHTS_STATSBEAT_DISABLED stops only part of statsbeat; the older name stops all.)
    lab.env.set({ APPLICATION_INSIGHTS_NO_STATSBEAT: "true", APPLICATIONINSIGHTS_SDKSTATS_DISABLED: "true" });
    const options = azureMonitorOptions(
      `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${ingestion.url}/`,
    );
    // The lab's test: trust the fake's certificate, and leave no retry files behind.
    options.azureMonitorExporterOptions = {
      ...options.azureMonitorExporterOptions,
      ...trustTestCa(),
      disableOfflineStorage: true,
    };
    const telemetry = startApplicationInsights(options);
    try {
      await failToGetToken(withAzureMonitor(wrongSecret()));
    } finally {
      await telemetry.shutdown();
      await ingestion.close();
    }

    // The distro asks the Azure VM metadata service (169.254.169.254) who it runs on, whatever its options say.
    // The guard refused those connections before a packet left; anything else refused fails the test.
    const refused = installLoopbackGuard().drain();
    for (const connection of refused) {
      expect(`${connection.host}:${String(connection.port)}`).toBe("169.254.169.254:80");
      expect(connection.stack).toContain("AzureVmDetector");
    }

    const bodies = ingestion.received.map((r) => r.body).join("\n");
    expect(ingestion.received.some((r) => r.path.startsWith("/v2.1/track"))).toBe(true);
    expect(bodies).toContain("getToken ClientSecretCredential");
    expect(bodies).toContain('"azure.identity.knowledge_id":"client-secret-invalid"');
    expect(bodies).toContain("azure.identity.token.requests");
    expect(bodies).toContain("AADSTS7000215");
    expectNoSecret(bodies);
  });
});
