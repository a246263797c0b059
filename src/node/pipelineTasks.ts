/**
 * Finds the tasks an Azure Pipelines YAML file uses and says, for each, whether it can authenticate with workload
 * identity federation. A tolerant line scanner rather than a YAML parser: it sees `task:` steps wherever they are
 * nested (stages, jobs, steps, templates, conditional `${{ }}` blocks), quoted or not, in block or flow style, and
 * skips comments and the bodies of `|` / `>` block scalars (scripts), where a `task:` line is only text.
 */
import { lookupPipelineTask, pipelineTaskVersions, splitTask } from "./azurePipelinesTasks.js";

/**
 * - `supported`: this version can use workload identity federation.
 * - `upgrade`: this version cannot; `recommended` can.
 * - `unsupported`: no version can.
 * - `unknown`: not in the support table (a Marketplace task, or one that takes no Azure service connection).
 */
export type PipelineTaskStatus = "supported" | "upgrade" | "unsupported" | "unknown";

/** One `task:` step found in a file. */
export interface PipelineTaskFinding {
  /** 1-based line of the `task:` key. */
  line: number;
  /** As written, e.g. `AzureFileCopy@4`. */
  task: string;
  status: PipelineTaskStatus;
  /** First version that supports workload identity federation, `null` when none does or the task is unknown. */
  supportedFrom: string | null;
  /** The version to use instead, for `upgrade`; otherwise `null`. */
  recommended: string | null;
  note: string;
}

export interface PipelineScan {
  tasks: PipelineTaskFinding[];
  /** Paths of `template:` references, as written; their tasks are in those files. */
  templates: string[];
  /** Whether the text has any task, template or pipeline key (`steps:`, `jobs:`, `trigger:`…) at all. */
  looksLikePipeline: boolean;
}

/** `- task: Name@3`, `task: "Name@3"`, `- { task: Name@3, ... }`; group 1 the name, group 2 the version. */
export const TASK_LINE =
  /^[ \t]*(?:-[ \t]+)?(?:\{[ \t]*)?task[ \t]*:[ \t]*["']?([A-Za-z0-9][\w.-]*)(?:@([0-9]+))?/;
/** `- template: path.yml` and `extends:`'s `template: path.yml`; group 1 the path. */
export const TEMPLATE_LINE = /^[ \t]*(?:-[ \t]+)?template[ \t]*:[ \t]*["']?([^\s"'#]+)/;
/** A key whose value is a block scalar (`script: |`, `inlineScript: >-`); group 1 the indentation before the key. */
export const BLOCK_SCALAR_START = /^([ \t]*(?:-[ \t]+)?)[^\s#:'"][^:]*:[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$/;
/** A sequence item that is itself a block scalar (`- |`); group 1 the indentation before the dash. */
export const BLOCK_SCALAR_ITEM = /^([ \t]*)-[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$/;
/** A key only Azure Pipelines YAML has at its top level, or a step shortcut. */
export const PIPELINE_KEY =
  /^[ \t]*(?:-[ \t]+)?(?:steps|jobs|stages|stage|job|deployment|trigger|pr|pool|extends|variables|parameters|resources|schedules|script|bash|pwsh|powershell|checkout)[ \t]*:/;

/**
 * Scans Azure Pipelines YAML text for `task:` steps and judges each against the workload identity federation
 * support table. Never throws; linear in the length of `text`.
 *
 * @example
 * ```ts
 * const { tasks } = scanPipelineTasks(readFileSync("azure-pipelines.yml", "utf8"));
 * for (const t of tasks.filter(isPipelineProblem)) console.log(`line ${t.line}: ${t.task} -> ${t.recommended ?? "none"}`);
 * ```
 */
export function scanPipelineTasks(text: string): PipelineScan {
  const tasks: PipelineTaskFinding[] = [];
  const templates: string[] = [];
  let looksLikePipeline = false;
  // Lines indented deeper than this belong to a block scalar and are not YAML structure.
  let blockIndent: number | null = null;

  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent !== null) {
      if (line.trim() === "" || indent > blockIndent) continue;
      blockIndent = null;
    }
    if (/^[ \t]*(?:#|$)/.test(line)) continue;
    if (PIPELINE_KEY.test(line)) looksLikePipeline = true;

    const task = TASK_LINE.exec(line);
    if (task?.[1] !== undefined) tasks.push(judgeTask(task[1], task[2], index + 1));
    const template = TEMPLATE_LINE.exec(line);
    if (template?.[1] !== undefined && !templates.includes(template[1])) templates.push(template[1]);

    const block = BLOCK_SCALAR_START.exec(line) ?? BLOCK_SCALAR_ITEM.exec(line);
    if (block?.[1] !== undefined) blockIndent = block[1].length;
  }
  return {
    tasks,
    templates,
    looksLikePipeline: looksLikePipeline || tasks.length > 0 || templates.length > 0,
  };
}

/** The verdict for one `task:` reference. */
export function judgeTask(name: string, version: string | undefined, line: number): PipelineTaskFinding {
  const written = version === undefined ? name : `${name}@${version}`;
  const row = lookupPipelineTask(written);
  if (row) {
    const status: PipelineTaskStatus =
      row.supportedFrom === null ? "unsupported" : row.recommended !== null ? "upgrade" : "supported";
    return {
      line,
      task: written,
      status,
      supportedFrom: row.supportedFrom,
      recommended: row.recommended,
      note: row.note,
    };
  }
  const listed = pipelineTaskVersions(name);
  const firstSupported =
    listed.find((r) => r.recommended === null && r.supportedFrom !== null)?.supportedFrom ?? null;
  if (
    version !== undefined &&
    firstSupported !== null &&
    Number(version) < splitTask(firstSupported).version
  ) {
    // The table starts at the versions that gained support; an older major predates it.
    const newest =
      listed.filter((r) => r.recommended === null && r.supportedFrom !== null).at(-1)?.task ?? firstSupported;
    return {
      line,
      task: written,
      status: "upgrade",
      supportedFrom: firstSupported,
      recommended: newest,
      note: `${written} is older than any version in the support table, which lists ${firstSupported} as the first with workload identity federation; use ${newest}.`,
    };
  }
  return {
    line,
    task: written,
    status: "unknown",
    supportedFrom: null,
    recommended: null,
    note:
      listed.length > 0
        ? `This version is not in the support table (it lists ${listed.map((r) => r.task).join(", ")}).`
        : "Not in the support table: a Marketplace task (ask its publisher) or one that needs no Azure service connection.",
  };
}

/** Whether a finding needs action before switching the service connection to workload identity federation. */
export function isPipelineProblem(finding: PipelineTaskFinding): boolean {
  return finding.status === "upgrade" || finding.status === "unsupported";
}
