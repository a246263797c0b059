/**
 * createOpenTelemetryHandler with the real OpenTelemetry SDK and in-memory exporters, fed by real
 * @azure/identity credentials failing (and succeeding) against the lab's fakes.
 */
import { context, metrics, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { HistogramMetricData, MetricData, SumMetricData } from "@opentelemetry/sdk-metrics";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TokenCredential } from "@azure/core-auth";
import { AzureCliCredential, ChainedTokenCredential, ClientSecretCredential } from "@azure/identity";
import { DiagnosticCredential } from "azure-identity-diagnostics";
import {
  createOpenTelemetryHandler,
  IDENTITY_ATTRIBUTES as A,
  IDENTITY_METRICS,
} from "azure-identity-diagnostics/opentelemetry";
import { azBehaviour, createFakeTools, type FakeTools } from "../lab/harness/fakeTools.js";
import { stsError, stsHang } from "../lab/harness/fakeSts.js";
import { LAB } from "../lab/harness/tokens.js";
import { SECRETS, useLab } from "../lab/scenarios/lab.js";
import { ARM_SCOPE } from "../lab/scenarios/scenario.js";
import { spanText, startInMemoryTelemetry, type InMemoryTelemetry } from "./inMemoryTelemetry.js";

const lab = useLab();
let tools: FakeTools;
let telemetry: InMemoryTelemetry;

beforeAll(async () => {
  tools = await createFakeTools();
});
beforeEach(() => {
  tools.reset();
  lab.env.usePath(tools.bin);
  telemetry = startInMemoryTelemetry();
});
afterEach(async () => {
  await telemetry.shutdown();
});
afterAll(async () => {
  await tools.cleanup();
});

function wrap(inner: TokenCredential, options: { timeoutMs?: number } = {}): DiagnosticCredential {
  return new DiagnosticCredential(inner, {
    ...options,
    logging: false,
    onEvent: createOpenTelemetryHandler({
      tracer: telemetry.tracerProvider.getTracer("test"),
      meter: telemetry.meterProvider.getMeter("test"),
    }),
  });
}

function wrongSecret(): ClientSecretCredential {
  return new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.wrongSecret, lab.credentialOptions());
}

function chainFallingThroughToCli(): ChainedTokenCredential {
  lab.sts.respond(stsError(7000215));
  tools.az(azBehaviour.token({ claims: { idtyp: "user", oid: LAB.userObjectId, upn: LAB.userName } }));
  return new ChainedTokenCredential(wrongSecret(), new AzureCliCredential());
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected getToken to fail");
    },
    (error: unknown) => error,
  );
}

function only(spans: ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter((span) => span.name === name);
  expect(found.map((span) => span.name)).toEqual([name]);
  return found[0] as ReadableSpan;
}

const millis = ([seconds, nanos]: [number, number]): number => seconds * 1000 + nanos / 1e6;

describe("a failed token request", () => {
  it("becomes an ERROR span carrying AADSTS7000215, the STS's correlation and trace IDs and the knowledge entry", async () => {
    lab.sts.respond(stsError(7000215));
    const error = await rejectionOf(wrap(wrongSecret()).getToken(ARM_SCOPE));
    const sent = lab.sts.lastError;

    const span = only(telemetry.spans(), "getToken ClientSecretCredential");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toMatch(/client secret/i);
    expect(span.attributes).toMatchObject({
      [A.errorType]: (error as Error).name,
      [A.credential]: "ClientSecretCredential",
      [A.scopes]: [ARM_SCOPE],
      [A.outcome]: "failure",
      [A.category]: "credential-invalid",
      [A.knowledgeId]: "client-secret-invalid",
      [A.retryable]: false,
      [A.stsCode]: "AADSTS7000215",
      [A.oauthError]: "invalid_client",
      [A.correlationId]: sent?.correlationId,
      [A.stsTraceId]: sent?.traceId,
    });
    expect(span.attributes[A.errorType]).toBe("AuthenticationRequiredError");
    const exception = span.events.find((event) => event.name === "exception");
    expect(exception?.attributes?.[A.exceptionType]).toBe("AuthenticationRequiredError");
    expect(exception?.attributes?.[A.exceptionMessage]).toContain("AADSTS7000215");
  });

  it("puts no secret, assertion or issued token in any span, event, status or metric attribute", async () => {
    lab.sts.respond(stsError(7000215));
    await rejectionOf(wrap(wrongSecret()).getToken(ARM_SCOPE));
    await wrap(chainFallingThroughToCli()).getToken(ARM_SCOPE);
    lab.addSecret(...tools.issuedTokens);

    const text = [
      ...telemetry.spans().map(spanText),
      JSON.stringify([...(await telemetry.metrics()).values()]),
    ].join("\n");
    expect(text).toContain("AADSTS7000215");
    for (const secret of [...lab.secrets(), LAB.userName]) expect(text).not.toContain(secret);
  });

  it("reports a call stopped by timeoutMs with outcome timeout", async () => {
    lab.sts.respond(stsHang());
    await rejectionOf(wrap(wrongSecret(), { timeoutMs: 300 }).getToken(ARM_SCOPE));

    const span = only(telemetry.spans(), "getToken ClientSecretCredential");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes[A.outcome]).toBe("timeout");
    const warning = span.events.find((event) => event.name === "azure.identity.warning");
    expect(warning?.attributes?.[A.warningCode]).toBe("timeout");
  });
});

describe("a chain that falls through to the Azure CLI", () => {
  it("is a success span with one child span per member, the rejected member in ERROR with its STS code", async () => {
    await wrap(chainFallingThroughToCli()).getToken(ARM_SCOPE);

    const spans = telemetry.spans();
    const call = only(spans, "getToken ChainedTokenCredential");
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    expect(call.attributes).toMatchObject({
      [A.outcome]: "success",
      [A.succeededWith]: "AzureCliCredential",
    });
    const warning = call.events.find((event) => event.name === "azure.identity.warning");
    expect(warning?.attributes).toMatchObject({
      [A.warningCode]: "silent-fallthrough",
      [A.chainMember]: "ClientSecretCredential",
      [A.stsCode]: "AADSTS7000215",
      [A.knowledgeId]: "client-secret-invalid",
    });

    const rejected = only(spans, "getToken ClientSecretCredential");
    const cli = only(spans, "getToken AzureCliCredential");
    for (const member of [rejected, cli]) {
      expect(member.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
      expect(millis(member.startTime)).toBeGreaterThanOrEqual(millis(call.startTime));
      expect(millis(member.endTime)).toBeLessThanOrEqual(millis(call.endTime));
    }
    expect(millis(rejected.endTime)).toBeLessThanOrEqual(millis(cli.startTime));
    expect(rejected.status.code).toBe(SpanStatusCode.ERROR);
    expect(rejected.attributes).toMatchObject({
      [A.chainMember]: "ClientSecretCredential",
      [A.chainIndex]: 0,
      [A.attemptOutcome]: "failed",
      [A.errorType]: "AuthenticationRequiredError",
      [A.stsCode]: "AADSTS7000215",
      [A.correlationId]: lab.sts.lastError?.correlationId,
    });
    expect(cli.status.code).toBe(SpanStatusCode.UNSET);
    expect(cli.attributes).toMatchObject({ [A.chainIndex]: 1, [A.attemptOutcome]: "succeeded" });
    expect(cli.attributes[A.errorType]).toBeUndefined();
  });
});

describe("trace context", () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });
  afterAll(() => {
    context.disable();
  });

  it("makes the token request a child of the caller's active span", async () => {
    lab.sts.respond(stsError(7000215));
    const tracer = telemetry.tracerProvider.getTracer("app");
    const parentId = await tracer.startActiveSpan("handle order", async (parent) => {
      await rejectionOf(wrap(wrongSecret()).getToken(ARM_SCOPE));
      parent.end();
      return parent.spanContext();
    });

    const span = only(telemetry.spans(), "getToken ClientSecretCredential");
    expect(span.spanContext().traceId).toBe(parentId.traceId);
    expect(span.parentSpanContext?.spanId).toBe(parentId.spanId);
  });
});

function points(metric: MetricData | undefined): { attributes: Record<string, unknown>; value: unknown }[] {
  return (metric?.dataPoints ?? []).map((point) => ({ attributes: point.attributes, value: point.value }));
}

describe("metrics", () => {
  it("count requests and record their durations in seconds by credential and outcome", async () => {
    lab.sts.respond(stsError(7000215));
    await rejectionOf(wrap(wrongSecret()).getToken(ARM_SCOPE));
    await rejectionOf(wrap(wrongSecret()).getToken(ARM_SCOPE));
    await wrap(chainFallingThroughToCli()).getToken(ARM_SCOPE);

    const collected = await telemetry.metrics();
    const failure = {
      [A.credential]: "ClientSecretCredential",
      [A.outcome]: "failure",
      [A.errorType]: "AuthenticationRequiredError",
      [A.category]: "credential-invalid",
    };
    const success = { [A.credential]: "ChainedTokenCredential", [A.outcome]: "success" };
    const requests = collected.get(IDENTITY_METRICS.requests) as SumMetricData | undefined;
    expect(requests?.descriptor.unit).toBe("{request}");
    expect(points(requests)).toEqual(
      expect.arrayContaining([
        { attributes: failure, value: 2 },
        { attributes: success, value: 1 },
      ]),
    );
    expect(points(requests)).toHaveLength(2);

    const duration = collected.get(IDENTITY_METRICS.duration) as HistogramMetricData | undefined;
    expect(duration?.descriptor.unit).toBe("s");
    const failed = duration?.dataPoints.find((p) => p.attributes[A.outcome] === "failure");
    expect(failed?.attributes).toEqual(failure);
    expect(failed?.value.count).toBe(2);
    // Seconds, not milliseconds: a local fake answers well within one second.
    expect(failed?.value.max).toBeGreaterThan(0);
    expect(failed?.value.max).toBeLessThan(5);

    const attempts = collected.get(IDENTITY_METRICS.attemptDuration) as HistogramMetricData | undefined;
    expect(
      attempts?.dataPoints
        .map((p) => `${String(p.attributes[A.chainMember])}:${String(p.attributes[A.attemptOutcome])}`)
        .sort(),
    ).toEqual(["AzureCliCredential:succeeded", "ClientSecretCredential:failed"]);
    expect(attempts?.dataPoints.every((p) => p.attributes[A.credential] === "ChainedTokenCredential")).toBe(
      true,
    );
  });
});

describe("global providers", () => {
  afterEach(() => {
    trace.disable();
    metrics.disable();
  });

  it("are used when no tracer or meter is given, even when registered after the handler was created", async () => {
    const onEvent = createOpenTelemetryHandler();
    trace.setGlobalTracerProvider(telemetry.tracerProvider);
    metrics.setGlobalMeterProvider(telemetry.meterProvider);
    lab.sts.respond(stsError(7000215));
    await rejectionOf(
      new DiagnosticCredential(wrongSecret(), { onEvent, logging: false }).getToken(ARM_SCOPE),
    );

    const span = only(telemetry.spans(), "getToken ClientSecretCredential");
    expect(span.instrumentationScope.name).toBe("azure-identity-diagnostics");
    const requests = (await telemetry.metrics()).get(IDENTITY_METRICS.requests);
    expect(points(requests).map((p) => p.value)).toEqual([1]);
  });
});
