/**
 * Facts about the machine that no variable tells: whether it is an Azure VM, whether the Azure Arc agent is
 * installed, and whether identity's plugins are installed where the app runs. All local file checks, no network.
 * Tests pass these facts in instead (`InspectMachineOptions.machine`), so the answer does not depend on the host.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { EnvironmentReader } from "./environment.js";
import { fileExists, readSmallFile } from "./files.js";

export interface MachineFacts {
  /** Whether this is an Azure VM (Linux: the SMBIOS chassis asset tag Azure sets); `null` when unknown. */
  azureVm: boolean | null;
  /** Whether the Azure Arc agent (himds) is installed: msal-node then picks Arc without any variable. */
  arcAgentInstalled: boolean;
  /** Whether `@azure/identity-vscode` can be loaded from the working directory. */
  vscodePluginInstalled: boolean;
  /** Whether `@azure/identity-broker` can be loaded from the working directory. */
  brokerPluginInstalled: boolean;
}

/** The chassis asset tag of every Azure virtual machine. */
const AZURE_ASSET_TAG = "7783-7084-3265-9085-8269-3286-77";

function detectAzureVm(platform: string): boolean | null {
  if (platform !== "linux") return null;
  const read = readSmallFile("/sys/class/dmi/id/chassis_asset_tag");
  if (read.state !== "read") return null;
  return read.bytes.toString("utf8").trim() === AZURE_ASSET_TAG;
}

function detectArcAgent(env: EnvironmentReader, platform: string): boolean {
  if (platform === "linux") return fileExists("/opt/azcmagent/bin/himds");
  if (platform === "win32") {
    const programFiles = env.get("ProgramFiles");
    return (
      programFiles !== undefined && fileExists(join(programFiles, "AzureConnectedMachineAgent", "himds.exe"))
    );
  }
  return false;
}

function canResolve(name: string, cwd: string): boolean {
  try {
    createRequire(join(cwd, "package.json")).resolve(name);
    return true;
  } catch {
    return false;
  }
}

export function detectMachineFacts(
  env: EnvironmentReader,
  platform: string,
  cwd: string,
  given: Partial<MachineFacts> = {},
): MachineFacts {
  return {
    azureVm: given.azureVm !== undefined ? given.azureVm : detectAzureVm(platform),
    arcAgentInstalled: given.arcAgentInstalled ?? detectArcAgent(env, platform),
    vscodePluginInstalled: given.vscodePluginInstalled ?? canResolve("@azure/identity-vscode", cwd),
    brokerPluginInstalled: given.brokerPluginInstalled ?? canResolve("@azure/identity-broker", cwd),
  };
}
