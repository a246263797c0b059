/** The readable form of a doctor report and of a live check: sections, one line per fact, symbols from the style. */
import { renderDiagnosis } from "../../diagnosis/render.js";
import { PLAIN_STYLE, type DoctorStyle } from "./doctorStyle.js";
import type { LiveCheckResult } from "./liveCheck.js";
import type { ChainMemberReport, DoctorFinding, DoctorReport, MemberPrediction } from "./types.js";

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + " ".repeat(width - text.length);
}

function findingMark(finding: DoctorFinding, s: DoctorStyle): string {
  switch (finding.severity) {
    case "problem":
      return s.red(s.symbol.problem);
    case "warning":
      return s.yellow(s.symbol.warning);
    case "ok":
      return s.green(s.symbol.ok);
    case "info":
      return s.cyan(s.symbol.unknown);
  }
}

// The JSON values themselves, so text and --json use the same word for the same state.
const PREDICTION_LABEL: Record<MemberPrediction, string> = {
  excluded: "excluded",
  dropped: "dropped",
  unavailable: "unavailable",
  tries: "tries",
  maybe: "maybe",
  fails: "fails",
};

function memberMark(member: ChainMemberReport, s: DoctorStyle): string {
  switch (member.prediction) {
    case "tries":
      return s.green(s.symbol.ok);
    case "maybe":
      return member.likely ? s.green(s.symbol.unknown) : s.dim(s.symbol.unknown);
    case "fails":
      return s.red(s.symbol.problem);
    default:
      return s.dim(" ".repeat(s.symbol.ok.length));
  }
}

function section(title: string, lines: readonly string[], s: DoctorStyle): string[] {
  return ["", s.bold(title), ...lines];
}

/** Renders `inspectMachine()`'s report. Never throws on a valid report. */
export function renderDoctorReport(report: DoctorReport, style: DoctorStyle = PLAIN_STYLE): string {
  const s = style;
  const width = Math.max(24, ...report.variables.map((v) => v.name.length + 2));
  const valueWidth = Math.min(44, Math.max(14, ...report.variables.map((v) => v.shown.length + 2)));
  const variables =
    report.variables.length === 0
      ? [s.dim("  None of the variables identity reads are set.")]
      : report.variables.map((v) => `  ${pad(v.name, width)}${pad(v.shown, valueWidth)}${s.dim(v.usedBy)}`);

  const findings = report.findings.flatMap((f) => [
    `  ${findingMark(f, s)} ${s.bold(f.subject)}: ${f.message}`,
    ...(f.action === null ? [] : [`     ${s.symbol.arrow} ${f.action}`]),
    ...(f.knowledgeId === null || f.severity === "ok" ? [] : [s.dim(`     explain ${f.knowledgeId}`)]),
  ]);

  const mi = report.managedIdentity;
  const managedIdentity = [
    `  Host:     ${mi.host}${mi.decidedBy.length > 0 ? s.dim(` (${mi.decidedBy.join(" + ")})`) : ""}`,
    ...(mi.endpoint === null
      ? []
      : [`  Endpoint: ${mi.endpoint}${mi.probe ? s.dim(" (DefaultAzureCredential probes it first)") : ""}`]),
    `  Identity: ${mi.userAssignedClientId === null ? "system-assigned" : `user-assigned, client id ${mi.userAssignedClientId} (AZURE_CLIENT_ID)`}`,
    ...(report.azureVm === null ? [] : [`  Azure VM: ${report.azureVm ? "yes (SMBIOS asset tag)" : "no"}`]),
  ];

  const cliExcluded = report.chain.some(
    (m) => m.credential === "AzureCliCredential" && m.prediction === "excluded",
  );
  const tools = report.developerTools.map((t) => {
    if (t.path === null) return `  ${s.dim(s.symbol.problem)} ${pad(t.name, 6)}${s.dim("not on PATH")}`;
    const signIn =
      t.signedIn === null
        ? ""
        : s.dim(
            t.signedIn
              ? "  (profile lists an account)"
              : `  (profile lists no account${cliExcluded ? "" : ": run az login"})`,
          );
    return `  ${s.green(s.symbol.ok)} ${pad(t.name, 6)}${t.path}${signIn}`;
  });

  const first = report.chain.findIndex((m) => m.credential === report.prediction.firstResponder);
  const nameWidth = Math.max(...report.chain.map((m) => m.credential.length)) + 2;
  const chain = report.chain.map((m, i) => {
    const reached = first === -1 || i <= first;
    const label = pad(PREDICTION_LABEL[m.prediction], 13);
    const line = `  ${memberMark(m, s)} ${pad(m.credential, nameWidth)}${label}${m.reason}`;
    return reached && m.prediction !== "excluded" ? line : s.dim(line);
  });
  const tokenCredentials =
    report.tokenCredentials.value === null ? "" : ` AZURE_TOKEN_CREDENTIALS=${report.tokenCredentials.value}`;

  const verdict = report.prediction.verdict === "works" && report.problems === 0;
  const lines = [
    s.bold("DefaultAzureCredential on this machine") +
      s.dim(
        ` (@azure/identity ${report.identityVersion === null ? "not found" : `${report.identityVersion} installed`}; rules of ${report.identityRules}; no network call, no tool run)`,
      ),
    ...section("Variables (from the process environment)", variables, s),
    ...section("Checks", findings.length > 0 ? findings : [s.dim("  Nothing to report.")], s),
    ...section("Managed identity", managedIdentity, s),
    ...section("Developer tools (found on PATH, not run)", tools, s),
    ...section(`Chain, in order${tokenCredentials}`, chain, s),
    ...section(
      "Prediction",
      [
        `  ${verdict ? s.green(s.symbol.ok) : s.red(s.symbol.problem)} ${report.prediction.summary}`,
        `  ${s.bold("Next step:")} ${report.prediction.nextStep}`,
      ],
      s,
    ),
  ];
  return lines.join("\n");
}

/** Renders a live check. `imdsProbe`: whether ManagedIdentityCredential's time includes the IMDS probe. */
export function renderLiveResult(
  result: LiveCheckResult,
  style: DoctorStyle = PLAIN_STYLE,
  imdsProbe = false,
): string {
  const s = style;
  const nameWidth = Math.max(24, ...result.attempts.map((a) => a.credential.length + 2));
  const attempts = result.attempts.map((a) => {
    const mark =
      a.outcome === "succeeded"
        ? s.green(s.symbol.ok)
        : a.outcome === "failed" || a.outcome === "timed-out"
          ? s.red(s.symbol.problem)
          : s.dim("-".padEnd(s.symbol.ok.length));
    const time = a.durationMs === null ? "" : `${String(a.durationMs)} ms`;
    const probe =
      imdsProbe && a.credential === "ManagedIdentityCredential" && a.durationMs !== null
        ? s.dim(" (includes the IMDS probe)")
        : "";
    return `  ${mark} ${pad(a.credential, nameWidth)}${pad(a.outcome, 13)}${pad(time, 9)}${s.dim(a.summary)}${probe}`;
  });
  const lines = [
    "",
    s.bold(`Live check: getToken("${result.scope}") through DefaultAzureCredential`) +
      s.dim(` (timeout ${String(result.timeoutMs)} ms)`),
    ...(attempts.length > 0 ? attempts : [s.dim("  No member was observed.")]),
  ];
  if (result.outcome === "success") {
    const id = result.identity;
    lines.push(
      "",
      `${s.green(s.symbol.ok)} ${s.bold(`Token from ${result.succeededWith ?? "?"}`)} in ${String(result.durationMs)} ms`,
      ...(id === null
        ? [s.dim("  The token is not a readable JWT; nothing more to show.")]
        : [
            `  Tenant:        ${id.tenantId ?? "-"}`,
            `  Object id:     ${id.objectId ?? "-"}`,
            `  App id:        ${id.appId ?? "-"}`,
            `  Identity type: ${id.identityType ?? "-"}`,
            `  Audience:      ${id.audience ?? "-"}`,
            `  Expires:       ${id.expiresOn ?? result.expiresOn ?? "-"}`,
            ...(id.managedIdentityResourceId === null
              ? []
              : [`  Resource id:   ${id.managedIdentityResourceId}`]),
          ]),
    );
    if (result.suggestion) {
      lines.push(
        "",
        `${s.bold("Smallest chain:")} ${result.suggestion.setting}` +
          s.dim(` (or ${result.suggestion.family}; in code: ${result.suggestion.inCode})`),
        ...(result.suggestion.note === null ? [] : [s.dim(`  ${result.suggestion.note}`)]),
      );
    }
  } else {
    lines.push(
      "",
      `${s.red(s.symbol.problem)} ${s.bold("No token")} after ${String(result.durationMs)} ms${result.timedOut ? " (stopped by the timeout)" : ""}.`,
    );
    // The attempts are listed above already: render the diagnosis without its own copy of them.
    if (result.diagnosis)
      lines.push("", renderDiagnosis({ ...result.diagnosis, attempts: [] }, { color: s.color }));
  }
  return lines.join("\n");
}
