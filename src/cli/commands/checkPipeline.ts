/** `check-pipeline`: finds Azure Pipelines tasks that cannot authenticate with workload identity federation. */
import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { booleanOption, type Command, type CommandContext } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { formatBytes, MAX_INPUT_BYTES, readPathOrStdin } from "../input.js";
import { formatJson, type Style } from "../output.js";
import { isPipelineProblem, scanPipelineTasks, type PipelineTaskFinding } from "../../node/pipelineTasks.js";

/** One checked file in `check-pipeline --json`. */
export interface PipelineFileReport {
  /** As given on the command line (`-` for standard input). */
  path: string;
  /** Every `task:` step, in file order. */
  tasks: PipelineTaskFinding[];
  /** `template:` references, as written: check those files too. */
  templates: string[];
}

/** What `check-pipeline --json` prints. */
export interface PipelineCheckReport {
  files: PipelineFileReport[];
  /** How many tasks have status `upgrade` or `unsupported`, over all files. */
  problems: number;
}

const DEFAULT_FILE = "azure-pipelines.yml";

export const checkPipelineCommand: Command = {
  name: "check-pipeline",
  arguments: "[files...]",
  summary: "List Azure Pipelines tasks that cannot use workload identity federation.",
  description: [
    "Reads Azure Pipelines YAML files (default: azure-pipelines.yml in the current directory; '-' reads",
    "standard input) and lists every task: step whose version cannot authenticate through an Azure Resource",
    "Manager service connection that uses workload identity federation, with the version to use instead.",
    "Tasks are found wherever they are nested (stages, jobs, steps, templates); template: references are",
    "listed so you can check those files too. Tasks not in the support table (Marketplace tasks, tasks that",
    "need no Azure connection) are shown with --all.",
    "",
    "--json prints { files: [{ path, tasks: [{ line, task, status, supportedFrom, recommended, note }],",
    "templates }], problems }, where status is supported, upgrade, unsupported or unknown.",
  ].join("\n"),
  options: {
    all: { type: "boolean", description: "List every task, not only those to change." },
  },
  examples: [
    "check-pipeline",
    "check-pipeline azure-pipelines.yml templates/deploy.yml",
    "check-pipeline --all pipelines/release.yml",
    "check-pipeline --json azure-pipelines.yml",
  ],
  exitStatus: {
    ok: "no task needs changing",
    finding: "at least one task must be upgraded or cannot use workload identity federation",
  },
  run: runCheckPipeline,
};

async function runCheckPipeline(context: CommandContext): Promise<number> {
  const paths = context.positionals.length > 0 ? context.positionals : [await defaultFile(context.io.cwd)];
  const files: PipelineFileReport[] = [];
  for (const path of paths) files.push(await checkFile(path, context));
  const problems = files.reduce((sum, file) => sum + file.tasks.filter(isPipelineProblem).length, 0);

  if (context.json) {
    const report: PipelineCheckReport = { files, problems };
    context.io.stdout.write(formatJson(report));
  } else {
    const showAll = booleanOption(context.options, "all");
    context.print(files.map((file) => renderFile(file, showAll, context.style)).join("\n\n"));
  }
  return problems > 0 ? EXIT.finding : EXIT.ok;
}

async function defaultFile(cwd: string): Promise<string> {
  try {
    await access(resolve(cwd, DEFAULT_FILE));
    return DEFAULT_FILE;
  } catch {
    throw new UsageError(`no file given, and there is no ${DEFAULT_FILE} in the current directory`);
  }
}

async function checkFile(path: string, context: CommandContext): Promise<PipelineFileReport> {
  const input = await readPathOrStdin(path, context.io);
  if (input.truncated) {
    throw new InputError(
      `${input.source} is larger than ${formatBytes(MAX_INPUT_BYTES)}: too large for a pipeline file`,
    );
  }
  const scan = scanPipelineTasks(input.text);
  if (!scan.looksLikePipeline) {
    throw new InputError(
      `${input.source} does not look like an Azure Pipelines YAML file (no task:, template:, steps:, jobs: or stages: lines)`,
    );
  }
  return { path, tasks: scan.tasks, templates: scan.templates };
}

function renderFile(file: PipelineFileReport, showAll: boolean, style: Style): string {
  const problems = file.tasks.filter(isPipelineProblem);
  const name = style.bold(file.path === "-" ? "standard input" : file.path);
  const lines: string[] = [];
  if (file.tasks.length === 0) {
    lines.push(`${style.green(style.symbol.ok)} ${name}: no task: steps found`);
  } else if (problems.length === 0) {
    lines.push(
      `${style.green(style.symbol.ok)} ${name}: none of its ${plural(file.tasks.length, "task")} is known to lack workload identity federation support`,
    );
  } else {
    lines.push(
      `${style.red(style.symbol.problem)} ${name}: ${problems.length} of ${plural(file.tasks.length, "task")} cannot use workload identity federation`,
    );
  }
  const width = Math.max(0, ...file.tasks.map((t) => String(t.line).length));
  for (const task of showAll ? file.tasks : problems) lines.push(...renderTask(task, width, style));
  if (file.templates.length > 0) {
    lines.push(`  ${style.dim("Templates used (check them too):")} ${file.templates.join(", ")}`);
  }
  return lines.join("\n");
}

function renderTask(task: PipelineTaskFinding, lineWidth: number, style: Style): string[] {
  const where = style.dim(`line ${String(task.line).padStart(lineWidth)}`);
  switch (task.status) {
    case "upgrade":
      return [
        `  ${style.red(style.symbol.problem)} ${where}  ${task.task} ${style.symbol.arrow} ${style.green(task.recommended ?? "")}`,
        `      ${task.note}`,
      ];
    case "unsupported":
      return [
        `  ${style.red(style.symbol.problem)} ${where}  ${task.task} (no version supports it)`,
        `      ${task.note}`,
      ];
    case "supported":
      return [`  ${style.green(style.symbol.ok)} ${where}  ${task.task}`];
    case "unknown":
      return [`  ${style.dim(style.symbol.unknown)} ${where}  ${task.task}  ${style.dim(task.note)}`];
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
