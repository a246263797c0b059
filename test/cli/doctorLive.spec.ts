/**
 * `doctor --live` against the lab's fakes, with the real DefaultAzureCredential: a developer laptop whose az is
 * signed in (success, identity shown, smallest chain suggested) and a machine with nothing configured (diagnosis,
 * exit 1). Managed identity's IMDS probe goes through HTTP_PROXY to a closed loopback port, so it fails at once and
 * never leaves the machine. Identity reads process.env: `doctor --live` swaps the injected variables in for the call.
 */
import { describe, expect, it } from "vitest";
import { createDoctorCommand } from "../../src/cli/commands/doctor.js";
import { run } from "../../src/cli/run.js";
import type { LiveCheckResult } from "../../src/node/doctor/liveCheck.js";
import type { DoctorReport } from "../../src/node/doctor/types.js";

import { probeOnlyThenHang, startFakeManagedIdentity } from "../lab/harness/fakeManagedIdentity.js";
import { azBehaviour } from "../lab/harness/fakeTools.js";
import { LAB } from "../lab/harness/tokens.js";
import { fakeIo } from "./fakeIo.js";
import { useLiveMachine } from "./liveMachine.js";

const command = createDoctorCommand({
  machine: {
    azureVm: null,
    arcAgentInstalled: false,
    vscodePluginInstalled: false,
    brokerPluginInstalled: false,
  },
});

async function doctorLive(env: Record<string, string>, args: readonly string[] = [], stdoutIsTTY = false) {
  const io = fakeIo({ env, stdoutIsTTY });
  const code = await run(["doctor", "--live", ...args], io, [command]);
  return { code, out: io.out(), err: io.err() };
}

const machine = useLiveMachine();

describe("doctor --live", () => {
  it("a developer laptop with az signed in: the token's identity, each member's time, and the smallest chain", async () => {
    machine.tools.az(
      azBehaviour.token({ claims: { idtyp: "user", oid: LAB.userObjectId, upn: LAB.userName } }),
    );
    const pathBefore = process.env.PATH;
    const env = { PATH: machine.tools.bin, ...machine.noImds };

    const text = await doctorLive(env, [], true);
    expect(text.code).toBe(0);
    expect(text.out).toContain("Token from AzureCliCredential");
    expect(text.out).toContain(`Tenant:        ${LAB.tenantId}`);
    expect(text.out).toContain(`Object id:     ${LAB.userObjectId}`);
    expect(text.out).toContain("Identity type: user");
    expect(text.out).toContain("AZURE_TOKEN_CREDENTIALS=AzureCliCredential");
    expect(text.out).toContain("AZURE_TOKEN_CREDENTIALS=dev");
    expect(text.out).toContain("(includes the IMDS probe)");
    // The progress line is drawn on standard error on a terminal, and erased at the end.
    expect(text.err).toContain("asking AzureCliCredential for a token");
    expect(text.err.endsWith("\r\u001b[K")).toBe(true);
    expect(process.env.PATH).toBe(pathBefore);
    expect(process.env.HTTP_PROXY).toBeUndefined();

    machine.tools.az(azBehaviour.token());
    const json = await doctorLive(env, ["--json"]);
    expect(json.code).toBe(0);
    expect(json.err).toBe("");
    const report = JSON.parse(json.out) as DoctorReport & { live: LiveCheckResult };
    expect(report.prediction.firstResponder).toBe("AzureCliCredential");
    expect(report.live).toMatchObject({
      outcome: "success",
      succeededWith: "AzureCliCredential",
      timedOut: false,
      diagnosis: null,
    });
    expect(report.live.identity).toMatchObject({
      tenantId: LAB.tenantId,
      objectId: LAB.objectId,
      appId: LAB.clientId,
      userName: null,
    });
    expect(report.live.suggestion).toEqual({
      setting: "AZURE_TOKEN_CREDENTIALS=AzureCliCredential",
      family: "AZURE_TOKEN_CREDENTIALS=dev",
      inCode: "new AzureCliCredential()",
      note: null,
    });
    const managed = report.live.attempts.find((a) => a.credential === "ManagedIdentityCredential");
    expect(managed).toMatchObject({ outcome: "unavailable" });
    expect(managed?.durationMs).toEqual(expect.any(Number));
    expect(report.live.attempts.find((a) => a.credential === "AzureCliCredential")?.outcome).toBe(
      "succeeded",
    );

    expect(machine.tools.issuedTokens.length).toBe(2);
    for (const token of machine.tools.issuedTokens) {
      for (const output of [text.out, text.err, json.out]) {
        expect(output).not.toContain(token);
        expect(output).not.toContain(token.split(".")[2]);
      }
    }
    expect(text.out).not.toContain(LAB.userName);
  });

  it("nothing configured: every member unavailable, the diagnosis printed, exit 1", async () => {
    const env = { PATH: machine.env.emptyBin, ...machine.noImds };
    const text = await doctorLive(env);
    expect(text.code).toBe(1);
    expect(text.out).toContain("No token");
    expect(text.out).toContain("Authentication failed:");
    expect(text.err).toBe("");
    // The attempt list is printed once, in the live section, not again inside the diagnosis.
    expect(text.out).not.toContain("Credentials tried");
    const live = text.out.slice(text.out.indexOf("Live check:"));
    expect(live.match(/AzureCliCredential +unavailable/g)?.length).toBe(1);

    const json = await doctorLive(env, ["--json", "--timeout", "10"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as DoctorReport & { live: LiveCheckResult };
    expect(report.live.outcome).toBe("failure");
    expect(report.live.timeoutMs).toBe(10000);
    expect(report.live.diagnosis?.matches[0]?.id).toBe("default-credential-all-unavailable");
    const outcomes = Object.fromEntries(report.live.attempts.map((a) => [a.credential, a.outcome]));
    // Text and JSON use the same words: every outcome and every member state appears verbatim in the text.
    for (const attempt of report.live.attempts) expect(text.out).toContain(attempt.outcome);
    for (const member of report.chain) {
      expect(text.out).toMatch(new RegExp(`${member.credential} +${member.prediction} `));
    }
    expect(outcomes).toMatchObject({
      EnvironmentCredential: "unavailable",
      ManagedIdentityCredential: "unavailable",
      AzureCliCredential: "unavailable",
    });
    expect(
      report.live.diagnosis?.attempts.find((a) => a.credential === "ManagedIdentityCredential")?.match?.id,
    ).toBe("imds-not-available");
  });

  it("IMDS that answers the probe but never the token: --timeout stops the wait and names the member", async () => {
    const imds = await startFakeManagedIdentity({ kind: "imds" });
    try {
      imds.respond(probeOnlyThenHang());
      const env = { PATH: machine.env.emptyBin, ...imds.proxyEnv, NO_PROXY: "127.0.0.1,localhost" };
      const started = Date.now();
      const json = await doctorLive(env, ["--json", "--timeout", "0.4"]);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.out) as DoctorReport & { live: LiveCheckResult };
      expect(report.live).toMatchObject({ outcome: "failure", timedOut: true });
      expect(report.live.attempts.find((a) => a.credential === "ManagedIdentityCredential")?.outcome).toBe(
        "timed-out",
      );
      expect(imds.requests.some((r) => r.isProbe)).toBe(true);
    } finally {
      await imds.close();
    }
  });
});
