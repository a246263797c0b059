/**
 * `whoami` against the lab's fakes, with the real DefaultAzureCredential: a laptop whose az is signed in, an App
 * Service managed identity, and a machine with nothing configured. Managed identity's IMDS probe goes through
 * HTTP_PROXY to a closed loopback port, so it fails at once and never leaves the machine.
 */
import { describe, expect, it } from "vitest";
import { createWhoamiCommand, type WhoamiResult } from "../../src/cli/commands/whoami.js";
import { run } from "../../src/cli/run.js";

import { MANAGED_IDENTITY, startFakeManagedIdentity, token } from "../lab/harness/fakeManagedIdentity.js";
import { azBehaviour, hangBehaviour } from "../lab/harness/fakeTools.js";
import { LAB } from "../lab/harness/tokens.js";
import { fakeIo } from "./fakeIo.js";
import { useLiveMachine } from "./liveMachine.js";

const command = createWhoamiCommand();
const ESC = "\u001b[";

async function whoami(
  env: Record<string, string>,
  args: readonly string[] = [],
  stdoutIsTTY = false,
): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo({ env, stdoutIsTTY });
  const code = await run(["whoami", ...args], io, [command]);
  return { code, out: io.out(), err: io.err() };
}

/** Claims a user token from `az account get-access-token` carries. */
const USER_CLAIMS = {
  idtyp: "user",
  oid: LAB.userObjectId,
  sub: "x5bEHoaE0bVxM8bJ0lS9kz1Ud3T3GJ6nLEbL3v9XG4E",
  appid: "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
  scp: "user_impersonation",
  upn: LAB.userName,
  unique_name: LAB.userName,
  name: "Lab User",
  given_name: "Lab",
  family_name: "User",
  amr: ["pwd", "mfa"],
} as const;

const machine = useLiveMachine();

function expectNoTokenIn(outputs: readonly string[], tokens: readonly string[]): void {
  expect(tokens.length).toBeGreaterThan(0);
  for (const issued of tokens) {
    const [header, payload, signature] = issued.split(".");
    for (const output of outputs) {
      expect(output).not.toContain(issued);
      expect(output).not.toContain(signature);
      expect(output).not.toContain(payload);
      expect(output).not.toContain(header);
    }
  }
}

describe("whoami on a developer laptop with az signed in", () => {
  it("prints the tenant, object id, app id, type, audience, expiry and scopes, and names AzureCliCredential", async () => {
    machine.tools.az(azBehaviour.token({ claims: USER_CLAIMS }));
    const result = await whoami({ PATH: machine.tools.bin, ...machine.noImds });

    expect(result.code).toBe(0);
    expect(result.err).toBe("");
    const out = result.out;
    expect(out).toMatch(
      /^\[ok\] Token for https:\/\/management\.azure\.com\/\.default from AzureCliCredential in \d+ ms\n/,
    );
    expect(out).toMatch(
      /\n {2}Tried first: EnvironmentCredential \(unavailable\), ManagedIdentityCredential \(unavailable\), VisualStudioCodeCredential \(unavailable\)\n/,
    );
    expect(out).toMatch(new RegExp(`Tenant: +${LAB.tenantId}\\n`));
    expect(out).toMatch(new RegExp(`Object id: +${LAB.userObjectId}\\n`));
    expect(out).toMatch(/App id: +04b07795-8ddb-461a-bbee-02f9e1bf7b46\n/);
    expect(out).toMatch(/Identity type: +user\n/);
    expect(out).toMatch(/Audience: +https:\/\/management\.azure\.com\/\n/);
    expect(out).toMatch(/Expires: +\d{4}-\d\d-\d\dT[\d:.]+Z \(in (59|60) min\)\n/);
    expect(out).toMatch(/Scopes: +user_impersonation\n/);
    expect(out).toMatch(/Roles: +-\n/);
    expect(out).not.toContain("Managed identity:");
    // User names stay out unless asked for; the line says how to see them.
    expect(out).toMatch(/User name: +not shown \(--show-user-names shows it\)/);
    for (const name of [LAB.userName, "Lab User"]) expect(out).not.toContain(name);
    // The default scope reached az as its resource.
    expect(machine.tools.calls("az").at(-1)).toEqual(
      expect.arrayContaining(["--resource", "https://management.azure.com"]),
    );
    expectNoTokenIn([result.out, result.err], machine.tools.issuedTokens);
  });

  it("shows the user name only with --show-user-names, in text and in JSON", async () => {
    machine.tools.az(azBehaviour.token({ claims: USER_CLAIMS }));
    const env = { PATH: machine.tools.bin, ...machine.noImds };
    const text = await whoami(env, ["--show-user-names"]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(new RegExp(`User name: +${LAB.userName.replaceAll(".", "\\.")}\\n`));

    const json = await whoami(env, ["--json", "--show-user-names"]);
    expect((JSON.parse(json.out) as WhoamiResult).identity?.userName).toBe(LAB.userName);
    const hidden = await whoami(env, ["--json"]);
    expect((JSON.parse(hidden.out) as WhoamiResult).identity?.userName).toBeNull();
    expect(hidden.out).not.toContain(LAB.userName);
    expectNoTokenIn([text.out, json.out, hidden.out], machine.tools.issuedTokens);
  });

  it("asks for the scope given with --scope", async () => {
    machine.tools.az(azBehaviour.token({ claims: { ...USER_CLAIMS, audience: "https://vault.azure.net" } }));
    const result = await whoami({ PATH: machine.tools.bin, ...machine.noImds }, [
      "--scope",
      "https://vault.azure.net/.default",
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("Token for https://vault.azure.net/.default from AzureCliCredential");
    expect(result.out).toMatch(/Audience: +https:\/\/vault\.azure\.net\n/);
    expect(machine.tools.calls("az").at(-1)).toEqual(
      expect.arrayContaining(["--resource", "https://vault.azure.net"]),
    );
  });

  it("colours on a terminal, not when piped, and not on a terminal when NO_COLOR is set", async () => {
    machine.tools.az(azBehaviour.token({ claims: USER_CLAIMS }));
    const env = { PATH: machine.tools.bin, ...machine.noImds };
    const terminal = await whoami(env, [], true);
    expect(terminal.out).toContain(ESC);
    expect(terminal.out).toContain("✔");
    const noColor = await whoami({ ...env, NO_COLOR: "1" }, [], true);
    expect(noColor.out).not.toContain(ESC);
    expect(noColor.out).toContain("✔");
    const piped = await whoami(env);
    expect(piped.out).not.toContain(ESC);
    expect(piped.out).toContain("[ok]");
  });

  it("--timeout is in seconds: a hung az is abandoned after it, with exit 1", async () => {
    machine.tools.az(hangBehaviour({ seconds: 20 }));
    const started = Date.now();
    const result = await whoami({ PATH: machine.tools.bin, ...machine.noImds }, [
      "--json",
      "--timeout",
      "0.5",
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(1);
    const answer = JSON.parse(result.out) as WhoamiResult;
    expect(answer).toMatchObject({ outcome: "failure", timedOut: true, timeoutMs: 500, identity: null });
    expect(answer.attempts.find((a) => a.credential === "AzureCliCredential")?.outcome).toBe("timed-out");
  });
});

describe("whoami on an App Service with a managed identity", () => {
  it("names ManagedIdentityCredential and shows the identity's resource id and roles; --json has the documented keys", async () => {
    const appService = await startFakeManagedIdentity({ kind: "appService" });
    try {
      appService.respond(token({ claims: { roles: ["Storage.Read", "Vault.Secrets.Get"] } }));
      const env = { PATH: machine.env.emptyBin, ...appService.env };
      const text = await whoami(env);
      expect(text.code).toBe(0);
      expect(text.out).toContain("from ManagedIdentityCredential");
      expect(text.out).toMatch(new RegExp(`Object id: +${MANAGED_IDENTITY.systemAssignedObjectId}\\n`));
      expect(text.out).toMatch(new RegExp(`App id: +${MANAGED_IDENTITY.systemAssignedClientId}\\n`));
      expect(text.out).toMatch(/Identity type: +app\n/);
      expect(text.out).toMatch(/Roles: +Storage\.Read, Vault\.Secrets\.Get\n/);
      expect(text.out).toMatch(
        /Managed identity: +\/subscriptions\/.*\/providers\/Microsoft\.Web\/sites\/lab-app\n/,
      );
      expect(text.out).not.toContain("User name");
      expect(appService.requests.at(-1)?.resource).toBe("https://management.azure.com");

      const firstTokens = [...appService.issuedTokens];
      // msal-node caches managed identity tokens process-wide: forget them so the second call asks again.
      appService.reset();
      appService.respond(token({ claims: { roles: ["Storage.Read"] } }));
      const json = await whoami(env, ["--json"]);
      expect(json.code).toBe(0);
      expect(json.err).toBe("");
      const answer = JSON.parse(json.out) as WhoamiResult;
      expect(Object.keys(answer).sort()).toEqual(
        [
          "attempts",
          "diagnosis",
          "durationMs",
          "expiresOn",
          "identity",
          "outcome",
          "scope",
          "succeededWith",
          "timedOut",
          "timeoutMs",
        ].sort(),
      );
      expect(answer).toMatchObject({
        scope: "https://management.azure.com/.default",
        timeoutMs: 15_000,
        outcome: "success",
        timedOut: false,
        succeededWith: "ManagedIdentityCredential",
        diagnosis: null,
        identity: {
          tenantId: LAB.tenantId,
          objectId: MANAGED_IDENTITY.systemAssignedObjectId,
          appId: MANAGED_IDENTITY.systemAssignedClientId,
          identityType: "app",
          audience: "https://management.azure.com",
          roles: ["Storage.Read"],
          scopes: [],
          userName: null,
        },
      });
      expect(answer.identity?.managedIdentityResourceId).toMatch(/Microsoft\.Web\/sites\/lab-app$/);
      expect(Date.parse(answer.expiresOn ?? "")).toBeGreaterThan(Date.now());
      expect(appService.issuedTokens).toHaveLength(1);
      expectNoTokenIn([text.out, text.err, json.out], [...firstTokens, ...appService.issuedTokens]);
    } finally {
      await appService.close();
    }
  });
});

describe("whoami with nothing configured", () => {
  it("prints the diagnosis and exits 1", async () => {
    const env = { PATH: machine.env.emptyBin, ...machine.noImds };
    const text = await whoami(env);
    expect(text.code).toBe(1);
    expect(text.err).toBe("");
    expect(text.out).toMatch(
      /^\[XX\] No token for https:\/\/management\.azure\.com\/\.default after \d+ ms\.\n/,
    );
    expect(text.out).toContain("Authentication failed:");

    const json = await whoami(env, ["--json"]);
    expect(json.code).toBe(1);
    const answer = JSON.parse(json.out) as WhoamiResult;
    expect(answer).toMatchObject({
      outcome: "failure",
      timedOut: false,
      succeededWith: null,
      identity: null,
    });
    expect(answer.diagnosis?.matches[0]?.id).toBe("default-credential-all-unavailable");
    expect(answer.attempts.find((a) => a.credential === "AzureCliCredential")?.outcome).toBe("unavailable");
  });
});

describe("whoami usage", () => {
  it.each([
    [["--timeout", "0"], "--timeout takes a number of seconds"],
    [["--timeout", "ten"], "--timeout takes a number of seconds"],
    [["--timeout", "601"], "--timeout takes a number of seconds"],
    [["--scope", " "], "--scope takes one scope"],
    [["--scope", "a b"], "--scope takes one scope"],
    [["--scope"], "option --scope needs a value"],
    [["--show-user-names=yes"], "does not take a value"],
    [["--bogus"], "unknown option '--bogus' for 'whoami'"],
    [["someone"], "'whoami' takes no arguments"],
  ])("%j is a usage error: exit 2, one line on standard error, no token asked for", async (args, message) => {
    machine.tools.az(azBehaviour.token());
    const result = await whoami({ PATH: machine.tools.bin, ...machine.noImds }, args);
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    const [first, ...rest] = result.err.trimEnd().split("\n");
    expect(first).toContain(message);
    expect(rest).toEqual(["Run 'azure-identity-diagnostics whoami --help' for usage."]);
    expect(machine.tools.calls("az")).toEqual([]);
  });

  it("--help lists its options and exit statuses without asking for a token", async () => {
    const result = await whoami({ PATH: machine.tools.bin, ...machine.noImds }, ["--help"]);
    expect(result.code).toBe(0);
    for (const text of [
      "--scope SCOPE",
      "--timeout SECONDS",
      "--show-user-names",
      "--json",
      "Exit status:",
    ]) {
      expect(result.out).toContain(text);
    }
    expect(machine.tools.calls("az")).toEqual([]);
  });
});
