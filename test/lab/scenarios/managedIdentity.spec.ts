/**
 * Managed identity: ManagedIdentityCredential and DefaultAzureCredential against the lab's IMDS, App Service, Azure
 * Arc and Cloud Shell endpoints. IMDS is reached either as AZURE_POD_IDENTITY_AUTHORITY_HOST or, to exercise
 * DefaultAzureCredential's probe of 169.254.169.254, through HTTP_PROXY pointing at the fake (still loopback only).
 */
import { afterAll, beforeAll, describe, expect } from "vitest";
import { DefaultAzureCredential, ManagedIdentityCredential } from "@azure/identity";
import {
  arcChallenge,
  closedPort,
  forgetManagedIdentityState,
  gatewayError,
  identityNotFound,
  probeOnlyThenHang,
  raw,
  serverError,
  startFakeManagedIdentity,
  type FakeManagedIdentity,
  type ManagedIdentityKind,
} from "../harness/fakeManagedIdentity.js";
import { LAB } from "../harness/tokens.js";
import { identityAtLeast } from "../harness/identityVersion.js";
import { useLab, type Lab } from "./lab.js";
import { defineScenarios } from "./scenario.js";

const lab = useLab();
const fakes = new Map<ManagedIdentityKind, FakeManagedIdentity>();

beforeAll(async () => {
  for (const kind of ["imds", "appService", "arc", "cloudShell"] as const)
    fakes.set(kind, await startFakeManagedIdentity({ kind }));
});
afterAll(async () => {
  await Promise.all([...fakes.values()].map((fake) => fake.close()));
});

/** Points identity at one fake (as its platform would) and sets its answer. */
function onHost(
  lab: Lab,
  kind: ManagedIdentityKind,
  reply: Parameters<FakeManagedIdentity["respond"]>[0],
  via: "env" | "proxy" = "env",
): FakeManagedIdentity {
  const fake = fakes.get(kind);
  if (!fake) throw new Error(`no ${kind} fake`);
  fake.reset();
  forgetManagedIdentityState();
  lab.env.set(via === "env" ? fake.env : fake.proxyEnv);
  fake.respond(reply);
  return fake;
}

const noRetries = { retryOptions: { maxRetries: 0 } };

describe("ManagedIdentityCredential", () => {
  defineScenarios(lab, [
    {
      name: "IMDS: the user-assigned identity is not attached (400 Identity not found)",
      arrange: (lab) => {
        onHost(lab, "imds", identityNotFound());
        return () => new ManagedIdentityCredential({ clientId: LAB.managedIdentityClientId, ...noRetries });
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "managed-identity-not-assigned",
        category: "managed-identity-unavailable",
        credentials: ["ManagedIdentityCredential"],
      },
    },
    {
      name: "IMDS: a gateway answers 502",
      arrange: (lab) => {
        onHost(lab, "imds", gatewayError(502));
        return () => new ManagedIdentityCredential(noRetries);
      },
      // Up to 4.13 msal-node calls the HTML page a network error ("Network unreachable"); 4.14 (msal-node 7) quotes
      // it: "Authentication failed. Message server_error: … Http status code: 502", an answer from the endpoint.
      // 4.0 throws AuthenticationError (which stops a chain) quoting "Status code: 502" and the page.
      expect: identityAtLeast("4.14")
        ? {
            errorName: "CredentialUnavailableError",
            topEntry: "managed-identity-endpoint-error",
            category: "managed-identity-unavailable",
            credentials: ["ManagedIdentityCredential"],
          }
        : identityAtLeast("4.13")
          ? {
              errorName: "CredentialUnavailableError",
              topEntry: "imds-no-response",
              category: "imds-unreachable",
              credentials: ["ManagedIdentityCredential"],
            }
          : {
              errorName: "AuthenticationError",
              topEntry: "imds-gateway-error",
              category: "imds-unreachable",
              credentials: ["ManagedIdentityCredential"],
            },
    },
    {
      name: "IMDS: endpoint unreachable",
      arrange: async (lab) => {
        forgetManagedIdentityState();
        lab.env.set({ AZURE_POD_IDENTITY_AUTHORITY_HOST: await closedPort() });
        return () => new ManagedIdentityCredential(noRetries);
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "imds-no-response",
        category: "imds-unreachable",
        credentials: ["ManagedIdentityCredential"],
      },
    },
    {
      name: "IMDS: 500 on every try until retries run out",
      arrange: (lab) => {
        onHost(lab, "imds", serverError());
        return () =>
          new ManagedIdentityCredential({
            retryOptions: { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 20 },
          });
      },
      expect: {
        // 4.0 throws AuthenticationError for an endpoint's HTTP error, which stops a chain instead of moving on.
        errorName: identityAtLeast("4.13") ? "CredentialUnavailableError" : "AuthenticationError",
        topEntry: "managed-identity-endpoint-error",
        category: "managed-identity-unavailable",
        credentials: ["ManagedIdentityCredential"],
      },
    },
    {
      // App Service says "Unable to load the proper Managed Identity.": the requested identity is not assigned.
      name: "App Service: 400, the identity is not assigned to the app",
      arrange: (lab) => {
        onHost(lab, "appService", identityNotFound());
        return () => new ManagedIdentityCredential(noRetries);
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "managed-identity-not-assigned",
        category: "managed-identity-unavailable",
        credentials: ["ManagedIdentityCredential"],
      },
    },
    {
      name: "App Service: 500",
      arrange: (lab) => {
        onHost(lab, "appService", serverError());
        return () => new ManagedIdentityCredential(noRetries);
      },
      expect: {
        // 4.0 throws AuthenticationError for an endpoint's HTTP error, which stops a chain instead of moving on.
        errorName: identityAtLeast("4.13") ? "CredentialUnavailableError" : "AuthenticationError",
        topEntry: "managed-identity-endpoint-error",
        category: "managed-identity-unavailable",
        credentials: ["ManagedIdentityCredential"],
      },
    },
    {
      name: "App Service: 500 from the platform's token service, with its own message",
      arrange: (lab) => {
        onHost(
          lab,
          "appService",
          raw(
            500,
            '{"statusCode":500,"message":"An unexpected error occured while fetching the AAD Token."}',
            {
              "content-type": "application/json",
            },
          ),
        );
        return () => new ManagedIdentityCredential(noRetries);
      },
      expect: {
        errorName: identityAtLeast("4.13") ? "CredentialUnavailableError" : "AuthenticationError",
        // identity 4.0 does not quote the platform's own message, so only the generic endpoint entry can lead.
        topEntry: identityAtLeast("4.13")
          ? "app-service-identity-endpoint-failed"
          : "managed-identity-endpoint-error",
        category: "managed-identity-unavailable",
        credentials: ["ManagedIdentityCredential"],
      },
    },
    {
      name: "Azure Arc: the agent's key file cannot be read",
      arrange: (lab) => {
        onHost(lab, "arc", arcChallenge("/var/opt/azcmagent/tokens/lab-missing.key"));
        return () => new ManagedIdentityCredential(noRetries);
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "azure-arc-managed-identity-failed",
        category: "managed-identity-unavailable",
        credentials: ["ManagedIdentityCredential"],
      },
    },
    {
      name: "Cloud Shell: 400 Identity not found",
      arrange: (lab) => {
        onHost(lab, "cloudShell", identityNotFound());
        return () => new ManagedIdentityCredential(noRetries);
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "managed-identity-not-assigned",
        category: "managed-identity-unavailable",
        credentials: ["ManagedIdentityCredential"],
      },
    },
  ]);
});

describe("DefaultAzureCredential and a managed identity endpoint", () => {
  defineScenarios(lab, [
    {
      name: "IMDS answers the probe but never the token: timeoutMs names ManagedIdentityCredential",
      timeoutMs: 1500,
      arrange: (lab) => {
        onHost(lab, "imds", probeOnlyThenHang(), "proxy");
        return () => new DefaultAzureCredential(noRetries);
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "credential-timed-out",
        category: "managed-identity-unavailable",
        credentials: ["ManagedIdentityCredential"],
      },
      then: (run) => {
        const attempt = run.diagnosis.attempts.find((a) => a.credential === "ManagedIdentityCredential");
        expect(attempt?.outcome).toBe("timed-out");
        expect(
          run.diagnosis.attempts.filter((a) => a.outcome === "skipped").map((a) => a.credential),
        ).toContain("AzureCliCredential");
        expect(run.events.find((e) => e.type === "token.warning")).toMatchObject({
          code: "timeout",
          member: "ManagedIdentityCredential",
        });
        expect((run.wrapped as Error).message).toContain(
          "ManagedIdentityCredential did not return a token within 1500 ms",
        );
      },
    },
  ]);
});
