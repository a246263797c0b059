/**
 * An empty consumer project that installs the packed tarball without the network. `npm install <tarball>` would
 * need the registry's package documents to resolve `@azure/identity` and our dependencies, and `npm ci` in this
 * repository caches only the tarballs. So the project gets a lockfile: the tarball by path, and every other
 * package copied from this repository's lockfile (same versions, same tree positions, same integrity), which
 * `npm ci --offline` installs from the npm cache that the repository's own `npm ci` filled.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

interface Manifest {
  name: string;
  version: string;
  license?: string;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface ConsumerProjectOptions {
  /** The repository root (holds package.json and package-lock.json). */
  repoRoot: string;
  /** The directory to write package.json and package-lock.json into. */
  directory: string;
  /** The tarball's file name, relative to `directory`. */
  tarball: string;
  /** The tarball's integrity, as `npm pack --json` reports it. */
  integrity: string;
  /** Packages the consumer itself depends on, besides the tarball (taken from the repository's lockfile). */
  alsoInstall: readonly string[];
}

const NODE_MODULES = "node_modules/";

function packageName(path: string): string {
  return path.slice(path.lastIndexOf(NODE_MODULES) + NODE_MODULES.length);
}

/** Where Node would find `name` when required from the package at `from` (a lockfile path, "" for the root). */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base === "" ? "" : `${base}/`}${NODE_MODULES}${name}`;
    if (packages[candidate]) return candidate;
    if (base === "") return undefined;
    const parent = base.lastIndexOf(`/${NODE_MODULES}`);
    base = parent === -1 ? "" : base.slice(0, parent);
  }
}

/** Registry tarball URL; npm reads the default registry's address as "whatever registry is configured". */
function registryUrl(name: string, version: string): string {
  const file = name.split("/").pop() ?? name;
  return `https://registry.npmjs.org/${name}/-/${file}-${version}.tgz`;
}

/** The repository's lockfile entries for `roots` and everything they need, at the same tree positions. */
function closure(packages: Record<string, LockEntry>, roots: readonly string[]): Record<string, LockEntry> {
  const picked: Record<string, LockEntry> = {};
  const queue = roots.map((name) => {
    const path = locate(packages, "", name);
    if (path === undefined) throw new Error(`${name} is not in the repository's lockfile`);
    return path;
  });
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (picked[path]) continue;
    const entry = packages[path];
    if (!entry) continue;
    // In the repository they are dev dependencies; in the consumer they are ordinary ones.
    const kept: LockEntry = { ...entry };
    for (const flag of ["dev", "devOptional", "peer"]) Reflect.deleteProperty(kept, flag);
    const name = packageName(path);
    picked[path] = { ...kept, resolved: entry.resolved ?? registryUrl(name, entry.version ?? "") };
    const optional = new Set([
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.entries(entry.peerDependenciesMeta ?? {})
        .filter(([, meta]) => meta.optional === true)
        .map(([dep]) => dep),
    ]);
    const needs = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
    for (const dep of Object.keys(needs)) {
      const found = locate(packages, path, dep);
      if (found !== undefined) queue.push(found);
      else if (!optional.has(dep)) throw new Error(`${dep} (needed by ${path}) is not in the lockfile`);
    }
  }
  return picked;
}

/** Writes package.json and package-lock.json of a project that depends on the tarball and `alsoInstall`. */
export function writeConsumerProject(options: ConsumerProjectOptions): void {
  const readJson = (file: string): unknown => JSON.parse(readFileSync(join(options.repoRoot, file), "utf8"));
  const lock = readJson("package-lock.json") as { packages: Record<string, LockEntry> };
  const manifest = readJson("package.json") as Manifest;

  const ours = `file:${options.tarball}`;
  const packages = closure(lock.packages, [
    ...options.alsoInstall,
    ...Object.keys(manifest.dependencies ?? {}),
  ]);
  const dependencies: Record<string, string> = { [manifest.name]: ours };
  for (const name of options.alsoInstall) {
    dependencies[name] = packages[`${NODE_MODULES}${name}`]?.version ?? "*";
  }
  const root = { name: "consumer", version: "1.0.0", private: true, dependencies };
  const lockfile = {
    name: root.name,
    version: root.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { name: root.name, version: root.version, dependencies },
      [`${NODE_MODULES}${manifest.name}`]: {
        version: manifest.version,
        resolved: ours,
        integrity: options.integrity,
        license: manifest.license,
        dependencies: manifest.dependencies,
        peerDependencies: manifest.peerDependencies,
        peerDependenciesMeta: manifest.peerDependenciesMeta,
        bin: manifest.bin,
        engines: manifest.engines,
      },
      ...packages,
    },
  };
  writeFileSync(join(options.directory, "package.json"), `${JSON.stringify(root, null, 2)}\n`);
  writeFileSync(join(options.directory, "package-lock.json"), `${JSON.stringify(lockfile, null, 2)}\n`);
}
