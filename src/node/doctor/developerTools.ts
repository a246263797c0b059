/**
 * Finds `az`, `azd` and `pwsh` on PATH the way a shell would, without running them (running them can be slow,
 * prompt, or touch the network). az's sign-in is read from its profile file instead.
 */
import { accessSync, constants, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { EnvironmentReader } from "./environment.js";
import { readSmallFile } from "./files.js";
import type { DeveloperToolName, DeveloperToolReport } from "./types.js";

const TOOLS: readonly DeveloperToolName[] = ["az", "azd", "pwsh"];

function isExecutableFile(path: string, windows: boolean): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (!windows) accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `name` on PATH; on Windows with each PATHEXT extension (identity runs `az.cmd`, `pwsh.exe`…). */
export function findOnPath(
  name: string,
  env: EnvironmentReader,
  platform: string,
  cwd: string,
): string | null {
  const windows = platform === "win32";
  const separator = windows ? ";" : ":";
  const directories = (env.get("PATH") ?? "").split(separator).filter((d) => d !== "");
  const extensions = windows
    ? (env.get("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").split(";").filter((e) => e !== "")
    : [""];
  for (const directory of directories) {
    for (const extension of extensions) {
      const candidate = resolve(cwd, directory.replace(/^"|"$/g, ""), `${name}${extension}`);
      if (isExecutableFile(candidate, windows)) return candidate;
    }
  }
  return null;
}

/** Whether az's profile lists an account: `true`, `false`, or `null` when the profile's place is unknown. */
function azSignedIn(env: EnvironmentReader): boolean | null {
  const home = env.get("HOME") ?? env.get("USERPROFILE");
  const configDir = env.get("AZURE_CONFIG_DIR") ?? (home === undefined ? undefined : join(home, ".azure"));
  if (configDir === undefined) return null;
  const read = readSmallFile(join(configDir, "azureProfile.json"));
  if (read.state === "missing") return false;
  if (read.state !== "read") return null;
  try {
    // az writes the profile with a byte-order mark.
    const profile = JSON.parse(read.bytes.toString("utf8").replace(/^\uFEFF/, "")) as {
      subscriptions?: unknown;
    };
    return Array.isArray(profile.subscriptions) ? profile.subscriptions.length > 0 : null;
  } catch {
    return null;
  }
}

export function findDeveloperTools(
  env: EnvironmentReader,
  platform: string,
  cwd: string,
): DeveloperToolReport[] {
  return TOOLS.map((name) => {
    const path =
      findOnPath(name, env, platform, cwd) ??
      (platform === "win32" && name === "pwsh" ? findOnPath("powershell", env, platform, cwd) : null);
    return { name, path, signedIn: name === "az" && path !== null ? azSignedIn(env) : null };
  });
}
