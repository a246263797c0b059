/** `codes` through `run()`: listing, filtering, JSON and exit statuses. */
import { describe, expect, it } from "vitest";
import type { KnowledgeListing } from "../../src/cli/commands/codes.js";
import { listKnowledgeEntries } from "../../src/knowledge/index.js";
import { run } from "../../src/cli/run.js";
import { fakeIo } from "./fakeIo.js";

async function listing(...words: string[]): Promise<KnowledgeListing[]> {
  const io = fakeIo();
  await run(["codes", "--json", ...words], io);
  return JSON.parse(io.out()) as KnowledgeListing[];
}

describe("codes", () => {
  it("lists every entry, one line each with id, codes and title, and exits 0", async () => {
    const io = fakeIo();
    expect(await run(["codes"], io)).toBe(0);
    const lines = io.out().trimEnd().split("\n");
    const entries = listKnowledgeEntries();
    expect(lines).toHaveLength(entries.length);
    const secret = lines.find((line) => line.startsWith("client-secret-invalid "));
    expect(secret).toMatch(/^client-secret-invalid +AADSTS7000215 +The client secret/);
  });

  it("adds a count footer on a terminal only", async () => {
    const tty = fakeIo({ stdoutIsTTY: true, env: { NO_COLOR: "1" } });
    await run(["codes"], tty);
    expect(tty.out()).toContain(`${listKnowledgeEntries().length} entries.`);
  });

  it("prints { id, title, category, stsCodes, serviceCodes, retryable, retired } for each entry with --json", async () => {
    const all = await listing();
    expect(all).toHaveLength(listKnowledgeEntries().length);
    expect(all.find((e) => e.id === "client-secret-invalid")).toEqual({
      id: "client-secret-invalid",
      title: listKnowledgeEntries().find((e) => e.id === "client-secret-invalid")?.title,
      category: "credential-invalid",
      stsCodes: ["AADSTS7000215"],
      serviceCodes: [],
      retryable: false,
      retired: false,
    });
    expect(all.some((e) => e.serviceCodes.includes("AuthorizationFailed"))).toBe(true);
  });

  it("keeps only entries matching every word, case-insensitively", async () => {
    const secret = await listing("SECRET");
    expect(secret.length).toBeGreaterThan(1);
    expect(secret.every((e) => `${e.id} ${e.title} ${e.category}`.toLowerCase().includes("secret"))).toBe(
      true,
    );
    const narrower = await listing("secret", "expired");
    expect(narrower.length).toBeGreaterThan(0);
    expect(narrower.length).toBeLessThan(secret.length);
    expect(await listing("secret expired")).toEqual(narrower);
  });

  it("matches a number to that AADSTS code exactly, with or without the prefix", async () => {
    const byNumber = await listing("70002");
    expect(byNumber.length).toBeGreaterThan(0);
    expect(byNumber.every((e) => e.stsCodes.includes("AADSTS70002"))).toBe(true);
    expect(await listing("AADSTS70002")).toEqual(byNumber);
  });

  it("exits 1 with a note on standard error when nothing matches", async () => {
    const io = fakeIo();
    expect(await run(["codes", "zzz-nothing"], io)).toBe(1);
    expect(io.out()).toBe("");
    expect(io.err()).toContain("no knowledge entry matches 'zzz-nothing'");
    const json = fakeIo();
    expect(await run(["codes", "--json", "zzz-nothing"], json)).toBe(1);
    expect(JSON.parse(json.out())).toEqual([]);
  });
});
