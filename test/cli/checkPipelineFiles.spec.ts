/**
 * `check-pipeline` on realistic files (test/cli/fixtures/pipelines and workflows), good and broken: templates
 * followed from a repository root, GitHub Actions sign-in checks and the federated credential subjects.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PipelineCheckReport, PipelineFileReport } from "../../src/cli/commands/checkPipeline.js";
import { parseGithubRemote } from "../../src/cli/gitRemote.js";
import { run } from "../../src/cli/run.js";
import { fakeIo } from "./fakeIo.js";

const fixtures = join(import.meta.dirname, "fixtures");
let root: string;
/** A repository root (it has `.git`) holding the Azure Pipelines fixtures. */
let pipelines: string;
/** A git repository whose origin is on GitHub, with the workflow fixtures in `.github/workflows`. */
let repo: string;
/** The workflow fixtures in a directory outside any repository. */
let loose: string;

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", args, { cwd, stdio: "ignore", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" } });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "cli-pipeline-files-"));
  pipelines = join(root, "pipelines");
  cpSync(join(fixtures, "pipelines"), pipelines, { recursive: true });
  mkdirSync(join(pipelines, ".git"));
  repo = join(root, "webapp");
  mkdirSync(join(repo, ".github"), { recursive: true });
  cpSync(join(fixtures, "workflows"), join(repo, ".github", "workflows"), { recursive: true });
  git(repo, "init", "-q");
  git(repo, "config", "remote.origin.url", "git@github.com:Contoso/WebApp.git");
  loose = join(root, "loose");
  cpSync(join(fixtures, "workflows"), loose, { recursive: true });
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function check(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; out: string; err: string; report?: PipelineCheckReport }> {
  const io = fakeIo({ cwd });
  const code = await run(["check-pipeline", ...args], io);
  const out = io.out();
  return args.includes("--json") && code !== 2
    ? { code, out, err: io.err(), report: JSON.parse(out) as PipelineCheckReport }
    : { code, out, err: io.err() };
}

function fileOf(report: PipelineCheckReport | undefined, path: string): PipelineFileReport {
  const found = report?.files.find((f) => f.path === path);
  if (found === undefined) throw new Error(`no report for ${path}`);
  return found;
}

describe("check-pipeline on Azure Pipelines files with templates", () => {
  it("follows relative, /rooted and @self templates once each, from the file that names them", async () => {
    const { code, report } = await check(pipelines, "--json", "azure-pipelines.yml");
    expect(code).toBe(1);
    expect(report?.files.map((f) => [f.path, f.includedFrom])).toEqual([
      ["azure-pipelines.yml", null],
      ["templates/variables.yml", "azure-pipelines.yml"],
      ["templates/build-steps.yml", "azure-pipelines.yml"],
      // ../shared/restore.yml is relative to templates/build-steps.yml, not to the working directory.
      ["shared/restore.yml", "templates/build-steps.yml"],
      // /templates/deploy-jobs.yml@self is from the repository root.
      ["templates/deploy-jobs.yml", "azure-pipelines.yml"],
    ]);
    const deploy = fileOf(report, "templates/deploy-jobs.yml");
    expect(deploy.tasks.map((t) => `${t.line}:${t.task}:${t.status}`)).toEqual([
      "12:AzureFileCopy@4:upgrade",
      "17:AzureRmWebAppDeployment@4:supported",
    ]);
    // templates/build-steps.yml@self is from the root too (relative to the including file it would not exist),
    // and it was checked already.
    expect(deploy.findings).toEqual([]);
    expect(fileOf(report, "shared/restore.yml").tasks.map((t) => t.task)).toEqual([
      "NuGetAuthenticate@1",
      "AzureCLI@1",
    ]);
    expect(report?.problems).toBe(1);
  });

  it("says which templates it cannot follow, and why", async () => {
    const { report } = await check(pipelines, "--json", "azure-pipelines.yml");
    expect(fileOf(report, "azure-pipelines.yml").findings).toEqual([
      {
        line: 26,
        severity: "info",
        message:
          "Template deploy.yml@shared-templates is in repository 'shared-templates': not followed (check it there).",
      },
      {
        line: 27,
        severity: "info",
        message:
          "Template ${{ variables.extraTemplate }} is chosen by an expression at run time: not followed.",
      },
    ]);
  });

  it("prints each file with the template that led to it and the tasks to change", async () => {
    const { code, out } = await check(pipelines, "azure-pipelines.yml");
    expect(code).toBe(1);
    expect(out).toContain(
      "[XX] templates/deploy-jobs.yml (template of azure-pipelines.yml): 1 of 2 tasks cannot use workload identity federation",
    );
    expect(out).toMatch(/\[XX\] line 12 +AzureFileCopy@4 -> AzureFileCopy@6/);
    expect(out).toContain("[ok] shared/restore.yml (template of templates/build-steps.yml)");
  });

  it("stops at a cycle of templates, checks each file once and warns", async () => {
    const { code, report, out } = await check(pipelines, "--json", "cycle/a.yml");
    expect(code).toBe(0);
    expect(report?.files.map((f) => f.path)).toEqual(["cycle/a.yml", "cycle/b.yml"]);
    expect(fileOf(report, "cycle/b.yml").findings).toEqual([
      expect.objectContaining({
        line: 3,
        severity: "warning",
        message: expect.stringContaining("cycle (cycle/a.yml -> cycle/b.yml -> cycle/a.yml)") as unknown,
      }),
    ]);
    expect(out).not.toContain("not found");
  });

  it("stops at a template that includes itself", async () => {
    writeFileSync(join(pipelines, "self.yml"), "steps:\n  - task: AzureCLI@2\n  - template: ./self.yml\n");
    const { code, report } = await check(pipelines, "--json", "self.yml");
    expect(code).toBe(0);
    expect(report?.files.map((f) => f.path)).toEqual(["self.yml"]);
    expect(report?.files[0]?.findings[0]?.message).toContain("cycle (self.yml -> self.yml)");
  });

  it("reports a template that does not exist as a problem", async () => {
    writeFileSync(join(pipelines, "missing-template.yml"), "steps:\n  - template: templates/nowhere.yml\n");
    const { code, out } = await check(pipelines, "missing-template.yml");
    expect(code).toBe(1);
    expect(out).toContain(
      "[XX] line 2  Template templates/nowhere.yml not found (looked for templates/nowhere.yml).",
    );
  });

  it("refuses a file that is not valid YAML with file:line:column and the parser's reason, never ok", async () => {
    const { code, out, err } = await check(pipelines, "broken-pipeline.yml");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(
      /^azure-identity-diagnostics: broken-pipeline\.yml:8:1: not valid YAML: Missing closing "quote$/m,
    );
    expect(err).not.toMatch(/\[ok\]|\n\s+at /);
  });

  it("refuses a broken template reached through a good file, naming the template", async () => {
    const { code, out, err } = await check(pipelines, "--json", "broken-template-caller.yml");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(
      /templates\/broken\.yml:4:1: not valid YAML: Flow map in block collection must be sufficiently indented and end with a \}/,
    );
  });
});

describe("check-pipeline on hostile YAML", () => {
  it("walks an alias bomb without expanding it", async () => {
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    lines.push("steps:", "  - task: AzureFileCopy@3", "  - bash: echo", "    env: *a11", "");
    writeFileSync(join(root, "bomb.yml"), lines.join("\n"));
    const started = performance.now();
    const { code, report } = await check(root, "--json", "bomb.yml");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(code).toBe(1);
    expect(report?.files[0]?.tasks.map((t) => t.task)).toEqual(["AzureFileCopy@3"]);
  });

  it("refuses nesting too deep to read with exit 2, not a crash", async () => {
    writeFileSync(join(root, "deep.yml"), `steps: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`);
    const { code, out, err } = await check(root, "deep.yml");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(
      /^azure-identity-diagnostics: deep\.yml:1:\d+: not valid YAML: nested too deeply to be read$/m,
    );
  });
});

describe("check-pipeline on GitHub Actions workflows", () => {
  const WORKFLOWS = ".github/workflows";

  it("prints the exact subject for each job that signs in, OWNER/REPO from the git remote", async () => {
    const { code, report } = await check(repo, "--json", `${WORKFLOWS}/deploy-webapp.yml`);
    expect(code).toBe(0);
    const file = fileOf(report, `${WORKFLOWS}/deploy-webapp.yml`);
    expect(file.kind).toBe("github-workflow");
    expect(file.jobs).toEqual([
      {
        job: "build",
        line: 19,
        signIn: "oidc",
        environment: null,
        subjects: [
          { trigger: "push", subject: "repo:Contoso/WebApp:ref:refs/heads/main", note: null },
          {
            trigger: "push",
            subject: null,
            note: expect.stringContaining("'release/**' is a pattern") as unknown,
          },
          { trigger: "pull_request", subject: "repo:Contoso/WebApp:pull_request", note: null },
          {
            trigger: "workflow_dispatch",
            subject: null,
            note: "runs on the branch chosen when it is started: repo:Contoso/WebApp:ref:refs/heads/<that branch>.",
          },
        ],
      },
      {
        job: "deploy",
        line: 39,
        signIn: "oidc",
        environment: "production",
        // A job with an environment gets the environment's subject, whatever the trigger.
        subjects: [
          { trigger: "environment", subject: "repo:Contoso/WebApp:environment:production", note: null },
        ],
      },
    ]);
    expect(file.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(file.findings.at(-1)?.message).toBe(
      "Contoso/WebApp is read from the git remote. The subject uses the repository's name as GitHub spells it, case included: if it differs, pass --repo with that spelling.",
    );
  });

  it("shows the subjects in the text output", async () => {
    const { code, out } = await check(repo, `${WORKFLOWS}/deploy-webapp.yml`);
    expect(code).toBe(0);
    expect(out).toContain(
      "[ok] .github/workflows/deploy-webapp.yml: GitHub Actions workflow; 2 jobs sign in to Azure",
    );
    expect(out).toContain(
      "job deploy (line 39): OpenID Connect (workload identity federation), environment production",
    );
    expect(out).toContain("environment: subject repo:Contoso/WebApp:environment:production");
    expect(out).toContain("push: subject repo:Contoso/WebApp:ref:refs/heads/main");
    expect(out).toContain("pull_request: subject repo:Contoso/WebApp:pull_request");
    expect(out).toContain("AADSTS70021, AADSTS700213 or AADSTS7002138");
  });

  it("takes --repo over the git remote", async () => {
    const { report } = await check(
      repo,
      "--json",
      "--repo",
      "fabrikam/site",
      `${WORKFLOWS}/deploy-webapp.yml`,
    );
    expect(report?.files[0]?.jobs[1]?.subjects[0]?.subject).toBe("repo:fabrikam/site:environment:production");
    expect(report?.files[0]?.findings.map((f) => f.message).join("\n")).not.toContain("git remote");
  });

  it("writes OWNER/REPO and asks for --repo outside a GitHub repository", async () => {
    const { report } = await check(loose, "--json", "deploy-webapp.yml");
    const file = report?.files[0];
    expect(file?.jobs[1]?.subjects[0]?.subject).toBe("repo:OWNER/REPO:environment:production");
    expect(file?.findings.at(-1)?.message).toContain("The repository is not known: pass --repo OWNER/REPO.");
  });

  it("checks every workflow in .github/workflows when no file is given", async () => {
    const broken = join(repo, WORKFLOWS, "broken-indentation.yml");
    const text = readFileSync(broken, "utf8");
    rmSync(broken);
    try {
      const { code, report } = await check(repo, "--json");
      expect(code).toBe(1);
      expect(report?.files.map((f) => f.path)).toEqual([
        `${WORKFLOWS}/creds-secret.yml`,
        `${WORKFLOWS}/deploy-webapp.yml`,
        `${WORKFLOWS}/incomplete-login.yml`,
        `${WORKFLOWS}/job-permissions-override.yml`,
        `${WORKFLOWS}/missing-id-token.yml`,
      ]);
    } finally {
      writeFileSync(broken, text);
    }
  });

  it("needs id-token: write for OpenID Connect, at workflow or job level", async () => {
    const { code, report, out } = await check(
      loose,
      "--json",
      "--repo",
      "contoso/infra",
      "missing-id-token.yml",
    );
    expect(code).toBe(1);
    expect(report?.problems).toBe(1);
    expect(report?.files[0]?.findings[0]).toEqual({
      line: 17,
      severity: "problem",
      message:
        "Job 'what-if' signs in with OpenID Connect but the workflow cannot request an ID token: add permissions: id-token: write (and contents: read) to the workflow or to this job.",
    });
    expect(out).not.toContain("[ok]");
    expect(report?.files[0]?.jobs[0]?.subjects).toEqual([
      {
        trigger: "schedule",
        subject: null,
        note: "runs on the default branch: repo:contoso/infra:ref:refs/heads/<default branch>.",
      },
      { trigger: "push", subject: "repo:contoso/infra:ref:refs/heads/main", note: null },
    ]);

    // The same workflow with the permission granted to the job passes.
    const fixed = readFileSync(join(loose, "missing-id-token.yml"), "utf8").replace(
      "    runs-on: ubuntu-latest\n",
      "    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n      contents: read\n",
    );
    writeFileSync(join(loose, "fixed-id-token.yml"), fixed);
    expect((await check(loose, "fixed-id-token.yml")).code).toBe(0);
    // write-all at the workflow level grants it too.
    writeFileSync(
      join(loose, "write-all.yml"),
      readFileSync(join(loose, "missing-id-token.yml"), "utf8").replace(
        "permissions:\n  contents: read\n",
        "permissions: write-all\n",
      ),
    );
    expect((await check(loose, "write-all.yml")).code).toBe(0);
  });

  it("knows that a job's own permissions replace the workflow's; tags give ref:refs/tags subjects", async () => {
    const { code, report } = await check(
      loose,
      "--json",
      "--repo",
      "contoso/cli",
      "job-permissions-override.yml",
    );
    expect(code).toBe(1);
    const file = report?.files[0];
    expect(file?.findings.filter((f) => f.severity === "problem")).toEqual([
      {
        line: 17,
        severity: "problem",
        message:
          "Job 'publish' signs in with OpenID Connect, and its own permissions block replaces the workflow's, which had id-token: write: add id-token: write to the job's permissions.",
      },
    ]);
    // Azure/login with a capital A is the same action; allow-no-subscriptions makes subscription-id optional.
    expect(file?.jobs[0]?.signIn).toBe("oidc");
    expect(file?.jobs[0]?.subjects.map((s) => s.subject)).toEqual([
      "repo:contoso/cli:ref:refs/tags/v1.4.0",
      null,
    ]);
    expect(file?.jobs[0]?.subjects[1]?.note).toContain("'v2.*' is a pattern");
  });

  it("needs client-id, tenant-id and subscription-id, or creds", async () => {
    const { code, report, out } = await check(
      loose,
      "--json",
      "--repo",
      "contoso/web",
      "incomplete-login.yml",
    );
    expect(code).toBe(1);
    const file = report?.files[0];
    expect(file?.jobs.map((j) => j.job)).toEqual(["preview"]);
    expect(file?.jobs[0]?.subjects).toEqual([
      { trigger: "pull_request", subject: "repo:contoso/web:pull_request", note: null },
    ]);
    expect(file?.findings.filter((f) => f.severity !== "info")).toEqual([
      {
        line: 14,
        severity: "problem",
        message:
          "azure/login in job 'preview' signs in with OpenID Connect but lacks tenant-id and subscription-id (or allow-no-subscriptions: true).",
      },
      {
        line: 17,
        severity: "problem",
        message:
          "azure/login in job 'preview' has neither client-id, tenant-id and subscription-id (OpenID Connect) nor creds: it cannot sign in.",
      },
      {
        line: 23,
        severity: "warning",
        message:
          "Azure/cli@v2 in job 'cleanup' needs an Azure sign-in, but no azure/login step comes before it in this job (each job runs on a fresh runner).",
      },
    ]);
    expect(report?.problems).toBe(2);
    expect(out).not.toContain("[ok]");
  });

  it("gives no subject for a sign-in with a secret in creds", async () => {
    const { code, report, out } = await check(loose, "--json", "creds-secret.yml");
    expect(code).toBe(0);
    expect(report?.files[0]?.jobs).toEqual([
      { job: "deploy", line: 4, signIn: "secret", environment: null, subjects: [] },
    ]);
    expect(out).not.toContain("repo:");
  });

  it("refuses a workflow that is not valid YAML, never ok", async () => {
    const { code, out, err } = await check(repo, `${WORKFLOWS}/broken-indentation.yml`);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(
      ".github/workflows/broken-indentation.yml:14:1: not valid YAML: All mapping items must start at the same column",
    );
  });

  it("recognises a workflow on standard input, and a string environment", async () => {
    const io = fakeIo({
      cwd: loose,
      stdin: [
        "on: pull_request_target",
        "permissions: { id-token: write }",
        "jobs:",
        "  e2e:",
        "    environment: staging",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: azure/login@v2",
        "        with: { client-id: a, tenant-id: b, subscription-id: c }",
        "",
      ].join("\n"),
    });
    expect(await run(["check-pipeline", "--repo", "o/r", "-"], io)).toBe(0);
    expect(io.out()).toContain("environment: subject repo:o/r:environment:staging");
  });

  it("points at the reusable workflows a job calls", async () => {
    writeFileSync(
      join(loose, "caller.yml"),
      [
        "on:",
        "  push:",
        "    branches: [main]",
        "jobs:",
        "  infra:",
        "    uses: ./.github/workflows/deploy-infra.yml",
        "    secrets: inherit",
        "  shared:",
        "    uses: contoso/platform/.github/workflows/deploy.yml@v3",
        "",
      ].join("\n"),
    );
    const { code, report } = await check(loose, "--json", "--repo", "contoso/webapp", "caller.yml");
    expect(code).toBe(0);
    expect(report?.files[0]?.kind).toBe("github-workflow");
    expect(report?.files[0]?.findings).toEqual([
      {
        line: 5,
        severity: "info",
        message:
          "Job 'infra' calls the reusable workflow ./.github/workflows/deploy-infra.yml: check that file too. Its jobs sign in with this workflow's trigger (and their own environment) in the subject.",
      },
      {
        line: 8,
        severity: "info",
        message:
          "Job 'shared' calls the reusable workflow contoso/platform/.github/workflows/deploy.yml@v3 from another repository: not checked here.",
      },
    ]);
  });

  it("refuses a --repo that is not OWNER/REPO", async () => {
    const { code, err } = await check(repo, "--repo", "https://github.com/contoso", "x.yml");
    expect(code).toBe(2);
    expect(err).toContain("--repo takes OWNER/REPO");
  });
});

describe("parseGithubRemote", () => {
  it.each([
    ["https://github.com/contoso/webapp.git", "contoso/webapp"],
    ["https://token@github.com/contoso/webapp", "contoso/webapp"],
    ["git@github.com:Contoso/Web.App.git", "Contoso/Web.App"],
    ["ssh://git@github.com/contoso/webapp.git\n", "contoso/webapp"],
    ["https://dev.azure.com/contoso/_git/webapp", null],
    ["https://github.com/contoso", null],
  ])("reads %s as %s", (url, expected) => {
    expect(parseGithubRemote(url)).toBe(expected);
  });
});
