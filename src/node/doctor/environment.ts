/**
 * Reading variables as identity does. Identity tests values for truthiness, so an empty variable counts as
 * unset. Windows matches names case-insensitively (`Path`), so the injected map is searched that way there.
 */

export type EnvironmentMap = Readonly<Record<string, string | undefined>>;

/** Reads variables from an injected environment, never from `process.env`. */
export interface EnvironmentReader {
  /** The value, or `undefined` when the variable is unset or empty. */
  get(name: string): string | undefined;
  /** Every name present with a non-empty value. */
  names(): string[];
}

export function createEnvironmentReader(env: EnvironmentMap, platform: string): EnvironmentReader {
  const windows = platform === "win32";
  const lookup = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === "") continue;
    const key = windows ? name.toUpperCase() : name;
    if (!lookup.has(key)) lookup.set(key, value);
  }
  return {
    get: (name) => lookup.get(windows ? name.toUpperCase() : name),
    names: () => Object.keys(env).filter((name) => (env[name] ?? "") !== ""),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}
