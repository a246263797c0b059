/**
 * Checks a GitHub Actions workflow's Azure sign-in: `azure/login` with OpenID Connect needs `id-token: write`
 * (a job's own `permissions` replaces the workflow's), its ids or `creds`, and each signing-in job gets the exact
 * federated credential subject Microsoft Entra ID will compare (case-sensitively) with its federated credentials.
 */
import { isMap } from "yaml";
import { entries, get, items, scalarText, type YamlFile } from "./yamlFile.js";

export type FindingSeverity = "problem" | "warning" | "info";

/** One thing to tell about a file. */
export interface PipelineFinding {
  line: number;
  severity: FindingSeverity;
  message: string;
}

/** The subject one trigger produces; `subject` is `null` when it is not fixed (a pattern, a branch chosen later). */
export interface FederatedSubject {
  trigger: string;
  subject: string | null;
  note: string | null;
}

/** A job that signs in to Azure. */
export interface WorkflowJobReport {
  job: string;
  line: number;
  /** How `azure/login` signs in: OpenID Connect, a secret in `creds`, or the runner's managed identity. */
  signIn: "oidc" | "secret" | "managed-identity" | "incomplete";
  environment: string | null;
  /** OpenID Connect only: what Microsoft Entra ID will see for each trigger. */
  subjects: FederatedSubject[];
}

export interface WorkflowCheck {
  jobs: WorkflowJobReport[];
  findings: PipelineFinding[];
}

/** Actions that act on Azure with the session `azure/login` opened earlier in the same job. */
const USES_SESSION = new Set([
  "azure/cli",
  "azure/powershell",
  "azure/arm-deploy",
  "azure/aks-set-context",
  "azure/container-apps-deploy-action",
  "azure/get-keyvault-secrets",
  "azure/sql-action",
  "azure/appservice-settings",
  "azure/webapps-deploy",
  "azure/functions-action",
  "azure/k8s-create-secret",
  "azure/k8s-bake",
  "azure/k8s-deploy",
]);
/** These can also deploy with a publish profile instead of a session. */
const PUBLISH_PROFILE = new Set(["azure/webapps-deploy", "azure/functions-action"]);

const MISMATCH_CODES = "AADSTS70021, AADSTS700213 or AADSTS7002138";

/** Whether a parsed file is a GitHub Actions workflow (`on:` and a map of jobs) rather than an Azure pipeline. */
export function looksLikeGithubWorkflow(file: YamlFile, path: string): boolean {
  const root = file.doc.contents;
  if (/(?:^|[\\/])\.github[\\/]workflows[\\/]/.test(path)) return true;
  return get(root, "on") !== undefined && isMap(get(root, "jobs"));
}

/** `id-token: write` granted by a `permissions` node: `undefined` when the node is absent. */
function grantsIdToken(node: unknown): boolean | undefined {
  if (node === undefined) return undefined;
  const all = scalarText(node);
  if (all !== undefined) return all === "write-all";
  return scalarText(get(node, "id-token")) === "write";
}

function hasPattern(name: string): boolean {
  return /[*?[\]!+]/.test(name);
}

function refSubjects(
  repo: string,
  trigger: string,
  kind: "heads" | "tags",
  names: string[],
  ignoredOnly: boolean,
): FederatedSubject[] {
  const noun = kind === "heads" ? "branch" : "tag";
  if (names.length === 0) {
    return [
      {
        trigger,
        subject: null,
        note: `${ignoredOnly ? `any ${noun} not ignored` : `any ${noun}`}${trigger === "push" ? " pushed" : ""}: the subject is repo:${repo}:ref:refs/${kind}/<${noun}>, one per ${noun}, so no single federated credential matches them all.`,
      },
    ];
  }
  return names.map((name) =>
    hasPattern(name)
      ? {
          trigger,
          subject: null,
          note: `'${name}' is a pattern: each matching ${noun} has its own subject (repo:${repo}:ref:refs/${kind}/<${noun}>); a federated credential names exactly one.`,
        }
      : { trigger, subject: `repo:${repo}:ref:refs/${kind}/${name}`, note: null },
  );
}

function texts(node: unknown): string[] {
  return items(node)
    .map(scalarText)
    .filter((t): t is string => t !== undefined);
}

/** The subjects each trigger of the workflow produces for a job without an environment. */
function triggerSubjects(file: YamlFile, repo: string): FederatedSubject[] {
  const on = get(file.doc.contents, "on");
  const triggers: [string, unknown][] = isMap(on)
    ? entries(on).map(([name, value]) => [name, value])
    : texts(on).map((name) => [name, undefined]);
  const subjects: FederatedSubject[] = [];
  for (const [trigger, config] of triggers) {
    switch (trigger) {
      case "push": {
        const branches = texts(get(config, "branches"));
        const tags = texts(get(config, "tags"));
        const ignored =
          get(config, "branches-ignore") !== undefined || get(config, "tags-ignore") !== undefined;
        if (tags.length > 0) subjects.push(...refSubjects(repo, trigger, "tags", tags, false));
        if (branches.length > 0 || tags.length === 0) {
          subjects.push(...refSubjects(repo, trigger, "heads", branches, ignored));
        }
        break;
      }
      case "pull_request":
      case "pull_request_target":
        subjects.push({ trigger, subject: `repo:${repo}:pull_request`, note: null });
        break;
      case "workflow_dispatch":
        subjects.push({
          trigger,
          subject: null,
          note: `runs on the branch chosen when it is started: repo:${repo}:ref:refs/heads/<that branch>.`,
        });
        break;
      case "schedule":
        subjects.push({
          trigger,
          subject: null,
          note: `runs on the default branch: repo:${repo}:ref:refs/heads/<default branch>.`,
        });
        break;
      case "workflow_call":
        subjects.push({
          trigger,
          subject: null,
          note: "the subject is the calling workflow's, not this file's.",
        });
        break;
      case "release":
        subjects.push({
          trigger,
          subject: null,
          note: `runs on the release's tag: repo:${repo}:ref:refs/tags/<tag>, one per release.`,
        });
        break;
      default:
        subjects.push({
          trigger,
          subject: null,
          note: `the subject follows the ref this event runs on (usually repo:${repo}:ref:refs/heads/<default branch>).`,
        });
    }
  }
  return subjects;
}

function environmentName(job: unknown): string | null {
  const node = get(job, "environment");
  return scalarText(node) ?? scalarText(get(node, "name")) ?? null;
}

/**
 * Checks every job of a workflow. `repo` is `OWNER/REPO` (from `--repo` or the git remote), or `null` when unknown
 * (subjects then read `OWNER/REPO`). Never throws.
 */
export function checkGithubWorkflow(file: YamlFile, repo: string | null): WorkflowCheck {
  const root = file.doc.contents;
  const name = repo ?? "OWNER/REPO";
  const findings: PipelineFinding[] = [];
  const jobs: WorkflowJobReport[] = [];
  const workflowPermissions = get(root, "permissions");
  const workflowGrant = grantsIdToken(workflowPermissions);

  for (const [jobName, job, jobKey] of entries(get(root, "jobs"))) {
    const jobLine = file.lineOf(jobKey);
    const called = scalarText(get(job, "uses"));
    if (called !== undefined) {
      findings.push({
        line: jobLine,
        severity: "info",
        message: called.startsWith("./")
          ? `Job '${jobName}' calls the reusable workflow ${called}: check that file too. Its jobs sign in with this workflow's trigger (and their own environment) in the subject.`
          : `Job '${jobName}' calls the reusable workflow ${called} from another repository: not checked here.`,
      });
      continue;
    }
    let loggedIn = false;
    for (const step of items(get(job, "steps"))) {
      const uses = scalarText(get(step, "uses"));
      if (uses === undefined) continue;
      const action = (uses.split("@")[0] ?? "").toLowerCase();
      const stepLine = file.lineOf(step);
      const inputs = get(step, "with");
      const input = (key: string): string | undefined => scalarText(get(inputs, key));

      if (action === "azure/login") {
        loggedIn = true;
        const report = checkLogin(jobName, job, jobLine, stepLine, input, findings);
        if (report.signIn === "oidc") {
          const jobPermissions = get(job, "permissions");
          const jobGrant = grantsIdToken(jobPermissions);
          const granted = jobGrant ?? workflowGrant ?? false;
          if (!granted) {
            findings.push({
              line: jobPermissions === undefined ? stepLine : file.lineOf(jobPermissions),
              severity: "problem",
              message:
                jobGrant === false && workflowGrant === true
                  ? `Job '${jobName}' signs in with OpenID Connect, and its own permissions block replaces the workflow's, which had id-token: write: add id-token: write to the job's permissions.`
                  : `Job '${jobName}' signs in with OpenID Connect but the workflow cannot request an ID token: add permissions: id-token: write (and contents: read) to the workflow or to this job.`,
            });
          }
          const environment = environmentName(job);
          report.environment = environment;
          report.subjects =
            environment === null
              ? triggerSubjects(file, name)
              : [
                  environment.includes("${{")
                    ? {
                        trigger: "environment",
                        subject: null,
                        note: `the environment is chosen at run time (${environment}): repo:${name}:environment:<name>.`,
                      }
                    : {
                        trigger: "environment",
                        subject: `repo:${name}:environment:${environment}`,
                        note: null,
                      },
                ];
        }
        // A second azure/login in the same job signs in again; the job is reported once.
        if (!jobs.some((j) => j.job === jobName)) jobs.push(report);
      } else if (USES_SESSION.has(action) && !loggedIn) {
        if (PUBLISH_PROFILE.has(action) && input("publish-profile") !== undefined) continue;
        if (action === "azure/aks-set-context" && input("creds") !== undefined) continue;
        findings.push({
          line: stepLine,
          severity: "warning",
          message: `${uses} in job '${jobName}' needs an Azure sign-in, but no azure/login step comes before it in this job (each job runs on a fresh runner).`,
        });
      }
    }
  }
  if (jobs.some((j) => j.signIn === "oidc")) {
    findings.push({
      line: 0,
      severity: "info",
      message: `Each federated credential's subject must equal, case included, the subject shown for the job; a mismatch fails with ${MISMATCH_CODES}.${repo === null ? " The repository is not known: pass --repo OWNER/REPO." : ""}`,
    });
  }
  return { jobs, findings };
}

function checkLogin(
  jobName: string,
  job: unknown,
  jobLine: number,
  stepLine: number,
  input: (key: string) => string | undefined,
  findings: PipelineFinding[],
): WorkflowJobReport {
  const base = { job: jobName, line: jobLine, environment: environmentName(job), subjects: [] };
  if (input("creds") !== undefined) {
    return { ...base, signIn: "secret" };
  }
  if ((input("auth-type") ?? "").toUpperCase() === "IDENTITY") {
    return { ...base, signIn: "managed-identity" };
  }
  const needed = ["client-id", "tenant-id"];
  const allowNoSubscription = (input("allow-no-subscriptions") ?? "").toLowerCase() === "true";
  if (!allowNoSubscription) needed.push("subscription-id");
  const missing = needed.filter((key) => input(key) === undefined);
  if (missing.length === needed.length) {
    findings.push({
      line: stepLine,
      severity: "problem",
      message: `azure/login in job '${jobName}' has neither client-id, tenant-id and subscription-id (OpenID Connect) nor creds: it cannot sign in.`,
    });
    return { ...base, signIn: "incomplete" };
  }
  if (missing.length > 0) {
    findings.push({
      line: stepLine,
      severity: "problem",
      message: `azure/login in job '${jobName}' signs in with OpenID Connect but lacks ${missing.join(" and ")}${missing.includes("subscription-id") ? " (or allow-no-subscriptions: true)" : ""}.`,
    });
  }
  return { ...base, signIn: "oidc" };
}
