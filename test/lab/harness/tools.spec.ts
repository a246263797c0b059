/**
 * Proves the fake `az`, `azd` and `pwsh` against the real AzureCliCredential, AzureDeveloperCliCredential and
 * AzurePowerShellCredential (@azure/identity 4.13.1, Linux, Node 20). Every failure is a
 * CredentialUnavailableError. Messages observed, per fake behaviour (scope https://management.azure.com/.default;
 * {…} marks the parts that vary):
 *
 * AzureCliCredential (argv: account get-access-token --output json --resource https://management.azure.com
 * [--tenant T] [--subscription S])
 * - notLoggedIn, tokenCacheMissing (stderr holds `az login` without `--scope`):
 *     "Please run 'az login' from a command prompt to authenticate before using this credential."
 * - expiredLogin / mfaRequired / stsRejected (stderr holds `az login --scope`): az's stderr verbatim, e.g.
 *     "ERROR: AADSTS700082: The refresh token has expired due to inactivity. The token was issued on {iso} and was
 *     inactive for 90.00:00:00.\nTrace ID: {id}\nCorrelation ID: {id}\nTimestamp: {yyyy-mm-dd hh:mm:ss}Z\n
 *     Interactive authentication is needed. Please run:\naz login --scope https://management.azure.com/.default\n"
 *     (`recommendation: "legacy"`: "To re-authenticate, please run:" instead of "Interactive authentication …")
 * - subscriptionNotFound: "ERROR: Subscription '{S}' not found. Check the spelling and casing and try again.\n"
 * - token with a bad expiresOn and no expires_on:
 *     "Unexpected response from Azure CLI when getting token. Expected \"expiresOn\" to be a RFC3339 date string.
 *     Got: \"{text}\""
 * - hang + processTimeoutInMs, or empty output: "Unexpected end of JSON input"
 * - raw non-JSON stdout, no stderr: V8's JSON.parse text, e.g. "Unexpected token 'o', \"not json\" is not valid JSON"
 * - raw stderr + no JSON: the stderr verbatim
 * - removed: "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and
 *     then, once installed, authenticate to your Azure account using 'az login'."
 *
 * AzureDeveloperCliCredential (argv: auth token --output json --no-prompt --scope S [--scope S2] [--tenant-id T])
 * - notLoggedIn: "Please run 'azd auth login' from a command prompt to authenticate before using this credential.
 *     For more information, see the troubleshooting guidelines at
 *     https://aka.ms/azsdk/js/identity/azdevclicredential/troubleshoot."
 * - reauthRequired, mfaRequired: "This credential doesn't support claims challenges. To authenticate with the
 *     required claims, please run the following command: azd auth login --scope {S} [--scope {S2}]"
 * - raw stderr (e.g. any other azd consoleMessage JSON line): the stderr verbatim
 * - hang + processTimeoutInMs: "Unexpected end of JSON input"
 * - removed: "Azure Developer CLI couldn't be found. To mitigate this issue, see the troubleshooting guidelines at
 *     https://aka.ms/azsdk/js/identity/azdevclicredential/troubleshoot."
 *
 * AzurePowerShellCredential (argv: `/?` probe, then -NoProfile -NonInteractive -Command {script with
 * ResourceUrl = "https://management.azure.com" and $tenantId = "{T}"})
 * - notLoggedIn: "Please run 'Connect-AzAccount' from PowerShell to authenticate before using this credential."
 * - moduleMissing: "The 'Az.Account' module >= 2.2.0 is not installed. Install the Azure Az PowerShell module with:
 *     \"Install-Module -Name Az -Scope CurrentUser -Repository PSGallery -Force\"."
 * - any stderr, even with a token on stdout and exit 0: "Error: {stderr}. To troubleshoot, visit
 *     https://aka.ms/azsdk/js/identity/powershellcredential/troubleshoot."
 * - stdout without a JSON object holding Token: "Error: No access token found in the output. Received output:
 *     {stdout}. To troubleshoot, visit https://aka.ms/azsdk/js/identity/powershellcredential/troubleshoot."
 * - hang: processTimeoutInMs bounds only the `/?` probe, not the token command; the call lasts as long as the fake
 *     and then reports the empty output ("Error: No access token found in the output. Received output: . To …").
 * - removed: "Error: Unable to execute PowerShell. Ensure that it is installed in your system. To troubleshoot,
 *     visit https://aka.ms/azsdk/js/identity/powershellcredential/troubleshoot." — and the same for every later
 *     call in the process, even once `pwsh` is back (so that test runs last here).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AzureCliCredential, AzureDeveloperCliCredential, AzurePowerShellCredential } from "@azure/identity";
import {
  azBehaviour,
  azdBehaviour,
  createFakeTools,
  hangBehaviour,
  pwshBehaviour,
  rawBehaviour,
  type FakeTools,
} from "./fakeTools.js";
import { isolateEnv, type IsolatedEnv } from "./env.js";
import { LAB } from "./tokens.js";

const ARM_SCOPE = "https://management.azure.com/.default";
const GRAPH_SCOPE = "https://graph.microsoft.com/.default";
const AZ_LOGIN = "Please run 'az login' from a command prompt to authenticate before using this credential.";
const AZD_LOGIN =
  "Please run 'azd auth login' from a command prompt to authenticate before using this credential. For more " +
  "information, see the troubleshooting guidelines at https://aka.ms/azsdk/js/identity/azdevclicredential/troubleshoot.";
const CLAIMS_PREFIX =
  "This credential doesn't support claims challenges. To authenticate with the required claims, please run the " +
  "following command:";
const PWSH_TROUBLESHOOT =
  "To troubleshoot, visit https://aka.ms/azsdk/js/identity/powershellcredential/troubleshoot.";

let tools: FakeTools;
let env: IsolatedEnv;

beforeAll(async () => {
  tools = await createFakeTools();
});

beforeEach(() => {
  env = isolateEnv();
  env.usePath(tools.bin);
});

afterEach(() => {
  tools.reset();
  env.restore();
});

afterAll(async () => {
  await tools.cleanup();
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error("expected a rejection");
}

function expirySeconds(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
    exp: number;
  };
  return payload.exp;
}

describe("fake az with AzureCliCredential", () => {
  it("prints a token the credential returns, for the resource it asked for", async () => {
    const behaviour = azBehaviour.token();
    tools.az(behaviour);

    const token = await new AzureCliCredential().getToken(ARM_SCOPE);

    expect(token.token).toBe(behaviour.token);
    expect(token.expiresOnTimestamp).toBe(expirySeconds(token.token) * 1000);
    expect(tools.calls("az")).toEqual([
      ["account", "get-access-token", "--output", "json", "--resource", "https://management.azure.com"],
    ]);
    expect(tools.issuedTokens).toEqual([behaviour.token]);
  });

  it("without expires_on, as az before 2.54, the credential reads the local-time expiresOn", async () => {
    const behaviour = azBehaviour.token({ withoutEpoch: true });
    tools.az(behaviour);

    const token = await new AzureCliCredential().getToken(ARM_SCOPE);

    expect(token.token).toBe(behaviour.token);
    expect(token.expiresOnTimestamp).toBe(expirySeconds(token.token) * 1000);
  });

  it("passes the tenant and the subscription on to az", async () => {
    tools.az(azBehaviour.token({ claims: { tid: LAB.otherTenantId } }));

    await new AzureCliCredential({ tenantId: LAB.otherTenantId, subscription: "Lab Subscription" }).getToken(
      ARM_SCOPE,
    );

    expect(tools.calls("az")[0]).toEqual([
      ...["account", "get-access-token", "--output", "json", "--resource", "https://management.azure.com"],
      ...["--tenant", LAB.otherTenantId, "--subscription", "Lab Subscription"],
    ]);
  });

  it("not logged in becomes identity's generic az login message", async () => {
    tools.az(azBehaviour.notLoggedIn());

    const error = await rejection(new AzureCliCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(AZ_LOGIN);
  });

  it("an empty MSAL cache (bare `az login` recommendation) also becomes the generic message", async () => {
    tools.az(azBehaviour.tokenCacheMissing());

    const error = await rejection(new AzureCliCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(AZ_LOGIN);
  });

  it("an expired refresh token reaches the caller as az's own text, AADSTS code and `az login --scope`", async () => {
    tools.az(azBehaviour.expiredLogin());

    const error = await rejection(new AzureCliCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toMatch(
      /^ERROR: AADSTS700082: The refresh token has expired due to inactivity\. The token was issued on \S+ and was inactive for 90\.00:00:00\.\nTrace ID: [0-9a-f-]{36}\nCorrelation ID: [0-9a-f-]{36}\nTimestamp: [0-9: -]{19}Z\n/,
    );
    expect(
      error.message.endsWith(
        "\nInteractive authentication is needed. Please run:\naz login --scope https://management.azure.com/.default\n",
      ),
    ).toBe(true);
  });

  it("the older az recommendation wording passes through the same way", async () => {
    tools.az(azBehaviour.expiredLogin({ recommendation: "legacy" }));

    const error = await rejection(new AzureCliCredential().getToken(ARM_SCOPE));

    expect(error.message).toContain("AADSTS700082");
    expect(
      error.message.endsWith(
        "\nTo re-authenticate, please run:\naz login --scope https://management.azure.com/.default\n",
      ),
    ).toBe(true);
  });

  it("an MFA demand passes through with its AADSTS code", async () => {
    tools.az(azBehaviour.mfaRequired());

    const error = await rejection(new AzureCliCredential().getToken(ARM_SCOPE));

    expect(error.message).toMatch(/^ERROR: AADSTS50076: .*must use multi-factor authentication/);
    expect(error.message).toContain("az login --scope https://management.azure.com/.default");
  });

  it("an unknown subscription reaches the caller as az's text, naming the subscription identity passed", async () => {
    tools.az(azBehaviour.subscriptionNotFound());

    const error = await rejection(
      new AzureCliCredential({ subscription: "Lab Subscription" }).getToken(ARM_SCOPE),
    );

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(
      "ERROR: Subscription 'Lab Subscription' not found. Check the spelling and casing and try again.\n",
    );
  });

  it("a malformed expiresOn without expires_on is refused with identity's RFC3339 message", async () => {
    tools.az(azBehaviour.token({ expiresOnText: "soon", withoutEpoch: true }));

    const error = await rejection(new AzureCliCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(
      'Unexpected response from Azure CLI when getting token. Expected "expiresOn" to be a RFC3339 date string. Got: "soon"',
    );
  });

  it("raw stdout that is not JSON surfaces the JSON parser's message", async () => {
    tools.az(rawBehaviour({ stdout: "not json" }));

    const error = await rejection(new AzureCliCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toContain("is not valid JSON");
  });

  it("behaviour can change between two calls of the same credential", async () => {
    const credential = new AzureCliCredential();
    tools.az(azBehaviour.notLoggedIn());
    await expect(credential.getToken(ARM_SCOPE)).rejects.toThrow(AZ_LOGIN);

    const behaviour = azBehaviour.token();
    tools.az(behaviour);

    expect((await credential.getToken(ARM_SCOPE)).token).toBe(behaviour.token);
    expect(tools.calls("az")).toHaveLength(2);
  });

  it("a hung az is cut by processTimeoutInMs and reported as empty JSON", async () => {
    tools.az(hangBehaviour());
    const started = Date.now();

    const error = await rejection(new AzureCliCredential({ processTimeoutInMs: 300 }).getToken(ARM_SCOPE));

    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe("Unexpected end of JSON input");
  });

  it("without a behaviour the fake says so instead of answering", async () => {
    const error = await rejection(new AzureCliCredential().getToken(ARM_SCOPE));

    expect(error.message).toContain("lab fake az: no behaviour set");
  });

  it("a removed az is reported as not installed, and comes back with the next behaviour", async () => {
    tools.remove("az");

    const error = await rejection(new AzureCliCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(
      "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, " +
        "once installed, authenticate to your Azure account using 'az login'.",
    );
    expect(tools.calls("az")).toEqual([]);

    tools.az(azBehaviour.token());
    await expect(new AzureCliCredential().getToken(ARM_SCOPE)).resolves.toMatchObject({
      tokenType: "Bearer",
    });
  });
});

describe("fake azd with AzureDeveloperCliCredential", () => {
  it("prints a token the credential returns, for the scopes it asked for", async () => {
    const behaviour = azdBehaviour.token();
    tools.azd(behaviour);

    const token = await new AzureDeveloperCliCredential({ tenantId: LAB.tenantId }).getToken(ARM_SCOPE);

    expect(token.token).toBe(behaviour.token);
    expect(token.expiresOnTimestamp).toBe(expirySeconds(token.token) * 1000);
    expect(tools.calls("azd")).toEqual([
      ["auth", "token", "--output", "json", "--no-prompt", "--scope", ARM_SCOPE, "--tenant-id", LAB.tenantId],
    ]);
    expect(tools.issuedTokens).toEqual([behaviour.token]);
  });

  it("not logged in becomes identity's azd auth login message", async () => {
    tools.azd(azdBehaviour.notLoggedIn());

    const error = await rejection(new AzureDeveloperCliCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(AZD_LOGIN);
  });

  it("reauthentication required becomes the claims message with every requested scope", async () => {
    tools.azd(azdBehaviour.reauthRequired());

    const error = await rejection(new AzureDeveloperCliCredential().getToken([ARM_SCOPE, GRAPH_SCOPE]));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(`${CLAIMS_PREFIX} azd auth login --scope ${ARM_SCOPE} --scope ${GRAPH_SCOPE}`);
    expect(tools.calls("azd")[0]).toEqual([
      ...["auth", "token", "--output", "json", "--no-prompt"],
      ...["--scope", ARM_SCOPE, "--scope", GRAPH_SCOPE],
    ]);
  });

  it("an MFA demand becomes the same claims message", async () => {
    tools.azd(azdBehaviour.mfaRequired());

    const error = await rejection(new AzureDeveloperCliCredential().getToken(ARM_SCOPE));

    expect(error.message).toBe(`${CLAIMS_PREFIX} azd auth login --scope ${ARM_SCOPE}`);
  });

  it("any other stderr reaches the caller verbatim", async () => {
    const stderr =
      '{"type":"consoleMessage","timestamp":"2026-01-01T00:00:00Z","data":{"message":"\\nERROR: fetching token: boom\\n"}}\n';
    tools.azd(rawBehaviour({ stderr }));

    const error = await rejection(new AzureDeveloperCliCredential().getToken(ARM_SCOPE));

    expect(error.message).toBe(stderr);
  });

  it("a hung azd is cut by processTimeoutInMs and reported as empty JSON", async () => {
    tools.azd(hangBehaviour());

    const error = await rejection(
      new AzureDeveloperCliCredential({ processTimeoutInMs: 300 }).getToken(ARM_SCOPE),
    );

    expect(error.message).toBe("Unexpected end of JSON input");
  });

  it("a removed azd is reported as not installed", async () => {
    tools.remove("azd");

    const error = await rejection(new AzureDeveloperCliCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(
      "Azure Developer CLI couldn't be found. To mitigate this issue, see the troubleshooting guidelines at " +
        "https://aka.ms/azsdk/js/identity/azdevclicredential/troubleshoot.",
    );
  });
});

// AzurePowerShellCredential keeps "pwsh is missing" for the life of the process, so the test that removes pwsh
// must stay the last one touching it in this file.
describe("fake pwsh with AzurePowerShellCredential", () => {
  it("answers the /? probe, then prints a token the credential returns", async () => {
    const behaviour = pwshBehaviour.token();
    tools.pwsh(behaviour);

    const token = await new AzurePowerShellCredential({ tenantId: LAB.tenantId }).getToken(ARM_SCOPE);

    expect(token.token).toBe(behaviour.token);
    expect(token.expiresOnTimestamp).toBe(expirySeconds(token.token) * 1000);
    const [probe, run] = tools.calls("pwsh");
    expect(probe).toEqual(["/?"]);
    expect(run?.slice(0, 3)).toEqual(["-NoProfile", "-NonInteractive", "-Command"]);
    expect(run?.[3]).toContain('ResourceUrl = "https://management.azure.com"');
    expect(run?.[3]).toContain(`$tenantId = "${LAB.tenantId}"`);
    expect(tools.issuedTokens).toEqual([behaviour.token]);
  });

  it("not connected becomes identity's Connect-AzAccount message", async () => {
    tools.pwsh(pwshBehaviour.notLoggedIn());

    const error = await rejection(new AzurePowerShellCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(
      "Please run 'Connect-AzAccount' from PowerShell to authenticate before using this credential.",
    );
  });

  it("a missing Az.Accounts module becomes identity's Install-Module message", async () => {
    tools.pwsh(pwshBehaviour.moduleMissing());

    const error = await rejection(new AzurePowerShellCredential().getToken(ARM_SCOPE));

    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(
      "The 'Az.Account' module >= 2.2.0 is not installed. Install the Azure Az PowerShell module with: " +
        '"Install-Module -Name Az -Scope CurrentUser -Repository PSGallery -Force".',
    );
  });

  it("any stderr fails the credential, even beside a token and exit code 0", async () => {
    const token = pwshBehaviour.token().token ?? "";
    tools.pwsh(
      rawBehaviour({
        stdout: JSON.stringify({ ExpiresOn: "2030-01-01T00:00:00+00:00", Token: token }),
        stderr: "WARNING: x\n",
        exitCode: 0,
      }),
    );

    const error = await rejection(new AzurePowerShellCredential().getToken(ARM_SCOPE));

    expect(error.message).toBe(`Error: WARNING: x\n. ${PWSH_TROUBLESHOOT}`);
  });

  it("output without a Token object is reported with the output", async () => {
    tools.pwsh(rawBehaviour({ stdout: "nothing here\n" }));

    const error = await rejection(new AzurePowerShellCredential().getToken(ARM_SCOPE));

    expect(error.message).toBe(
      `Error: No access token found in the output. Received output: nothing here\n. ${PWSH_TROUBLESHOOT}`,
    );
  });

  it("processTimeoutInMs does not bound the token command: a hung pwsh runs to its end", async () => {
    tools.pwsh(hangBehaviour({ seconds: 2 }));
    const started = Date.now();

    const error = await rejection(
      new AzurePowerShellCredential({ processTimeoutInMs: 300 }).getToken(ARM_SCOPE),
    );

    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(error.message).toBe(
      `Error: No access token found in the output. Received output: . ${PWSH_TROUBLESHOOT}`,
    );
  });

  it("a removed pwsh is reported as not executable, and stays so for the process even when it is back", async () => {
    tools.remove("pwsh");

    const error = await rejection(new AzurePowerShellCredential().getToken(ARM_SCOPE));

    const unable = `Error: Unable to execute PowerShell. Ensure that it is installed in your system. ${PWSH_TROUBLESHOOT}`;
    expect(error.name).toBe("CredentialUnavailableError");
    expect(error.message).toBe(unable);

    tools.pwsh(pwshBehaviour.token());
    await expect(new AzurePowerShellCredential().getToken(ARM_SCOPE)).rejects.toThrow(unable);
    expect(tools.calls("pwsh")).toEqual([]);
  });
});
