/** `explain` through `run()`: every input source, lookups, JSON, exit statuses and every kind of bad input. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { explainAuthError } from "../../src/explainAuthError.js";
import { lookupKnowledge } from "../../src/knowledge/index.js";
import type { Diagnosis } from "../../src/diagnosis/types.js";
import type { KnowledgeLookupResult } from "../../src/cli/commands/explain.js";
import { decodeInput, MAX_INPUT_BYTES } from "../../src/cli/input.js";
import { run } from "../../src/cli/run.js";
import { fakeIo } from "./fakeIo.js";

const dir = mkdtempSync(join(tmpdir(), "cli-explain-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const SECRET_ERROR =
  "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'. Trace ID: 0f4c7a35-1c7e-4bb8-9c8e-7d1b6a2f3e00 Correlation ID: 3c1f2a9b-8d7e-4f6a-9b5c-2e1d0c9b8a7f Timestamp: 2024-05-01 10:00:00Z";

const AGGREGATE = [
  "ChainedTokenCredential authentication failed.",
  "CredentialUnavailableError: EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.",
  "CredentialUnavailableError: Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
].join("\n");

describe("explain: diagnosing text", () => {
  it("diagnoses the words given as arguments and exits 0 when a knowledge entry matched", async () => {
    const io = fakeIo();
    expect(await run(["explain", ...SECRET_ERROR.split(" ")], io)).toBe(0);
    expect(io.out()).toContain(explainAuthError(SECRET_ERROR).matches[0]?.cause ?? "<no cause>");
    expect(io.out()).toContain("What to do");
    expect(io.out()).toContain("Correlation ID: 3c1f2a9b-8d7e-4f6a-9b5c-2e1d0c9b8a7f");
    expect(io.err()).toBe("");
  });

  it("prints exactly explainAuthError's Diagnosis with --json", async () => {
    const io = fakeIo();
    expect(await run(["explain", "--json", SECRET_ERROR], io)).toBe(0);
    const printed = JSON.parse(io.out()) as Diagnosis;
    expect(printed).toEqual(JSON.parse(JSON.stringify(explainAuthError(SECRET_ERROR))));
    expect(printed.matches[0]?.id).toBe("client-secret-invalid");
    expect(io.out().endsWith("}\n")).toBe(true);
  });

  it("exits 1 when nothing in the knowledge base matches, and shows the message it could not explain", async () => {
    const io = fakeIo();
    expect(await run(["explain", "the printer is on fire"], io)).toBe(1);
    expect(io.out()).toContain("No knowledge entry matched");
    expect(io.out()).toContain("the printer is on fire");
    const json = fakeIo();
    expect(await run(["explain", "--json", "the printer is on fire"], json)).toBe(1);
    expect((JSON.parse(json.out()) as Diagnosis).matches).toEqual([]);
  });

  it("adds the original (redacted) message only with --message", async () => {
    const without = fakeIo();
    await run(["explain", SECRET_ERROR], without);
    expect(without.out()).not.toContain("Original message");
    const withMessage = fakeIo();
    await run(["explain", "--message", SECRET_ERROR], withMessage);
    expect(withMessage.out()).toContain("Original message");
    expect(withMessage.out()).toContain("Invalid client secret provided");
  });

  it("reads a multi-line aggregate piped to standard input and lists each credential tried", async () => {
    const io = fakeIo({ stdin: [AGGREGATE.slice(0, 50), AGGREGATE.slice(50)] });
    expect(await run(["explain"], io)).toBe(0);
    const expected = explainAuthError(AGGREGATE);
    expect(expected.attempts.length).toBeGreaterThanOrEqual(2);
    expect(io.out()).toContain("Credentials tried");
    for (const attempt of expected.attempts) expect(io.out()).toContain(attempt.summary);
  });

  it("reads standard input for '-' and for --file -", async () => {
    for (const argv of [
      ["explain", "-"],
      ["explain", "--file", "-"],
      ["explain", "-f", "-"],
    ]) {
      const io = fakeIo({ stdin: SECRET_ERROR, stdinIsTTY: true });
      expect(await run(argv, io)).toBe(0);
      expect(io.out()).toContain("client secret");
    }
  });

  it("reads a file given with --file, relative to the working directory", async () => {
    file("error.txt", `${AGGREGATE}\n`);
    const io = fakeIo({ cwd: dir, stdinIsTTY: true });
    expect(await run(["explain", "--file", "error.txt", "--json"], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual(JSON.parse(JSON.stringify(explainAuthError(`${AGGREGATE}\n`))));
  });

  it("decodes a UTF-16 file with a byte-order mark (Windows PowerShell's redirection)", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SECRET_ERROR, "utf16le")]);
    const io = fakeIo();
    expect(await run(["explain", "--json", "--file", file("ps.txt", utf16)], io)).toBe(0);
    expect((JSON.parse(io.out()) as Diagnosis).stsCode).toBe("AADSTS7000215");
  });

  it("never prints back a secret that was in the input, as text or as JSON", async () => {
    const jwt =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tLyJ9.c2lnbmF0dXJlLW9mLWEtZmFrZS10b2tlbg";
    const secret = "Abc8Q~cli-secret-value-0123456789abcdefghij";
    const text = `${SECRET_ERROR}\nrequest body: grant_type=client_credentials&client_secret=${secret}&scope=x\nAuthorization: Bearer ${jwt}\nthe printer caught fire`;
    for (const argv of [["explain"], ["explain", "--json"], ["explain", "--message"]]) {
      const io = fakeIo({ stdin: text });
      await run(argv, io);
      expect(io.out()).not.toContain(secret);
      expect(io.out()).not.toContain(jwt);
      expect(io.out()).not.toContain("c2lnbmF0dXJlLW9mLWEtZmFrZS10b2tlbg");
    }
  });
});

describe("explain: codes and ids show knowledge entries", () => {
  it.each([["AADSTS700016"], ["700016"], ["aadsts700016"]])(
    "%s prints every entry listing AADSTS700016",
    async (query) => {
      const io = fakeIo({ stdinIsTTY: true });
      expect(await run(["explain", query], io)).toBe(0);
      const entries = lookupKnowledge("AADSTS700016");
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(io.out()).toContain(entry.title);
        expect(io.out()).toContain(`id ${entry.id}`);
      }
      expect(io.out()).toContain("https://login.microsoftonline.com/error?code=700016");
      expect(io.out()).not.toContain("Authentication failed:");
    },
  );

  it("prints { query, entries, lookupUrl } with --json", async () => {
    const io = fakeIo();
    expect(await run(["explain", "700016", "--json"], io)).toBe(0);
    const result = JSON.parse(io.out()) as KnowledgeLookupResult;
    expect(result.query).toBe("700016");
    expect(result.entries.map((e) => e.id)).toEqual(lookupKnowledge("700016").map((e) => e.id));
    expect(result.lookupUrl).toBe("https://login.microsoftonline.com/error?code=700016");
  });

  it("prints one entry by its id, with its cause and mitigations", async () => {
    const [entry] = lookupKnowledge("client-secret-invalid");
    const io = fakeIo();
    expect(await run(["explain", "client-secret-invalid"], io)).toBe(0);
    expect(io.out()).toContain(entry?.cause ?? "<none>");
    for (const mitigation of entry?.mitigations ?? []) expect(io.out()).toContain(mitigation);
    const json = fakeIo();
    await run(["explain", "--json", "client-secret-invalid"], json);
    expect((JSON.parse(json.out()) as KnowledgeLookupResult).lookupUrl).toBeNull();
  });

  it("finds entries by a service error code", async () => {
    const io = fakeIo();
    expect(await run(["explain", "--json", "AuthorizationFailed"], io)).toBe(0);
    const ids = (JSON.parse(io.out()) as KnowledgeLookupResult).entries.map((e) => e.id);
    expect(ids).toEqual(lookupKnowledge("AuthorizationFailed").map((e) => e.id));
    expect(ids.length).toBeGreaterThan(0);
  });

  it("diagnoses a code no entry lists as that AADSTS code, with Microsoft's lookup link", async () => {
    expect(lookupKnowledge("9999991")).toEqual([]);
    const io = fakeIo();
    expect(await run(["explain", "--json", "9999991"], io)).toBe(0);
    const diagnosis = JSON.parse(io.out()) as Diagnosis;
    expect(diagnosis.stsCode).toBe("AADSTS9999991");
    expect(diagnosis.lookupUrl).toContain("code=9999991");
  });

  it("treats several words as an error to diagnose, not as a lookup", async () => {
    const io = fakeIo();
    await run(["explain", "--json", "AADSTS700016", "AADSTS7000215"], io);
    expect((JSON.parse(io.out()) as Diagnosis).stsCodes).toEqual(["AADSTS700016", "AADSTS7000215"]);
  });
});

describe("explain: bad input exits 2 with one clear line and no stack trace", () => {
  async function refused(
    argv: string[],
    options: Parameters<typeof fakeIo>[0],
    message: RegExp,
  ): Promise<void> {
    const io = fakeIo(options);
    expect(await run(argv, io)).toBe(2);
    expect(io.out()).toBe("");
    expect(io.err()).toMatch(message);
    expect(io.err()).not.toMatch(/\n\s+at /);
  }

  it("refuses to wait on a terminal when no text is given, without reading it", async () => {
    let pulled = false;
    const stdin = {
      [Symbol.asyncIterator]: () => {
        pulled = true;
        return [][Symbol.iterator]() as unknown as AsyncIterator<string>;
      },
    };
    await refused(
      ["explain"],
      { stdin, stdinIsTTY: true },
      /no error given: pass it as arguments, with --file PATH, or pipe it/,
    );
    expect(pulled).toBe(false);
  });

  it("refuses empty or blank standard input", async () => {
    await refused(["explain"], { stdin: "" }, /standard input is empty/);
    await refused(["explain"], { stdin: " \n\t\n" }, /standard input is empty/);
  });

  it("refuses empty text and an empty file", async () => {
    await refused(["explain", "  "], {}, /the error text given is empty/);
    await refused(["explain", "--file", file("empty.txt", "")], {}, /empty\.txt is empty/);
    await refused(["explain", "--file="], {}, /an empty path was given/);
  });

  it("refuses binary data: NUL bytes, and bytes that are not UTF-8", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    await refused(
      ["explain", "--file", file("image.png", png)],
      {},
      /image\.png looks like a binary file \(it contains NUL bytes\)/,
    );
    await refused(["explain"], { stdin: png }, /standard input looks like a binary file/);
    const latin1 = Buffer.from("AADSTS7000215 caf\xe9 ", "latin1");
    await refused(
      ["explain", "--file", file("latin1.txt", latin1)],
      {},
      /latin1\.txt is not valid UTF-8 text/,
    );
  });

  it("refuses a missing file, a directory and a path that cannot be read", async () => {
    await refused(["explain", "--file", join(dir, "nope.txt")], {}, /nope\.txt: no such file/);
    await refused(["explain", "--file", dir], {}, /is a directory, not a file/);
    const notADir = file("plain.txt", "x");
    await refused(["explain", "--file", join(notADir, "child")], {}, /child could not be read \(ENOTDIR\)/);
  });

  it("refuses text and --file together", async () => {
    await refused(
      ["explain", "--file", "x.txt", "AADSTS7000215"],
      {},
      /either as arguments or with --file, not both/,
    );
  });
});

describe("explain: oversized input", () => {
  const MiB = 1024 * 1024;

  it("reads at most the cap of a 50 MB paste, stops pulling the stream, warns, and still explains it", async () => {
    let pulled = 0;
    const chunk = Buffer.alloc(64 * 1024, "x");
    async function* paste(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`${SECRET_ERROR}\n`);
      for (let sent = 0; sent < 50 * MiB; sent += chunk.length) {
        pulled += chunk.length;
        await Promise.resolve();
        yield chunk;
      }
    }
    const io = fakeIo({ stdin: paste() });
    expect(await run(["explain", "--json"], io)).toBe(0);
    expect(pulled).toBeLessThanOrEqual(MAX_INPUT_BYTES + chunk.length);
    expect(io.err()).toBe(
      "azure-identity-diagnostics: standard input is larger than 8 MiB; only its first 8 MiB were read\n",
    );
    expect((JSON.parse(io.out()) as Diagnosis).stsCode).toBe("AADSTS7000215");
  });

  it("reads at most the cap of a large file", async () => {
    const big = file(
      "big.log",
      Buffer.concat([Buffer.from(`${SECRET_ERROR}\n`), Buffer.alloc(MAX_INPUT_BYTES + MiB, "y")]),
    );
    const io = fakeIo();
    expect(await run(["explain", "--file", big], io)).toBe(0);
    expect(io.err()).toContain("big.log is larger than 8 MiB; only its first 8 MiB were read");
  });

  it("keeps a character the cap cuts in half from counting as invalid UTF-8", () => {
    const input = decodeInput(Buffer.from("aéé", "utf8"), "test", 4);
    expect(input).toEqual({ text: "aé", source: "test", truncated: true });
  });
});
