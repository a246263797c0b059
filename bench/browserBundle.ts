/**
 * (d) The core entry as a browser app would ship it: esbuild, platform=browser, minified, gzip. Peer
 * dependencies (@azure/identity, @opentelemetry/api) are the app's own and stay out; our dependencies and the
 * whole knowledge base are in.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { loadKnowledgeEntries } from "../src/knowledge/entries/index.js";
import { formatNumber, reportResult } from "./harness.js";

const GOAL_BYTES = 30 * 1024;
const PEERS = ["@azure/identity", "@opentelemetry/api"];

function groupOf(input: string): string {
  if (input.startsWith("src/knowledge/entries/")) return "knowledge entries";
  if (input.startsWith("src/knowledge/")) return "knowledge index, matcher, pipeline tasks";
  if (input.startsWith("src/diagnosis/")) return "diagnosis";
  if (input.startsWith("src/")) return "credential wrapper and events";
  return "dependencies (@azure/logger, @azure/core-auth…)";
}

async function main(): Promise<void> {
  const result = await build({
    entryPoints: [new URL("../src/index.ts", import.meta.url).pathname],
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    metafile: true,
    external: PEERS,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no output");
  const gzipped = gzipSync(output.contents).length;
  const minified = output.contents.length;

  const groups = new Map<string, number>();
  for (const meta of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
      const group = groupOf(input);
      groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
    }
  }
  const knowledgeOnly = await build({
    entryPoints: [new URL("../src/knowledge/entries/index.ts", import.meta.url).pathname],
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const knowledgeGzipped = gzipSync(knowledgeOnly.outputFiles[0]?.contents ?? new Uint8Array()).length;
  // The words a diagnosis shows a user, with nothing around them: a floor no bundling of this content goes below.
  const prose = loadKnowledgeEntries().map((e) => [e.title, e.cause, e.mitigations]);
  const proseGzipped = gzipSync(JSON.stringify(prose)).length;
  const kb = (bytes: number): string => `${formatNumber(bytes / 1024, 1)} KB`;
  reportResult({
    id: "browser-bundle",
    title: "Core entry bundled for the browser",
    goal: `≤ ${kb(GOAL_BYTES)} minified + gzip, knowledge base included`,
    measured: `${kb(gzipped)} gzip (${kb(minified)} minified)`,
    met: gzipped <= GOAL_BYTES,
    method: `Bundles src/index.ts with esbuild (platform=browser, format=esm, minify, peers ${PEERS.join(" and ")} external) and gzips the output with zlib's default level.`,
    details: [
      `the knowledge entries bundled alone: ${kb(knowledgeGzipped)} gzip; their titles, causes and mitigations alone, as bare JSON: ${kb(proseGzipped)} gzip`,
      `minified bytes by part: ${[...groups]
        .sort((a, b) => b[1] - a[1])
        .map(([g, b]) => `${g} ${kb(b)}`)
        .join("; ")}`,
    ],
  });
}

await main();
