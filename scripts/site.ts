/**
 * `npm run site`: builds the explain page into site/ — index.html, app.css and app.js (web/main.ts with the
 * library's core and the whole knowledge base, bundled for browsers as one classic script, so the page also
 * works opened from file://). Nothing else is written; the output is what GitHub Pages publishes.
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));

/** What {@link buildSite} wrote. */
export interface SiteBuild {
  readonly outDir: string;
  /** File name → size in bytes. */
  readonly files: Readonly<Record<string, number>>;
}

/** Builds the site into `outDir` (default `site/`), replacing what was there. */
export async function buildSite(outDir = join(root, "site")): Promise<SiteBuild> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, "web/main.ts")],
    outfile: join(outDir, "app.js"),
    bundle: true,
    // A classic script, not a module: browsers refuse module scripts from file://.
    format: "iife",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    legalComments: "none",
    tsconfig: join(root, "web/tsconfig.json"),
    logLevel: "warning",
  });
  for (const name of ["index.html", "app.css"]) copyFileSync(join(root, "web", name), join(outDir, name));
  const files = Object.fromEntries(
    ["index.html", "app.css", "app.js"].map((name) => [name, statSync(join(outDir, name)).size]),
  );
  return { outDir, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await buildSite();
  const sizes = Object.entries(result.files)
    .map(([name, size]) => `  ${name} ${(size / 1024).toFixed(1)} KiB`)
    .join("\n");
  console.log(`Built the explain page into ${result.outDir}:\n${sizes}`);
}
