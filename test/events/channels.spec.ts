/**
 * Events on `node:diagnostics_channel`: real credentials from the lab (a ClientSecretCredential the fake token
 * service rejects, a fake `az`), observed only through channel subscriptions, as an APM agent would.
 */
import { channel, subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { AzureCliCredential, ChainedTokenCredential, ClientSecretCredential } from "@azure/identity";
import {
  DIAGNOSTIC_CHANNELS,
  DiagnosticCredential,
  getDiagnosis,
  type DiagnosticEvent,
} from "azure-identity-diagnostics";
import { EventDispatcher } from "../../src/events/emit.js";
import { startCapture } from "../lab/harness/capture.js";
import { stsError } from "../lab/harness/fakeSts.js";
import { azBehaviour } from "../lab/harness/fakeTools.js";
import { LAB } from "../lab/harness/tokens.js";
import { SECRETS, useLab, useLabTools } from "../lab/scenarios/lab.js";
import { ARM_SCOPE } from "../lab/scenarios/scenario.js";

const lab = useLab();
const tools = useLabTools(lab);

type EventType = keyof typeof DIAGNOSTIC_CHANNELS;
const EVENT_TYPES = Object.keys(DIAGNOSTIC_CHANNELS) as EventType[];

interface Received {
  channel: string;
  event: DiagnosticEvent;
}

/** Subscribes to every event channel; `stop()` unsubscribes. */
function listen(): { received: Received[]; stop: () => void } {
  const received: Received[] = [];
  const onMessage = (message: unknown, name: string | symbol): void => {
    received.push({ channel: String(name), event: message as DiagnosticEvent });
  };
  for (const type of EVENT_TYPES) subscribe(DIAGNOSTIC_CHANNELS[type], onMessage);
  return {
    received,
    stop: () => {
      for (const type of EVENT_TYPES) unsubscribe(DIAGNOSTIC_CHANNELS[type], onMessage);
    },
  };
}

let listening: { stop: () => void } | undefined;
afterEach(() => {
  listening?.stop();
  listening = undefined;
  vi.restoreAllMocks();
});

/** The chain that silently falls through: Entra rejects the secret, the developer's `az` answers. */
function rejectedSecretThenCli(): TokenCredential {
  lab.sts.respond(stsError(7000215));
  tools.az(azBehaviour.token());
  return new ChainedTokenCredential(
    new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.wrongSecret, lab.credentialOptions()),
    new AzureCliCredential(),
  );
}

function rejectedSecret(): TokenCredential {
  lab.sts.respond(stsError(7000215));
  return new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.wrongSecret, lab.credentialOptions());
}

/** A credential with nothing inside that could format a date, so only event building would. */
const plainCredential: TokenCredential = {
  getToken: () =>
    Promise.resolve<AccessToken>({ token: "opaque", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

describe("diagnostics_channel publishing", () => {
  it("names one channel per event type under azure-identity-diagnostics:", () => {
    expect(DIAGNOSTIC_CHANNELS).toEqual({
      "token.request": "azure-identity-diagnostics:token.request",
      "attempt.start": "azure-identity-diagnostics:attempt.start",
      "attempt.end": "azure-identity-diagnostics:attempt.end",
      "token.success": "azure-identity-diagnostics:token.success",
      "token.failure": "azure-identity-diagnostics:token.failure",
      "token.warning": "azure-identity-diagnostics:token.warning",
    });
    expect(Object.isFrozen(DIAGNOSTIC_CHANNELS)).toBe(true);
  });

  it("publishes every event of a chain that silently falls through, each on its type's channel, in order", async () => {
    const subscriber = listen();
    listening = subscriber;
    const credential = new DiagnosticCredential(rejectedSecretThenCli(), { logging: false });

    const token = await credential.getToken(ARM_SCOPE);

    expect(token?.token).toBe(tools.issuedTokens.at(-1));
    const { received } = subscriber;
    expect(received.map((r) => r.event.type)).toEqual([
      "token.request",
      "attempt.start",
      "attempt.end",
      "attempt.start",
      "attempt.end",
      "token.warning",
      "token.success",
    ]);
    for (const { channel: name, event } of received) expect(name).toBe(DIAGNOSTIC_CHANNELS[event.type]);
    expect(new Set(received.map((r) => r.event.requestId)).size).toBe(1);
    expect(received.map((r) => r.event)).toContainEqual(
      expect.objectContaining({
        type: "token.warning",
        code: "silent-fallthrough",
        member: "ClientSecretCredential",
      }),
    );
    expect(received.map((r) => r.event)).toContainEqual(
      expect.objectContaining({ type: "token.success", succeededWith: "AzureCliCredential" }),
    );
  });

  it("publishes token.failure with the facts and leading match of the diagnosis the rethrown error carries", async () => {
    const subscriber = listen();
    listening = subscriber;
    const credential = new DiagnosticCredential(rejectedSecret(), { logging: false });

    const error = await credential.getToken(ARM_SCOPE).then(
      () => undefined,
      (e: unknown) => e,
    );

    const failure = subscriber.received.find((r) => r.event.type === "token.failure")?.event;
    const full = getDiagnosis(error);
    const lead = full?.matches[0];
    expect(lead).toBeDefined();
    expect(failure?.type === "token.failure" ? failure.diagnosis : undefined).toMatchObject({
      summary: full?.summary,
      category: full?.category,
      stsCode: full?.stsCode,
      correlationId: full?.correlationId,
      traceId: full?.traceId,
      match: { id: lead?.id, title: lead?.title, mitigations: lead?.mitigations },
    });
    // The message and the other matches stay on the error, out of the log line.
    expect(failure?.type === "token.failure" ? Object.keys(failure.diagnosis) : []).not.toContain("message");
    expect(failure).toMatchObject({
      credential: "ClientSecretCredential",
      errorName: "AuthenticationRequiredError",
    });
  });

  it("publishes no secret or token: not the wrong secret, not the token az issued", async () => {
    const capture = startCapture("verbose");
    const subscriber = listen();
    listening = subscriber;
    try {
      await new DiagnosticCredential(rejectedSecretThenCli(), { logging: false }).getToken(ARM_SCOPE);
      await new DiagnosticCredential(rejectedSecret(), { logging: false })
        .getToken(ARM_SCOPE)
        .catch(() => undefined);
    } finally {
      capture.stop();
    }
    for (const { event } of subscriber.received) capture.add(event);
    const secrets = [...lab.secrets(), ...tools.issuedTokens];

    expect(subscriber.received.length).toBeGreaterThan(7);
    expect(tools.issuedTokens.length).toBeGreaterThan(0);
    expect(capture.leakedByLibrary(secrets)).toEqual([]);
  });

  it("publishes nothing on a channel without subscribers, and only on the channels that have one", async () => {
    const ours = new Map<object, EventType>(
      EVENT_TYPES.map((type) => [channel(DIAGNOSTIC_CHANNELS[type]), type]),
    );
    // Node swaps a channel's prototype between Channel and ActiveChannel as subscribers come and go, so the spies
    // sit on the prototypes (an own-property spy would shadow the swap) and count calls made on our channels.
    const publishedOn = (spy: { mock: { contexts: unknown[] } }): (EventType | undefined)[] =>
      spy.mock.contexts.filter((c) => ours.has(c as object)).map((c) => ours.get(c as object));
    const inactive = vi.spyOn(
      Object.getPrototypeOf(channel(DIAGNOSTIC_CHANNELS["token.failure"])) as { publish: () => void },
      "publish",
    );

    await new DiagnosticCredential(rejectedSecretThenCli(), { logging: false }).getToken(ARM_SCOPE);
    expect(publishedOn(inactive)).toEqual([]);

    const onFailure = vi.fn();
    subscribe(DIAGNOSTIC_CHANNELS["token.failure"], onFailure);
    try {
      const active = vi.spyOn(
        Object.getPrototypeOf(channel(DIAGNOSTIC_CHANNELS["token.failure"])) as { publish: () => void },
        "publish",
      );
      await new DiagnosticCredential(rejectedSecret(), { logging: false })
        .getToken(ARM_SCOPE)
        .catch(() => undefined);
      expect(publishedOn(active)).toEqual(["token.failure"]);
    } finally {
      unsubscribe(DIAGNOSTIC_CHANNELS["token.failure"], onFailure);
    }
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(publishedOn(inactive)).toEqual([]);
  });

  it("builds no event at all when there is no hook, no enabled logger and no subscriber", async () => {
    const dispatcher = new EventDispatcher(undefined, false);
    expect(dispatcher.active).toBe(false);
    const toIsoString = vi.spyOn(Date.prototype, "toISOString");

    await new DiagnosticCredential(plainCredential, { logging: false }).getToken(ARM_SCOPE);
    expect(toIsoString).not.toHaveBeenCalled();

    const onSuccess = vi.fn();
    subscribe(DIAGNOSTIC_CHANNELS["token.success"], onSuccess);
    try {
      expect(dispatcher.active).toBe(true);
      await new DiagnosticCredential(plainCredential, { logging: false }).getToken(ARM_SCOPE);
    } finally {
      unsubscribe(DIAGNOSTIC_CHANNELS["token.success"], onSuccess);
    }
    expect(toIsoString).toHaveBeenCalled();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(dispatcher.active).toBe(false);
  });

  it("stops delivering once the subscriber unsubscribes", async () => {
    const subscriber = listen();
    const credential = new DiagnosticCredential(plainCredential, { logging: false });
    await credential.getToken(ARM_SCOPE);
    const before = subscriber.received.length;
    subscriber.stop();

    await credential.getToken(ARM_SCOPE);

    expect(before).toBe(2);
    expect(subscriber.received).toHaveLength(before);
  });
});

describe("a subscriber that throws", () => {
  /**
   * Node catches a throwing subscriber and re-raises its error with `process.nextTick` as `uncaughtException`,
   * which ends a process that has no handler. Vitest's own handler would fail the run, so it is set aside while
   * the test listens.
   */
  async function withUncaughtExceptions(run: () => Promise<void>): Promise<unknown[]> {
    const reported: unknown[] = [];
    const saved = process.listeners("uncaughtException");
    process.removeAllListeners("uncaughtException");
    const onUncaught = (error: unknown): void => {
      reported.push(error);
    };
    process.on("uncaughtException", onUncaught);
    try {
      await run();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("uncaughtException", onUncaught);
      for (const listener of saved) process.on("uncaughtException", listener);
    }
    return reported;
  }

  const boom = new Error("subscriber bug");
  const throwing = (): never => {
    throw boom;
  };

  it("does not stop getToken from returning the token, nor other subscribers and onEvent from receiving events", async () => {
    const hooked: string[] = [];
    let token: AccessToken | null = null;
    const subscriber = listen();
    listening = subscriber;
    subscribe(DIAGNOSTIC_CHANNELS["token.request"], throwing);
    try {
      const reported = await withUncaughtExceptions(async () => {
        const credential = new DiagnosticCredential(rejectedSecretThenCli(), {
          logging: false,
          onEvent: (event) => hooked.push(event.type),
        });
        token = await credential.getToken(ARM_SCOPE);
      });
      expect(reported).toEqual([boom]);
    } finally {
      unsubscribe(DIAGNOSTIC_CHANNELS["token.request"], throwing);
    }

    expect(token).toMatchObject({ token: tools.issuedTokens.at(-1) });
    expect(hooked).toHaveLength(7);
    expect(subscriber.received.map((r) => r.event.type)).toEqual(hooked);
  });

  it("does not change the error getToken rejects with", async () => {
    subscribe(DIAGNOSTIC_CHANNELS["token.failure"], throwing);
    let error: unknown;
    try {
      const reported = await withUncaughtExceptions(async () => {
        error = await new DiagnosticCredential(rejectedSecret(), { logging: false }).getToken(ARM_SCOPE).then(
          () => undefined,
          (e: unknown) => e,
        );
      });
      expect(reported).toEqual([boom]);
    } finally {
      unsubscribe(DIAGNOSTIC_CHANNELS["token.failure"], throwing);
    }

    expect(error).toMatchObject({ name: "AuthenticationRequiredError" });
    expect(getDiagnosis(error)?.stsCode).toBe("AADSTS7000215");
  });
});

describe("without node:diagnostics_channel (browsers, workers, Node before 20.16)", () => {
  it("publishes nothing and reports no subscribers, without throwing", async () => {
    const onRequest = vi.fn();
    subscribe(DIAGNOSTIC_CHANNELS["token.request"], onRequest);
    const original = Object.getOwnPropertyDescriptor(process, "getBuiltinModule");
    Object.defineProperty(process, "getBuiltinModule", { value: undefined, configurable: true });
    try {
      vi.resetModules();
      const fresh = await import("../../src/events/channels.js");
      expect(fresh.hasChannelSubscribers()).toBe(false);
      expect(() => {
        fresh.publishDiagnosticEvent({
          type: "token.request",
          requestId: 1,
          time: new Date(0).toISOString(),
          credential: "AzureCliCredential",
          scopes: [ARM_SCOPE],
          tenantId: null,
          hasClaims: false,
        });
      }).not.toThrow();
    } finally {
      if (original) Object.defineProperty(process, "getBuiltinModule", original);
      unsubscribe(DIAGNOSTIC_CHANNELS["token.request"], onRequest);
    }
    expect(onRequest).not.toHaveBeenCalled();
  });
});
