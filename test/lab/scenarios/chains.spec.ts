/**
 * Chains: DefaultAzureCredential and ChainedTokenCredential failing as a whole, with each member's attempt reported.
 * Managed identity is steered to a closed loopback port, so its probe fails at once and never leaves the machine.
 */
import { createServer } from "node:net";
import { describe, expect } from "vitest";
import { DefaultAzureCredential } from "@azure/identity";
import { stsError } from "../harness/fakeSts.js";
import { LAB } from "../harness/tokens.js";
import { SECRETS, useLab, type Lab } from "./lab.js";
import { defineScenarios } from "./scenario.js";

const lab = useLab();

/** A loopback URL nothing listens on. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return `http://127.0.0.1:${address.port}`;
}

/**
 * No managed identity here: its endpoint is a closed loopback port. With AZURE_POD_IDENTITY_AUTHORITY_HOST set,
 * identity skips its quick IMDS probe and MSAL retries with back-off (about 20 s), so chains get
 * `retryOptions: { maxRetries: 0 }` (see `chainOptions`).
 */
async function noManagedIdentity(lab: Lab): Promise<void> {
  lab.env.set({ AZURE_POD_IDENTITY_AUTHORITY_HOST: await closedPortUrl() });
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
        expect(
          run.diagnosis.attempts.find((a) => a.credential === "ManagedIdentityCredential")?.match?.id,
        ).toBe("imds-no-response");
        expect(run.diagnosis.attempts.find((a) => a.credential === "AzureCliCredential")?.match?.id).toBe(
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
        expect(run.diagnosis.matches.map((m) => m.id)).toContain("environment-credential-sign-in-failed");
      },
    },
  ]);
});
