/**
 * What `timeoutMs` does to the call it stops: the inner credential receives an abort, and where identity still
 * holds a socket (docs/timeouts.md), what keeps it open and what closes it.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { ClientSecretCredential } from "@azure/identity";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { DiagnosticCredential, getDiagnosis } from "azure-identity-diagnostics";
import { stsHang } from "../lab/harness/fakeSts.js";
import { identityAtLeast } from "../lab/harness/identityVersion.js";
import { LAB } from "../lab/harness/tokens.js";
import { SECRETS, useLab } from "../lab/scenarios/lab.js";
import { ARM_SCOPE } from "../lab/scenarios/scenario.js";

const lab = useLab();

/** Never answers; keeps the options of each call. */
class SilentCredential implements TokenCredential {
  readonly calls: (GetTokenOptions | undefined)[] = [];
  getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    this.calls.push(options);
    return new Promise(() => undefined);
  }
}

function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Client sockets connected to `port`. Node has no public list of open sockets; `_getActiveHandles` is what
 * `why-is-node-running` and similar tools read.
 */
function openSocketsTo(port: number): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter(
    (h) => (h as { remotePort?: unknown }).remotePort === port && !(h as { destroyed?: boolean }).destroyed,
  ).length;
}

/** Sets core-rest-pipeline's per-request timeout: the request's socket is destroyed when it passes. */
function requestTimeout(ms: number): { position: "perCall"; policy: PipelinePolicy } {
  return {
    position: "perCall",
    policy: {
      name: "labRequestTimeout",
      sendRequest: (request, next) => {
        request.timeout = ms;
        return next(request);
      },
    },
  };
}

describe("timeoutMs", () => {
  it("aborts the signal the inner credential received when the time is up", async () => {
    const inner = new SilentCredential();
    const error = await rejection(new DiagnosticCredential(inner, { timeoutMs: 50 }).getToken(ARM_SCOPE));

    expect((error as Error).name).toBe("CredentialUnavailableError");
    expect(getDiagnosis(error)?.matches[0]?.id).toBe("credential-timed-out");
    const signal = inner.calls[0]?.abortSignal;
    expect(signal?.aborted).toBe(true);
  });

  it("passes the caller's own abort on to the inner call, before any timeout", () => {
    const inner = new SilentCredential();
    const caller = new AbortController();
    const pending = new DiagnosticCredential(inner, { timeoutMs: 60_000 }).getToken(ARM_SCOPE, {
      abortSignal: caller.signal,
    });
    const signal = inner.calls[0]?.abortSignal;
    expect(signal).not.toBe(caller.signal);
    expect(signal?.aborted).toBe(false);
    caller.abort();
    expect(signal?.aborted).toBe(true);
    void pending.catch(() => undefined);
  });

  it("leaves the abort signal alone without timeoutMs", async () => {
    const inner = new SilentCredential();
    const caller = new AbortController();
    void new DiagnosticCredential(inner).getToken(ARM_SCOPE, { abortSignal: caller.signal });
    await wait(0);
    expect(inner.calls[0]?.abortSignal).toBe(caller.signal);
  });

  // identity 4.0 (older MSAL) leaves no socket open to the hung endpoint after the timeout: nothing to show there.
  it.skipIf(!identityAtLeast("4.13"))(
    "identity keeps the token request's socket open after the abort; a per-request timeout closes it",
    async () => {
      lab.sts.respond(stsHang());
      const options = lab.credentialOptions();
      const credential = new DiagnosticCredential(
        new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.clientSecret, {
          ...options,
          additionalPolicies: [...options.additionalPolicies, requestTimeout(2_500)],
        }),
        { timeoutMs: 300 },
      );

      const error = await rejection(credential.getToken(ARM_SCOPE));
      expect((error as Error).message).toContain("did not return a token within 300 ms");

      // identity's confidential-client requests go through MSAL, which does not take the caller's abort signal:
      // the request goes on (on a cold start it may only now reach the endpoint) and waits on its socket, and that
      // socket keeps the event loop, and so the process, alive.
      await expect.poll(() => lab.sts.requests.length, { timeout: 5_000, interval: 50 }).toBe(1);
      await expect.poll(() => openSocketsTo(lab.sts.port), { timeout: 5_000, interval: 50 }).toBe(1);
      await wait(500);
      expect(openSocketsTo(lab.sts.port)).toBe(1);

      // core-rest-pipeline's per-request timeout (set by the policy above) ends it.
      await expect.poll(() => openSocketsTo(lab.sts.port), { timeout: 5_000, interval: 100 }).toBe(0);
    },
  );
});
