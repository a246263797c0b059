/** `check-pipeline`: the tolerant YAML scanner, the verdicts, and the command through `run()`. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkSync } from "recheck";
import { afterAll, describe, expect, it } from "vitest";
import type { PipelineCheckReport } from "../../src/cli/commands/checkPipeline.js";
import {
  BLOCK_SCALAR_ITEM,
  BLOCK_SCALAR_START,
  isPipelineProblem,
  PIPELINE_KEY,
  scanPipelineTasks,
  TASK_LINE,
  TEMPLATE_LINE,
} from "../../src/node/pipelineTasks.js";
import { azurePipelinesTasks, lookupPipelineTask } from "../../src/node/azurePipelinesTasks.js";
import { scanPipelineTasks as exportedScan } from "../../src/node/index.js";
import { run } from "../../src/cli/run.js";
import { fakeIo } from "./fakeIo.js";

const dir = mkdtempSync(join(tmpdir(), "cli-pipeline-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const PIPELINE = `# azure-pipelines.yml
trigger:
  - main
# - task: AzureFileCopy@3   (commented out: not a step)
stages:
  - stage: Build
    jobs:
      - job: A
        steps:
          - task: AzureCLI@2
            inputs:
              azureSubscription: my-connection
              inlineScript: |
                echo "- task: AzureFileCopy@2"
                task: Kubernetes@0
          - script: echo hi
            displayName: "task: AzureMonitor@0"
          - task: "AzureFileCopy@4"  # old
          - { task: AzureNLBManagement@1, inputs: {} }
          - displayName: Restore
            task: NuGetCommand@2
          - task: AzureRmWebAppDeployment@2
          - template: templates/deploy.yml
          - bash: >-
              task: Kubernetes@0
          - pwsh: echo done
  - \${{ if eq(parameters.publish, true) }}:
    - stage: Publish
      jobs:
        - job: B
          steps:
            - task: 'PackerBuild@0'
            - task: publisher.extension.SomeMarketplaceTask@1
extends:
  template: templates/secure.yml@templates
`;

describe("scanPipelineTasks", () => {
  const scan = scanPipelineTasks(PIPELINE);

  it("finds task steps at any depth, quoted or in flow style, with their line numbers", () => {
    expect(scan.tasks.map((t) => `${t.line}:${t.task}`)).toEqual([
      "10:AzureCLI@2",
      "18:AzureFileCopy@4",
      "19:AzureNLBManagement@1",
      "21:NuGetCommand@2",
      "22:AzureRmWebAppDeployment@2",
      "32:PackerBuild@0",
      "33:publisher.extension.SomeMarketplaceTask@1",
    ]);
  });

  it("ignores comments, script bodies and strings that only mention a task", () => {
    const tasks = scan.tasks.map((t) => t.task);
    expect(tasks).not.toContain("AzureFileCopy@3");
    expect(tasks).not.toContain("AzureFileCopy@2");
    expect(tasks).not.toContain("Kubernetes@0");
    expect(tasks).not.toContain("AzureMonitor@0");
  });

  it("lists template references, including extends", () => {
    expect(scan.templates).toEqual(["templates/deploy.yml", "templates/secure.yml@templates"]);
    expect(scan.looksLikePipeline).toBe(true);
  });

  it("judges each task with the support table", () => {
    const byTask = new Map(scan.tasks.map((t) => [t.task, t]));
    for (const written of ["AzureCLI@2", "AzureFileCopy@4", "AzureNLBManagement@1", "PackerBuild@0"]) {
      const row = lookupPipelineTask(written);
      expect(byTask.get(written)).toMatchObject({
        supportedFrom: row?.supportedFrom,
        recommended: row?.recommended,
        note: row?.note,
      });
    }
    expect(byTask.get("AzureCLI@2")?.status).toBe("supported");
    expect(byTask.get("AzureFileCopy@4")?.status).toBe("upgrade");
    expect(byTask.get("AzureNLBManagement@1")?.status).toBe("unsupported");
    expect(byTask.get("NuGetCommand@2")?.status).toBe("unknown");
    expect(byTask.get("publisher.extension.SomeMarketplaceTask@1")?.status).toBe("unknown");
  });

  it("sends a version older than the table to the newest supported one", () => {
    const old = scan.tasks.find((t) => t.task === "AzureRmWebAppDeployment@2");
    expect(old).toMatchObject({
      status: "upgrade",
      supportedFrom: "AzureRmWebAppDeployment@3",
      recommended: "AzureRmWebAppDeployment@4",
    });
  });

  it.each(azurePipelinesTasks.map((row) => [row.task, row] as const))(
    "judges %s as the table says",
    (task, row) => {
      const [finding] = scanPipelineTasks(`steps:\n- task: ${task}\n`).tasks;
      expect(finding?.status).toBe(
        row.supportedFrom === null ? "unsupported" : row.recommended === null ? "supported" : "upgrade",
      );
      expect(finding?.recommended).toBe(row.recommended);
      expect(finding && isPipelineProblem(finding)).toBe(finding?.status !== "supported");
    },
  );

  it("handles Windows line endings and a task without a version", () => {
    const found = scanPipelineTasks("steps:\r\n- task: AzureFileCopy@5\r\n- task: AzureCLI\r\n").tasks;
    expect(found.map((t) => [t.line, t.task, t.status])).toEqual([
      [2, "AzureFileCopy@5", "upgrade"],
      [3, "AzureCLI", "supported"],
    ]);
  });

  it("ends a block scalar at the first line indented no deeper than its key", () => {
    const text =
      "steps:\n- script: |\n    echo one\n\n    task: AzureFileCopy@1\n  displayName: x\n- task: AzureFileCopy@1\n- |\n  task: Kubernetes@0\n- task: Kubernetes@0\n";
    expect(scanPipelineTasks(text).tasks.map((t) => `${t.line}:${t.task}`)).toEqual([
      "7:AzureFileCopy@1",
      "10:Kubernetes@0",
    ]);
  });

  it("says when text is not a pipeline at all", () => {
    expect(scanPipelineTasks("hello world\nthis is prose: with a colon\n").looksLikePipeline).toBe(false);
    expect(scanPipelineTasks("services:\n  web:\n    image: nginx\n").looksLikePipeline).toBe(false);
    expect(scanPipelineTasks("steps:\n- script: echo\n").looksLikePipeline).toBe(true);
  });

  it("is exported from the ./node entry", () => {
    expect(exportedScan).toBe(scanPipelineTasks);
  });

  it("uses only linear-time regular expressions", () => {
    const patterns = { TASK_LINE, TEMPLATE_LINE, BLOCK_SCALAR_START, BLOCK_SCALAR_ITEM, PIPELINE_KEY };
    const unsafe = Object.entries(patterns)
      .map(([name, re]) => [name, checkSync(re.source, re.flags).status] as const)
      .filter(([, status]) => status !== "safe");
    expect(unsafe).toEqual([]);
  });

  it("stays fast on a huge line with no structure", () => {
    const started = performance.now();
    scanPipelineTasks(
      `steps:\n- task: ${"a".repeat(200_000)}\n${"- ".repeat(100_000)}:\n${"x".repeat(200_000)}: |\n`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("check-pipeline command", () => {
  const pipeline = file("azure-pipelines.yml", PIPELINE);

  it("lists the tasks to change, with the version to use, and exits 1", async () => {
    const io = fakeIo();
    expect(await run(["check-pipeline", pipeline], io)).toBe(1);
    const out = io.out();
    expect(out).toContain("4 of 7 tasks cannot use workload identity federation");
    expect(out).toMatch(/\[XX\] line 18 +AzureFileCopy@4 -> AzureFileCopy@6/);
    expect(out).toMatch(/\[XX\] line 19 +AzureNLBManagement@1 \(no version supports it\)/);
    expect(out).toMatch(/line 32 +PackerBuild@0 -> PackerBuild@1/);
    expect(out).not.toMatch(/line 10 +AzureCLI@2/);
    expect(out).not.toContain("NuGetCommand@2");
    expect(out).toContain("Templates used: templates/deploy.yml, templates/secure.yml@templates");
    expect(out).toMatch(/\[XX\] line 23 +Template templates\/deploy\.yml not found/);
    expect(out).toMatch(
      /\[\?\?\] line 35 +Template templates\/secure\.yml@templates is in repository 'templates'/,
    );
  });

  it("lists every task with --all, with symbols on a terminal", async () => {
    const io = fakeIo({ stdoutIsTTY: true, env: { NO_COLOR: "1" } });
    expect(await run(["check-pipeline", "--all", pipeline], io)).toBe(1);
    expect(io.out()).toMatch(/✔ line 10 +AzureCLI@2/);
    expect(io.out()).toMatch(/\? line 21 +NuGetCommand@2 +Not in the support table/);
    expect(io.out()).toMatch(/✖ line 18 +AzureFileCopy@4 → AzureFileCopy@6/);
  });

  it("prints { files: [{ path, kind, includedFrom, tasks, templates, jobs, findings }], problems } with --json", async () => {
    const io = fakeIo();
    expect(await run(["check-pipeline", "--json", pipeline], io)).toBe(1);
    const report = JSON.parse(io.out()) as PipelineCheckReport;
    // The parser and the tolerant line scanner agree on every task and template.
    const scan = scanPipelineTasks(PIPELINE);
    expect(report).toEqual({
      files: [
        {
          path: pipeline,
          kind: "azure-pipelines",
          includedFrom: null,
          tasks: scan.tasks,
          templates: scan.templates,
          jobs: [],
          findings: [
            {
              line: 23,
              severity: "problem",
              message: `Template templates/deploy.yml not found (looked for ${join(dir, "templates", "deploy.yml")}).`,
            },
            {
              line: 35,
              severity: "info",
              message:
                "Template templates/secure.yml@templates is in repository 'templates': not followed (check it there).",
            },
          ],
        },
      ],
      // Four tasks and the missing template.
      problems: 5,
    });
  });

  it("exits 0 when no task needs changing, and when there are no tasks", async () => {
    const good = file(
      "good.yml",
      "pool:\n  vmImage: ubuntu-latest\nsteps:\n- task: AzureCLI@2\n- task: AzureFileCopy@6\n",
    );
    const io = fakeIo();
    expect(await run(["check-pipeline", good], io)).toBe(0);
    expect(io.out()).toContain("none of its 2 tasks is known to lack workload identity federation support");
    const scripts = file("scripts.yml", "steps:\n- script: echo hi\n");
    const none = fakeIo();
    expect(await run(["check-pipeline", scripts], none)).toBe(0);
    expect(none.out()).toContain("no task: steps found");
  });

  it("checks several files and adds up their problems", async () => {
    const other = file("other.yml", "steps:\n- task: Kubernetes@0\n");
    const io = fakeIo();
    expect(await run(["check-pipeline", "--json", pipeline, other], io)).toBe(1);
    const report = JSON.parse(io.out()) as PipelineCheckReport;
    expect(report.files.map((f) => f.path)).toEqual([pipeline, other]);
    // Five in the first file (four tasks, one missing template), one in the second.
    expect(report.problems).toBe(6);
  });

  it("reads azure-pipelines.yml from the working directory when no file is given", async () => {
    const io = fakeIo({ cwd: dir });
    expect(await run(["check-pipeline", "--json"], io)).toBe(1);
    expect((JSON.parse(io.out()) as PipelineCheckReport).files[0]?.path).toBe("azure-pipelines.yml");
  });

  it("reads standard input for '-'", async () => {
    const io = fakeIo({ stdin: "steps:\n- task: AzureFileCopy@5\n" });
    expect(await run(["check-pipeline", "-"], io)).toBe(1);
    expect(io.out()).toContain("standard input: 1 of 1 task cannot use workload identity federation");
  });

  describe("bad input exits 2 with one clear line", () => {
    async function refused(argv: string[], message: RegExp, cwd = dir): Promise<void> {
      const io = fakeIo({ cwd });
      expect(await run(argv, io)).toBe(2);
      expect(io.out()).toBe("");
      expect(io.err()).toMatch(message);
      expect(io.err()).not.toMatch(/\n\s+at /);
    }

    it("refuses a missing file, and no file with no azure-pipelines.yml here", async () => {
      await refused(["check-pipeline", "missing.yml"], /missing\.yml: no such file/);
      const empty = join(dir, "emptydir");
      mkdirSync(empty, { recursive: true });
      await refused(
        ["check-pipeline"],
        /no file given, and there is no azure-pipelines\.yml or \.github\/workflows\/\*\.yml in the current directory/,
        empty,
      );
    });

    it("refuses a binary file", async () => {
      await refused(
        ["check-pipeline", file("logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))],
        /logo\.png looks like a binary file/,
      );
    });

    it("refuses a YAML file that is not a pipeline or a workflow", async () => {
      await refused(
        ["check-pipeline", file("compose.yml", "services:\n  web:\n    image: nginx\n")],
        /compose\.yml does not look like an Azure Pipelines or GitHub Actions YAML file/,
      );
    });

    it("refuses text that is not YAML, naming file:line:column and the parser's reason", async () => {
      await refused(
        ["check-pipeline", file("notes.txt", "just some notes\nnothing: here\n")],
        /notes\.txt:1:1: not valid YAML: Implicit keys need to be on a single line$/m,
      );
    });

    it("refuses a file over the size cap", async () => {
      const huge = file("huge.yml", `steps:\n${"# padding\n".repeat(900_000)}`);
      await refused(
        ["check-pipeline", huge],
        /huge\.yml is larger than 8 MiB: too large for a pipeline file/,
      );
    });
  });
});
