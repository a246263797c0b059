/**
 * `doctor`: what DefaultAzureCredential would do on this machine, member by member, without a network call; with
 * `--live`, what it really does. The inspection itself lives in `src/node/doctor` (exported from `./node`).
 */
import type { DefaultAzureCredentialOptions } from "@azure/identity";
import type { DiagnosticEvent } from "../../events/types.js";
import { inspectMachine, isHealthy } from "../../node/doctor/inspectMachine.js";
import type { MachineFacts } from "../../node/doctor/machine.js";
import {
  DEFAULT_LIVE_SCOPE,
  DEFAULT_LIVE_TIMEOUT_MS,
  tryDefaultAzureCredential,
  type LiveCheckResult,
} from "../../node/doctor/liveCheck.js";
import { renderDoctorReport, renderLiveResult } from "../../node/doctor/render.js";
import { booleanOption, stringOption, type Command, type CommandContext } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { parseScope, parseTimeoutSeconds } from "../liveOptions.js";
import type { CliIo } from "../io.js";
import { formatJson } from "../output.js";

/** What the command may be given instead of detecting it (tests; the real command detects everything). */
export interface DoctorCommandDependencies {
  /** Machine facts to use instead of reading the SMBIOS tag, the Arc agent and plugin installs. */
  machine?: Partial<MachineFacts>;
  platform?: string;
  now?: () => Date;
  /** Passed to `new DefaultAzureCredential()` by `--live`. */
  credentialOptions?: DefaultAzureCredentialOptions;
}

/** A one-line progress display on standard error, redrawn in place; only when a person watches a terminal. */
class Progress {
  private member = "DefaultAzureCredential";
  private readonly started = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
  ) {
    if (!enabled) return;
    this.timer = setInterval(() => {
      this.draw();
    }, 250);
    this.timer.unref();
    this.draw();
  }

  onEvent(event: DiagnosticEvent): void {
    if (event.type === "attempt.start") {
      this.member = event.member;
      this.draw();
    }
  }

  private draw(): void {
    if (!this.enabled) return;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    this.io.stderr.write(`\r\u001b[K… asking ${this.member} for a token (${seconds} s)`);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    if (this.enabled) this.io.stderr.write("\r\u001b[K");
  }
}

async function runDoctor(context: CommandContext, dependencies: DoctorCommandDependencies): Promise<number> {
  const { io, options } = context;
  if (context.positionals.length > 0) {
    throw new UsageError(
      `'doctor' takes no arguments (got '${(context.positionals[0] ?? "").slice(0, 40)}')`,
    );
  }
  const live = booleanOption(options, "live");
  const timeoutText = stringOption(options, "timeout");
  const scopeText = stringOption(options, "scope");
  if (!live && (timeoutText !== undefined || scopeText !== undefined)) {
    throw new UsageError("--timeout and --scope only apply with --live");
  }
  const timeoutMs = parseTimeoutSeconds(timeoutText);
  const scope = parseScope(scopeText);

  const report = inspectMachine({
    env: io.env,
    cwd: io.cwd,
    ...(dependencies.platform === undefined ? {} : { platform: dependencies.platform }),
    ...(dependencies.now === undefined ? {} : { now: dependencies.now() }),
    ...(dependencies.machine === undefined ? {} : { machine: dependencies.machine }),
  });

  let liveResult: LiveCheckResult | null = null;
  if (live) {
    if (!context.json) context.print(renderDoctorReport(report, context.style));
    const progress = new Progress(io, io.stdoutIsTTY && !context.json);
    try {
      liveResult = await tryDefaultAzureCredential({
        env: io.env,
        scope,
        timeoutMs,
        onEvent: (event) => {
          progress.onEvent(event);
        },
        ...(dependencies.credentialOptions === undefined
          ? {}
          : { credentialOptions: dependencies.credentialOptions }),
      });
    } finally {
      progress.stop();
    }
    if (liveResult.timedOut && io.env === process.env) {
      // A request that never answers keeps Node alive after the answer is printed; end the real process then.
      setTimeout(() => process.exit(), 500).unref();
    }
  }

  if (context.json) {
    io.stdout.write(formatJson(liveResult === null ? report : { ...report, live: liveResult }));
  } else if (liveResult === null) {
    context.print(renderDoctorReport(report, context.style));
  } else {
    context.print(renderLiveResult(liveResult, context.style, report.managedIdentity.probe));
  }
  if (liveResult !== null) return liveResult.outcome === "success" ? EXIT.ok : EXIT.finding;
  return isHealthy(report) ? EXIT.ok : EXIT.finding;
}

/** The `doctor` command, with some facts given instead of detected (for tests). */
export function createDoctorCommand(dependencies: DoctorCommandDependencies = {}): Command {
  return {
    name: "doctor",
    arguments: "",
    summary: "Check how DefaultAzureCredential would authenticate on this machine, and why it would not.",
    description: [
      "Inspects this machine the way DefaultAzureCredential decides, member by member (the rules of",
      "@azure/identity 4.13.1; the installed version is shown), without a network call and without running",
      "any tool: the AZURE_* and host variables that are set (ids partly shown; secrets, and secrets pasted",
      "where a path belongs, never), EnvironmentCredential's combination, the certificate and federated token",
      "files, the managed identity host, az/azd/pwsh on PATH, AZURE_TOKEN_CREDENTIALS, the authority host and",
      "proxies. It ends with the member expected to answer first and the next step.",
      "",
      "--live then really asks for a token through DiagnosticCredential(DefaultAzureCredential) and shows each",
      "member's attempt and time, who the token was issued to (never the token), and the smallest",
      "AZURE_TOKEN_CREDENTIALS value for what worked; on failure, the diagnosis.",
      "",
      "--json prints the report object (the DoctorReport type of azure-identity-diagnostics/node); with --live",
      "it has a 'live' key as well (LiveCheckResult). Member states are the same words in text and JSON:",
      "excluded, dropped, unavailable, tries, maybe, fails.",
    ].join("\n"),
    options: {
      live: { type: "boolean", description: "Also ask DefaultAzureCredential for a token (network calls)." },
      timeout: {
        type: "string",
        valueName: "SECONDS",
        description: `With --live: stop waiting after SECONDS seconds (default ${String(DEFAULT_LIVE_TIMEOUT_MS / 1000)}).`,
      },
      scope: {
        type: "string",
        valueName: "SCOPE",
        description: `With --live: the scope to ask for (default ${DEFAULT_LIVE_SCOPE}).`,
      },
    },
    examples: [
      "doctor",
      "doctor --json | jq '.prediction'",
      "doctor --live",
      "doctor --live --scope https://vault.azure.net/.default --timeout 30",
    ],
    exitStatus: {
      ok: "the chain is predicted to work and no problem was found (with --live: a token was returned)",
      finding: "a problem was found or no member is expected to return a token (with --live: no token)",
    },
    run: (context) => runDoctor(context, dependencies),
  };
}

export const doctorCommand: Command = createDoctorCommand();
