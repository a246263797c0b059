/**
 * Chains: DefaultAzureCredential and ChainedTokenCredential failing as a whole, with each member's attempt reported.
 * Managed identity is steered to a closed loopback port, so its probe fails at once and never leaves the machine.
 */
import { describe, expect, it } from "vitest";
import type { TokenCredential } from "@azure/core-auth";
import {
  AzureCliCredential,
  ChainedTokenCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
} from "@azure/identity";
import {
  DiagnosticCredential,
  type DiagnosticEvent,
  type TokenSuccessEvent,
  type TokenWarningEvent,
} from "azure-identity-diagnostics";
import { startCapture } from "../harness/capture.js";
import { azBehaviour } from "../harness/fakeTools.js";
import { stsError } from "../harness/fakeSts.js";
import { LAB } from "../harness/tokens.js";
import { expectLeadingEntry, expectMatchedEntry } from "../harness/producedEntries.js";
import { identityAtLeast } from "../harness/identityVersion.js";
import { SECRETS, useLab, useLabTools, type Lab } from "./lab.js";
import { ARM_SCOPE, defineScenarios, expectNoLeak } from "./scenario.js";
import { closedPort } from "../harness/fakeManagedIdentity.js";

const lab = useLab();
const tools = useLabTools(lab, { withoutTools: true });

/**
 * No managed identity here: identity probes 169.254.169.254 as on any machine, and HTTP_PROXY sends that probe to a
 * closed loopback port, so it fails at once the way it does off Azure, without leaving the machine.
 */
async function noManagedIdentity(lab: Lab): Promise<void> {
  // NO_PROXY keeps the lab's token service (127.0.0.1) off the proxy, as a real machine's STS traffic would be.
  lab.env.set({ HTTP_PROXY: await closedPort(), NO_PROXY: "127.0.0.1,localhost" });
}

function chainOptions(lab: Lab) {
  return { ...lab.credentialOptions(), retryOptions: { maxRetries: 0 } };
}

describe("DefaultAzureCredential", () => {
  defineScenarios(lab, [
    {
      name: "nothing configured on this machine",
      arrange: async (lab) => {
        await noManagedIdentity(lab);
        return () => new DefaultAzureCredential(chainOptions(lab));
      },
      expect: {
        errorName: "AggregateAuthenticationError",
        topEntry: "default-credential-all-unavailable",
        category: "not-configured",
        credentials: ["EnvironmentCredential", "ManagedIdentityCredential", "AzureCliCredential"],
      },
      then: (run) => {
        const outcomes = run.diagnosis.attempts.map((a) => `${a.credential ?? "?"}:${a.outcome}`);
        expect(outcomes).toEqual(
          expect.arrayContaining([
            "EnvironmentCredential:unavailable",
            "ManagedIdentityCredential:unavailable",
            "AzureCliCredential:unavailable",
          ]),
        );
        expectLeadingEntry(
          run.diagnosis.attempts.find((a) => a.credential === "ManagedIdentityCredential")?.match?.id,
          "imds-not-available",
        );
        expectLeadingEntry(
          run.diagnosis.attempts.find((a) => a.credential === "AzureCliCredential")?.match?.id,
          "azure-cli-not-installed",
        );
        const ends = run.events.filter((e) => e.type === "attempt.end");
        expect(ends.length).toBeGreaterThanOrEqual(5);
      },
    },
    {
      name: "EnvironmentCredential's wrong secret stops the chain",
      arrange: async (lab) => {
        await noManagedIdentity(lab);
        lab.env.set({
          AZURE_TENANT_ID: LAB.tenantId,
          AZURE_CLIENT_ID: LAB.clientId,
          AZURE_CLIENT_SECRET: SECRETS.wrongSecret,
        });
        lab.sts.respond(stsError(7000215));
        return () => new DefaultAzureCredential(chainOptions(lab));
      },
      expect: {
        errorName: "AuthenticationError",
        topEntry: "client-secret-invalid",
        category: "credential-invalid",
        credentials: ["EnvironmentCredential"],
        quotesTokenService: true,
      },
      then: (run) => {
        const [first, ...rest] = run.diagnosis.attempts;
        expect(first).toMatchObject({ credential: "EnvironmentCredential", outcome: "failed" });
        expect(rest.every((a) => a.outcome === "skipped")).toBe(true);
        expectMatchedEntry(
          run.diagnosis.matches.map((m) => m.id),
          "environment-credential-sign-in-failed",
        );
      },
    },
  ]);
});

/** The developer's own sign-in: what a chain falls back to when the configured identity is rejected. */
function developerSignedIn(): void {
  tools.az(azBehaviour.token({ claims: { idtyp: "user", oid: LAB.userObjectId, upn: LAB.userName } }));
}

/** getToken through DiagnosticCredential, capturing events and every log line; checks nothing leaked. */
async function tokenWithEvents(
  inner: TokenCredential,
): Promise<{ events: DiagnosticEvent[]; token: string }> {
  const capture = startCapture("verbose");
  try {
    const credential = new DiagnosticCredential(inner, {
      onEvent: (event) => {
        capture.onEvent(event);
      },
    });
    const token = await credential.getToken(ARM_SCOPE);
    expect(token).not.toBeNull();
    lab.addSecret(...tools.issuedTokens);
    return { events: capture.events, token: token?.token ?? "" };
  } finally {
    capture.stop();
    expectNoLeak(capture, lab.secrets());
  }
}

describe("silent fall-through: the STS rejects a member and the chain moves on", () => {
  it("ChainedTokenCredential(ClientSecretCredential with a wrong secret, AzureCliCredential) succeeds as the CLI user, with a warning", async () => {
    lab.sts.respond(stsError(7000215));
    developerSignedIn();
    const bare = new ChainedTokenCredential(
      new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.wrongSecret, lab.credentialOptions()),
      new AzureCliCredential(),
    );
    // Bare, the chain hides the rejection completely.
    const bareToken = await bare.getToken(ARM_SCOPE);
    expect(bareToken.token).toBe(tools.issuedTokens[0]);

    const { events, token } = await tokenWithEvents(
      new ChainedTokenCredential(
        new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.wrongSecret, lab.credentialOptions()),
        new AzureCliCredential(),
      ),
    );

    expect(token).toBe(tools.issuedTokens.at(-1));
    const warning = events.find((e): e is TokenWarningEvent => e.type === "token.warning");
    expect(warning).toMatchObject({ code: "silent-fallthrough", member: "ClientSecretCredential" });
    expectLeadingEntry(warning?.diagnosis?.match?.id, "client-secret-invalid");
    expect(warning?.diagnosis?.correlationId).toBe(lab.sts.lastError?.correlationId);
    const success = events.find((e): e is TokenSuccessEvent => e.type === "token.success");
    expect(success).toMatchObject({ succeededWith: "AzureCliCredential" });
    expect(success?.identity).toMatchObject({
      objectId: LAB.userObjectId,
      identityType: "user",
      userName: null,
    });
    expect(success?.attempts.map((a) => `${a.credential ?? "?"}:${a.outcome}`)).toEqual([
      "ClientSecretCredential:failed",
      "AzureCliCredential:succeeded",
    ]);
    expect(events.map((e) => e.type)).toEqual([
      "token.request",
      "attempt.start",
      "attempt.end",
      "attempt.start",
      "attempt.end",
      "token.warning",
      "token.success",
    ]);
  });

  it("DefaultAzureCredential: a rejected WorkloadIdentityCredential (AADSTS70021) falls through to the Azure CLI, with a warning", async () => {
    const file = await lab.tokenFile();
    // ManagedIdentityCredential's token exchange reads the authority from the environment, not from options.
    lab.env.set({
      AZURE_TENANT_ID: LAB.tenantId,
      AZURE_CLIENT_ID: LAB.clientId,
      AZURE_FEDERATED_TOKEN_FILE: file.path,
      AZURE_AUTHORITY_HOST: lab.sts.authorityHost,
    });
    lab.sts.respond(stsError(70021));
    developerSignedIn();

    const { events } = await tokenWithEvents(new DefaultAzureCredential(chainOptions(lab)));

    const warnings = events.filter((e): e is TokenWarningEvent => e.type === "token.warning");
    const workload = warnings.find((w) => w.member === "WorkloadIdentityCredential");
    expectLeadingEntry(workload?.diagnosis?.match?.id, "aks-federated-credential-no-match");
    expect(workload?.diagnosis?.correlationId).toBe(lab.sts.errors[0]?.correlationId);
    expect(warnings.map((w) => w.member)).toEqual(["WorkloadIdentityCredential"]);
    const outcomes = events.flatMap((e) => (e.type === "attempt.end" ? [`${e.member}:${e.outcome}`] : []));
    expect(outcomes).toEqual([
      "EnvironmentCredential:unavailable",
      "WorkloadIdentityCredential:failed",
      "ManagedIdentityCredential:unavailable",
      // 4.0's DefaultAzureCredential has no VisualStudioCodeCredential.
      ...(identityAtLeast("4.13") ? ["VisualStudioCodeCredential:unavailable"] : []),
      "AzureCliCredential:succeeded",
    ]);
    const success = events.find((e): e is TokenSuccessEvent => e.type === "token.success");
    expect(success?.succeededWith).toBe("AzureCliCredential");
    expect(success?.identity?.identityType).toBe("user");
  });

  it("no warning when the first member simply is not configured", async () => {
    developerSignedIn();
    await noManagedIdentity(lab);

    const { events } = await tokenWithEvents(new DefaultAzureCredential(chainOptions(lab)));

    expect(events.filter((e) => e.type === "token.warning")).toEqual([]);
    expect(events.find((e): e is TokenSuccessEvent => e.type === "token.success")?.succeededWith).toBe(
      "AzureCliCredential",
    );
  });
});
