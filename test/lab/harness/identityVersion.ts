/**
 * Which `@azure/identity` the suite is running against. The compat matrix (scripts/compat.sh) sets
 * `COMPAT_IDENTITY_PACKAGE` to one of the versions installed side by side as npm aliases (`@azure/identity-4.0`,
 * `@azure/identity-latest`) and vitest.config.ts points every `@azure/identity` import at it, in tests and in src.
 *
 * Scenarios whose expectation depends on the version ask `identityVersion()` / `identityAtLeast()` here, and say
 * in a comment what differs; docs/compat.md lists every difference.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The installed package `@azure/identity` imports resolve to in this run. */
export const IDENTITY_PACKAGE =
  process.env.COMPAT_IDENTITY_PACKAGE?.trim() === ""
    ? "@azure/identity"
    : (process.env.COMPAT_IDENTITY_PACKAGE ?? "@azure/identity");

const { version } = createRequire(import.meta.url)(`${IDENTITY_PACKAGE}/package.json`) as { version: string };

/** The version of the `@azure/identity` this run loads, from that package's own package.json, e.g. `"4.0.1"`. */
export function identityVersion(): string {
  return version;
}

function parse(text: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = text.split(/[.-]/, 3).map(Number);
  return [major, minor, patch];
}

/** Whether the loaded identity is `minimum` or newer (`"4.3"` means 4.3.0). */
export function identityAtLeast(minimum: string): boolean {
  const have = parse(version);
  const want = parse(minimum);
  for (let i = 0; i < 3; i++) {
    const difference = (have[i] ?? 0) - (want[i] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/**
 * Why a scenario cannot run on this identity, or `undefined` when it can: `minimum` is the first version of the
 * matrix that has what the scenario needs (4.0.1 < 4.13.1 < 4.14.1; the change happened somewhere in between).
 */
export function skipBefore(minimum: string, lacking: string): string | undefined {
  return identityAtLeast(minimum) ? undefined : `identity ${version} ${lacking}`;
}

/**
 * Whether the loaded identity ships one module per credential. Then a bare error's stack names its credential's
 * file (`credentials/azureCliCredential.js`); identity 4.0 is one bundled file whose frames name no credential, so
 * `explainAuthError` on such an error alone can only list what its text names.
 */
export function identityStacksNameCredentials(): boolean {
  const entry = createRequire(import.meta.url).resolve(IDENTITY_PACKAGE);
  return existsSync(join(dirname(entry), "credentials"));
}
