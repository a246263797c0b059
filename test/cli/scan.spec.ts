/**
 * `scan`: real log excerpts copied from public threads (test/cli/fixtures/logs, provenance in sources.json), the
 * same failures planted in generated CI logs, hostile input (any bytes, a 100 MB line, UTF-16), and the GitHub and
 * Azure DevOps annotation formats with their escaping.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { ScanReport } from "../../src/cli/commands/scan.js";
import { run } from "../../src/cli/run.js";
import { LogScanner, MAX_LINE_CHARS } from "../../src/cli/scanLog.js";
import {
  azureDevOpsAnnotation,
  escapeAzureDevOpsProperty,
  escapeGithubData,
  escapeGithubProperty,
  githubAnnotation,
} from "../../src/cli/workflowCommands.js";
import { fakeIo } from "./fakeIo.js";

const LOGS = fileURLToPath(new URL("./fixtures/logs/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "cli-scan-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Source {
  file: string;
  url: string;
  source: string;
}
const sources = JSON.parse(readFileSync(join(LOGS, "sources.json"), "utf8")) as Source[];
const fixture = (name: string): string => readFileSync(join(LOGS, name), "utf8");

async function scan(
  args: readonly string[],
  stdin?: string | Uint8Array | AsyncIterable<Uint8Array | string>,
): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo({ cwd: LOGS, ...(stdin === undefined ? {} : { stdin }) });
  const code = await run(["scan", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

async function scanJson(
  args: readonly string[],
  stdin?: string | Uint8Array | AsyncIterable<Uint8Array | string>,
): Promise<{ code: number; report: ScanReport }> {
  const result = await scan(["--json", ...args], stdin);
  return { code: result.code, report: JSON.parse(result.out) as ScanReport };
}

describe("scan on real log excerpts", () => {
  it("every fixture names the thread it was copied from", () => {
    expect(sources.length).toBeGreaterThanOrEqual(7);
    for (const s of sources) {
      expect(s.url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull)\/\d+$/);
      expect(fixture(s.file).length).toBeGreaterThan(0);
    }
  });

  // file, first line, last line, what the diagnosis must say
  const expected: [string, number, number, { stsCode?: string; matchId?: string; category?: string }][] = [
    ["azure-login-482.log", 21, 21, { stsCode: "AADSTS700213", category: "federation-mismatch" }],
    ["azure-login-475.log", 2, 2, { stsCode: "AADSTS7000215", matchId: "client-secret-invalid" }],
    ["vsts-publish-adf-91.log", 1, 1, { stsCode: "AADSTS7000215", matchId: "client-secret-invalid" }],
    ["azure-login-515.log", 1, 1, { stsCode: "AADSTS7002138" }],
    ["windows-dev-center-vsts-extension-60.log", 1, 1, { stsCode: "AADSTS70002" }],
    // Aggregates: one failure spanning the header and every member line.
    ["azure-sdk-for-net-17113.log", 2, 10, { matchId: "default-credential-all-unavailable" }],
    ["azure-sdk-for-js-31080.log", 1, 11, {}],
  ];
  for (const [file, line, endLine, facts] of expected) {
    it(`${file}: one failure at line ${String(line)}`, async () => {
      const { code, report } = await scanJson([file]);
      expect(code).toBe(1);
      const [failure, ...others] = report.files[0]?.failures ?? [];
      expect(others).toEqual([]);
      expect(failure).toMatchObject({ line, endLine, count: 1, lines: [line] });
      if (facts.stsCode) expect(failure?.diagnosis.stsCode).toBe(facts.stsCode);
      if (facts.matchId) expect(failure?.diagnosis.matches[0]?.id).toBe(facts.matchId);
      if (facts.category) expect(failure?.diagnosis.category).toBe(facts.category);
    });
  }

  it("the JavaScript aggregate is explained from all its member lines, not only its first", async () => {
    const { report } = await scanJson(["azure-sdk-for-js-31080.log"]);
    const diagnosis = report.files[0]?.failures[0]?.diagnosis;
    expect(diagnosis?.credentials).toEqual(
      expect.arrayContaining(["EnvironmentCredential", "ManagedIdentityCredential"]),
    );
    expect(diagnosis?.message).toContain("Azure CLI could not be found");
  });

  it("several logs at once: one section each, in order, exit 1", async () => {
    const { code, out } = await scan(["azure-login-475.log", "azure-sdk-for-net-17113.log"]);
    expect(code).toBe(1);
    expect(out.indexOf("azure-login-475.log:2")).toBeGreaterThan(-1);
    expect(out.indexOf("azure-sdk-for-net-17113.log:2")).toBeGreaterThan(
      out.indexOf("azure-login-475.log:2"),
    );
    expect(out).toContain("What to do");
  });
});

/** A CI log: noise lines with runner timestamps, the given excerpts planted at known places. */
function ciLog(plants: { at: number; text: string }[], total: number): string {
  const lines: string[] = [];
  const byLine = new Map(plants.map((p) => [p.at, p.text]));
  let n = 0;
  while (lines.length < total) {
    const planted = byLine.get(lines.length + 1);
    if (planted !== undefined) {
      for (const l of planted.trimEnd().split("\n"))
        lines.push(`2026-12-07T06:00:${String(n % 60).padStart(2, "0")}.1234567Z ${l}`);
    } else {
      lines.push(
        `2026-12-07T06:00:${String(n % 60).padStart(2, "0")}.1234567Z Step ${String(n)}: npm run build (status 0, 401 files, 403 ms)`,
      );
    }
    n++;
  }
  return `${lines.join("\n")}\n`;
}

describe("scan on generated CI logs", () => {
  it("groups repeats: each failure once, with its count, first line and the lines it recurs on", async () => {
    const secret = fixture("azure-login-475.log").split("\n")[1] ?? "";
    const aggregate = fixture("azure-sdk-for-net-17113.log").split("\n").slice(1).join("\n");
    const text = ciLog(
      [
        { at: 100, text: secret },
        { at: 500, text: aggregate },
        { at: 900, text: secret.replace("f6759202", "0badcafe") },
        { at: 1500, text: secret },
      ],
      2000,
    );
    const { code, report } = await scanJson(["-"], text);
    expect(code).toBe(1);
    const failures = report.files[0]?.failures ?? [];
    expect(failures.map((f) => [f.line, f.count, f.lines])).toEqual([
      [100, 3, [100, 900, 1500]],
      [500, 1, [500]],
    ]);
    expect(failures[1]?.endLine).toBe(508);
    expect(report).toMatchObject({ failures: 2, occurrences: 4 });
    expect(report.files[0]?.lines).toBe(2000);
  });

  it("the text names each failure once, with its count, its first line and the lines it recurs on", async () => {
    const secret = fixture("azure-login-475.log").split("\n")[1] ?? "";
    const text = ciLog(
      [
        { at: 40, text: secret },
        { at: 75, text: secret },
        {
          at: 90,
          text: "ERROR: AADSTS700016: Application with identifier 'abc' was not found in the directory 'Contoso'.",
        },
        { at: 120, text: secret },
      ],
      150,
    );
    const { code, out } = await scan(["-"], text);
    expect(code).toBe(1);
    expect(out.split("\n")[0]).toBe(
      "[XX] standard input: 2 authentication failures (4 occurrences in 150 lines)",
    );
    expect(out).toContain("--- standard input:40, 3 times (also line 75, 120)");
    expect(out).toContain("--- standard input:90\n");
    // Explained once: the explanation's headings appear once per group, not per occurrence.
    expect(out.match(/^What to do$/gm)).toHaveLength(2);
  });

  it("finds az's authorization failure and a service's 401 reply among ordinary lines", async () => {
    const text = ciLog(
      [
        {
          at: 12,
          text: "ERROR: (AuthorizationFailed) The client '3f2a' with object id '3f2a' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/0000' or the scope is invalid.\nCode: AuthorizationFailed",
        },
        {
          at: 30,
          text: "RestError: Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nStatus code: 401",
        },
      ],
      50,
    );
    const { code, report } = await scanJson(["-"], text);
    expect(code).toBe(1);
    const failures = report.files[0]?.failures ?? [];
    expect(failures.map((f) => [f.line, f.diagnosis.category])).toEqual([
      [12, "permission-denied"],
      [30, "permission-denied"],
    ]);
    expect(failures[1]?.diagnosis.httpStatus).toBe(401);
  });

  it("a clean log (with the words 401, 403 and status in ordinary lines) exits 0 and says so", async () => {
    const text = ciLog([], 5000);
    const { code, out } = await scan(["-"], text);
    expect(code).toBe(0);
    expect(out).toBe("[ok] standard input: no authentication failure found in 5000 lines\n");
  });

  it("a service's 403 reply with its fields below is one failure", async () => {
    const reply = [
      "Azure.RequestFailedException: This request is not authorized to perform this operation using this permission.",
      "Status: 403 (This request is not authorized to perform this operation using this permission.)",
      "ErrorCode: AuthorizationPermissionMismatch",
      "",
      "Content:",
    ].join("\n");
    const { report } = await scanJson(["-"], ciLog([{ at: 10, text: reply }], 30));
    const failures = report.files[0]?.failures ?? [];
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ line: 10, endLine: 12 });
    expect(failures[0]?.diagnosis.httpStatus).toBe(403);
    expect(failures[0]?.diagnosis.category).toBe("permission-denied");
  });

  it("a secret in a failing line is not printed back", async () => {
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('{"aud":"https://management.azure.com"}').toString("base64url")}.c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1wcmludA`;
    const text = `Error: AADSTS7000215: Invalid client secret provided. Authorization: Bearer ${jwt}\n`;
    for (const args of [[], ["--json"], ["--format", "github"], ["--format", "azure-devops"]]) {
      const { out } = await scan([...args, "-"], text);
      expect(out).toContain("7000215");
      expect(out).not.toContain("c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1wcmludA");
    }
  });
});

describe("scan takes any input", () => {
  it("bytes that are not UTF-8, NUL bytes and control characters: no crash, the failure still found", async () => {
    const noise = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));
    const failure = Buffer.from(
      "\nError: AADSTS7000215: Invalid client secret provided. \xff\xfe\n",
      "latin1",
    );
    const { code, report } = await scanJson(["-"], Buffer.concat([noise, failure, noise]));
    expect(code).toBe(1);
    expect(report.files[0]?.failures[0]?.diagnosis.stsCode).toBe("AADSTS7000215");
  });

  it("a 100 MB line, streamed, keeps memory bounded and the failure on the next line is found", async () => {
    const tail = Buffer.from(
      "\nError: AADSTS700016: Application with identifier 'x' was not found in the directory.\n",
    );
    async function* hugeLine(): AsyncGenerator<Uint8Array> {
      const chunk = Buffer.alloc(1024 * 1024, "a");
      for (let i = 0; i < 100; i++) {
        await Promise.resolve();
        yield chunk;
      }
      yield tail;
    }
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    const { code, report } = await scanJson(["-"], hugeLine());
    clearInterval(sampler);
    expect(code).toBe(1);
    expect(report.files[0]).toMatchObject({ lines: 2, longLines: 1, bytes: 100 * 1024 * 1024 + tail.length });
    expect(report.files[0]?.failures[0]).toMatchObject({ line: 2 });
    expect(peak - before).toBeLessThan(48 * 1024 * 1024);
  });

  it("a line longer than the cap inside one chunk is cut, and the next line is still found", () => {
    const scanner = new LogScanner();
    scanner.write(
      `${"x".repeat(MAX_LINE_CHARS * 3)} AADSTS7000215\nError: AADSTS50034: The user account does not exist\n`,
    );
    const result = scanner.end();
    expect(result.longLines).toBe(1);
    expect(result.failures.map((f) => f.line)).toEqual([2]);
  });

  it("a file saved as UTF-16 with a byte-order mark (PowerShell's >) is decoded", async () => {
    const path = join(dir, "utf16.log");
    const text = "line one\r\nError: AADSTS7000215: Invalid client secret provided.\r\n";
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const { report } = await scanJson([path]);
    expect(report.files[0]?.failures[0]).toMatchObject({ line: 2 });
  });

  it("chunk boundaries anywhere give the same answer", () => {
    const text = Buffer.from(
      ciLog(
        [
          { at: 7, text: fixture("azure-sdk-for-js-31080.log") },
          { at: 40, text: fixture("azure-login-475.log") },
        ],
        60,
      ),
    );
    const whole = new LogScanner();
    whole.write(text);
    const expected = whole.end().failures.map((f) => [f.line, f.endLine, f.count]);
    expect(expected.length).toBe(2);
    for (const size of [1, 3, 17, 64, 1000]) {
      const scanner = new LogScanner();
      for (let at = 0; at < text.length; at += size) scanner.write(text.subarray(at, at + size));
      expect(
        scanner.end().failures.map((f) => [f.line, f.endLine, f.count]),
        String(size),
      ).toEqual(expected);
    }
  });

  it("an empty log is no failure; a missing file or a directory is exit 2; --json with --format is a usage error", async () => {
    expect((await scan(["-"], "")).code).toBe(0);
    const missing = await scan(["no-such.log"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no-such.log: no such file");
    mkdirSync(join(dir, "a-directory"), { recursive: true });
    expect((await scan([join(dir, "a-directory")])).code).toBe(2);
    expect((await scan(["--json", "--format", "github", "-"], "x")).code).toBe(2);
    expect((await scan(["--format", "xml", "-"], "x")).code).toBe(2);
    const tty = fakeIo({ stdinIsTTY: true });
    expect(await run(["scan"], tty)).toBe(2);
  });
});

describe("annotations for CI runs", () => {
  it("GitHub: one ::error per failure, with file, line and title, message escaped", async () => {
    const { code, out } = await scan([
      "--format",
      "github",
      "azure-login-475.log",
      "azure-sdk-for-net-17113.log",
    ]);
    expect(code).toBe(1);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=azure-login-475\.log,line=2,title=AADSTS7000215%3A [^:,]+::/);
    expect(lines[1]).toMatch(/^::error file=azure-sdk-for-net-17113\.log,line=2,title=/);
    for (const line of lines) expect(line).toContain("explain ");
  });

  it("Azure DevOps: ##vso[task.logissue type=error;sourcepath=…;linenumber=…]", async () => {
    const { out } = await scan(["--format", "azure-devops", "vsts-publish-adf-91.log"]);
    expect(out).toMatch(
      /^##vso\[task\.logissue type=error;sourcepath=vsts-publish-adf-91\.log;linenumber=1\]AADSTS7000215: /,
    );
    expect(out.trimEnd().split("\n")).toHaveLength(1);
  });

  it("standard input has no file property", async () => {
    const { out } = await scan(["--format", "github", "-"], fixture("azure-login-515.log"));
    expect(out).toMatch(/^::error line=1,title=/);
  });

  it("escapes by each runner's rules, so a message can never close the command or start another", () => {
    expect(escapeGithubData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeGithubProperty("a:b,c%d\ne")).toBe("a%3Ab%2Cc%25d%0Ae");
    expect(escapeAzureDevOpsProperty("a;b]c%d\re")).toBe("a%3Bb%5Dc%AZP25d%0De");
    const hostile = {
      file: "x,y:z.log",
      line: 3,
      title: "t,i:t\nle",
      message: "m\n::error::forged\r\n##vso[task.complete]",
    };
    const github = githubAnnotation(hostile);
    expect(github).toBe(
      "::error file=x%2Cy%3Az.log,line=3,title=t%2Ci%3At%0Ale::m%0A::error::forged%0D%0A##vso[task.complete]",
    );
    expect(github.split("\n")).toHaveLength(1);
    const devops = azureDevOpsAnnotation(hostile);
    expect(devops.split("\n")).toHaveLength(1);
    expect(devops.startsWith("##vso[task.logissue type=error;sourcepath=x,y:z.log;linenumber=3]")).toBe(true);
  });
});
