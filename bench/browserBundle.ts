/**
 * The core entry as a browser app ships it, next to @azure/identity as the same app ships it: each bundled by
 * esbuild (platform=browser, minified) and gzipped. Our build is the package's `browser` export condition: the
 * core entry with only the knowledge a browser app can meet (src/knowledge/browserEntries.ts).
 */
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { browserKnowledge } from "../scripts/browserKnowledge.js";
import { BROWSER_ENTRY_IDS } from "../src/knowledge/browserEntries.js";
import { loadKnowledgeEntries } from "../src/knowledge/entries/index.js";
import { formatNumber, reportResult } from "./harness.js";

const GOAL_RATIO = 0.3;
/** The app's own peers: @azure/identity is what we compare with, OpenTelemetry is optional. */
const PEERS = ["@azure/identity", "@opentelemetry/api"];

async function bundle(
  entry: { path: string } | { contents: string },
  external: readonly string[],
  plugins: Plugin[] = [],
) {
  const result = await build({
    ...("path" in entry
      ? { entryPoints: [entry.path] }
      : { stdin: { contents: entry.contents, resolveDir: process.cwd(), loader: "js" as const } }),
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    metafile: true,
    external: [...external],
    plugins,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no output");
  return { gzip: gzipSync(output.contents).length, minified: output.contents.length, meta: result.metafile };
}

function groupOf(input: string): string {
  if (input.includes("knowledge/entries/")) return "knowledge entries";
  if (input.startsWith("src/knowledge/")) return "knowledge index, matcher, pipeline tasks";
  if (input.startsWith("src/diagnosis/")) return "diagnosis";
  if (input.startsWith("src/")) return "credential wrapper and events";
  return "dependencies (@azure/logger, @azure/core-auth…)";
}

async function main(): Promise<void> {
  const core = new URL("../src/index.ts", import.meta.url).pathname;
  const ours = await bundle({ path: core }, PEERS, [browserKnowledge()]);
  const full = await bundle({ path: core }, PEERS);
  // Everything an app that imports @azure/identity ships for it: its browser build and its dependencies.
  const identity = await bundle({ contents: 'export * from "@azure/identity";' }, []);
  const ratio = ours.gzip / identity.gzip;

  const groups = new Map<string, number>();
  for (const meta of Object.values(ours.meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
      groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytesInOutput);
    }
  }
  const kb = (bytes: number): string => `${formatNumber(bytes / 1024, 1)} KB`;
  reportResult({
    id: "browser-bundle",
    title: "Core entry bundled for the browser",
    goal: `≤ ${formatNumber(GOAL_RATIO * 100)}% of @azure/identity's own browser bundle (esbuild, minified, gzip)`,
    measured: `${kb(ours.gzip)} gzip, ${formatNumber(ratio * 100, 1)}% of @azure/identity's ${kb(identity.gzip)}`,
    met: ratio <= GOAL_RATIO,
    method: `Bundles the core entry as the package's browser export condition builds it (src/index.ts with ${BROWSER_ENTRY_IDS.length} of ${loadKnowledgeEntries().length} knowledge entries), and \`export * from "@azure/identity"\`, each with esbuild (platform=browser, format=esm, minify; our peers ${PEERS.join(" and ")} external) and gzips each with zlib's default level.`,
    details: [
      `ours: ${kb(ours.gzip)} gzip (${kb(ours.minified)} minified); @azure/identity: ${kb(identity.gzip)} gzip (${kb(identity.minified)} minified)`,
      `the core entry with the whole knowledge base (the Node build): ${kb(full.gzip)} gzip, ${formatNumber((full.gzip / identity.gzip) * 100, 1)}% of @azure/identity`,
      `minified bytes by part: ${[...groups]
        .sort((a, b) => b[1] - a[1])
        .map(([g, b]) => `${g} ${kb(b)}`)
        .join("; ")}`,
    ],
  });
}

await main();
