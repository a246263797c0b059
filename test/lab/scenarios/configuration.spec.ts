/**
 * Configuration mistakes the credentials catch themselves (constructor checks, bad environment values, options
 * identity refuses) and the odder runtime failures: tool timeouts, claims challenges, a token service that answers
 * with something that is not JSON, chains whose members all step aside.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import type { TokenCredential } from "@azure/core-auth";
import {
  AzureCliCredential,
  AzurePipelinesCredential,
  AzurePowerShellCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  DeviceCodeCredential,
  ManagedIdentityCredential,
  VisualStudioCodeCredential,
  getBearerTokenProvider,
} from "@azure/identity";
import { explainAuthError } from "azure-identity-diagnostics";
import {
  createFakeTools,
  hangBehaviour,
  azBehaviour,
  rawBehaviour,
  type FakeTools,
} from "../harness/fakeTools.js";
import { PIPELINES } from "../harness/fakePipelines.js";
import { stsError, stsRaw } from "../harness/fakeSts.js";
import { LAB } from "../harness/tokens.js";
import { expectLeadingEntry } from "../harness/producedEntries.js";
import { identityAtLeast, identityStacksNameCredentials, skipBefore } from "../harness/identityVersion.js";
import { SECRETS, useLab, type Lab } from "./lab.js";
import { ARM_SCOPE, defineConstructorScenarios, defineScenarios } from "./scenario.js";

const lab = useLab();

async function withTools(lab: Lab, prepare: (tools: FakeTools) => void): Promise<FakeTools> {
  const tools = await createFakeTools();
  lab.env.usePath(tools.bin);
  prepare(tools);
  cleanups.push(() => tools.cleanup());
  return tools;
}
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe("constructor checks", () => {
  defineConstructorScenarios(lab, [
    {
      name: "ClientSecretCredential without a secret",
      construct: (lab) => new ClientSecretCredential(LAB.tenantId, LAB.clientId, "", lab.credentialOptions()),
      expect: {
        // 4.0 throws a plain Error with the same text.
        errorName: identityAtLeast("4.13") ? "CredentialUnavailableError" : "Error",
        topEntry: "credential-required-parameter-missing",
        category: "not-configured",
        credentials: ["ClientSecretCredential"],
      },
    },
    {
      name: "ClientCertificateCredential given neither a PEM nor a path",
      construct: (lab) =>
        new ClientCertificateCredential(
          LAB.tenantId,
          LAB.clientId,
          {} as { certificatePath: string },
          lab.credentialOptions(),
        ),
      expect: {
        errorName: "Error",
        topEntry: "certificate-argument-invalid",
        category: "not-configured",
        credentials: ["ClientCertificateCredential"],
      },
    },
    {
      name: "a tenant id with characters no tenant can have",
      construct: (lab) =>
        new ClientSecretCredential(
          "contoso tenant!",
          LAB.clientId,
          SECRETS.clientSecret,
          lab.credentialOptions(),
        ),
      expect: {
        errorName: "Error",
        topEntry: "tenant-id-malformed",
        category: "tenant-invalid",
        credentials: [],
      },
    },
    {
      name: "an http:// authority host",
      construct: () =>
        new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.clientSecret, {
          authorityHost: "http://127.0.0.1:9",
        }),
      expect: {
        errorName: "Error",
        topEntry: "authority-host-not-https",
        category: "not-configured",
        credentials: [],
      },
    },
    {
      name: "AZURE_TOKEN_CREDENTIALS with a value DefaultAzureCredential does not know",
      skip: skipBefore("4.13", "ignores AZURE_TOKEN_CREDENTIALS"),
      construct: (lab) => {
        lab.env.set({ AZURE_TOKEN_CREDENTIALS: "production" });
        return new DefaultAzureCredential();
      },
      expect: {
        errorName: "Error",
        topEntry: "token-credentials-value-invalid",
        category: "not-configured",
        credentials: [],
      },
      then: (diagnosis) => {
        // The message lists every valid credential name; none of them was involved.
        expect(diagnosis.credentials).toEqual([]);
      },
    },
    {
      name: "DefaultAzureCredential told to require a variable that is not set",
      skip: skipBefore("4.13", "has no requiredEnvVars option"),
      construct: () => new DefaultAzureCredential({ requiredEnvVars: ["AZURE_CLIENT_ID"] }),
      expect: {
        errorName: "Error",
        topEntry: "required-env-vars-missing",
        category: "not-configured",
        credentials: [],
      },
    },
    {
      name: "ManagedIdentityCredential given both a client id and a resource id",
      construct: () =>
        new ManagedIdentityCredential({
          clientId: LAB.managedIdentityClientId,
          resourceId:
            "/subscriptions/00000000-0000-4000-8000-000000000000/resourcegroups/lab-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/lab-identity",
        } as never),
      expect: {
        errorName: "Error",
        topEntry: "managed-identity-id-options-conflict",
        category: "not-configured",
        credentials: ["ManagedIdentityCredential"],
      },
    },
    {
      name: "a user-assigned identity asked for in Cloud Shell",
      skip: skipBefore("4.13", "does not refuse it: it sends the request to the Cloud Shell endpoint"),
      construct: (lab) => {
        lab.env.set({ MSI_ENDPOINT: "http://127.0.0.1:9/oauth2/token" });
        return new ManagedIdentityCredential({ clientId: LAB.managedIdentityClientId });
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "managed-identity-host-rejects-user-assigned",
        category: "not-configured",
        credentials: ["ManagedIdentityCredential"],
      },
    },
    {
      name: "AzureCliCredential given a subscription name with unsafe characters",
      skip: skipBefore("4.13", "has no subscription option"),
      construct: () => new AzureCliCredential({ subscription: "Lab Dev & Test" }),
      expect: {
        errorName: "Error",
        topEntry: "azure-cli-subscription-invalid-characters",
        category: "not-configured",
        credentials: [],
      },
    },
    {
      name: "AzurePipelinesCredential without its service connection id",
      skip: skipBefore("4.13", "has no AzurePipelinesCredential"),
      construct: (lab) => {
        lab.env.set({ SYSTEM_OIDCREQUESTURI: lab.pipelines.oidcRequestUri });
        return new AzurePipelinesCredential(
          LAB.tenantId,
          LAB.clientId,
          "",
          SECRETS.systemAccessToken,
          lab.credentialOptions(),
        );
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "pipelines-required-parameter-missing",
        category: "not-configured",
        credentials: ["AzurePipelinesCredential"],
      },
    },
    {
      name: "VisualStudioCodeCredential for an ADFS tenant",
      construct: () => new VisualStudioCodeCredential({ tenantId: "adfs" }),
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "vscode-adfs-not-supported",
        category: "tenant-invalid",
        credentials: ["VisualStudioCodeCredential"],
      },
    },
  ]);
});

describe("runtime failures", () => {
  defineScenarios(lab, [
    {
      name: "ManagedIdentityCredential asked for two scopes at once",
      scopes: [ARM_SCOPE, "https://vault.azure.net/.default"],
      arrange: () => () => new ManagedIdentityCredential(),
      // 4.0 says only "No MSI credential available" (every endpoint declines two scopes, at info level in its log):
      // nothing in the error mentions scopes, so the diagnosis can only report that no endpoint took the request.
      expect: identityAtLeast("4.13")
        ? {
            errorName: "CredentialUnavailableError",
            topEntry: "managed-identity-multiple-scopes",
            category: "not-configured",
            credentials: ["ManagedIdentityCredential"],
          }
        : {
            errorName: "CredentialUnavailableError",
            topEntry: "imds-not-available",
            category: "imds-unreachable",
            credentials: ["ManagedIdentityCredential"],
          },
    },
    {
      name: "AZURE_TOKEN_CREDENTIALS selects WorkloadIdentityCredential, which is not configured",
      skip: skipBefore("4.13", "ignores AZURE_TOKEN_CREDENTIALS"),
      arrange: (lab) => {
        lab.env.set({ AZURE_TOKEN_CREDENTIALS: "WorkloadIdentityCredential" });
        return () => new DefaultAzureCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "all-chain-sources-skipped",
        category: "not-configured",
        credentials: [],
      },
    },
    {
      name: "the token service answers 200 with a body that is not JSON",
      arrange: (lab) => {
        lab.sts.respond(
          stsRaw(200, "<html><body>Proxy login required</body></html>", { "content-type": "text/html" }),
        );
        return () =>
          new ClientSecretCredential(
            LAB.tenantId,
            LAB.clientId,
            SECRETS.clientSecret,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "sts-network-error",
        category: "network",
        credentials: ["ClientSecretCredential"],
      },
    },
    {
      name: "AzurePipelinesCredential with an http:// OIDC request URL",
      skip: skipBefore("4.13", "has no AzurePipelinesCredential"),
      arrange: (lab) => {
        lab.env.set({ SYSTEM_OIDCREQUESTURI: lab.pipelines.oidcRequestUri.replace("https://", "http://") });
        return () =>
          new AzurePipelinesCredential(
            LAB.tenantId,
            LAB.clientId,
            PIPELINES.serviceConnectionId,
            SECRETS.systemAccessToken,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "pipelines-insecure-oidc-url",
        category: "not-configured",
        credentials: ["AzurePipelinesCredential"],
        bareErrorNamesCredential: false,
      },
    },
    {
      name: "AzurePipelinesCredential: the service connection id is unknown to Azure DevOps",
      skip: skipBefore("4.13", "has no AzurePipelinesCredential"),
      arrange: (lab) => {
        lab.env.set({ SYSTEM_OIDCREQUESTURI: lab.pipelines.oidcRequestUri });
        lab.pipelines.respond({
          kind: "raw",
          status: 404,
          headers: { "content-type": "application/json; charset=utf-8" },
          body: JSON.stringify({
            $id: "1",
            innerException: null,
            message: `No service connection found with identifier ${PIPELINES.serviceConnectionId}.`,
            typeName:
              "Microsoft.TeamFoundation.DistributedTask.WebApi.ServiceEndpointNotFoundException, Microsoft.TeamFoundation.DistributedTask.WebApi",
            typeKey: "ServiceEndpointNotFoundException",
            errorCode: 0,
            eventId: 3000,
          }),
        });
        return () =>
          new AzurePipelinesCredential(
            LAB.tenantId,
            LAB.clientId,
            PIPELINES.serviceConnectionId,
            SECRETS.systemAccessToken,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationError",
        topEntry: "pipelines-service-connection-not-found",
        category: "not-configured",
        credentials: ["AzurePipelinesCredential"],
      },
    },
    {
      name: "AzurePipelinesCredential: the client id is not the connection's identity (AADSTS700016)",
      skip: skipBefore("4.13", "has no AzurePipelinesCredential"),
      arrange: (lab) => {
        lab.env.set({ SYSTEM_OIDCREQUESTURI: lab.pipelines.oidcRequestUri });
        lab.sts.respond(stsError(700016));
        return () =>
          new AzurePipelinesCredential(
            LAB.tenantId,
            LAB.clientId,
            PIPELINES.serviceConnectionId,
            SECRETS.systemAccessToken,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "pipelines-app-not-found",
        category: "app-not-found",
        credentials: ["AzurePipelinesCredential"],
        quotesTokenService: true,
        bareTopEntry: "app-not-found-in-tenant",
      },
    },
    {
      name: "az hangs until processTimeoutInMs",
      arrange: async (lab) => {
        await withTools(lab, (tools) => {
          tools.az(hangBehaviour({ seconds: 5 }));
        });
        return () => new AzureCliCredential({ processTimeoutInMs: 300 });
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "azure-cli-process-timeout",
        category: "tool-missing",
        credentials: ["AzureCliCredential"],
        // identity 4.0's bare error is only "Unexpected end of JSON input", with no credential in its stack.
        ...(identityStacksNameCredentials() ? {} : { bareTopEntry: null }),
      },
    },
    {
      name: "a claims challenge passed to AzureCliCredential",
      skip: skipBefore("4.13", "ignores claims and returns a token"),
      getTokenOptions: { claims: '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}' },
      arrange: async (lab) => {
        await withTools(lab, (tools) => {
          tools.az(azBehaviour.token());
        });
        return () => new AzureCliCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "developer-tool-claims-challenge",
        category: "conditional-access-mfa",
        credentials: ["AzureCliCredential"],
      },
    },
    {
      name: "pwsh prints a warning and no token",
      arrange: async (lab) => {
        await withTools(lab, (tools) => {
          tools.pwsh(
            rawBehaviour({
              stdout: "WARNING: Upcoming breaking changes in the cmdlet 'Get-AzAccessToken'\n",
              exitCode: 0,
            }),
          );
        });
        return () => new AzurePowerShellCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "powershell-unexpected-output",
        category: "tool-missing",
        credentials: ["AzurePowerShellCredential"],
        bareErrorNamesCredential: false,
      },
    },
    {
      name: "VisualStudioCodeCredential without the VS Code plugin",
      arrange: () => () => new VisualStudioCodeCredential(),
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "vscode-credential-not-available",
        category: "not-logged-in",
        credentials: ["VisualStudioCodeCredential"],
      },
    },
    {
      name: "DeviceCodeCredential with automatic authentication disabled",
      arrange: (lab) => () =>
        new DeviceCodeCredential({
          ...lab.credentialOptions(),
          tenantId: LAB.tenantId,
          clientId: LAB.clientId,
          disableAutomaticAuthentication: true,
        }),
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "automatic-authentication-disabled",
        category: "not-logged-in",
        credentials: ["DeviceCodeCredential"],
        bareErrorNamesCredential: false,
      },
    },
  ]);
});

describe("outside credentials", () => {
  it.skipIf(!identityAtLeast("4.13"))(
    "getBearerTokenProvider over a credential that returns no token",
    async () => {
      const empty: TokenCredential = { getToken: () => Promise.resolve(null) };
      const provider = getBearerTokenProvider(empty, ARM_SCOPE);
      const error = await provider().then(
        () => undefined,
        (e: unknown) => e,
      );
      expectLeadingEntry(explainAuthError(error).matches[0]?.id, "bearer-token-provider-refresh-failed");
    },
  );

  it("an AZURE_LOG_LEVEL value @azure/logger does not know", () => {
    const logger = createRequire(import.meta.url).resolve("@azure/logger");
    const run = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(logger)})`], {
      env: { PATH: "", AZURE_LOG_LEVEL: "debug" },
      encoding: "utf8",
    });
    expect(run.stderr).toContain("AZURE_LOG_LEVEL");
    expectLeadingEntry(explainAuthError(run.stderr).matches[0]?.id, "logging-level-invalid");
  });
});
