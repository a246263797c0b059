/**
 * 10,000 getToken calls in flight at once through one DiagnosticCredential: each settles with its own token or
 * its own error, events pair up per request id, and nothing is left behind (no `timeoutMs` timer, no listener
 * on the caller's abort signals).
 */
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { AuthenticationError, CredentialUnavailableError } from "@azure/identity";
import {
  DiagnosticCredential,
  getDiagnosis,
  type DiagnosticEvent,
  type DiagnosticCredentialOptions,
} from "../../src/index.js";

const CALLS = 10_000;

type Plan = "token" | "null" | "unavailable" | "authentication" | "plain" | "hang";

/** What call `i` does: a fixed mix of every outcome, spread over the calls. */
function planOf(i: number, withHangs: boolean): Plan {
  if (withHangs && i % 10 === 9) return "hang";
  return (
    (["token", "unavailable", "token", "authentication", "null", "plain", "token"] as const)[i % 7] ?? "token"
  );
}

const indexOf = (scopes: string | string[]): number => Number(String(scopes).replace("scope-", ""));

/** Answers call `i` (read from its scope) as planned, after a few turns of the event loop so calls interleave. */
class PlannedCredential implements TokenCredential {
  readonly thrown = new Map<number, unknown>();
  readonly returned = new Map<number, AccessToken | null>();

  constructor(private readonly options: { withHangs: boolean; immediate: boolean }) {}

  async getToken(scopes: string | string[]): Promise<AccessToken | null> {
    const i = indexOf(scopes);
    const plan = planOf(i, this.options.withHangs);
    if (plan === "hang") return new Promise<never>(() => undefined);
    if (!this.options.immediate) {
      for (let turn = 0; turn < i % 4; turn++) await new Promise((resolve) => setImmediate(resolve));
    }
    let error: unknown;
    switch (plan) {
      case "token": {
        const token = { token: `token-${i}`, expiresOnTimestamp: 1_900_000_000_000 + i };
        this.returned.set(i, token);
        return token;
      }
      case "null":
        this.returned.set(i, null);
        return null;
      case "unavailable":
        error = new CredentialUnavailableError(`call ${i} is not set up`);
        break;
      case "authentication":
        error = new AuthenticationError(400, {
          error: "invalid_client",
          error_description: `AADSTS7000215: Invalid client secret provided. call ${i}`,
        });
        break;
      case "plain":
        error = new Error(`call ${i} broke`);
        break;
    }
    this.thrown.set(i, error);
    throw error;
  }
}

type Outcome = { status: "fulfilled"; value: AccessToken | null } | { status: "rejected"; reason: unknown };

async function callAll(
  credential: TokenCredential,
  signalFor: (i: number) => AbortSignal,
): Promise<Outcome[]> {
  const calls = Array.from({ length: CALLS }, (_, i) =>
    credential.getToken(`scope-${i}`, { abortSignal: signalFor(i) }).then(
      (value): Outcome => ({ status: "fulfilled", value }),
      (reason: unknown): Outcome => ({ status: "rejected", reason }),
    ),
  );
  return Promise.all(calls);
}

/** Timers alive now; other code's own timers may come and go, so leaks show as a count above the baseline. */
function activeTimeouts(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
}

/** Each call got exactly what the inner credential produced for it: its own token object or its own error. */
function expectOwnResults(outcomes: Outcome[], inner: PlannedCredential, withHangs: boolean): void {
  outcomes.forEach((outcome, i) => {
    const plan = planOf(i, withHangs);
    if (plan === "token" || plan === "null") {
      expect(outcome, `call ${i}`).toEqual({ status: "fulfilled", value: inner.returned.get(i) });
      if (outcome.status === "fulfilled") expect(outcome.value).toBe(inner.returned.get(i));
    } else if (plan === "hang") {
      expect(outcome.status, `call ${i}`).toBe("rejected");
      const reason = outcome.status === "rejected" ? (outcome.reason as Error) : null;
      expect(reason?.name).toBe("CredentialUnavailableError");
      expect(reason?.message).toContain("did not return a token within");
    } else {
      expect(outcome.status, `call ${i}`).toBe("rejected");
      if (outcome.status === "rejected") {
        expect(outcome.reason).toBe(inner.thrown.get(i));
        expect(getDiagnosis(outcome.reason)?.message).toContain(`call ${i}`);
      }
    }
  });
}

describe("10,000 concurrent getToken calls through one DiagnosticCredential", () => {
  it("settle each with its own token or error, events paired per request id, a throwing hook on some of them", async () => {
    const inner = new PlannedCredential({ withHangs: false, immediate: false });
    const events: DiagnosticEvent[] = [];
    const options: DiagnosticCredentialOptions = {
      logging: false,
      timeoutMs: 120_000,
      onEvent: (event) => {
        events.push(event);
        // A hook that fails for some calls must not change what those calls return.
        if (indexOf(event.scopes) % 13 === 0) throw new Error("hook failed");
      },
    };
    const credential = new DiagnosticCredential(inner, options);
    const shared = new AbortController();
    const baseline = activeTimeouts();

    const settling = callAll(credential, () => shared.signal);
    // Every call armed its timeout (the check below can fail).
    expect(activeTimeouts()).toBeGreaterThanOrEqual(baseline + CALLS);
    const outcomes = await settling;

    expectOwnResults(outcomes, inner, false);
    const byRequest = new Map<number, DiagnosticEvent[]>();
    for (const event of events)
      byRequest.set(event.requestId, [...(byRequest.get(event.requestId) ?? []), event]);
    expect(byRequest.size).toBe(CALLS);
    const seenCalls = new Set<number>();
    for (const [requestId, pair] of byRequest) {
      const i = indexOf(pair[0]?.scopes ?? []);
      seenCalls.add(i);
      const plan = planOf(i, false);
      // A null result ("no token") ends with token.failure, errorName null, though getToken resolves null.
      const end = plan === "token" ? "token.success" : "token.failure";
      expect(
        pair.map((e) => [e.type, indexOf(e.scopes)]),
        `request ${requestId}`,
      ).toEqual([
        ["token.request", i],
        [end, i],
      ]);
      if (plan === "null") expect(pair[1]).toMatchObject({ type: "token.failure", errorName: null });
    }
    expect(seenCalls.size).toBe(CALLS);

    expect(activeTimeouts()).toBeLessThanOrEqual(baseline);
    expect(getEventListeners(shared.signal, "abort")).toHaveLength(0);
  });

  it("settle each with its own result when nobody listens, and time out only the calls that hang", async () => {
    // Calls that answer do so at once, before any timer can fire; only the hung tenth reach timeoutMs.
    const inner = new PlannedCredential({ withHangs: true, immediate: true });
    const credential = new DiagnosticCredential(inner, { logging: false, timeoutMs: 50 });
    const controllers = Array.from({ length: CALLS }, () => new AbortController());
    const baseline = activeTimeouts();

    const outcomes = await callAll(credential, (i) => controllers[i]?.signal ?? new AbortController().signal);

    expectOwnResults(outcomes, inner, true);
    expect(activeTimeouts()).toBeLessThanOrEqual(baseline);
    const listening = controllers.filter((c) => getEventListeners(c.signal, "abort").length > 0);
    expect(listening).toHaveLength(0);
  });
});
