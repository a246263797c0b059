/**
 * `check-pipeline`: Azure Pipelines tasks that cannot authenticate with workload identity federation (templates
 * followed), and GitHub Actions workflows' Azure sign-in with the federated credential subject of each job.
 */
import { existsSync } from "node:fs";
import { access, readdir } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { booleanOption, stringOption, type Command, type CommandContext } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { formatBytes, MAX_INPUT_BYTES, readPathOrStdin } from "../input.js";
import { formatJson, type Style } from "../output.js";
import { gitRemoteRepo, isRepoName } from "../gitRemote.js";
import {
  checkGithubWorkflow,
  looksLikeGithubWorkflow,
  type PipelineFinding,
  type WorkflowJobReport,
} from "../githubWorkflow.js";
import { entries, forEachMap, get, parseYamlFile, scalarText, type YamlFile } from "../yamlFile.js";
import { isPipelineProblem, judgeTask, type PipelineTaskFinding } from "../../node/pipelineTasks.js";

/** One checked file in `check-pipeline --json`. */
export interface PipelineFileReport {
  /** As given on the command line (`-` for standard input), or the template's path as resolved. */
  path: string;
  /** What the file is: an Azure Pipelines file (or template) or a GitHub Actions workflow. */
  kind: "azure-pipelines" | "github-workflow";
  /** The file whose `template:` reference led here; `null` for a file named on the command line. */
  includedFrom: string | null;
  /** Every `task:` step, in file order (Azure Pipelines). */
  tasks: PipelineTaskFinding[];
  /** `template:` references, as written (Azure Pipelines). */
  templates: string[];
  /** Jobs that sign in to Azure, with their federated credential subjects (GitHub Actions). */
  jobs: WorkflowJobReport[];
  /** Everything else found: sign-in problems, templates not followed or not found. */
  findings: PipelineFinding[];
}

/** What `check-pipeline --json` prints. */
export interface PipelineCheckReport {
  files: PipelineFileReport[];
  /** Tasks with status `upgrade` or `unsupported` plus findings of severity `problem`, over all files. */
  problems: number;
}

const DEFAULT_FILE = "azure-pipelines.yml";
const WORKFLOWS = ".github/workflows";

export const checkPipelineCommand: Command = {
  name: "check-pipeline",
  arguments: "[files...]",
  summary: "Check Azure Pipelines and GitHub Actions files for what breaks Azure sign-in.",
  description: [
    "Parses Azure Pipelines YAML files and GitHub Actions workflows (default: azure-pipelines.yml, else",
    ".github/workflows/*.yml, in the current directory; '-' reads standard input). A file that is not valid",
    "YAML is an error (exit 2) naming file:line:column and the parser's reason.",
    "",
    "Azure Pipelines: lists every task: step whose version cannot authenticate through a service connection",
    "that uses workload identity federation, with the version to use instead, wherever it is nested. Local",
    "template: references (relative paths, /paths and @self) are followed and checked too, each file once.",
    "Tasks not in the support table are shown with --all.",
    "",
    "GitHub Actions: azure/login with OpenID Connect needs permissions: id-token: write (a job's own",
    "permissions replace the workflow's) and client-id, tenant-id and subscription-id, or creds. For each",
    "job that signs in, prints the federated credential subject Microsoft Entra ID will see for each trigger",
    "(repo:OWNER/REPO:environment:NAME, :pull_request, :ref:refs/heads/BRANCH, :ref:refs/tags/TAG); it must",
    "equal the federated credential's subject, case included, or sign-in fails with AADSTS70021, AADSTS700213",
    "or AADSTS7002138. OWNER/REPO comes from --repo or the git remote (read locally, never fetched).",
    "",
    "--json prints { files: [{ path, kind, includedFrom, tasks: [{ line, task, status, supportedFrom,",
    "recommended, note }], templates, jobs: [{ job, line, signIn, environment, subjects: [{ trigger, subject,",
    "note }] }], findings: [{ line, severity, message }] }], problems }.",
  ].join("\n"),
  options: {
    all: { type: "boolean", description: "List every task, not only those to change." },
    repo: {
      type: "string",
      valueName: "OWNER/REPO",
      description: "The GitHub repository for federated credential subjects (default: the git remote).",
    },
  },
  examples: [
    "check-pipeline",
    "check-pipeline azure-pipelines.yml templates/deploy.yml",
    "check-pipeline --all pipelines/release.yml",
    "check-pipeline --repo contoso/webapp .github/workflows/deploy.yml",
    "check-pipeline --json azure-pipelines.yml",
  ],
  exitStatus: {
    ok: "nothing needs changing",
    finding:
      "a task must be upgraded or cannot use workload identity federation, or a workflow cannot sign in as written",
  },
  run: runCheckPipeline,
};

async function runCheckPipeline(context: CommandContext): Promise<number> {
  const repoOption = stringOption(context.options, "repo");
  if (repoOption !== undefined && !isRepoName(repoOption)) {
    throw new UsageError(`--repo takes OWNER/REPO (got '${repoOption.slice(0, 60)}')`);
  }
  const paths = context.positionals.length > 0 ? context.positionals : await defaultFiles(context.io.cwd);
  const files: PipelineFileReport[] = [];
  const visited = new Set<string>();
  for (const path of paths) await checkFile(path, null, [], context, repoOption ?? null, visited, files);
  const problems = files.reduce(
    (sum, file) =>
      sum +
      file.tasks.filter(isPipelineProblem).length +
      file.findings.filter((f) => f.severity === "problem").length,
    0,
  );

  if (context.json) {
    const report: PipelineCheckReport = { files, problems };
    context.io.stdout.write(formatJson(report));
  } else {
    const showAll = booleanOption(context.options, "all");
    context.print(files.map((file) => renderFile(file, showAll, context.style)).join("\n\n"));
  }
  return problems > 0 ? EXIT.finding : EXIT.ok;
}

async function defaultFiles(cwd: string): Promise<string[]> {
  try {
    await access(resolve(cwd, DEFAULT_FILE));
    return [DEFAULT_FILE];
  } catch {
    // No Azure pipeline here: look for GitHub workflows.
  }
  try {
    const workflows = (await readdir(resolve(cwd, WORKFLOWS)))
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort()
      .map((name) => `${WORKFLOWS}/${name}`);
    if (workflows.length > 0) return workflows;
  } catch {
    // No workflows directory either.
  }
  throw new UsageError(
    `no file given, and there is no ${DEFAULT_FILE} or ${WORKFLOWS}/*.yml in the current directory`,
  );
}

/** The repository root around `dir` (the nearest directory holding `.git`), else `fallback`. */
function repositoryRoot(dir: string, fallback: string): string {
  for (let at = dir, depth = 0; depth < 40; depth++) {
    if (existsSync(join(at, ".git"))) return at;
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  return fallback;
}

async function checkFile(
  path: string,
  includedFrom: string | null,
  /** Absolute paths of the files whose templates led here, outermost first: the cycle guard. */
  chain: readonly string[],
  context: CommandContext,
  repoOption: string | null,
  visited: Set<string>,
  files: PipelineFileReport[],
): Promise<void> {
  const absolute = path === "-" ? null : resolve(context.io.cwd, path);
  if (absolute !== null) visited.add(absolute);
  const input = await readPathOrStdin(path, context.io);
  if (input.truncated) {
    throw new InputError(
      `${input.source} is larger than ${formatBytes(MAX_INPUT_BYTES)}: too large for a pipeline file`,
    );
  }
  const file = parseYamlFile(input.text, input.source);
  const report: PipelineFileReport = {
    path,
    kind: "azure-pipelines",
    includedFrom,
    tasks: [],
    templates: [],
    jobs: [],
    findings: [],
  };
  files.push(report);

  if (looksLikeGithubWorkflow(file, absolute ?? path)) {
    report.kind = "github-workflow";
    const remote =
      repoOption === null ? gitRemoteRepo(absolute === null ? context.io.cwd : dirname(absolute)) : null;
    const check = checkGithubWorkflow(file, repoOption ?? remote);
    report.jobs = check.jobs;
    report.findings = check.findings;
    if (remote !== null && check.jobs.some((j) => j.subjects.some((s) => s.subject !== null))) {
      // A clone's remote may be spelt in another case than the repository; the subject uses GitHub's spelling.
      report.findings.push({
        line: 0,
        severity: "info",
        message: `${remote} is read from the git remote. The subject uses the repository's name as GitHub spells it, case included: if it differs, pass --repo with that spelling.`,
      });
    }
    return;
  }

  const found = collectPipeline(file);
  if (!found.looksLikePipeline) {
    throw new InputError(
      `${input.source} does not look like an Azure Pipelines or GitHub Actions YAML file (no task, template, steps, jobs, stages or on key)`,
    );
  }
  report.tasks = found.tasks;
  report.templates = found.templates.map((t) => t.path);

  const here = absolute === null ? context.io.cwd : dirname(absolute);
  const root = repositoryRoot(here, context.io.cwd);
  for (const template of found.templates) {
    const [target, repository] = splitTemplate(template.path);
    if (target.includes("${{") || target.includes("$(")) {
      report.findings.push({
        line: template.line,
        severity: "info",
        message: `Template ${template.path} is chosen by an expression at run time: not followed.`,
      });
      continue;
    }
    if (repository !== null && repository !== "self") {
      report.findings.push({
        line: template.line,
        severity: "info",
        message: `Template ${template.path} is in repository '${repository}': not followed (check it there).`,
      });
      continue;
    }
    // A leading / or @self is relative to the repository root; anything else to the including file.
    const resolved =
      target.startsWith("/") || repository === "self" ? join(root, target) : resolve(here, target);
    if (chain.includes(resolved) || resolved === absolute) {
      const start = chain.indexOf(resolved);
      const loop = [...(start >= 0 ? chain.slice(start) : []), absolute ?? path, resolved];
      report.findings.push({
        line: template.line,
        severity: "warning",
        message: `Templates include each other in a cycle (${loop.map((p) => displayPath(context.io.cwd, p)).join(" -> ")}): Azure Pipelines expands it until its nesting limit and fails, unless a condition stops it. Not followed again.`,
      });
      continue;
    }
    // Checked already through another reference: each file once.
    if (visited.has(resolved)) continue;
    if (!existsSync(resolved)) {
      visited.add(resolved);
      report.findings.push({
        line: template.line,
        severity: "problem",
        message: `Template ${template.path} not found (looked for ${displayPath(context.io.cwd, resolved)}).`,
      });
      continue;
    }
    const nextChain = absolute === null ? chain : [...chain, absolute];
    await checkFile(
      displayPath(context.io.cwd, resolved),
      path,
      nextChain,
      context,
      repoOption,
      visited,
      files,
    );
  }
}

/** `target` relative to the working directory when it is inside it, else absolute. */
function displayPath(cwd: string, target: string): string {
  const shown = relative(cwd, target);
  return shown === "" || shown.startsWith("..") || isAbsolute(shown) ? target : shown;
}

function splitTemplate(reference: string): [string, string | null] {
  const at = reference.lastIndexOf("@");
  return at <= 0 ? [reference, null] : [reference.slice(0, at), reference.slice(at + 1)];
}

interface TemplateReference {
  path: string;
  line: number;
}

/** Tasks and template references anywhere in a parsed Azure Pipelines file. */
function collectPipeline(file: YamlFile): {
  tasks: PipelineTaskFinding[];
  templates: TemplateReference[];
  looksLikePipeline: boolean;
} {
  const tasks: PipelineTaskFinding[] = [];
  const templates: TemplateReference[] = [];
  forEachMap(file.doc.contents, (map) => {
    const task = scalarText(get(map, "task"));
    const written = task === undefined ? null : /^[ \t]*([A-Za-z0-9][\w.-]*)(?:@([0-9]+))?/.exec(task);
    if (written?.[1] !== undefined)
      tasks.push(judgeTask(written[1], written[2], file.lineOf(get(map, "task"))));
    const template = scalarText(get(map, "template"));
    if (
      template !== undefined &&
      template.trim() !== "" &&
      !templates.some((t) => t.path === template.trim())
    ) {
      templates.push({ path: template.trim(), line: file.lineOf(get(map, "template")) });
    }
  });
  const root = file.doc.contents;
  const keys = new Set(entries(root).map(([key]) => key));
  const looksLikePipeline =
    tasks.length > 0 || templates.length > 0 || [...PIPELINE_KEYS].some((key) => keys.has(key));
  return { tasks, templates, looksLikePipeline };
}

/** Keys only Azure Pipelines YAML has at its top level. */
const PIPELINE_KEYS = new Set([
  "steps",
  "jobs",
  "stages",
  "trigger",
  "pr",
  "pool",
  "extends",
  "variables",
  "parameters",
  "resources",
  "schedules",
]);

function renderFile(file: PipelineFileReport, showAll: boolean, style: Style): string {
  const name = style.bold(file.path === "-" ? "standard input" : file.path);
  const lines: string[] = [];
  const failing = file.findings.filter((f) => f.severity === "problem").length;
  if (file.kind === "github-workflow") {
    const signIns = file.jobs.length;
    const summary =
      signIns === 0
        ? "GitHub Actions workflow; no job signs in to Azure with azure/login"
        : `GitHub Actions workflow; ${plural(signIns, "job")} ${signIns === 1 ? "signs" : "sign"} in to Azure`;
    lines.push(
      failing > 0
        ? `${style.red(style.symbol.problem)} ${name}: ${summary}, ${plural(failing, "problem")}`
        : `${style.green(style.symbol.ok)} ${name}: ${summary}`,
    );
    for (const job of file.jobs) lines.push(...renderJob(job, style));
    lines.push(...renderFindings(file.findings, style));
    return lines.join("\n");
  }

  const problems = file.tasks.filter(isPipelineProblem);
  const from = file.includedFrom === null ? "" : style.dim(` (template of ${file.includedFrom})`);
  if (problems.length > 0) {
    lines.push(
      `${style.red(style.symbol.problem)} ${name}${from}: ${problems.length} of ${plural(file.tasks.length, "task")} cannot use workload identity federation`,
    );
  } else {
    const verdict =
      file.tasks.length === 0
        ? "no task: steps found"
        : `none of its ${plural(file.tasks.length, "task")} is known to lack workload identity federation support`;
    const mark = failing > 0 ? style.red(style.symbol.problem) : style.green(style.symbol.ok);
    lines.push(`${mark} ${name}${from}: ${verdict}`);
  }
  const width = Math.max(0, ...file.tasks.map((t) => String(t.line).length));
  for (const task of showAll ? file.tasks : problems) lines.push(...renderTask(task, width, style));
  if (file.templates.length > 0) {
    lines.push(`  ${style.dim("Templates used:")} ${file.templates.join(", ")}`);
  }
  lines.push(...renderFindings(file.findings, style));
  return lines.join("\n");
}

const SIGN_IN: Record<WorkflowJobReport["signIn"], string> = {
  oidc: "OpenID Connect (workload identity federation)",
  secret: "a client secret in creds (no federated credential involved)",
  "managed-identity": "the runner's managed identity",
  incomplete: "incomplete azure/login inputs",
};

function renderJob(job: WorkflowJobReport, style: Style): string[] {
  const environment = job.environment === null ? "" : `, environment ${job.environment}`;
  const lines = [
    `  job ${style.bold(job.job)} ${style.dim(`(line ${job.line})`)}: ${SIGN_IN[job.signIn]}${environment}`,
  ];
  for (const subject of job.subjects) {
    const trigger = style.dim(`${subject.trigger}:`);
    lines.push(
      subject.subject === null
        ? `      ${trigger} ${subject.note ?? ""}`
        : `      ${trigger} subject ${style.green(subject.subject)}${subject.note === null ? "" : ` (${subject.note})`}`,
    );
  }
  return lines;
}

function renderFindings(findings: readonly PipelineFinding[], style: Style): string[] {
  return findings.map((finding) => {
    const mark =
      finding.severity === "problem"
        ? style.red(style.symbol.problem)
        : finding.severity === "warning"
          ? style.yellow(style.symbol.warning)
          : style.dim(style.symbol.unknown);
    const where = finding.line > 0 ? `${style.dim(`line ${finding.line}`)}  ` : "";
    return `  ${mark} ${where}${finding.message}`;
  });
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
