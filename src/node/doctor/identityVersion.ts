/**
 * The @azure/identity version installed, read from its package.json at run time, as the app in `cwd` would
 * resolve it, else as this package resolves it. Doctor models one release's rules; users need to see which
 * release they really run.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

function thisFile(): string | null {
  // CommonJS build: __filename; ESM build: import.meta.url (empty in the CommonJS build, hence the order).
  if (typeof __filename === "string") return __filename;
  try {
    return fileURLToPath(import.meta.url);
  } catch {
    return null;
  }
}

function versionFrom(base: string): string | null {
  try {
    const path = createRequire(base).resolve("@azure/identity/package.json");
    const pkg = JSON.parse(readFileSync(path, "utf8")) as { name?: unknown; version?: unknown };
    return pkg.name === "@azure/identity" && typeof pkg.version === "string"
      ? pkg.version.slice(0, 40)
      : null;
  } catch {
    return null;
  }
}

/** The installed @azure/identity version, or `null` when it cannot be found. Never throws. */
export function installedIdentityVersion(cwd: string): string | null {
  const own = thisFile();
  return versionFrom(join(cwd, "package.json")) ?? (own === null ? null : versionFrom(own));
}
