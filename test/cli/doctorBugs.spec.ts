/**
 * `doctor`'s reported bugs, one test each: advice for members AZURE_TOKEN_CREDENTIALS left out, false "missing
 * secret" warnings on workload and managed identity set-ups, repeated sentences, the installed identity version,
 * and values pasted where a path belongs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDoctorCommand } from "../../src/cli/commands/doctor.js";
import { run } from "../../src/cli/run.js";
import { describeSecretShape } from "../../src/node/doctor/secretShape.js";
import type { DoctorReport } from "../../src/node/doctor/types.js";
import { LAB, makeFederatedToken } from "../lab/harness/tokens.js";
import { fakeIo } from "./fakeIo.js";

const PLAIN_MACHINE = {
  azureVm: false,
  arcAgentInstalled: false,
  vscodePluginInstalled: false,
  brokerPluginInstalled: false,
};

const dir = mkdtempSync(join(tmpdir(), "cli-doctor-bugs-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function doctor(env: Record<string, string>, json: boolean): Promise<{ code: number; out: string }> {
  const io = fakeIo({ env: { PATH: join(dir, "empty-path"), HOME: join(dir, "home"), ...env } });
  const code = await run(["doctor", ...(json ? ["--json"] : [])], io, [
    createDoctorCommand({ machine: PLAIN_MACHINE }),
  ]);
  return { code, out: io.out() + io.err() };
}
const report = async (env: Record<string, string>): Promise<{ report: DoctorReport; raw: string }> => {
  const { out } = await doctor(env, true);
  return { report: JSON.parse(out) as DoctorReport, raw: out };
};
const ids = (r: DoctorReport): string[] => r.findings.map((f) => f.id);

/** A directory holding an `az` stub (never run) and a HOME whose az profile lists no account. */
function signedOutAz(): { PATH: string; HOME: string } {
  const bin = join(dir, "az-bin");
  const home = join(dir, "az-home");
  mkdirSync(bin, { recursive: true });
  mkdirSync(join(home, ".azure"), { recursive: true });
  writeFileSync(join(bin, "az"), "#!/bin/sh\nexit 3\n", { mode: 0o755 });
  return { PATH: bin, HOME: home };
}

describe("doctor's advice respects AZURE_TOKEN_CREDENTIALS", () => {
  it("does not advise az login when AZURE_TOKEN_CREDENTIALS=prod left AzureCliCredential out", async () => {
    const az = signedOutAz();
    const all = await report(az);
    expect(all.report.prediction.nextStep).toContain("az login");

    const prod = await report({ ...az, AZURE_TOKEN_CREDENTIALS: "prod" });
    expect(prod.report.chain.find((m) => m.credential === "AzureCliCredential")?.prediction).toBe("excluded");
    expect(prod.report.prediction.nextStep).not.toContain("az login");
    expect(prod.report.prediction.nextStep).toContain("managed identity");
    const text = await doctor({ ...az, AZURE_TOKEN_CREDENTIALS: "prod" }, false);
    expect(text.out).not.toContain("az login");
  });
});

describe("no false 'AZURE_CLIENT_SECRET is missing'", () => {
  it("a correct AKS workload identity set-up gets no EnvironmentCredential warning", async () => {
    const tokenFile = join(dir, "azure-identity-token");
    writeFileSync(tokenFile, makeFederatedToken());
    const { report: r, raw } = await report({
      AZURE_TENANT_ID: LAB.tenantId,
      AZURE_CLIENT_ID: LAB.managedIdentityClientId,
      AZURE_FEDERATED_TOKEN_FILE: tokenFile,
      AZURE_AUTHORITY_HOST: "https://login.microsoftonline.com/",
      KUBERNETES_SERVICE_HOST: "10.0.0.1",
    });
    expect(ids(r)).not.toContain("environment-credential-incomplete");
    expect(raw).not.toContain("AZURE_CLIENT_SECRET");
    expect(r.prediction.firstResponder).toBe("WorkloadIdentityCredential");
    expect(r.findings.filter((f) => f.severity === "warning" || f.severity === "problem")).toEqual([]);
  });

  it("a user-assigned managed identity (AZURE_CLIENT_ID only) gets no EnvironmentCredential warning", async () => {
    const { report: r, raw } = await report({ AZURE_CLIENT_ID: LAB.managedIdentityClientId });
    expect(ids(r)).not.toContain("environment-credential-incomplete");
    expect(raw).not.toContain("AZURE_CLIENT_SECRET is missing");
    expect(r.environmentCredential.missing).toEqual([]);
    expect(r.managedIdentity.userAssignedClientId).not.toBeNull();
  });

  it("a started service principal still says what is missing", async () => {
    const { report: r } = await report({ AZURE_CLIENT_ID: LAB.clientId, AZURE_CLIENT_SECRET: "Xy8Q~x" });
    expect(r.environmentCredential.missing).toEqual(["AZURE_TENANT_ID"]);
    expect(ids(r)).toContain("environment-credential-incomplete");
  });
});

describe("doctor says each thing once", () => {
  it("a missing federated token file is described in one sentence, not repeated by each member", async () => {
    const { out } = await doctor(
      {
        AZURE_TENANT_ID: LAB.tenantId,
        AZURE_CLIENT_ID: LAB.managedIdentityClientId,
        AZURE_FEDERATED_TOKEN_FILE: join(dir, "no-such-token"),
      },
      false,
    );
    const sentence = "does not exist: WorkloadIdentityCredential will fail";
    expect(out.split(sentence).length - 1).toBe(1);
    expect(out).not.toMatch(/without saying so\. \(the chain/);
    // Every line of the text is distinct (no sentence printed twice).
    const lines = out
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 40);
    expect(new Set(lines).size).toBe(lines.length);
  });
});

describe("the installed @azure/identity version", () => {
  it("is read from the installed package.json at run time, and shown in text and JSON", async () => {
    const path = createRequire(import.meta.url).resolve("@azure/identity/package.json");
    const installed = (JSON.parse(readFileSync(path, "utf8")) as { version: string }).version;
    const { report: r } = await report({});
    expect(r.identityVersion).toBe(installed);
    const { out } = await doctor({}, false);
    expect(out).toContain(`@azure/identity ${installed} installed`);
  });

  it("follows the app in the working directory: another install there is the one reported", async () => {
    const app = join(dir, "app");
    mkdirSync(join(app, "node_modules", "@azure", "identity"), { recursive: true });
    writeFileSync(
      join(app, "node_modules", "@azure", "identity", "package.json"),
      JSON.stringify({
        name: "@azure/identity",
        version: "4.99.0-test",
        exports: { "./package.json": "./package.json" },
      }),
    );
    const io = fakeIo({ env: { PATH: "" }, cwd: app });
    await run(["doctor", "--json"], io, [createDoctorCommand({ machine: PLAIN_MACHINE })]);
    expect((JSON.parse(io.out()) as DoctorReport).identityVersion).toBe("4.99.0-test");
  });
});

const PEM_KEY = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4\n-----END PRIVATE KEY-----`;

describe("doctor never prints a secret pasted where a path belongs", () => {
  const jwt = makeFederatedToken();
  const cases: [string, Record<string, string>, string, string][] = [
    [
      "a PEM private key in AZURE_CLIENT_CERTIFICATE_PATH",
      {
        AZURE_TENANT_ID: LAB.tenantId,
        AZURE_CLIENT_ID: LAB.clientId,
        AZURE_CLIENT_CERTIFICATE_PATH: PEM_KEY,
      },
      "this looks like a PEM private key, not a path",
      "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4",
    ],
    [
      "a JWT in AZURE_FEDERATED_TOKEN_FILE",
      { AZURE_TENANT_ID: LAB.tenantId, AZURE_CLIENT_ID: LAB.clientId, AZURE_FEDERATED_TOKEN_FILE: jwt },
      "this looks like a JWT (a token), not a path",
      jwt.split(".")[2] ?? "",
    ],
    [
      "a client secret in AZURE_TOKEN_CREDENTIALS",
      { AZURE_TOKEN_CREDENTIALS: "Zq48Q~lab-secret-value-that-must-never-print.01" },
      "this looks like a client secret",
      "lab-secret-value-that-must-never",
    ],
    [
      "a certificate followed by its private key in AZURE_CLIENT_CERTIFICATE_PATH",
      {
        AZURE_TENANT_ID: LAB.tenantId,
        AZURE_CLIENT_ID: LAB.clientId,
        AZURE_CLIENT_CERTIFICATE_PATH: `-----BEGIN CERTIFICATE-----\nMIIC+zCCAeOgAwIBAgIJAKzNcertificatebodyonly0123\n-----END CERTIFICATE-----\n${PEM_KEY}`,
      },
      "this looks like a PEM private key, not a path",
      "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4",
    ],
    [
      "a client secret (any digit before Q~) pasted into AZURE_CLIENT_ID",
      { AZURE_TENANT_ID: LAB.tenantId, AZURE_CLIENT_ID: "xYz7Q~another.lab_secret-value-never-shown12" },
      "this looks like a client secret, not an ID",
      "another.lab_secret-value-never-shown12",
    ],
    [
      "a token pasted into AZURE_USERNAME",
      { AZURE_TENANT_ID: LAB.tenantId, AZURE_CLIENT_ID: LAB.clientId, AZURE_USERNAME: jwt },
      "this looks like a JWT (a token), not a user name",
      jwt.split(".")[2] ?? "",
    ],
  ];
  for (const [name, env, phrase, secret] of cases) {
    it(`${name}: says what it looks like, text and JSON, never the value`, async () => {
      const text = await doctor(env, false);
      const json = await doctor(env, true);
      for (const out of [text.out, json.out]) {
        expect(out).toContain(phrase);
        expect(out).not.toContain(secret);
        expect(out).not.toContain(secret.slice(0, 12));
        expect(out).not.toContain(secret.slice(-12));
      }
      expect(text.code).toBe(1);
    });
  }

  it("a real path is still shown and read", async () => {
    const { report: r } = await report({
      AZURE_TENANT_ID: LAB.tenantId,
      AZURE_CLIENT_ID: LAB.clientId,
      AZURE_FEDERATED_TOKEN_FILE: "/var/run/secrets/azure/tokens/azure-identity-token",
    });
    expect(r.variables.find((v) => v.name === "AZURE_FEDERATED_TOKEN_FILE")?.shown).toBe(
      "/var/run/secrets/azure/tokens/azure-identity-token",
    );
    expect(ids(r)).toContain("federated-token-file-unreadable");
  });

  it("describeSecretShape names common shapes and leaves paths and settings alone", () => {
    expect(describeSecretShape(PEM_KEY)).toBe("a PEM private key");
    expect(describeSecretShape("-----BEGIN CERTIFICATE-----\nMIIB")).toContain("PEM certificate");
    expect(describeSecretShape(jwt)).toBe("a JWT (a token)");
    expect(describeSecretShape("ghp_abcdefghijklmnopqrstuvwxyz0123456789")).toBe("an access token");
    expect(describeSecretShape("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==")).toContain(
      "connection string",
    );
    for (const plain of [
      "/var/run/secrets/azure/tokens/azure-identity-token",
      "C:\\certs\\sp.pem",
      "./certs/sp.pem",
      "certs/service-principal.pem",
      "prod",
      "ManagedIdentityCredential",
      "",
    ]) {
      expect(describeSecretShape(plain), plain).toBeNull();
    }
  });
});
