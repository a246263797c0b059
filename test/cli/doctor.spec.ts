/**
 * `doctor` without --live, end to end through `run()`: machines configured as App Service, AKS workload identity, a
 * developer laptop and nothing at all, then one broken setting at a time. The environment, PATH and the files
 * are real (temp files, the lab's fakes); the machine facts are injected so no answer depends on this host.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DefaultAzureCredential } from "@azure/identity";
import { credentialName } from "../../src/chainMembers.js";
import { createDoctorCommand, type DoctorCommandDependencies } from "../../src/cli/commands/doctor.js";
import { run } from "../../src/cli/run.js";
import { lookupKnowledge } from "../../src/knowledge/index.js";
import { inspectMachine } from "../../src/node/doctor/inspectMachine.js";
import type { DoctorReport } from "../../src/node/doctor/types.js";
import { isolateEnv } from "../lab/harness/env.js";
import { createFakeTools, type FakeTools } from "../lab/harness/fakeTools.js";
import { forgetManagedIdentityState, startFakeManagedIdentity } from "../lab/harness/fakeManagedIdentity.js";
import { writeFederatedTokenFile } from "../lab/harness/federatedTokenFile.js";
import { clientCertificates } from "../lab/harness/tls.js";
import { LAB } from "../lab/harness/tokens.js";
import { fakeIo } from "./fakeIo.js";

/** Not an Azure VM, no Arc agent, no identity plugins. */
const PLAIN_MACHINE = {
  azureVm: false,
  arcAgentInstalled: false,
  vscodePluginInstalled: false,
  brokerPluginInstalled: false,
};

async function doctor(
  env: Record<string, string | undefined>,
  args: readonly string[] = [],
  dependencies: DoctorCommandDependencies = {},
): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo({ env });
  const code = await run(["doctor", ...args], io, [
    createDoctorCommand({ machine: PLAIN_MACHINE, ...dependencies }),
  ]);
  return { code, out: io.out(), err: io.err() };
}

async function doctorJson(
  env: Record<string, string | undefined>,
  dependencies: DoctorCommandDependencies = {},
): Promise<{ code: number; report: DoctorReport; raw: string }> {
  const result = await doctor(env, ["--json"], dependencies);
  return { code: result.code, report: JSON.parse(result.out) as DoctorReport, raw: result.out };
}

const member = (report: DoctorReport, name: string): DoctorReport["chain"][number] => {
  const found = report.chain.find((m) => m.credential === name);
  if (!found) throw new Error(`no member ${name}`);
  return found;
};
const ids = (report: DoctorReport): string[] => report.findings.map((f) => f.id);
const finding = (report: DoctorReport, id: string): DoctorReport["findings"][number] | undefined =>
  report.findings.find((f) => f.id === id);

const SERVICE_PRINCIPAL = { AZURE_TENANT_ID: LAB.tenantId, AZURE_CLIENT_ID: LAB.clientId };
const SECRET_VALUE = "Xy8Q~lab-secret-value-that-must-never-print.0123";

const dir = mkdtempSync(join(tmpdir(), "cli-doctor-"));
let tools: FakeTools;
beforeAll(async () => {
  tools = await createFakeTools();
});
afterAll(async () => {
  await tools.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("doctor: machines as they are configured", () => {
  it("App Service: ManagedIdentityCredential asks the App Service endpoint; the identity header never prints", async () => {
    const fake = await startFakeManagedIdentity({ kind: "appService" });
    try {
      const env = { ...fake.env, PATH: "" };
      const text = await doctor(env);
      expect(text.code).toBe(0);
      expect(text.out).toContain("App Service");
      expect(text.out).toContain(fake.url);
      expect(text.out).toContain("ManagedIdentityCredential would answer first");
      expect(text.out).not.toContain(fake.env.IDENTITY_HEADER);

      const { report, raw } = await doctorJson(env);
      expect(report.managedIdentity).toMatchObject({
        source: "AppService",
        endpoint: fake.url,
        probe: false,
        userAssignedClientId: null,
      });
      expect(report.managedIdentity.decidedBy).toEqual(["IDENTITY_ENDPOINT", "IDENTITY_HEADER"]);
      expect(report.prediction).toMatchObject({
        verdict: "works",
        firstResponder: "ManagedIdentityCredential",
      });
      expect(member(report, "EnvironmentCredential").prediction).toBe("unavailable");
      expect(member(report, "WorkloadIdentityCredential").prediction).toBe("dropped");
      expect(report.variables.find((v) => v.name === "IDENTITY_HEADER")).toMatchObject({
        kind: "secret",
        shown: "set (hidden)",
      });
      expect(raw).not.toContain(fake.env.IDENTITY_HEADER);
    } finally {
      await fake.close();
    }
  });

  it("AKS workload identity: the token file is decoded (issuer, subject, audience, expiry), the token never prints", async () => {
    const file = await writeFederatedTokenFile({
      claims: { subject: "system:serviceaccount:shop:checkout" },
    });
    try {
      const env = {
        ...SERVICE_PRINCIPAL,
        AZURE_CLIENT_ID: LAB.managedIdentityClientId,
        AZURE_FEDERATED_TOKEN_FILE: file.path,
        AZURE_AUTHORITY_HOST: "https://login.microsoftonline.com/",
      };
      const text = await doctor(env);
      expect(text.code).toBe(0);
      expect(text.out).toContain("WorkloadIdentityCredential would answer first");
      expect(text.out).toContain("system:serviceaccount:shop:checkout");
      expect(text.out).toContain("https://oidc.lab.localhost/issuer");

      const { report, raw } = await doctorJson(env);
      expect(report.federatedToken).toMatchObject({
        path: file.path,
        file: "read",
        decodes: true,
        issuer: "https://oidc.lab.localhost/issuer",
        subject: "system:serviceaccount:shop:checkout",
        audiences: ["api://AzureADTokenExchange"],
        expired: false,
      });
      expect(report.managedIdentity.source).toBe("TokenExchange");
      expect(member(report, "WorkloadIdentityCredential").prediction).toBe("tries");
      const [, payload, signature] = file.content.split(".");
      for (const output of [text.out, raw]) {
        expect(output).not.toContain(file.content);
        expect(output).not.toContain(signature);
        expect(output).not.toContain(payload);
      }
    } finally {
      await file.cleanup();
    }
  });

  it("a developer laptop with az on PATH: AzureCliCredential may answer; az is found, not run", async () => {
    const env = { PATH: tools.bin };
    const before = tools.calls("az").length;
    const { code, report } = await doctorJson(env);
    expect(code).toBe(0);
    expect(report.developerTools.find((t) => t.name === "az")?.path).toBe(join(tools.bin, "az"));
    expect(member(report, "ManagedIdentityCredential").prediction).toBe("unavailable");
    expect(member(report, "AzureCliCredential")).toMatchObject({ prediction: "maybe", likely: true });
    expect(report.prediction).toMatchObject({ verdict: "works", firstResponder: "AzureCliCredential" });
    expect(report.prediction.nextStep).toContain("--live");
    expect(tools.calls("az").length).toBe(before);
  });

  it("reads az's profile: no account means 'run az login', an account means signed in", async () => {
    const home = join(dir, "home");
    mkdirSync(join(home, ".azure"), { recursive: true });
    // Only az on PATH (a stub: doctor never runs it), so azd and pwsh cannot answer instead.
    const onlyAz = join(dir, "only-az");
    mkdirSync(onlyAz);
    writeFileSync(join(onlyAz, "az"), "#!/bin/sh\nexit 3\n", { mode: 0o755 });
    writeFileSync(join(onlyAz, "azd"), "not executable\n", { mode: 0o644 });
    const signedOut = await doctorJson({ PATH: onlyAz, HOME: home });
    expect(signedOut.report.developerTools.map((t) => t.path !== null)).toEqual([true, false, false]);
    expect(signedOut.code).toBe(1);
    expect(member(signedOut.report, "AzureCliCredential").prediction).toBe("unavailable");
    expect(signedOut.report.prediction.nextStep).toBe("Run az login (AzureCliCredential then answers).");

    // az writes its profile with a byte-order mark.
    writeFileSync(
      join(home, ".azure", "azureProfile.json"),
      `\uFEFF${JSON.stringify({ installationId: "x", subscriptions: [{ id: "s" }] })}`,
    );
    const signedIn = await doctorJson({ PATH: onlyAz, HOME: home });
    expect(signedIn.code).toBe(0);
    expect(signedIn.report.developerTools.find((t) => t.name === "az")?.signedIn).toBe(true);
  });

  it("nothing at all (isolateEnv): no member is expected to answer, exit 1, with the setup to do", async () => {
    const isolated = isolateEnv();
    try {
      const env = { ...process.env };
      const text = await doctor(env);
      expect(text.code).toBe(1);
      expect(text.out).toContain("None of the variables identity reads are set.");
      const { report } = await doctorJson(env);
      expect(report.prediction).toMatchObject({ verdict: "fails", firstResponder: null });
      expect(report.prediction.nextStep).toContain("az login");
      expect(report.chain.every((m) => m.prediction !== "tries" && m.prediction !== "maybe")).toBe(true);
      // Unknown whether this is an Azure VM: IMDS is a possibility, not a prediction.
      const unknown = await doctorJson(env, { machine: { ...PLAIN_MACHINE, azureVm: null } });
      expect(unknown.code).toBe(1);
      expect(member(unknown.report, "ManagedIdentityCredential")).toMatchObject({
        prediction: "maybe",
        likely: false,
      });
      expect(unknown.report.prediction.summary).toContain("unless ManagedIdentityCredential answers");
    } finally {
      isolated.restore();
    }
  });
});

describe("doctor: one broken setting at a time", () => {
  it("an invalid AZURE_TOKEN_CREDENTIALS: the constructor would throw; the closest valid value is suggested", async () => {
    const { code, report } = await doctorJson({ AZURE_TOKEN_CREDENTIALS: "azurecli", PATH: tools.bin });
    expect(code).toBe(1);
    expect(report.tokenCredentials).toMatchObject({ valid: false, suggestion: "AzureCliCredential" });
    expect(finding(report, "token-credentials-invalid")?.action).toContain(
      "AZURE_TOKEN_CREDENTIALS=AzureCliCredential",
    );
    expect(report.chain.every((m) => m.prediction === "excluded")).toBe(true);
    expect(report.prediction.verdict).toBe("fails");
  });

  it("AZURE_TOKEN_CREDENTIALS is trimmed and case-insensitive, and leaves members out", async () => {
    const dev = await doctorJson({ AZURE_TOKEN_CREDENTIALS: "  Dev ", PATH: tools.bin });
    expect(dev.code).toBe(0);
    expect(dev.report.tokenCredentials).toMatchObject({ valid: true, selection: "dev" });
    expect(member(dev.report, "EnvironmentCredential").prediction).toBe("excluded");
    const one = await doctorJson({ AZURE_TOKEN_CREDENTIALS: "azureclicredential", PATH: tools.bin });
    expect(one.report.chain.filter((m) => m.prediction !== "excluded").map((m) => m.credential)).toEqual([
      "AzureCliCredential",
    ]);
  });

  it("an http authority host drops the members that talk to Microsoft Entra ID", async () => {
    const { code, report } = await doctorJson({
      ...SERVICE_PRINCIPAL,
      AZURE_CLIENT_SECRET: SECRET_VALUE,
      AZURE_AUTHORITY_HOST: "http://login.microsoftonline.com",
    });
    expect(code).toBe(1);
    expect(finding(report, "authority-host-not-https")).toMatchObject({
      severity: "problem",
      knowledgeId: "authority-host-not-https",
    });
    expect(report.authorityHost.https).toBe(false);
    expect(member(report, "EnvironmentCredential").prediction).toBe("dropped");
    expect(member(report, "ManagedIdentityCredential").prediction).toBe("dropped");
  });

  it("a proxy that catches IMDS: a problem on an Azure VM, a warning elsewhere; NO_PROXY with the exact host fixes it", async () => {
    const proxy = { HTTP_PROXY: "http://user:proxy-password@127.0.0.1:3128" };
    const vm = await doctorJson(proxy, { machine: { ...PLAIN_MACHINE, azureVm: true } });
    expect(vm.code).toBe(1);
    expect(vm.report.proxy).toMatchObject({
      variable: "HTTP_PROXY",
      proxy: "http://127.0.0.1:3128",
      managedIdentityHost: "169.254.169.254",
      catchesManagedIdentity: true,
    });
    expect(finding(vm.report, "proxy-catches-managed-identity")?.severity).toBe("problem");
    expect(member(vm.report, "ManagedIdentityCredential")).toMatchObject({
      prediction: "fails",
      stopsChain: false,
    });
    expect(vm.raw).not.toContain("proxy-password");

    const laptop = await doctorJson(proxy);
    expect(finding(laptop.report, "proxy-catches-managed-identity")?.severity).toBe("warning");

    // Identity matches NO_PROXY entries exactly or as '.suffix': '*' and CIDR ranges do not count.
    const wildcard = await doctorJson(
      { ...proxy, no_proxy: "*,169.254.0.0/16" },
      { machine: { ...PLAIN_MACHINE, azureVm: true } },
    );
    expect(wildcard.report.proxy.catchesManagedIdentity).toBe(true);
    expect(finding(wildcard.report, "proxy-catches-managed-identity")?.action).toContain(
      "identity ignores '*'",
    );

    const fixed = await doctorJson(
      { ...proxy, NO_PROXY: "localhost, 169.254.169.254" },
      { machine: { ...PLAIN_MACHINE, azureVm: true } },
    );
    expect(fixed.code).toBe(0);
    expect(fixed.report.proxy.catchesManagedIdentity).toBe(false);
    expect(member(fixed.report, "ManagedIdentityCredential").prediction).toBe("tries");
  });

  it("a proxy that is not a URL drops ManagedIdentityCredential", async () => {
    const { code, report } = await doctorJson({ HTTPS_PROXY: "10.0.0.1:3128", PATH: tools.bin });
    expect(code).toBe(1);
    expect(finding(report, "proxy-not-a-url")?.severity).toBe("problem");
    expect(member(report, "ManagedIdentityCredential").prediction).toBe("dropped");
  });

  it("a client secret shaped like a GUID is the secret's ID: EnvironmentCredential would fail and stop the chain", async () => {
    const secretId = "0b1ec7a1-0000-4000-8000-1ab1ab1ab1ab";
    const env = { ...SERVICE_PRINCIPAL, AZURE_CLIENT_SECRET: secretId, PATH: tools.bin };
    const text = await doctor(env);
    expect(text.code).toBe(1);
    expect(text.out).toContain("secret's ID, not its value");
    expect(text.out).not.toContain(secretId);
    const { report, raw } = await doctorJson(env);
    expect(finding(report, "client-secret-looks-like-id")).toMatchObject({
      severity: "problem",
      knowledgeId: "client-secret-invalid",
    });
    expect(report.prediction).toMatchObject({ verdict: "fails", firstResponder: "EnvironmentCredential" });
    expect(member(report, "AzureCliCredential").prediction).toBe("maybe");
    expect(raw).not.toContain(secretId);
  });

  it("a good secret: EnvironmentCredential will try; ids are shown partly and the secret never", async () => {
    const env = {
      ...SERVICE_PRINCIPAL,
      AZURE_CLIENT_SECRET: SECRET_VALUE,
      AZURE_CLIENT_CERTIFICATE_PATH: clientCertificates.pem,
    };
    const text = await doctor(env);
    expect(text.code).toBe(0);
    expect(text.out).toContain("1111…5555");
    expect(text.out).not.toContain(LAB.tenantId);
    expect(text.out).not.toContain(SECRET_VALUE);
    const { report, raw } = await doctorJson(env);
    expect(report.environmentCredential).toEqual({
      mode: "client-secret",
      missing: [],
      ignored: ["AZURE_CLIENT_CERTIFICATE_PATH"],
    });
    expect(ids(report)).toContain("environment-credential-ignores");
    expect(report.prediction.firstResponder).toBe("EnvironmentCredential");
    expect(raw).not.toContain(SECRET_VALUE);
  });

  it("an incomplete combination says which variable is missing", async () => {
    const { report } = await doctorJson({ AZURE_CLIENT_ID: LAB.clientId, AZURE_CLIENT_SECRET: SECRET_VALUE });
    expect(report.environmentCredential).toEqual({ mode: null, missing: ["AZURE_TENANT_ID"], ignored: [] });
    expect(finding(report, "environment-credential-incomplete")?.message).toContain(
      "AZURE_TENANT_ID is missing",
    );
  });

  it("certificate files: key missing, encrypted key without or with a wrong password, the right password, not PEM, missing", async () => {
    const check = async (path: string, password?: string) =>
      doctorJson({
        ...SERVICE_PRINCIPAL,
        AZURE_CLIENT_CERTIFICATE_PATH: path,
        ...(password === undefined ? {} : { AZURE_CLIENT_CERTIFICATE_PASSWORD: password }),
      });
    // The lab's certificate without its key (client.pem is client.crt followed by client.key).
    const certOnly = join(dirname(clientCertificates.pem), "client.crt");

    const noKey = await check(certOnly);
    expect(noKey.code).toBe(1);
    expect(noKey.report.certificate).toMatchObject({
      file: "read",
      format: "pem",
      certificates: 1,
      privateKey: "none",
    });
    expect(ids(noKey.report)).toContain("certificate-without-key");
    expect(member(noKey.report, "EnvironmentCredential")).toMatchObject({
      prediction: "fails",
      stopsChain: true,
    });

    const noPassword = await check(clientCertificates.encryptedPem);
    expect(noPassword.code).toBe(1);
    expect(noPassword.report.certificate).toMatchObject({
      privateKey: "encrypted",
      passwordGiven: false,
      keyReadable: false,
    });
    expect(ids(noPassword.report)).toContain("certificate-key-needs-password");

    const wrong = await check(clientCertificates.encryptedPem, "not-the-password");
    expect(ids(wrong.report)).toContain("certificate-password-wrong");
    expect(wrong.raw).not.toContain("not-the-password");

    const right = await check(clientCertificates.encryptedPem, clientCertificates.encryptedPassword);
    expect(right.code).toBe(0);
    expect(right.report.certificate).toMatchObject({
      keyReadable: true,
      keyMatchesCertificate: true,
      expired: false,
    });
    expect(right.report.certificate?.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(right.raw).not.toContain(clientCertificates.encryptedPassword);

    const notPem = await check(clientCertificates.notPem);
    expect(ids(notPem.report)).toContain("certificate-file-not-pem");
    const missing = await check(clientCertificates.missing);
    expect(missing.report.certificate?.file).toBe("missing");
    expect(ids(missing.report)).toContain("certificate-file-missing");
  });

  it("an expired federated token: a problem, and both members that would send it fail quietly", async () => {
    const file = await writeFederatedTokenFile({ claims: { lifetimeSeconds: -600 } });
    try {
      const env = { ...SERVICE_PRINCIPAL, AZURE_FEDERATED_TOKEN_FILE: file.path };
      const text = await doctor(env);
      expect(text.code).toBe(1);
      expect(text.out).not.toContain(file.content);
      const { report } = await doctorJson(env);
      expect(report.federatedToken?.expired).toBe(true);
      expect(finding(report, "federated-token-expired")).toMatchObject({
        severity: "problem",
        knowledgeId: "federated-assertion-expired",
      });
      expect(member(report, "WorkloadIdentityCredential")).toMatchObject({
        prediction: "fails",
        stopsChain: false,
      });
      expect(member(report, "ManagedIdentityCredential")).toMatchObject({
        prediction: "fails",
        stopsChain: false,
      });
      expect(report.prediction.verdict).toBe("fails");
    } finally {
      await file.cleanup();
    }
  });

  it("a token file that is not a JWT, or has another audience", async () => {
    const garbage = await writeFederatedTokenFile({ content: "not a token at all" });
    const audience = await writeFederatedTokenFile({ claims: { audience: "api://something-else" } });
    try {
      const base = { ...SERVICE_PRINCIPAL };
      expect(ids((await doctorJson({ ...base, AZURE_FEDERATED_TOKEN_FILE: garbage.path })).report)).toContain(
        "federated-token-not-jwt",
      );
      expect(
        ids((await doctorJson({ ...base, AZURE_FEDERATED_TOKEN_FILE: audience.path })).report),
      ).toContain("federated-token-audience");
    } finally {
      await garbage.cleanup();
      await audience.cleanup();
    }
  });

  it("a malformed tenant id, quoted values and Cloud Shell with AZURE_CLIENT_ID", async () => {
    const tenant = await doctorJson({
      AZURE_TENANT_ID: "contoso tenant",
      AZURE_CLIENT_ID: `"${LAB.clientId}"`,
      AZURE_CLIENT_SECRET: SECRET_VALUE,
    });
    expect(ids(tenant.report)).toEqual(
      expect.arrayContaining(["tenant-id-malformed", "value-has-spaces-or-quotes"]),
    );
    expect(member(tenant.report, "EnvironmentCredential").prediction).toBe("dropped");

    const cloudShell = await doctorJson({
      MSI_ENDPOINT: "http://localhost:50342/oauth2/token",
      AZURE_CLIENT_ID: LAB.clientId,
    });
    expect(cloudShell.report.managedIdentity.source).toBe("CloudShell");
    expect(member(cloudShell.report, "ManagedIdentityCredential").prediction).toBe("dropped");
  });

  it("rejects arguments, a bad --timeout, and --timeout without --live (exit 2, nothing on stdout)", async () => {
    for (const args of [
      ["extra"],
      ["--live", "--timeout", "soon"],
      ["--timeout", "100"],
      ["--live", "--scope", "a b"],
    ]) {
      const result = await doctor({}, args);
      expect(result.code).toBe(2);
      expect(result.out).toBe("");
    }
  });

  it("every knowledge id a finding names exists", async () => {
    const reports = [
      (
        await doctorJson({
          AZURE_TOKEN_CREDENTIALS: "nope",
          AZURE_AUTHORITY_HOST: "http://x",
          AZURE_TENANT_ID: "a b",
          AZURE_CLIENT_SECRET: LAB.objectId,
          HTTP_PROXY: "http://127.0.0.1:1",
        })
      ).report,
      (
        await doctorJson({
          ...SERVICE_PRINCIPAL,
          AZURE_CLIENT_CERTIFICATE_PATH: clientCertificates.encryptedPem,
          AZURE_FEDERATED_TOKEN_FILE: join(dir, "none"),
        })
      ).report,
    ];
    const named = reports
      .flatMap((r) => r.findings.map((f) => f.knowledgeId))
      .filter((id): id is string => id !== null);
    expect(named.length).toBeGreaterThan(4);
    for (const id of named)
      expect(
        lookupKnowledge(id).map((e) => e.id),
        id,
      ).toContain(id);
  });
});

describe("doctor's model matches what DefaultAzureCredential really builds", () => {
  // Construction makes no network call: build the real chain under each environment and compare the members
  // it drops (stand-ins) and leaves out with the prediction.
  const cases: Record<string, Record<string, string>> = {
    nothing: {},
    "http authority": { AZURE_AUTHORITY_HOST: "http://login.example" },
    "http authority with a secret": {
      ...SERVICE_PRINCIPAL,
      AZURE_CLIENT_SECRET: SECRET_VALUE,
      AZURE_AUTHORITY_HOST: "http://login.example",
    },
    "proxy not a URL": { HTTPS_PROXY: "10.0.0.1:3128" },
    "malformed tenant with workload": {
      AZURE_TENANT_ID: "bad tenant!",
      AZURE_CLIENT_ID: LAB.clientId,
      AZURE_FEDERATED_TOKEN_FILE: "/nowhere",
    },
    "workload complete": { ...SERVICE_PRINCIPAL, AZURE_FEDERATED_TOKEN_FILE: "/nowhere" },
    "workload without tenant": { AZURE_CLIENT_ID: LAB.clientId, AZURE_FEDERATED_TOKEN_FILE: "/nowhere" },
    "cloud shell with client id": { MSI_ENDPOINT: "http://127.0.0.1:1/x", AZURE_CLIENT_ID: LAB.clientId },
    "service fabric with client id": {
      IDENTITY_ENDPOINT: "https://127.0.0.1:1/x",
      IDENTITY_HEADER: "h",
      IDENTITY_SERVER_THUMBPRINT: "AB",
      AZURE_CLIENT_ID: LAB.clientId,
    },
    dev: { AZURE_TOKEN_CREDENTIALS: "dev" },
    prod: { AZURE_TOKEN_CREDENTIALS: " PROD" },
    "one credential": { AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential" },
  };
  for (const [name, variables] of Object.entries(cases)) {
    it(name, () => {
      const isolated = isolateEnv();
      try {
        // msal-node remembers the first managed identity source of the process; forget it before each chain.
        forgetManagedIdentityState();
        isolated.set(variables);
        const real = (new DefaultAzureCredential() as unknown as { _sources: object[] })._sources.map(
          (source) => ({
            name: credentialName(source).toLowerCase(),
            standIn: source.constructor.name === "UnavailableDefaultCredential",
          }),
        );
        const report = inspectMachine({ env: { ...process.env }, machine: PLAIN_MACHINE });
        const built = report.chain.filter((m) => m.prediction !== "excluded");
        expect(built.map((m) => m.credential.toLowerCase())).toEqual(real.map((r) => r.name));
        expect(built.map((m) => m.prediction === "dropped")).toEqual(real.map((r) => r.standIn));
      } finally {
        isolated.restore();
      }
    });
  }
});
