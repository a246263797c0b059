/**
 * The package as users install it: tsup's ESM and CJS builds, each with its own types, loaded by plain Node
 * through the exports map. Also proves the "never instanceof" rule: the CJS build explains and wraps errors
 * thrown by the ESM build of @azure/identity, which are different classes.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const run = (args: string[]): string =>
  execFileSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, AZURE_LOG_LEVEL: "" },
  });

beforeAll(() => {
  execFileSync(process.execPath, ["node_modules/tsup/dist/cli-default.js"], { cwd: root, stdio: "pipe" });
}, 120_000);

describe("built package", () => {
  it("emits ESM, CJS and a declaration file for each", () => {
    for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) {
      expect(existsSync(`${root}dist/${file}`), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as Record<string, unknown>;
    expect(manifest.sideEffects).toBe(false);
  });

  it("loads by name through the exports map from ESM and from CJS", () => {
    const names = "Object.keys(m).sort().join(',')";
    const esm = run([
      "--input-type=module",
      "-e",
      `const m = await import('azure-identity-diagnostics'); console.log(${names})`,
    ]);
    const cjs = run(["-e", `const m = require('azure-identity-diagnostics'); console.log(${names})`]);
    expect(esm.trim()).toBe(cjs.trim());
    for (const name of [
      "explainAuthError",
      "DiagnosticCredential",
      "renderDiagnosis",
      "getDiagnosis",
      "createJsonLinesSink",
    ]) {
      expect(esm).toContain(name);
    }
  });

  it("loads the OpenTelemetry subpath from ESM and CJS, and the main entry never imports OpenTelemetry", () => {
    const names = "Object.keys(m).sort().join(',')";
    const subpath = "azure-identity-diagnostics/opentelemetry";
    const esm = run([
      "--input-type=module",
      "-e",
      `const m = await import('${subpath}'); console.log(${names})`,
    ]);
    const cjs = run(["-e", `const m = require('${subpath}'); console.log(${names})`]);
    expect(esm.trim()).toBe(cjs.trim());
    expect(esm).toContain("createOpenTelemetryHandler");
    for (const file of ["opentelemetry.d.ts", "opentelemetry.d.cts"]) {
      expect(existsSync(`${root}dist/${file}`), file).toBe(true);
    }
    for (const file of ["index.js", "index.cjs"]) {
      expect(readFileSync(`${root}dist/${file}`, "utf8"), file).not.toContain("@opentelemetry/");
    }
  });

  it("the CJS build diagnoses and wraps errors from the ESM build of @azure/identity", () => {
    const script = `
      const { createRequire } = await import('node:module');
      const require = createRequire(process.cwd() + '/');
      const cjs = require('azure-identity-diagnostics');
      const identityEsm = await import('@azure/identity');
      const identityCjs = require('@azure/identity');
      const inner = new identityEsm.EnvironmentCredential();
      const wrapped = new cjs.DiagnosticCredential(inner, { logging: false });
      const chain = new identityCjs.ChainedTokenCredential(wrapped);
      let caught;
      try { await chain.getToken('https://management.azure.com/.default'); } catch (e) { caught = e; }
      const member = caught.errors?.[0];
      console.log(JSON.stringify({
        chainName: caught.name,
        memberName: member?.name,
        memberIsCjsClass: member instanceof identityCjs.CredentialUnavailableError,
        memberIsEsmClass: member instanceof identityEsm.CredentialUnavailableError,
        attached: cjs.getDiagnosis(member)?.category ?? null,
        explained: cjs.explainAuthError(caught).credentials,
      }));`;
    const isolated = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AZURE_")));
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
      env: isolated,
    });
    const result = JSON.parse(out.trim().split("\n").pop() ?? "{}") as Record<string, unknown>;
    expect(result).toEqual({
      chainName: "AggregateAuthenticationError",
      memberName: "CredentialUnavailableError",
      memberIsCjsClass: false,
      memberIsEsmClass: true,
      attached: "not-configured",
      explained: ["ChainedTokenCredential", "EnvironmentCredential"],
    });
  });
});
