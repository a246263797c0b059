/**
 * (c) What `import "azure-identity-diagnostics"` (the built dist) adds over importing `@azure/identity` alone,
 * each timed in fresh Node processes.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatNumber, median, reportResult } from "./harness.js";

const GOAL_MS = 5;
const PROCESSES = 21;
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

function main(): void {
  if (!existsSync(`${root}dist/index.js`)) throw new Error("dist/index.js is missing: run npm run build");
  const identityAlone: number[] = [];
  const ours: number[] = [];
  const oursAfterIdentity: number[] = [];
  timeImports(["azure-identity-diagnostics"]); // warm the file system cache
  // Alternate the kinds of process, so load on the machine hits each alike.
  for (let i = 0; i < PROCESSES; i++) {
    identityAlone.push(timeImports(["@azure/identity"])[0] ?? NaN);
    ours.push(timeImports(["azure-identity-diagnostics"])[0] ?? NaN);
    oursAfterIdentity.push(timeImports(["@azure/identity", "azure-identity-diagnostics"])[1] ?? NaN);
  }
  const added = median(ours) - median(identityAlone);
  reportResult({
    id: "import-cost",
    title: "Import cost over @azure/identity",
    goal: `≤ ${GOAL_MS} ms added`,
    measured: `+${formatNumber(added, 1)} ms (median ${formatNumber(median(ours), 1)} ms vs ${formatNumber(median(identityAlone), 1)} ms for @azure/identity alone)`,
    met: added <= GOAL_MS,
    method: `Times \`await import()\` inside ${PROCESSES} fresh Node processes of each kind, alternating: the built package by name (which loads @azure/identity itself) against @azure/identity alone; the goal is the difference of medians.`,
    details: [
      `importing the package after @azure/identity is already loaded: median ${formatNumber(median(oursAfterIdentity), 1)} ms`,
      `@azure/identity alone: min ${formatNumber(Math.min(...identityAlone), 1)} ms, max ${formatNumber(Math.max(...identityAlone), 1)} ms`,
      `azure-identity-diagnostics: min ${formatNumber(Math.min(...ours), 1)} ms, max ${formatNumber(Math.max(...ours), 1)} ms`,
    ],
  });
}

main();
