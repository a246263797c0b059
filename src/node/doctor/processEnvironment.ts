/**
 * Identity reads `process.env` itself (and its child processes inherit it), so a live check of an injected
 * environment has to put that environment in place for the call's duration. Only the variables identity, its
 * proxies and its tools read are swapped; everything else in `process.env` is left alone.
 */
import type { EnvironmentMap } from "./environment.js";

const RELEVANT = /^(?:AZURE_|IDENTITY_|MSI_|IMDS_|AZURESUBSCRIPTION_|SYSTEM_|ACTIONS_ID_TOKEN_)/;
const RELEVANT_NAMES = new Set([
  "PATH",
  "PATHEXT",
  "HOME",
  "USERPROFILE",
  "ProgramFiles",
  "https_proxy",
  "http_proxy",
  "all_proxy",
  "no_proxy",
  "HTTPS_PROXY",
  "HTTP_PROXY",
  "ALL_PROXY",
  "NO_PROXY",
]);

function isRelevant(name: string): boolean {
  return RELEVANT.test(name) || RELEVANT_NAMES.has(name);
}

/**
 * Runs `task` with the relevant variables of `process.env` replaced by those of `env`, and puts them back after.
 * When `env` is `process.env` itself, nothing changes.
 */
export async function withProcessEnvironment<T>(env: EnvironmentMap, task: () => Promise<T>): Promise<T> {
  if (env === process.env) return task();
  const wanted = { ...env };
  const saved = new Map<string, string | undefined>();
  const names = new Set([...Object.keys(process.env), ...Object.keys(wanted)].filter(isRelevant));
  for (const name of names) {
    saved.set(name, process.env[name]);
    const value = wanted[name];
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
  try {
    return await task();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}
