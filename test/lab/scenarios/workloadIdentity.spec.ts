/**
 * Workload identity federation: WorkloadIdentityCredential reading a projected token file and exchanging it at the
 * lab's token service, which refuses it the ways Entra does.
 */
import { describe } from "vitest";
import { WorkloadIdentityCredential } from "@azure/identity";
import { stsError, type StsReply } from "../harness/fakeSts.js";
import { LAB } from "../harness/tokens.js";
import { identityAtLeast } from "../harness/identityVersion.js";
import { useLab, type Lab } from "./lab.js";
import {
  defineConstructorScenarios,
  defineScenarios,
  type FailureScenario,
  type ScenarioExpectation,
} from "./scenario.js";

const lab = useLab();

/** A workload configured as the AKS webhook does it: the three variables, a token file, the fake authority. */
async function workload(lab: Lab, reply: StsReply): Promise<() => WorkloadIdentityCredential> {
  const file = await lab.tokenFile();
  lab.env.set({
    AZURE_TENANT_ID: LAB.tenantId,
    AZURE_CLIENT_ID: LAB.clientId,
    AZURE_FEDERATED_TOKEN_FILE: file.path,
  });
  lab.sts.respond(reply);
  return () => new WorkloadIdentityCredential(lab.credentialOptions());
}

function refusal(
  name: string,
  code: Parameters<typeof stsError>[0],
  topEntry: string,
  category: FailureScenario["expect"]["category"],
): FailureScenario {
  return {
    name,
    arrange: (lab) => workload(lab, stsError(code)),
    expect: {
      errorName: "AuthenticationRequiredError",
      topEntry,
      category,
      credentials: ["WorkloadIdentityCredential"],
      // identity delegates to an inner ClientAssertionCredential; the bare error's stack names only that one.
      bareErrorNamesCredential: false,
      quotesTokenService: true,
    },
  };
}

const notConfigured: { name: string; expect: ScenarioExpectation } = {
  name: "not configured: no AZURE_* variables",
  expect: {
    errorName: "CredentialUnavailableError",
    topEntry: "workload-identity-not-configured",
    category: "not-configured",
    credentials: ["WorkloadIdentityCredential"],
  },
};

describe("WorkloadIdentityCredential", () => {
  // 4.13 refuses to build the credential; 4.0 builds it and refuses when asked for a token, with the same words.
  if (identityAtLeast("4.13")) {
    defineConstructorScenarios(lab, [
      { ...notConfigured, construct: () => new WorkloadIdentityCredential() },
    ]);
  } else {
    defineScenarios(lab, [{ ...notConfigured, arrange: () => () => new WorkloadIdentityCredential() }]);
  }

  defineScenarios(lab, [
    {
      name: "token file missing",
      arrange: (lab) => () =>
        new WorkloadIdentityCredential({
          ...lab.credentialOptions(),
          tenantId: LAB.tenantId,
          clientId: LAB.clientId,
          tokenFilePath: "/var/run/secrets/azure/tokens/lab-missing-token",
        }),
      expect: {
        // 4.0 lets the file system's ENOENT Error through unwrapped.
        errorName: identityAtLeast("4.13") ? "AuthenticationRequiredError" : "Error",
        topEntry: "workload-identity-token-file-unreadable",
        category: "not-configured",
        credentials: ["WorkloadIdentityCredential"],
        bareErrorNamesCredential: false,
      },
    },
    refusal(
      "no federated credential matches: AADSTS70021",
      70021,
      "aks-federated-credential-no-match",
      "federation-mismatch",
    ),
    refusal(
      "issuer matches no federated credential: AADSTS700211",
      700211,
      "federated-credential-issuer-no-match",
      "federation-mismatch",
    ),
    refusal(
      "subject matches no federated credential: AADSTS700213",
      700213,
      "aks-federated-credential-no-match",
      "federation-mismatch",
    ),
    refusal("projected token expired: AADSTS700024", 700024, "federated-assertion-expired", "token-expired"),
    refusal(
      "app has no federated credentials: AADSTS70025",
      70025,
      "federated-credentials-none-configured",
      "federation-mismatch",
    ),
    refusal(
      "federation disabled by tenant policy: AADSTS700223",
      700223,
      "ado-federation-disabled-in-tenant",
      "federation-disabled",
    ),
  ]);
});
