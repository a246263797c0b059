/**
 * `whoami`: asks DefaultAzureCredential for a token, as `doctor --live` does, and prints who the token was issued
 * to. The call and the decoding live in `src/node/doctor/liveCheck.ts`; this module only parses flags and prints.
 */
import type { DefaultAzureCredentialOptions } from "@azure/identity";
import { renderDiagnosis } from "../../diagnosis/render.js";
import type { TokenIdentity } from "../../diagnosis/tokenIdentity.js";
import {
  DEFAULT_LIVE_SCOPE,
  DEFAULT_LIVE_TIMEOUT_MS,
  tryDefaultAzureCredential,
  type LiveCheckResult,
} from "../../node/doctor/liveCheck.js";
import { booleanOption, stringOption, type Command, type CommandContext } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { parseScope, parseTimeoutSeconds } from "../liveOptions.js";
import { formatJson, type Style } from "../output.js";

/**
 * What `whoami --json` prints: the live check without `doctor`'s chain suggestion. `identity.userName` is `null`
 * unless `--show-user-names` was given; the token itself is never part of it.
 */
export type WhoamiResult = Omit<LiveCheckResult, "suggestion">;

/** What the command may be given instead of its defaults (tests). */
export interface WhoamiCommandDependencies {
  /** Passed to `new DefaultAzureCredential()`. */
  credentialOptions?: DefaultAzureCredentialOptions;
  now?: () => Date;
}

function describeExpiry(expiresOn: string | null, now: Date): string {
  if (expiresOn === null) return "-";
  const minutes = Math.round((Date.parse(expiresOn) - now.getTime()) / 60_000);
  if (!Number.isFinite(minutes)) return expiresOn;
  return minutes >= 0 ? `${expiresOn} (in ${String(minutes)} min)` : `${expiresOn} (expired)`;
}

function identityLines(
  identity: TokenIdentity,
  expiresOn: string | null,
  showUserNames: boolean,
  now: Date,
  s: Style,
): string[] {
  const list = (values: readonly string[]): string => (values.length > 0 ? values.join(", ") : "-");
  const rows: [string, string][] = [
    ["Tenant", identity.tenantId ?? "-"],
    ["Object id", identity.objectId ?? "-"],
    ["App id", identity.appId ?? "-"],
    ["Identity type", identity.identityType ?? "-"],
    ["Audience", identity.audience ?? "-"],
    ["Issuer", identity.issuer ?? "-"],
    ["Expires", describeExpiry(identity.expiresOn ?? expiresOn, now)],
    ["Roles", list(identity.roles)],
    ["Scopes", list(identity.scopes)],
  ];
  if (identity.managedIdentityResourceId !== null) {
    rows.push(["Managed identity", identity.managedIdentityResourceId]);
  }
  if (showUserNames) {
    rows.push(["User name", identity.userName ?? "-"]);
  } else if (identity.identityType === "user") {
    rows.push(["User name", s.dim("not shown (--show-user-names shows it)")]);
  }
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)}${value}`);
}

/** The readable answer: who the token speaks for, or why there is no token. */
function renderWhoami(result: WhoamiResult, showUserNames: boolean, now: Date, s: Style): string {
  if (result.outcome === "failure") {
    const lines = [
      `${s.red(s.symbol.problem)} ${s.bold(`No token for ${result.scope}`)} after ${String(result.durationMs)} ms` +
        (result.timedOut ? ` (stopped by the ${String(result.timeoutMs / 1000)} s timeout).` : "."),
    ];
    if (result.diagnosis) lines.push("", renderDiagnosis(result.diagnosis, { color: s.color }));
    return lines.join("\n");
  }
  const lines = [
    `${s.green(s.symbol.ok)} ${s.bold(`Token for ${result.scope}`)} from ${s.bold(result.succeededWith ?? "?")}` +
      s.dim(` in ${String(result.durationMs)} ms`),
  ];
  // Members the chain asked before the one that answered; "skipped" ones were never asked.
  const answered = result.attempts.findIndex((a) => a.outcome === "succeeded");
  const before = result.attempts.slice(0, Math.max(answered, 0)).filter((a) => a.outcome !== "skipped");
  if (before.length > 0) {
    lines.push(s.dim(`  Tried first: ${before.map((a) => `${a.credential} (${a.outcome})`).join(", ")}`));
  }
  lines.push("");
  if (result.identity === null) {
    lines.push(
      s.dim("  The token is not a readable JWT, so who it was issued to cannot be read from it."),
      `  Expires: ${describeExpiry(result.expiresOn, now)}`,
    );
  } else {
    lines.push(...identityLines(result.identity, result.expiresOn, showUserNames, now, s));
  }
  return lines.join("\n");
}

async function runWhoami(context: CommandContext, dependencies: WhoamiCommandDependencies): Promise<number> {
  const { io, options } = context;
  if (context.positionals.length > 0) {
    throw new UsageError(
      `'whoami' takes no arguments (got '${(context.positionals[0] ?? "").slice(0, 40)}'); use --scope to choose the scope`,
    );
  }
  const scope = parseScope(stringOption(options, "scope"));
  const timeoutMs = parseTimeoutSeconds(stringOption(options, "timeout"));
  const showUserNames = booleanOption(options, "show-user-names");

  const live = await tryDefaultAzureCredential({
    env: io.env,
    scope,
    timeoutMs,
    includeUserNames: showUserNames,
    ...(dependencies.credentialOptions === undefined
      ? {}
      : { credentialOptions: dependencies.credentialOptions }),
  });
  if (live.timedOut && io.env === process.env) {
    // A request that never answers keeps Node alive after the answer is printed; end the real process then.
    setTimeout(() => process.exit(), 500).unref();
  }
  // doctor's chain suggestion belongs to doctor; whoami answers only "who".
  const result: WhoamiResult = {
    scope: live.scope,
    timeoutMs: live.timeoutMs,
    outcome: live.outcome,
    timedOut: live.timedOut,
    durationMs: live.durationMs,
    attempts: live.attempts,
    succeededWith: live.succeededWith,
    identity: live.identity,
    expiresOn: live.expiresOn,
    diagnosis: live.diagnosis,
  };
  if (context.json) {
    io.stdout.write(formatJson(result));
  } else {
    const now = dependencies.now?.() ?? new Date();
    context.print(renderWhoami(result, showUserNames, now, context.style));
  }
  return result.outcome === "success" ? EXIT.ok : EXIT.finding;
}

/** The `whoami` command, with its defaults replaced (for tests). */
export function createWhoamiCommand(dependencies: WhoamiCommandDependencies = {}): Command {
  return {
    name: "whoami",
    arguments: "",
    summary: "Get a token through DefaultAzureCredential and show who it was issued to.",
    description: [
      "Asks for a token through DiagnosticCredential(DefaultAzureCredential) (network calls) and prints who",
      "it was issued to, read from the token's claims: tenant, object id (what role assignments must name),",
      "app id, identity type, audience, expiry, roles and scopes, the managed identity's resource id, and the",
      "chain member that answered. User names (upn) only with --show-user-names; the token itself never.",
      "On failure it prints the diagnosis.",
      "",
      "--json prints { scope, timeoutMs, outcome, timedOut, durationMs, attempts, succeededWith, identity,",
      "expiresOn, diagnosis } (the LiveCheckResult type of azure-identity-diagnostics/node).",
    ].join("\n"),
    options: {
      scope: {
        type: "string",
        valueName: "SCOPE",
        description: `The scope to ask for (default ${DEFAULT_LIVE_SCOPE}).`,
      },
      timeout: {
        type: "string",
        valueName: "SECONDS",
        description: `Stop waiting after SECONDS seconds (default ${String(DEFAULT_LIVE_TIMEOUT_MS / 1000)}).`,
      },
      "show-user-names": {
        type: "boolean",
        description: "Also show the user name (upn) a user token carries.",
      },
    },
    examples: [
      "whoami",
      "whoami --scope https://vault.azure.net/.default",
      "whoami --json | jq -r '.identity.objectId'",
      "whoami --show-user-names --timeout 30",
    ],
    exitStatus: {
      ok: "a token was returned and who it was issued to is shown",
      finding: "no token: the diagnosis says why",
    },
    run: (context) => runWhoami(context, dependencies),
  };
}

export const whoamiCommand: Command = createWhoamiCommand();
