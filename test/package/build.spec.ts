/**
 * The package as users install it: tsup's ESM and CJS builds, each with its own types, loaded by plain Node
 * through the exports map. Also proves the "never instanceof" rule: the CJS build explains and wraps errors
 * thrown by the ESM build of @azure/identity, which are different classes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeEntries } from "../../src/knowledge/entries/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const run = (args: string[]): string =>
  execFileSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, AZURE_LOG_LEVEL: "" },
  });

/** A copy of the built files without the knowledge file, as a bundler that does not copy it would leave them. */
const withoutKnowledge = `${root}node_modules/.cache/test-dist-without-knowledge/`;

beforeAll(() => {
  execFileSync(process.execPath, ["node_modules/tsup/dist/cli-default.js"], { cwd: root, stdio: "pipe" });
}, 120_000);

afterAll(() => {
  rmSync(withoutKnowledge, { recursive: true, force: true });
});

/** The files `import` of a built ESM file loads, itself included, following its relative static imports. */
function staticImportClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, relative] of readFileSync(`${root}dist/${file}`, "utf8").matchAll(
    /from\s*['"]\.\/([^'"]+)['"]/g,
  )) {
    staticImportClosure(relative ?? "", seen);
  }
  return seen;
}

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

  it("ships the knowledge entries as a JSON file that importing the package does not read", () => {
    const shipped = JSON.parse(readFileSync(`${root}dist/knowledge-entries.json`, "utf8")) as unknown;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(loadKnowledgeEntries())));
    // The cause text of an entry is knowledge; no file loaded by `import` may carry it.
    const cause = loadKnowledgeEntries().find((e) => e.id === "client-secret-invalid")?.cause ?? "";
    expect(cause.length).toBeGreaterThan(40);
    const loaded = staticImportClosure("index.js");
    expect(loaded.size).toBeGreaterThan(1);
    for (const file of loaded) {
      expect(readFileSync(`${root}dist/${file}`, "utf8"), file).not.toContain(cause.slice(0, 40));
    }
  });

  it("reads the knowledge file on first use from ESM and from CJS", () => {
    const print =
      "console.log(m.explainAuthError('AADSTS7000215: Invalid client secret provided.').matches[0]?.id, m.lookupKnowledge('700016').length)";
    const esm = run([
      "--input-type=module",
      "-e",
      `const m = await import('azure-identity-diagnostics'); ${print}`,
    ]);
    const cjs = run(["-e", `const m = require('azure-identity-diagnostics'); ${print}`]);
    // As many entries list AADSTS700016 as the source knowledge base does: the built file is the same data.
    const listing700016 = loadKnowledgeEntries().filter((e) => e.match.stsCodes?.includes("AADSTS700016"));
    expect(esm.trim()).toBe(`client-secret-invalid ${listing700016.length}`);
    expect(cjs.trim()).toBe(esm.trim());
  });

  it("without the knowledge file, diagnoses by family and warns once, from ESM and from CJS", () => {
    rmSync(withoutKnowledge, { recursive: true, force: true });
    mkdirSync(withoutKnowledge, { recursive: true });
    for (const file of readdirSync(`${root}dist`).filter((f) => /\.(?:c?js)$/.test(f))) {
      cpSync(`${root}dist/${file}`, `${withoutKnowledge}${file}`);
    }
    const explain =
      "const a = m.explainAuthError('AADSTS7000215: Invalid client secret provided.'); m.explainAuthError('AADSTS700016');" +
      "console.log(JSON.stringify({ category: a.category, confidence: a.confidence, lookup: a.lookupUrl }))";
    for (const loader of [
      ["--input-type=module", "-e", `const m = await import('${withoutKnowledge}index.js'); ${explain}`],
      ["-e", `const m = require('${withoutKnowledge}index.cjs'); ${explain}`],
    ]) {
      const outcome = spawnSync(process.execPath, loader, { cwd: root, encoding: "utf8" });
      expect(outcome.status, outcome.stderr).toBe(0);
      expect(JSON.parse(outcome.stdout)).toEqual({
        category: "credential-invalid",
        confidence: "medium",
        lookup: "https://login.microsoftonline.com/error?code=7000215",
      });
      expect(outcome.stderr.match(/could not load its knowledge base/g)).toHaveLength(1);
      expect(outcome.stderr).toContain("keep azure-identity-diagnostics external");
    }
  });
});
