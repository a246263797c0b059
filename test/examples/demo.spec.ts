/**
 * The README's first command, `npm run demo`: every stage must end the way it says, nothing may leave loopback,
 * and no secret the stages use may be printed.
 */
import { describe, expect, it } from "vitest";
import { PIPELINES } from "../lab/harness/fakePipelines.js";
import { recordProduced } from "../lab/harness/producedEntries.js";
import { runDemo } from "../../examples/demo.js";

describe("npm run demo", () => {
  it("walks through every stage as expected, on loopback only, printing no secret", async () => {
    let output = "";
    const result = await runDemo((text) => (output += text), { color: false, json: false });

    expect(result).toMatchObject({ failures: [], blocked: [] });
    expect(result.leading).toHaveLength(7);
    for (const id of result.leading) recordProduced(id);
    expect(output.match(/^── \d\/\d /gm)).toHaveLength(8);
    expect(output).toContain("warning: ClientSecretCredential was rejected");
    expect(output).toContain("No credential in the chain is set up on this machine");
    expect(output).toContain("Token the service refused");
    expect(output).toContain("All stages behaved as expected");
    for (const secret of [
      PIPELINES.systemAccessToken,
      "wrong-secret-for-the-demo",
      "expired-secret-for-the-demo",
      "demo-secret",
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  });

  it("prints the whole event stream as JSON lines with --json", async () => {
    let output = "";
    const result = await runDemo((text) => (output += text), { color: false, json: true });

    expect(result.failures).toEqual([]);
    const events = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { stage: number; type: string });
    expect(new Set(events.map((e) => e.stage)).size).toBe(8);
    expect(events.filter((e) => e.type === "token.warning").map((e) => e.stage)).toContain(1);
    expect(output).not.toContain(PIPELINES.systemAccessToken);
  });
});
