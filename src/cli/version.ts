/**
 * The package's version and bug-report address, read from its package.json at run time. The CLI runs from
 * `dist/cli.js` when installed and from `src/cli/` in development, so the file is found by walking up to the
 * package of this name.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "azure-identity-diagnostics";

/** The package's page on npm: it exists for every published version and lists the maintainers. */
export const NPM_PAGE = `https://www.npmjs.com/package/${PACKAGE_NAME}`;

interface Manifest {
  name?: unknown;
  version?: unknown;
  bugs?: unknown;
  repository?: unknown;
}

let cached: Manifest | undefined;

function readManifest(): Manifest {
  if (cached !== undefined) return cached;
  cached = {};
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
      if (pkg.name === PACKAGE_NAME) {
        cached = pkg;
        break;
      }
    } catch {
      // No package.json at this level (or not ours): keep walking up.
    }
    dir = dirname(dir);
  }
  return cached;
}

/** The version in package.json, or `"unknown"` when it cannot be found. */
export function packageVersion(): string {
  const version = readManifest().version;
  return typeof version === "string" ? version : "unknown";
}

/**
 * Where to report a bug: package.json's `bugs` address, else the issues of a GitHub `repository`, else the npm
 * page. Only addresses the manifest really gives are used, so the message never points at a page that does not
 * exist.
 */
export function reportAddress(manifest: Manifest = readManifest()): string {
  const bugs = manifest.bugs;
  const bugsUrl = typeof bugs === "string" ? bugs : (bugs as { url?: unknown } | null | undefined)?.url;
  if (typeof bugsUrl === "string" && /^https:\/\/\S+$/.test(bugsUrl)) return bugsUrl;
  const repository = manifest.repository;
  const repositoryUrl =
    typeof repository === "string" ? repository : (repository as { url?: unknown } | null | undefined)?.url;
  if (typeof repositoryUrl === "string") {
    const github = /^(?:git\+)?https:\/\/github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(repositoryUrl);
    if (github?.[1] !== undefined) return `https://github.com/${github[1]}/issues`;
  }
  return NPM_PAGE;
}
