/**
 * Fake `az`, `azd` and `pwsh` executables for the real AzureCliCredential, AzureDeveloperCliCredential and
 * AzurePowerShellCredential. Each is a POSIX `sh` script in one temp directory that the test puts first on PATH
 * (`isolateEnv().usePath(tools.bin)`). A script logs its argv, then runs the behaviour the test set last, so a
 * test can switch what a tool prints between two calls. The texts are the real tools' texts (az 2.x, azd 1.x
 * with `--output json`, pwsh 7 with Az.Accounts), so identity maps them exactly as it maps the real ones.
 *
 * How identity 4.13.1 runs them (Linux):
 * - az:   `child_process.exec("az account get-access-token --output json --resource R [--tenant T]
 *         [--subscription \"S\"]", { cwd: "/bin" })`: through /bin/sh, so a missing `az` gives sh's
 *         "az: not found" text.
 * - azd:  the same with `azd auth token --output json --no-prompt --scope S... [--tenant-id T] [--claims B64]`.
 * - pwsh: `execFile("pwsh", ["/?"])` first (any failure removes pwsh for the rest of the process: see
 *         `FakeTools.remove`), then `execFile("pwsh", ["-NoProfile", "-NonInteractive", "-Command", script])`
 *         where the script holds `ResourceUrl = "R"` and `$tenantId = "T"`. Any stderr output fails it.
 *
 * POSIX only: identity runs `az.cmd`/`pwsh.exe` on Windows, which these scripts do not imitate.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LAB, makeAccessToken } from "./tokens.js";

export type ToolName = "az" | "azd" | "pwsh";

/**
 * What one fake tool does when run: a fragment of POSIX sh that must end in `exit`. It can read `$lab_dir`
 * (the tools directory), `$lab_resource` (az `--resource`, pwsh `ResourceUrl`), `$lab_scopes` (azd `--scope`
 * values, space separated), `$lab_tenant` and `$lab_subscription`.
 * `tool` is `"any"` for behaviours that fit every tool (`rawBehaviour`, `hangBehaviour`).
 */
export interface ToolBehaviour<Tool extends ToolName> {
  readonly tool: Tool | "any";
  readonly shell: string;
  /** The access token this behaviour prints, if it prints one. */
  readonly token?: string;
}

/** What `makeAccessToken` accepts: claims to override, `audience`, `lifetimeSeconds`. */
export type AccessTokenOverrides = NonNullable<Parameters<typeof makeAccessToken>[0]>;

/** The subscription the fake `az` reports for its logged-in account. */
export const LAB_SUBSCRIPTION_ID = "5ab5c71b-0000-4000-8000-00000000005b";

export interface FakeTools {
  /** Absolute directory holding the scripts; put it first on PATH. */
  readonly bin: string;
  /** Sets what `az` does from its next run on (and puts `az` back if it was removed). */
  az(behaviour: ToolBehaviour<"az">): void;
  /** Sets what `azd` does from its next run on (and puts `azd` back if it was removed). */
  azd(behaviour: ToolBehaviour<"azd">): void;
  /**
   * Sets what `pwsh -Command …` does from its next run on; `pwsh /?` always answers, because identity drops
   * PowerShell for the rest of the process once that probe fails.
   */
  pwsh(behaviour: ToolBehaviour<"pwsh">): void;
  /**
   * Deletes the executable, so the credential reports the tool as not installed. For pwsh this is sticky in
   * the whole test process: identity 4.13.1 removes `pwsh` from a module-level list and never tries it again,
   * even after the fake is back. Run a pwsh-missing case last in its file, or in a child process.
   */
  remove(tool: ToolName): void;
  /** The argv (without the program name) of every run of `tool` so far, oldest first. */
  calls(tool: ToolName): readonly (readonly string[])[];
  /** Every access token a fake printed so far (for leak tests). */
  readonly issuedTokens: readonly string[];
  /** Forgets behaviours, calls and issued tokens, ends hung fakes and reinstalls removed tools. */
  reset(): void;
  /** Ends hung fakes and deletes the directory; safe to call twice. */
  cleanup(): Promise<void>;
}

const TOOLS: readonly ToolName[] = ["az", "azd", "pwsh"];

/** Quotes any text as one sh word. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** One piece of printed text: literal, or the value of a shell variable set by the script. */
type Piece =
  string | { readonly variable: "lab_resource" | "lab_scopes" | "lab_subscription" | "lab_tenant" };

/** An sh command printing `pieces` (no newline added) to stdout or stderr. */
function printCommand(pieces: readonly Piece[], stream: "stdout" | "stderr"): string {
  const words = pieces.map((piece) =>
    typeof piece === "string" ? shellQuote(piece) : `"$${piece.variable}"`,
  );
  return `printf '%s' ${words.join(" ")}${stream === "stderr" ? " >&2" : ""}`;
}

function outputShell(output: {
  readonly stdout?: readonly Piece[];
  readonly stderr?: readonly Piece[];
  readonly exitCode: number;
}): string {
  const lines: string[] = [];
  if (output.stdout && output.stdout.length > 0) lines.push(printCommand(output.stdout, "stdout"));
  if (output.stderr && output.stderr.length > 0) lines.push(printCommand(output.stderr, "stderr"));
  lines.push(`exit ${output.exitCode}`);
  return lines.join("\n");
}

/** Records the token in the issued log before printing it, so `issuedTokens` holds only what was printed. */
function tokenShell(token: string, stdout: string): string {
  return [
    `printf '%s\\n' ${shellQuote(token)} >> "$lab_dir/issued"`,
    outputShell({ stdout: [stdout], exitCode: 0 }),
  ].join("\n");
}

function issueToken(claims: AccessTokenOverrides | undefined): { token: string; exp: number } {
  const token = makeAccessToken(claims ?? {});
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
    exp: number;
  };
  return { token, exp: payload.exp };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** az's `expiresOn`: local time, `YYYY-MM-DD HH:MM:SS.ffffff`, no zone. */
function azLocalTime(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.000000`
  );
}

/** Entra's timestamp inside error descriptions: `YYYY-MM-DD HH:MM:SSZ`. */
function stsTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")}Z`;
}

/** Body of an Entra error description as az and azd print it, with fresh trace and correlation ids. */
function stsDescription(code: string, text: string, separator: string): string {
  return [
    `${code}: ${text}`,
    `Trace ID: ${randomUUID()}`,
    `Correlation ID: ${randomUUID()}`,
    `Timestamp: ${stsTimestamp()}`,
  ].join(separator);
}

const refreshTokenExpiredText = (): string => {
  // Entra writes seven fractional digits.
  const issued = new Date(Date.now() - 91 * 24 * 3600 * 1000).toISOString().replace("Z", "0000Z");
  return `The refresh token has expired due to inactivity. The token was issued on ${issued} and was inactive for 90.00:00:00.`;
};

const MFA_REQUIRED_TEXT =
  "Due to a configuration change made by your administrator, or because you moved to a new location, you must " +
  "use multi-factor authentication to access '797f4846-ba00-4fd7-ba43-dac1f8f63013'.";

export interface AzStsRejectionOptions {
  /** The AADSTS code, e.g. `"AADSTS700082"`. */
  readonly code: string;
  /** Entra's description after the code. */
  readonly description: string;
  /**
   * The line before `az login --scope …`: `"current"` (`Interactive authentication is needed. Please run:`,
   * az since 2.61) or `"legacy"` (`To re-authenticate, please run:`, older az). Default `"current"`.
   */
  readonly recommendation?: "current" | "legacy";
}

/** Behaviours of the Azure CLI, `az account get-access-token --output json`. */
export const azBehaviour = {
  /**
   * Prints the JSON az prints: accessToken, expiresOn (local time), expires_on (epoch seconds, az >= 2.54),
   * subscription, tenant, tokenType. `expiresOnText` replaces expiresOn; `withoutEpoch` omits expires_on, as
   * az before 2.54 did (identity then parses expiresOn).
   */
  token(
    options: { claims?: AccessTokenOverrides; expiresOnText?: string; withoutEpoch?: boolean } = {},
  ): ToolBehaviour<"az"> {
    const { token, exp } = issueToken(options.claims);
    const body: Record<string, unknown> = {
      accessToken: token,
      expiresOn: options.expiresOnText ?? azLocalTime(exp),
      ...(options.withoutEpoch === true ? {} : { expires_on: exp }),
      subscription: LAB_SUBSCRIPTION_ID,
      tenant: options.claims?.tid ?? LAB.tenantId,
      tokenType: "Bearer",
    };
    return { tool: "az", token, shell: tokenShell(token, `${JSON.stringify(body, null, 2)}\n`) };
  },

  /** No account signed in: `ERROR: Please run 'az login' to setup account.` */
  notLoggedIn(): ToolBehaviour<"az"> {
    return {
      tool: "az",
      shell: outputShell({ stderr: ["ERROR: Please run 'az login' to setup account.\n"], exitCode: 1 }),
    };
  },

  /** Signed in once, but MSAL holds no token any more: the recommendation is a bare `az login`. */
  tokenCacheMissing(): ToolBehaviour<"az"> {
    return {
      tool: "az",
      shell: outputShell({
        stderr: ["ERROR: Can't find token from MSAL cache.\nTo re-authenticate, please run:\naz login\n"],
        exitCode: 1,
      }),
    };
  },

  /** Entra refused the refresh: `ERROR: {code}: …` with trace lines, then `az login --scope {resource}/.default`. */
  stsRejected(options: AzStsRejectionOptions): ToolBehaviour<"az"> {
    const header =
      options.recommendation === "legacy"
        ? "To re-authenticate, please run:"
        : "Interactive authentication is needed. Please run:";
    return {
      tool: "az",
      shell: outputShell({
        stderr: [
          `ERROR: ${stsDescription(options.code, options.description, "\n")}\n${header}\naz login --scope `,
          { variable: "lab_resource" },
          "/.default\n",
        ],
        exitCode: 1,
      }),
    };
  },

  /** The refresh token expired after 90 days unused (AADSTS700082). */
  expiredLogin(options: { recommendation?: "current" | "legacy" } = {}): ToolBehaviour<"az"> {
    return azBehaviour.stsRejected({
      code: "AADSTS700082",
      description: refreshTokenExpiredText(),
      ...options,
    });
  },

  /** Conditional Access now demands MFA (AADSTS50076). */
  mfaRequired(options: { recommendation?: "current" | "legacy" } = {}): ToolBehaviour<"az"> {
    return azBehaviour.stsRejected({ code: "AADSTS50076", description: MFA_REQUIRED_TEXT, ...options });
  },

  /** The `--subscription` the credential passed is not one of the account's (name taken from argv). */
  subscriptionNotFound(): ToolBehaviour<"az"> {
    return {
      tool: "az",
      shell: outputShell({
        stderr: [
          "ERROR: Subscription '",
          { variable: "lab_subscription" },
          "' not found. Check the spelling and casing and try again.\n",
        ],
        exitCode: 1,
      }),
    };
  },
};

/** azd's `--output json` error line: a `consoleMessage` object on stderr. */
function azdConsoleMessage(message: readonly Piece[]): Piece[] {
  // The message sits inside a JSON string, so only JSON-safe text may be spliced in: literal pieces are
  // escaped here; variables hold scopes, which the credential restricts to [0-9a-zA-Z-_.:/].
  const escaped = message.map((piece) =>
    typeof piece === "string" ? JSON.stringify(piece).slice(1, -1) : piece,
  );
  return [
    `{"type":"consoleMessage","timestamp":"${new Date().toISOString()}","data":{"message":"\\n`,
    ...escaped,
    `\\n"}}\n`,
  ];
}

/** Behaviours of the Azure Developer CLI, `azd auth token --output json --no-prompt --scope …`. */
export const azdBehaviour = {
  /** Prints `{"token": …, "expiresOn": RFC 3339}` as azd does. */
  token(options: { claims?: AccessTokenOverrides; expiresOnText?: string } = {}): ToolBehaviour<"azd"> {
    const { token, exp } = issueToken(options.claims);
    const expiresOn = options.expiresOnText ?? new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    return {
      tool: "azd",
      token,
      shell: tokenShell(token, `${JSON.stringify({ token, expiresOn }, null, 2)}\n`),
    };
  },

  /** No account signed in: ``ERROR: not logged in, run `azd auth login` to login``. */
  notLoggedIn(): ToolBehaviour<"azd"> {
    return {
      tool: "azd",
      shell: outputShell({
        stderr: azdConsoleMessage(["ERROR: not logged in, run `azd auth login` to login"]),
        exitCode: 1,
      }),
    };
  },

  /** The sign-in must be renewed: ``reauthentication required, run `azd auth login --scope S` to log in``. */
  reauthRequired(): ToolBehaviour<"azd"> {
    return {
      tool: "azd",
      shell: outputShell({
        stderr: azdConsoleMessage([
          "ERROR: fetching token: reauthentication required, run `azd auth login --scope ",
          { variable: "lab_scopes" },
          "` to log in",
        ]),
        exitCode: 1,
      }),
    };
  },

  /** Conditional Access now demands MFA: Entra's AADSTS50076 text (``must use multi-factor authentication``). */
  mfaRequired(): ToolBehaviour<"azd"> {
    return {
      tool: "azd",
      shell: outputShell({
        stderr: azdConsoleMessage([
          `ERROR: fetching token: ${stsDescription("AADSTS50076", MFA_REQUIRED_TEXT, " ")}`,
        ]),
        exitCode: 1,
      }),
    };
  },
};

/** Behaviours of PowerShell 7 running identity's Az.Accounts script. */
export const pwshBehaviour = {
  /** Prints `ConvertTo-Json` of `{ExpiresOn, Token}` as pwsh 7 does. */
  token(options: { claims?: AccessTokenOverrides; expiresOnText?: string } = {}): ToolBehaviour<"pwsh"> {
    const { token, exp } = issueToken(options.claims);
    const expiresOn =
      options.expiresOnText ?? new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
    return {
      tool: "pwsh",
      token,
      shell: tokenShell(token, `${JSON.stringify({ ExpiresOn: expiresOn, Token: token }, null, 2)}\n`),
    };
  },

  /** Az.Accounts has no context: `Get-AzAccessToken: Run Connect-AzAccount to login.` */
  notLoggedIn(): ToolBehaviour<"pwsh"> {
    return {
      tool: "pwsh",
      shell: outputShell({ stderr: ["Get-AzAccessToken: Run Connect-AzAccount to login.\n"], exitCode: 1 }),
    };
  },

  /** Az.Accounts >= 2.2.0 is not installed: Import-Module fails, then Get-AzAccessToken is unknown. */
  moduleMissing(): ToolBehaviour<"pwsh"> {
    return {
      tool: "pwsh",
      shell: outputShell({
        stderr: [
          "Import-Module: The specified module 'Az.Accounts' with version '2.2.0' was not loaded because no valid " +
            "module file was found in any module directory.\n" +
            "Get-AzAccessToken: The term 'Get-AzAccessToken' is not recognized as a name of a cmdlet, function, " +
            "script file, or executable program.\n" +
            "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n",
        ],
        exitCode: 1,
      }),
    };
  },
};

/** Prints exactly this and exits with `exitCode` (default 1 if there is stderr, else 0); fits any tool. */
export function rawBehaviour(output: {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}): ToolBehaviour<never> {
  const exitCode = output.exitCode ?? (output.stderr ? 1 : 0);
  return {
    tool: "any",
    shell: outputShell({
      ...(output.stdout === undefined ? {} : { stdout: [output.stdout] }),
      ...(output.stderr === undefined ? {} : { stderr: [output.stderr] }),
      exitCode,
    }),
  };
}

const SLEEP_PATHS = ["/usr/bin/sleep", "/bin/sleep"];

/**
 * Prints nothing and sleeps `seconds` (default 30; bounded so a forgotten fake cannot outlive the run by much).
 * The sleeping process is recorded and ended by `reset()`/`cleanup()`: identity's timeout kills only the shell
 * around `az`/`azd`, not the fake itself.
 */
export function hangBehaviour(options: { seconds?: number } = {}): ToolBehaviour<never> {
  const seconds = options.seconds ?? 30;
  const sleep = SLEEP_PATHS.find((path) => existsSync(path));
  if (sleep === undefined) throw new Error(`hangBehaviour needs sleep at one of ${SLEEP_PATHS.join(", ")}`);
  return {
    tool: "any",
    shell: [`printf '%s\\n' "$$" >> "$lab_dir/pids"`, `exec ${shellQuote(sleep)} ${String(seconds)}`].join(
      "\n",
    ),
  };
}

const PWSH_USAGE = "Usage: pwsh[.exe] [-Login] [[-File] <filePath> [args]]\n";

/** The script installed as `tool`: log argv, answer pwsh's probe, parse arguments, run the behaviour. */
function toolScript(directory: string, tool: ToolName): string {
  const probe =
    tool === "pwsh"
      ? [
          "# identity probes with `pwsh /?` first and gives PowerShell up for good if that fails.",
          `if [ "$#" -eq 1 ] && [ "$1" = '/?' ]; then printf '%s' ${shellQuote(PWSH_USAGE)}; exit 0; fi`,
        ]
      : [];
  const parse =
    tool === "pwsh"
      ? [
          `while [ "$#" -gt 0 ]; do`,
          `  if [ "$1" = -Command ] && [ "$#" -ge 2 ]; then lab_command=$2; shift; fi`,
          `  shift`,
          `done`,
          `case "$lab_command" in *'ResourceUrl = "'*)`,
          `  lab_rest=\${lab_command#*'ResourceUrl = "'}; lab_resource=\${lab_rest%%'"'*} ;;`,
          `esac`,
          `case "$lab_command" in *'$tenantId = "'*)`,
          `  lab_rest=\${lab_command#*'$tenantId = "'}; lab_tenant=\${lab_rest%%'"'*} ;;`,
          `esac`,
        ]
      : [
          `while [ "$#" -gt 0 ]; do`,
          `  if [ "$#" -ge 2 ]; then`,
          `    case "$1" in`,
          `      --resource) lab_resource=$2; shift ;;`,
          `      --scope) lab_scopes=\${lab_scopes:+$lab_scopes }$2; shift ;;`,
          `      --subscription) lab_subscription=$2; shift ;;`,
          `      --tenant|--tenant-id) lab_tenant=$2; shift ;;`,
          `    esac`,
          `  fi`,
          `  shift`,
          `done`,
        ];
  return [
    "#!/bin/sh",
    `# Lab fake of \`${tool}\` (test/lab/harness/fakeTools.ts). The test sets what it prints in ${tool}.behaviour.`,
    `lab_dir=${shellQuote(directory)}`,
    "# One record per run: the argument count, then each argument, all NUL-terminated (argv cannot hold NUL).",
    `printf '%s\\0' "$#" "$@" >> "$lab_dir/${tool}.calls"`,
    ...probe,
    "lab_resource='' lab_scopes='' lab_subscription='' lab_tenant='' lab_command=''",
    ...parse,
    `if [ -f "$lab_dir/${tool}.behaviour" ]; then . "$lab_dir/${tool}.behaviour"; fi`,
    `printf '%s\\n' 'lab fake ${tool}: no behaviour set; call tools.${tool}(...) first' >&2`,
    "exit 2",
    "",
  ].join("\n");
}

/** Splits a calls log into argv lists. */
function parseCalls(log: Buffer): string[][] {
  const fields = log.toString("utf8").split("\0");
  const calls: string[][] = [];
  let index = 0;
  while (index < fields.length - 1) {
    const count = Number(fields[index]);
    calls.push(fields.slice(index + 1, index + 1 + count));
    index += 1 + count;
  }
  return calls;
}

function readIfPresent(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    return Buffer.alloc(0);
  }
}

/** Ends every recorded hung fake that is still the `sleep` it was (a pid may have been reused since). */
function endHungFakes(directory: string): void {
  const pids = readIfPresent(join(directory, "pids")).toString("utf8").split("\n").filter(Boolean);
  for (const pid of pids) {
    const commandLine = readIfPresent(`/proc/${pid}/cmdline`).toString("utf8");
    if (!SLEEP_PATHS.some((path) => commandLine.startsWith(`${path}\0`))) continue;
    try {
      process.kill(Number(pid), "SIGTERM");
    } catch {
      // Already gone between the check and the kill.
    }
  }
  rmSync(join(directory, "pids"), { force: true });
}

/** Creates `az`, `azd` and `pwsh` in a new temp directory, with no behaviour set (each then exits 2). */
export async function createFakeTools(): Promise<FakeTools> {
  const bin = await mkdtemp(join(tmpdir(), "lab-fake-tools-"));

  const install = (tool: ToolName): void => {
    const path = join(bin, tool);
    if (!existsSync(path)) writeFileSync(path, toolScript(bin, tool), { mode: 0o755 });
  };
  const setBehaviour = (tool: ToolName, behaviour: ToolBehaviour<ToolName>): void => {
    install(tool);
    // Written aside and renamed, so a run that starts meanwhile sees the old or the new behaviour, never half.
    const file = join(bin, `${tool}.behaviour`);
    writeFileSync(`${file}.next`, `${behaviour.shell}\n`);
    renameSync(`${file}.next`, file);
  };
  const reset = (): void => {
    endHungFakes(bin);
    for (const tool of TOOLS) {
      for (const suffix of ["behaviour", "calls"]) rmSync(join(bin, `${tool}.${suffix}`), { force: true });
      install(tool);
    }
    rmSync(join(bin, "issued"), { force: true });
  };
  for (const tool of TOOLS) install(tool);

  return {
    bin,
    az: (behaviour) => {
      setBehaviour("az", behaviour);
    },
    azd: (behaviour) => {
      setBehaviour("azd", behaviour);
    },
    pwsh: (behaviour) => {
      setBehaviour("pwsh", behaviour);
    },
    remove: (tool) => {
      try {
        unlinkSync(join(bin, tool));
      } catch {
        // Already removed.
      }
    },
    calls: (tool) => parseCalls(readIfPresent(join(bin, `${tool}.calls`))),
    get issuedTokens() {
      return readIfPresent(join(bin, "issued")).toString("utf8").split("\n").filter(Boolean);
    },
    reset,
    cleanup: () => {
      endHungFakes(bin);
      rmSync(bin, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
