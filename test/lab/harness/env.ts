/**
 * A clean process environment for a scenario: none of the variables @azure/identity reads, and a PATH that holds
 * only the lab's own directories, so no real `az`, `azd` or `pwsh` on the machine can answer. Vitest runs each
 * test file in its own process (`pool: "forks"`), so changing `process.env` here touches nothing else.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** Prefixes and names of every variable identity's credentials consult. */
const IDENTITY_VARIABLE =
  /^(AZURE_|IDENTITY_|MSI_|IMDS_|AZURESUBSCRIPTION_|SYSTEM_OIDCREQUESTURI$|SYSTEM_ACCESSTOKEN$)/;
/** Proxies would route loopback traffic elsewhere; the lab talks to 127.0.0.1 directly. */
const PROXY_VARIABLE = /^(HTTPS?_PROXY|ALL_PROXY|NO_PROXY)$/i;

export interface IsolatedEnv {
  /** An empty directory that is the whole PATH until `usePath` adds more. */
  readonly emptyBin: string;
  /** Sets variables (undefined removes one). */
  set(variables: Readonly<Record<string, string | undefined>>): void;
  /** Puts these absolute directories first on PATH, followed by the empty directory. */
  usePath(...directories: string[]): void;
  /** Puts every variable back as it was and removes the empty directory. */
  restore(): void;
}

/** Removes identity's variables and proxies from `process.env` and empties PATH. Call `restore()` when done. */
export function isolateEnv(variables: Readonly<Record<string, string | undefined>> = {}): IsolatedEnv {
  const saved = { ...process.env };
  const emptyBin = mkdtempSync(join(tmpdir(), "lab-empty-bin-"));
  for (const name of Object.keys(process.env)) {
    if (IDENTITY_VARIABLE.test(name) || PROXY_VARIABLE.test(name)) Reflect.deleteProperty(process.env, name);
  }
  process.env.PATH = emptyBin;

  const set = (values: Readonly<Record<string, string | undefined>>): void => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  };
  set(variables);

  return {
    emptyBin,
    set,
    usePath: (...directories) => {
      process.env.PATH = [...directories, emptyBin].join(delimiter);
    },
    restore: () => {
      for (const name of Object.keys(process.env))
        if (!(name in saved)) Reflect.deleteProperty(process.env, name);
      Object.assign(process.env, saved);
      rmSync(emptyBin, { recursive: true, force: true });
    },
  };
}
