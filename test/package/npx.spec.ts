/**
 * The packed tarball as a user meets it: built with tsup, packed with `npm pack`, installed into an empty project
 * (offline, see consumer/consumerProject.ts), then run with `npx azure-identity-diagnostics`, imported from ESM,
 * required from CJS, and type-checked by tsc under `moduleResolution: node16` and `bundler`.
 *
 * The build goes to a staging directory of its own, so this file never races test/package/build.spec.ts over
 * `dist/`. npm and npx run with `--offline`: nothing here needs the network. POSIX only (npm is `npm.cmd` on
 * Windows). Slow (about a minute on a loaded machine: the declaration build and the install dominate), so it
 * runs only when PACKAGE_TESTS=1 (`npm run test:package`).
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeConsumerProject } from "./consumer/consumerProject.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const enabled = process.env.PACKAGE_TESTS === "1" && process.platform !== "win32";

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end; never throws, so a test can assert the exit status. */
function exec(file: string, args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      {
        cwd,
        encoding: "utf8",
        timeout: timeoutMs,
        maxBuffer: 32 * 1024 * 1024,
        env: {
          ...process.env,
          // No registry traffic from npm itself: no update check, audit or funding lookups, only the cache.
          npm_config_offline: "true",
          npm_config_update_notifier: "false",
          npm_config_audit: "false",
          npm_config_fund: "false",
          NO_COLOR: "1",
        },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({
          code,
          stdout,
          stderr: error !== null && code === -1 ? `${stderr}\n${error.message}` : stderr,
        });
      },
    );
  });
}

function expectSuccess(outcome: Outcome, what: string): void {
  expect(outcome.code, `${what} failed:\n${outcome.stderr}\n${outcome.stdout}`).toBe(0);
}

const BIN = "azure-identity-diagnostics";
const npx = (args: readonly string[]): Promise<Outcome> =>
  exec("npx", ["--no", "--offline", BIN, ...args], consumer);

let work = "";
let consumer = "";
let packedFiles: string[] = [];

/** Uses both entry points, with a deliberate type error that only real (not `any`) types can catch. */
const CONSUMER_ESM = `
import { DefaultAzureCredential } from "@azure/identity";
import { DiagnosticCredential, explainAuthError, getDiagnosis, type Diagnosis } from "azure-identity-diagnostics";
import { inspectMachine, scanPipelineTasks, type LiveCheckResult } from "azure-identity-diagnostics/node";

export const credential = new DiagnosticCredential(new DefaultAzureCredential(), { logging: false });
export const diagnosis: Diagnosis = explainAuthError("AADSTS7000215: Invalid client secret provided.");
export const summary: string = diagnosis.summary;
// @ts-expect-error summary is a string: fails to compile if the package's types degrade to any
export const wrong: number = diagnosis.summary;
export const attached: Diagnosis | undefined = getDiagnosis(new Error("x"));
export const machine = inspectMachine({ env: {} }).prediction;
export const tasks = scanPipelineTasks("steps:\\n- task: AzureCLI@2\\n").tasks.length;
export let live: LiveCheckResult | undefined;
`;
const CONSUMER_CJS = `
import { explainAuthError } from "azure-identity-diagnostics";
import { inspectMachine } from "azure-identity-diagnostics/node";
export const summary: string = explainAuthError("AADSTS700016").summary;
// @ts-expect-error inspectMachine needs its options: fails to compile if the types degrade to any
export const report = inspectMachine();
`;

function tsconfig(resolution: "node16" | "bundler", files: readonly string[]): string {
  const module = resolution === "node16" ? "node16" : "esnext";
  return JSON.stringify({
    compilerOptions: {
      module,
      moduleResolution: resolution,
      target: "es2022",
      strict: true,
      noEmit: true,
      types: ["node"],
      // Other packages' declarations are theirs to check; the assertions above prove ours resolved.
      skipLibCheck: true,
    },
    files,
  });
}

beforeAll(async () => {
  if (!enabled) return;
  work = mkdtempSync(join(tmpdir(), "aid-npx-"));
  const stage = join(work, "stage");
  consumer = join(work, "consumer");
  mkdirSync(stage);
  mkdirSync(consumer);

  const build = await exec(
    process.execPath,
    ["node_modules/tsup/dist/cli-default.js", "--out-dir", join(stage, "dist")],
    root,
  );
  expectSuccess(build, "tsup");
  for (const file of ["package.json", "README.md", "CHANGELOG.md"]) {
    copyFileSync(join(root, file), join(stage, file));
  }
  const pack = await exec("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], stage);
  expectSuccess(pack, "npm pack");
  const [packed] = JSON.parse(pack.stdout) as {
    filename: string;
    integrity: string;
    files: { path: string }[];
  }[];
  if (!packed) throw new Error(`npm pack printed no package: ${pack.stdout}`);
  packedFiles = packed.files.map((f) => f.path);

  writeConsumerProject({
    repoRoot: root,
    directory: consumer,
    tarball: `../${packed.filename}`,
    integrity: packed.integrity,
    alsoInstall: ["@azure/identity", "@types/node"],
  });
  const install = await exec("npm", ["ci", "--offline", "--ignore-scripts"], consumer);
  expectSuccess(install, "npm ci --offline in the consumer project");

  writeFileSync(join(consumer, "consumer.mts"), CONSUMER_ESM);
  writeFileSync(join(consumer, "consumer.cts"), CONSUMER_CJS);
  writeFileSync(join(consumer, "tsconfig.node16.json"), tsconfig("node16", ["consumer.mts", "consumer.cts"]));
  writeFileSync(join(consumer, "tsconfig.bundler.json"), tsconfig("bundler", ["consumer.mts"]));
}, 300_000);

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

describe.runIf(enabled)("the packed tarball installed into an empty project (PACKAGE_TESTS=1)", () => {
  it("holds the builds, the CLI and the docs, and no sources or tests", () => {
    for (const file of [
      "dist/cli.js",
      "dist/index.js",
      "dist/index.cjs",
      "dist/node.js",
      "dist/node.d.cts",
      "dist/knowledge-entries.json",
    ]) {
      expect(packedFiles).toContain(file);
    }
    expect(packedFiles).toEqual(expect.arrayContaining(["package.json", "README.md", "CHANGELOG.md"]));
    expect(packedFiles.filter((f) => /^(src|test|scripts)\//.test(f))).toEqual([]);
  });

  it("npx runs the CLI: --version, explain and codes print their answers and exit 0", async () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const [version, explain, codes] = await Promise.all([
      npx(["--version"]),
      npx(["explain", "AADSTS7000215"]),
      npx(["codes"]),
    ]);
    expectSuccess(version, "npx --version");
    expect(version.stdout.trim()).toBe(manifest.version);
    expectSuccess(explain, "npx explain");
    expect(explain.stdout).toContain("AADSTS7000215");
    expect(explain.stdout).toContain("client-secret-invalid");
    expectSuccess(codes, "npx codes");
    expect(codes.stdout).toMatch(/^client-secret-invalid +AADSTS7000215\b/m);
    expect(codes.stdout.trim().split("\n").length).toBeGreaterThan(50);
  });

  it("npx passes the CLI's exit statuses through: 1 for nothing found, 2 for a usage error", async () => {
    const [nothing, usage] = await Promise.all([
      npx(["codes", "no-such-word-in-any-entry"]),
      npx(["explain", "--no-such-flag"]),
    ]);
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toBe("");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown option '--no-such-flag'");
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });

  it("imports from ESM and requires from CJS, both entry points, with the same exports", async () => {
    // `load` turns a module name into an expression that loads it: `await import(…)` or `require(…)`.
    const summarise = (load: (name: string) => string): string =>
      `const root = ${load("azure-identity-diagnostics")}; const node = ${load("azure-identity-diagnostics/node")};` +
      "console.log(JSON.stringify({ root: Object.keys(root).sort(), node: Object.keys(node).sort()," +
      " match: root.explainAuthError('AADSTS7000215: Invalid client secret provided.').matches[0]?.id }));";
    const [esm, cjs] = await Promise.all([
      exec(
        process.execPath,
        ["--input-type=module", "-e", summarise((name) => `await import('${name}')`)],
        consumer,
      ),
      exec(
        process.execPath,
        ["--input-type=commonjs", "-e", summarise((name) => `require('${name}')`)],
        consumer,
      ),
    ]);
    expectSuccess(esm, "ESM import");
    expectSuccess(cjs, "CJS require");
    const fromEsm = JSON.parse(esm.stdout) as { root: string[]; node: string[]; match: string };
    expect(JSON.parse(cjs.stdout)).toEqual(fromEsm);
    expect(fromEsm.match).toBe("client-secret-invalid");
    expect(fromEsm.root).toEqual(expect.arrayContaining(["DiagnosticCredential", "explainAuthError"]));
    expect(fromEsm.node).toEqual(expect.arrayContaining(["inspectMachine", "tryDefaultAzureCredential"]));
  });

  it("type-checks a consumer under moduleResolution node16 (ESM and CJS files) and bundler", async () => {
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const [node16, bundler] = await Promise.all([
      exec(process.execPath, [tsc, "-p", "tsconfig.node16.json"], consumer),
      exec(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], consumer),
    ]);
    expectSuccess(node16, "tsc (node16)");
    expectSuccess(bundler, "tsc (bundler)");
  });
});
