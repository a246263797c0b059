/**
 * What `import "azure-identity-diagnostics"` (the built dist) adds to an app that imports `@azure/identity`, as a
 * share of `@azure/identity`'s own import time, both timed side by side in the same run, in fresh Node processes.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { formatNumber, median, reportResult } from "./harness.js";

const GOAL_RATIO = 0.05;
const PROCESSES = 31;
const root = fileURLToPath(new URL("../", import.meta.url));

/** Milliseconds one fresh process spends in `await import(...)` of each specifier, in order. */
function timeImports(specifiers: readonly string[]): number[] {
  const script = `
    const times = [];
    for (const s of ${JSON.stringify(specifiers)}) {
      const start = performance.now();
      await import(s);
      times.push(performance.now() - start);
    }
    process.stdout.write(JSON.stringify(times));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, AZURE_LOG_LEVEL: "", NODE_OPTIONS: "" },
  });
  return JSON.parse(out) as number[];
}

/**
 * The core entry bundled into one file with the knowledge entries left out: what the code alone costs to load, a
 * floor for any packaging of the same code. Written under node_modules so its bare imports resolve as ours do.
 */
async function buildWithoutKnowledge(): Promise<string> {
  const outfile = `${root}node_modules/.cache/bench/core-without-knowledge.mjs`;
  await build({
    entryPoints: [`${root}src/index.ts`],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["@azure/*", "@opentelemetry/api"],
    outfile,
    logLevel: "silent",
    plugins: [
      {
        name: "without-knowledge",
        setup(b) {
          b.onLoad({ filter: /knowledge[\\/]entries[\\/]index\.ts$/ }, () => ({
            contents: "export const loadKnowledgeEntries = () => [];",
            loader: "ts",
          }));
        },
      },
    ],
  });
  return outfile;
}

async function main(): Promise<void> {
  if (!existsSync(`${root}dist/index.js`)) throw new Error("dist/index.js is missing: run npm run build");
  const identityAlone: number[] = [];
  const ours: number[] = [];
  const oursAfterIdentity: number[] = [];
  const codeOnly: number[] = [];
  const withoutKnowledge = await buildWithoutKnowledge();
  timeImports(["azure-identity-diagnostics"]); // warm the file system cache
  // Alternate the kinds of process, so load on the machine hits each alike.
  for (let i = 0; i < PROCESSES; i++) {
    identityAlone.push(timeImports(["@azure/identity"])[0] ?? NaN);
    ours.push(timeImports(["azure-identity-diagnostics"])[0] ?? NaN);
    oursAfterIdentity.push(timeImports(["@azure/identity", "azure-identity-diagnostics"])[1] ?? NaN);
    codeOnly.push(timeImports(["@azure/identity", withoutKnowledge])[1] ?? NaN);
  }
  // The package imports @azure/identity itself, so what it adds is the time to load it once @azure/identity is
  // loaded. Timed within one process, that is free of the ±10 ms by which whole imports of @azure/identity swing
  // from process to process here; the difference of the medians of whole imports is reported beside it.
  const added = median(oursAfterIdentity);
  const identityTime = median(identityAlone);
  const share = added / identityTime;
  const differenceOfMedians = median(ours) - identityTime;
  reportResult({
    id: "import-cost",
    title: "Import cost over @azure/identity",
    goal: `≤ ${formatNumber(GOAL_RATIO * 100)}% added to @azure/identity's own import time`,
    measured: `+${formatNumber(share * 100, 1)}% (+${formatNumber(added, 1)} ms on @azure/identity's ${formatNumber(identityTime, 1)} ms, medians)`,
    met: share <= GOAL_RATIO,
    method: `In each of ${PROCESSES} fresh Node processes, imports @azure/identity, then times \`await import()\` of the built package by name; alternated with processes that time a whole import of @azure/identity alone (the denominator) and of the package alone.`,
    details: [
      `difference of medians of whole imports: ${formatNumber(differenceOfMedians, 1)} ms (${formatNumber(median(ours), 1)} ms vs ${formatNumber(median(identityAlone), 1)} ms for @azure/identity alone)`,
      `the same code in one file without the knowledge base, after @azure/identity: median ${formatNumber(median(codeOnly), 1)} ms`,
      `importing the package after @azure/identity: min ${formatNumber(Math.min(...oursAfterIdentity), 1)} ms, max ${formatNumber(Math.max(...oursAfterIdentity), 1)} ms`,
      `@azure/identity alone: min ${formatNumber(Math.min(...identityAlone), 1)} ms, max ${formatNumber(Math.max(...identityAlone), 1)} ms`,
    ],
  });
}

await main();
