/** `scan`: finds every authentication failure in whole logs (CI runs, `az`, an app's output) and explains each once. */
import { readSync } from "node:fs";
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { renderDiagnosis } from "../../diagnosis/render.js";
import { stringOption, type Command, type CommandContext } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { PROGRAM_NAME } from "../help.js";
import { fileError } from "../input.js";
import { formatJson, type Style } from "../output.js";
import { LogScanner, type LogFailure, type LogScanResult } from "../scanLog.js";
import { azureDevOpsAnnotation, githubAnnotation, type Annotation } from "../workflowCommands.js";

/** One scanned log in `scan --json`. */
export interface ScannedLog extends LogScanResult {
  /** As given on the command line (`-` for standard input). */
  path: string;
}

/** What `scan --json` prints. */
export interface ScanReport {
  files: ScannedLog[];
  /** Distinct failures over all logs. */
  failures: number;
  /** Occurrences over all logs. */
  occurrences: number;
}

type ScanFormat = "text" | "github" | "azure-devops";
const FORMATS: readonly ScanFormat[] = ["text", "github", "azure-devops"];
const READ_CHUNK = 1024 * 1024;
const SLICE = 64 * 1024;

export const scanCommand: Command = {
  name: "scan",
  arguments: "[files... | -]",
  summary: "Find and explain every authentication failure in a whole log (CI run, az, an app's output).",
  description: [
    "Reads whole logs, of any size, line by line (GitHub Actions and Azure DevOps logs, az output, an app's",
    "own output; '-' or no file reads standard input) and finds every authentication failure: AADSTS codes,",
    "credential errors, aggregates spread over several lines (DefaultAzureCredential's), service 401 and",
    "403 replies. Repeats are grouped: each failure is explained once, with how often it occurs and the",
    "line where it first does. Secrets in the log are never printed back.",
    "",
    "--format github prints GitHub Actions workflow commands (::error file=...,line=...) and --format",
    "azure-devops prints Azure Pipelines logging commands (##vso[task.logissue ...]), so each failure shows",
    "as an annotation on the run.",
    "",
    "--json prints { files: [{ path, lines, bytes, longLines, failures: [{ line, endLine, count, lines,",
    "diagnosis }], moreFailures }], failures, occurrences }, where diagnosis is explainAuthError()'s Diagnosis.",
  ].join("\n"),
  options: {
    format: {
      type: "string",
      valueName: "FORMAT",
      description: "text (default), github (workflow commands) or azure-devops (logging commands).",
    },
  },
  examples: [
    "scan build.log",
    "scan --format github job.log",
    "scan --format azure-devops app.log",
    `node app.js 2>&1 | ${PROGRAM_NAME} scan -`,
    "scan --json logs/*.txt",
  ],
  exitStatus: {
    ok: "no authentication failure was found",
    finding: "at least one authentication failure was found",
  },
  run: runScan,
};

async function runScan(context: CommandContext): Promise<number> {
  const format = (stringOption(context.options, "format") ?? "text") as ScanFormat;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got '${format.slice(0, 40)}')`);
  }
  if (context.json && format !== "text") throw new UsageError("give either --json or --format, not both");
  const paths = context.positionals.length > 0 ? context.positionals : ["-"];
  if (paths.filter((p) => p === "-").length > 1)
    throw new UsageError("standard input ('-') can be read only once");
  if (paths.includes("-") && context.positionals.length === 0 && context.io.stdinIsTTY) {
    throw new UsageError("no log given: name the log files, or pipe a log to standard input");
  }

  const files: ScannedLog[] = [];
  for (const path of paths) files.push({ path, ...(await scanOne(path, context)) });
  const failures = files.reduce((sum, f) => sum + f.failures.length + f.moreFailures, 0);
  const occurrences = files.reduce((sum, f) => sum + f.failures.reduce((n, x) => n + x.count, 0), 0);

  if (context.json) {
    const report: ScanReport = { files, failures, occurrences };
    context.io.stdout.write(formatJson(report));
  } else if (format === "text") {
    context.print(files.map((file) => renderLog(file, context.style)).join("\n\n"));
  } else {
    const annotate = format === "github" ? githubAnnotation : azureDevOpsAnnotation;
    for (const file of files) {
      for (const failure of file.failures) context.print(annotate(toAnnotation(file.path, failure)));
    }
  }
  return failures > 0 ? EXIT.finding : EXIT.ok;
}

async function scanOne(path: string, context: CommandContext): Promise<LogScanResult> {
  if (path === "") throw new InputError("an empty path was given");
  const scanner = new LogScanner();
  if (path === "-") {
    for await (const chunk of context.io.stdin) scanner.write(chunk);
    return scanner.end();
  }
  let handle;
  try {
    handle = await open(resolve(context.io.cwd, path), "r");
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    if ((await handle.stat()).isDirectory()) throw new InputError(`${path} is a directory, not a file`);
    // One buffer for the whole file, read synchronously (a thread-pool hop per read costs more than the search);
    // the scanner takes it in small slices, each a young-generation string collected cheaply.
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    for (let reads = 1; ; reads++) {
      const bytesRead = readSync(handle.fd, buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) break;
      for (let at = 0; at < bytesRead; at += SLICE) {
        scanner.write(buffer.subarray(at, Math.min(at + SLICE, bytesRead)));
      }
      // Let timers and signals run now and then.
      if (reads % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return scanner.end();
  } catch (error) {
    throw error instanceof InputError ? error : fileError(path, error);
  } finally {
    await handle.close();
  }
}

function sourceName(path: string): string {
  return path === "-" ? "standard input" : path;
}

function times(count: number): string {
  return count === 1 ? "once" : `${String(count)} times`;
}

function renderLog(file: ScannedLog, style: Style): string {
  const name = style.bold(sourceName(file.path));
  const lines = `${String(file.lines)} line${file.lines === 1 ? "" : "s"}`;
  if (file.failures.length === 0) {
    return `${style.green(style.symbol.ok)} ${name}: no authentication failure found in ${lines}`;
  }
  const occurrences = file.failures.reduce((n, f) => n + f.count, 0);
  const parts = [
    `${style.red(style.symbol.problem)} ${name}: ${String(file.failures.length)} authentication failure${file.failures.length === 1 ? "" : "s"} (${String(occurrences)} occurrence${occurrences === 1 ? "" : "s"} in ${lines})`,
  ];
  for (const failure of file.failures) {
    const also = failure.lines.slice(1);
    const where =
      `${sourceName(file.path)}:${String(failure.line)}` +
      (failure.count > 1
        ? `, ${times(failure.count)}${also.length > 0 ? ` (also line ${also.join(", ")}${failure.count > failure.lines.length ? ", …" : ""})` : ""}`
        : "");
    parts.push(
      "",
      style.dim(`${style.symbol.rule.repeat(3)} ${where}`),
      renderDiagnosis(failure.diagnosis, { color: style.color }),
    );
  }
  if (file.moreFailures > 0) {
    parts.push("", style.dim(`…and ${String(file.moreFailures)} more distinct failures (not shown).`));
  }
  if (file.longLines > 0) {
    parts.push(
      style.dim(`${String(file.longLines)} very long line(s) were searched only in their first 8 KiB.`),
    );
  }
  return parts.join("\n");
}

function toAnnotation(path: string, failure: LogFailure): Annotation {
  const d = failure.diagnosis;
  const top = d.matches[0];
  const code =
    d.stsCode ?? d.serviceErrorCode ?? (d.httpStatus === null ? null : `HTTP ${String(d.httpStatus)}`);
  const title = `${code === null ? "" : `${code}: `}${top?.title ?? "authentication failed"}`;
  const message = [
    d.summary,
    failure.count > 1 ? `Seen ${times(failure.count)}, first at line ${String(failure.line)}.` : null,
    top?.mitigations[0] === undefined ? null : `What to do: ${top.mitigations[0]}`,
    top === undefined ? null : `Details: ${PROGRAM_NAME} explain ${top.id}`,
  ]
    .filter((part): part is string => part !== null)
    .join("\n");
  return { file: path === "-" ? null : path, line: failure.line, title, message };
}
