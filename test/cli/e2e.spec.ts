/**
 * The real executable, spawned as a user runs it (`node --import tsx src/cli/main.ts`), fed the aggregate errors
 * that real @azure/identity credentials throw on this machine (no tools on PATH, a fake Entra ID on loopback).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import {
  AzureCliCredential,
  ChainedTokenCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
} from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnosis } from "../../src/diagnosis/types.js";
import { explainAuthError } from "../../src/explainAuthError.js";
import { isolateEnv } from "../lab/harness/env.js";
import { startFakeSts, stsError } from "../lab/harness/fakeSts.js";
import { trustTestCa } from "../lab/harness/tls.js";
import { LAB, makeAccessToken } from "../lab/harness/tokens.js";
import { closedPort } from "../lab/harness/fakeManagedIdentity.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SCOPE = "https://management.azure.com/.default";
const WRONG_SECRET = "Xyz8Q~cli-e2e-wrong-secret-value-0123456789ab";

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of the test process before any isolation, without colour settings. */
const childEnv: Record<string, string> = Object.fromEntries(
  Object.entries(process.env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !["NO_COLOR", "FORCE_COLOR"].includes(entry[0]),
  ),
);

function runCli(
  args: string[],
  stdin?: string | Iterable<Buffer> | AsyncIterable<Buffer>,
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: root,
      env: { ...childEnv, ...env },
      stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, stdout, stderr });
    });
    if (stdin !== undefined && child.stdin) {
      // The CLI stops reading at its size cap; the broken pipe that follows is expected.
      child.stdin.on("error", () => undefined);
      const source = typeof stdin === "string" ? Readable.from([Buffer.from(stdin)]) : Readable.from(stdin);
      source.pipe(child.stdin);
    }
  });
}

async function thrownBy(getToken: () => Promise<unknown>): Promise<unknown> {
  try {
    await getToken();
  } catch (error) {
    return error;
  }
  throw new Error("expected the credential to fail");
}

/** What `console.error(err)` prints for each real failure: the text users paste. */
const pasted = { defaultCredential: "", chainWithWrongSecret: "" };
const dir = mkdtempSync(join(tmpdir(), "cli-e2e-"));

beforeAll(async () => {
  const env = isolateEnv({ AZURE_POD_IDENTITY_AUTHORITY_HOST: await closedPort() });
  const sts = await startFakeSts();
  try {
    const dac = await thrownBy(() =>
      new DefaultAzureCredential({ retryOptions: { maxRetries: 0 } }).getToken(SCOPE),
    );
    pasted.defaultCredential = inspect(dac);

    sts.respond(stsError(7000215));
    const secretCredential = new ClientSecretCredential(LAB.tenantId, LAB.clientId, WRONG_SECRET, {
      authorityHost: sts.authorityHost,
      disableInstanceDiscovery: true,
      ...trustTestCa(),
    });
    const chain = new ChainedTokenCredential(new AzureCliCredential(), secretCredential);
    pasted.chainWithWrongSecret = inspect(await thrownBy(() => chain.getToken(SCOPE)));
    expect(sts.requests.some((request) => request.form.client_secret === WRONG_SECRET)).toBe(true);
  } finally {
    env.restore();
    await sts.close();
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the executable, fed real @azure/identity failures on standard input", () => {
  it("explains DefaultAzureCredential's aggregate, member by member", async () => {
    expect(pasted.defaultCredential).toContain("Azure CLI could not be found");
    const result = await runCli(["explain"], pasted.defaultCredential);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const expected = explainAuthError(pasted.defaultCredential);
    // The CLI member says "Azure CLI", not its class: it is named as an attempt, not as a credential the text names.
    expect(expected.credentials).toEqual(expect.arrayContaining(["EnvironmentCredential"]));
    expect(expected.attempts.map((a) => a.credential)).toEqual(
      expect.arrayContaining(["EnvironmentCredential", "AzureCliCredential"]),
    );
    expect(result.stdout).toContain("Credentials tried");
    for (const attempt of expected.attempts) expect(result.stdout).toContain(attempt.summary);
    expect(result.stdout).toContain(expected.matches[0]?.mitigations[0] ?? "<none>");
    expect(result.stdout).not.toContain("\u001b[");
  });

  it("prints the same Diagnosis as the library with --json", async () => {
    const result = await runCli(["explain", "--json"], pasted.chainWithWrongSecret);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Diagnosis;
    expect(printed).toEqual(JSON.parse(JSON.stringify(explainAuthError(pasted.chainWithWrongSecret))));
    expect(printed.stsCodes).toContain("AADSTS7000215");
    expect(printed.matches[0]?.id).toBe("client-secret-invalid");
    expect(printed.attempts[0]).toMatchObject({ credential: "AzureCliCredential", outcome: "unavailable" });
  });

  it("never echoes a secret from the paste: client_secret=, a Bearer token, a JWT", async () => {
    const jwt = makeAccessToken();
    const paste = `${pasted.chainWithWrongSecret}\nPOST body: client_id=${LAB.clientId}&client_secret=${WRONG_SECRET}&grant_type=client_credentials\nAuthorization: Bearer ${jwt}\ntoken=${jwt}\n`;
    for (const args of [["explain"], ["explain", "--json"], ["explain", "--message"]]) {
      const result = await runCli(args, paste);
      expect(result.code).toBe(0);
      for (const secret of [WRONG_SECRET, jwt, jwt.split(".")[2] ?? "<sig>"]) {
        expect(result.stdout).not.toContain(secret);
        expect(result.stderr).not.toContain(secret);
      }
    }
  });

  it("colours its output with FORCE_COLOR even through a pipe", async () => {
    const result = await runCli(["explain"], pasted.chainWithWrongSecret, { FORCE_COLOR: "1" });
    expect(result.stdout).toContain("\u001b[");
  });

  it("reads at most 8 MiB of a 50 MB paste and says so", async () => {
    const chunk = Buffer.alloc(1024 * 1024, "x");
    function* paste(): Generator<Buffer> {
      yield Buffer.from(`${pasted.chainWithWrongSecret}\n`);
      for (let i = 0; i < 50; i++) yield chunk;
    }
    const result = await runCli(["explain", "--json"], paste());
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("standard input is larger than 8 MiB; only its first 8 MiB were read");
    expect((JSON.parse(result.stdout) as Diagnosis).stsCode).toBe("AADSTS7000215");
  });
});

describe("the executable's exit statuses and messages", () => {
  it("prints its version and help", async () => {
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const help = await runCli(["check-pipeline", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: azure-identity-diagnostics check-pipeline");
  });

  it("exits 2 with one line, no stack trace, for an unknown flag, empty input and a binary file", async () => {
    const binary = join(dir, "blob.bin");
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
    for (const [args, stdin, message] of [
      [["explain", "--nope"], undefined, "unknown option '--nope' for 'explain'"],
      [["explain"], undefined, "standard input is empty"],
      [["explain"], "", "standard input is empty"],
      [["explain", "--file", binary], undefined, "looks like a binary file"],
      [["check-pipeline", join(dir, "missing.yml")], undefined, "missing.yml: no such file"],
    ] as const) {
      const result = await runCli([...args], stdin);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe("");
    }
  });

  it("exits 1 when a pipeline uses a task without workload identity federation", async () => {
    const yaml = join(dir, "azure-pipelines.yml");
    writeFileSync(yaml, "steps:\n  - task: AzureFileCopy@5\n  - task: AzureCLI@2\n");
    const result = await runCli(["check-pipeline", yaml]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/line 2 +AzureFileCopy@5 -> AzureFileCopy@6/);
  });

  it("stops quietly when the reader of its output goes away", async () => {
    const result = await new Promise<CliResult>((resolve, reject) => {
      const child = spawn(
        "sh",
        ["-c", `"${process.execPath}" --import tsx src/cli/main.ts codes | head -n 1`],
        {
          cwd: root,
          env: childEnv,
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      child.on("error", reject);
      child.on("close", (code) => {
        resolve({ code, stdout, stderr });
      });
    });
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toBe("");
  });
});
