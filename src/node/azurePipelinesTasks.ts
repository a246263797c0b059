/**
 * Which built-in Azure Pipelines tasks can use an Azure Resource Manager service connection with workload identity
 * federation, version by version, from the Azure DevOps troubleshooting page (seed 003; 004 for the preview-era list).
 * Marketplace tasks are not listed: their publishers decide.
 */

/** One task version. */
export interface PipelineTaskSupport {
  /** `Name@major`, as written in YAML, e.g. `AzureFileCopy@5`. */
  task: string;
  /** First `Name@major` of this task that supports workload identity federation; `null` when no version does. */
  supportedFrom: string | null;
  /** What to use instead when this version does not support it; `null` when this version is fine (or nothing helps). */
  recommended: string | null;
  note: string;
}

const YES = "Supports workload identity federation.";

/** `Name@major` as its lower-cased name and its major version (`NaN` when there is none). */
export function splitTask(task: string): { name: string; version: number } {
  const [name = "", version] = task.split("@");
  return { name: name.toLowerCase(), version: Number(version) };
}

/**
 * Task name case-insensitively, then the major version as a number: the order of `localeCompare(…, "en",
 * { numeric: true })` for these names, without loading ICU's collation data at import.
 */
function compareTasks(a: string, b: string): number {
  const x = splitTask(a);
  const y = splitTask(b);
  return x.name < y.name ? -1 : x.name > y.name ? 1 : x.version - y.version;
}

function supported(task: string, note = YES): PipelineTaskSupport {
  return {
    task,
    supportedFrom: `${task.split("@")[0] ?? task}@${minVersion(task)}`,
    recommended: null,
    note,
  };
}

function upgrade(task: string, to: string, note?: string): PipelineTaskSupport {
  return {
    task,
    supportedFrom: to,
    recommended: to,
    note: note ?? `Does not support workload identity federation; upgrade to ${to}.`,
  };
}

function unsupported(task: string, note: string): PipelineTaskSupport {
  return { task, supportedFrom: null, recommended: null, note };
}

/** Lowest listed version that supports federation, per task name (filled in below). */
const FIRST_SUPPORTED: Record<string, number> = {};

function minVersion(task: string): number {
  const [name, version] = task.split("@");
  return FIRST_SUPPORTED[name ?? ""] ?? Number(version);
}

const YES_TASKS = [
  "AutomatedAnalysis@0",
  "AzureAppServiceManage@0",
  "AzureAppServiceSettings@1",
  "AzureCLI@1",
  "AzureCLI@2",
  "AzureCloudPowerShellDeployment@2",
  "AzureContainerApps@0",
  "AzureContainerApps@1",
  "AzureFileCopy@6",
  "AzureFunctionApp@1",
  "AzureFunctionApp@2",
  "AzureFunctionAppContainer@1",
  "AzureFunctionOnKubernetes@1",
  "AzureIoTEdge@2",
  "AzureKeyVault@1",
  "AzureKeyVault@2",
  "AzureMonitor@1",
  "AzureMysqlDeployment@1",
  "AzurePolicyCheckGate@0",
  "AzurePowerShell@2",
  "AzurePowerShell@3",
  "AzurePowerShell@4",
  "AzurePowerShell@5",
  "AzureResourceGroupDeployment@2",
  "AzureResourceManagerTemplateDeployment@3",
  "AzureRmWebAppDeployment@3",
  "AzureRmWebAppDeployment@4",
  "AzureSpringCloud@0",
  "AzureVmssDeployment@0",
  "AzureWebApp@1",
  "AzureWebAppContainer@1",
  "ContainerBuild@0",
  "ContainerStructureTest@0",
  "Docker@0",
  "Docker@2",
  "DockerCompose@0",
  "DockerCompose@1",
  "DotNetCoreCLI@2",
  "InvokeRESTAPI@1",
  "JavaToolInstaller@0",
  "JenkinsDownloadArtifacts@1",
  "Kubernetes@1",
  "KubernetesManifest@1",
  "Maven@4",
  "Notation@0",
  "PackerBuild@1",
  "PublishToAzureServiceBus@2",
  "SqlAzureDacpacDeployment@1",
  "VSTest@3",
] as const;

for (const task of [...YES_TASKS, "Docker@1", "HelmDeploy@0", "HelmDeploy@1"]) {
  const [name, version] = task.split("@");
  const n = Number(version);
  if (name && !(name in FIRST_SUPPORTED && (FIRST_SUPPORTED[name] ?? n) <= n)) FIRST_SUPPORTED[name] = n;
}

/** The task table, alphabetical by task, then version. */
export const azurePipelinesTasks: readonly PipelineTaskSupport[] = Object.freeze(
  [
    ...YES_TASKS.map((task) => supported(task)),
    upgrade("AzureCloudPowerShellDeployment@1", "AzureCloudPowerShellDeployment@2"),
    upgrade("AzureFileCopy@1", "AzureFileCopy@6"),
    upgrade("AzureFileCopy@2", "AzureFileCopy@6"),
    upgrade("AzureFileCopy@3", "AzureFileCopy@6"),
    upgrade("AzureFileCopy@4", "AzureFileCopy@6"),
    upgrade("AzureFileCopy@5", "AzureFileCopy@6"),
    upgrade("AzureFunctionOnKubernetes@0", "AzureFunctionOnKubernetes@1"),
    upgrade("AzureMonitor@0", "AzureMonitor@1"),
    upgrade("Kubernetes@0", "Kubernetes@1"),
    upgrade("KubernetesManifest@0", "KubernetesManifest@1"),
    upgrade("PackerBuild@0", "PackerBuild@1"),
    upgrade(
      "PublishToAzureServiceBus@1",
      "PublishToAzureServiceBus@2",
      "Does not support workload identity federation; upgrade to PublishToAzureServiceBus@2 and give it an Azure Resource Manager service connection.",
    ),
    supported(
      "Docker@1",
      "Supports workload identity federation through an Azure Resource Manager service connection; a Docker Registry service connection does not.",
    ),
    supported(
      "HelmDeploy@0",
      "Supports workload identity federation through an Azure Resource Manager service connection.",
    ),
    supported(
      "HelmDeploy@1",
      "Supports workload identity federation through an Azure Resource Manager service connection.",
    ),
    unsupported(
      "AzureNLBManagement@1",
      "No version supports workload identity federation; keep a secret- or certificate-based service connection for it, or script the change with AzureCLI@2 or AzurePowerShell@5.",
    ),
    unsupported(
      "ServiceFabricComposeDeploy@0",
      "No version supports workload identity federation; keep a secret- or certificate-based service connection for it.",
    ),
    unsupported(
      "ServiceFabricDeploy@1",
      "No version supports workload identity federation; keep a secret- or certificate-based service connection for it.",
    ),
  ]
    .sort((a, b) => compareTasks(a.task, b.task))
    .map((row) => Object.freeze(row)),
);

const REF = /^\s*(?:-\s*)?(?:task:\s*)?([A-Za-z][A-Za-z0-9]{0,80}?)(?:@(\d{1,3})|V(\d{1,3}))?\s*$/;

/** Every listed version of the task called `name` (any case), oldest first. */
export function pipelineTaskVersions(name: string): PipelineTaskSupport[] {
  const lower = name.toLowerCase();
  return azurePipelinesTasks.filter((row) => splitTask(row.task).name === lower);
}

/**
 * Looks a task up by `Name@major` (`AzureFileCopy@5`), the older `NameV5` form, or its bare name (the newest listed
 * version), case-insensitively. A version newer than any listed one gets the newest row's verdict. `null` when the
 * task is unknown (for example a Marketplace task).
 */
export function lookupPipelineTask(ref: string): PipelineTaskSupport | null {
  const m = REF.exec(ref);
  if (!m) return null;
  const versionText = m[2] ?? m[3];
  const rows = pipelineTaskVersions(m[1] ?? "");
  const newest = rows.at(-1);
  if (newest === undefined) return null;
  if (versionText === undefined) return newest;
  const version = Number(versionText);
  const exact = rows.find((row) => splitTask(row.task).version === version);
  if (exact) return exact;
  if (version > splitTask(newest.task).version) {
    const task = `${newest.task.split("@")[0] ?? ""}@${version}`;
    return {
      ...newest,
      task,
      note: `${task} is newer than the versions the troubleshooting table lists; ${newest.task}: ${newest.note}`,
    };
  }
  return null;
}
