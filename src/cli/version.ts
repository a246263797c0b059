/**
 * The package's version, read from its package.json at run time. The CLI runs from `dist/cli.js` when installed
 * and from `src/cli/` in development, so the file is found by walking up to the package of this name.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "azure-identity-diagnostics";

let cached: string | undefined;

/** The version in package.json, or `"unknown"` when it cannot be found. */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  cached = "unknown";
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") {
        cached = pkg.version;
        break;
      }
    } catch {
      // No package.json at this level (or not ours): keep walking up.
    }
    dir = dirname(dir);
  }
  return cached;
}
