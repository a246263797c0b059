/**
 * Runs every benchmark in its own fresh process and prints a table.
 *
 *   npm run bench                 run and print
 *   npm run bench -- --write      also write BENCHMARKS.md
 *   npm run bench:check           exit 1 naming each goal that was missed
 *   npm run bench -- --only soak  run some benchmarks (comma-separated ids or file names)
 *   npm run bench -- --note "…"   a remark for BENCHMARKS.md (for example, other work running on the machine)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RESULT_PREFIX, type BenchResult } from "./harness.js";

const root = fileURLToPath(new URL("../", import.meta.url));

/** Each benchmark file, its id, and any Node flags it needs. */
const BENCHMARKS = [
  { file: "explainLatency.ts", id: "explain-latency", flags: [] },
  // A young generation too large to be collected mid-loop, so heap growth counts what calls allocate.
  { file: "credentialOverhead.ts", id: "credential-overhead", flags: ["--max-semi-space-size=128"] },
  { file: "importCost.ts", id: "import-cost", flags: [], needsDist: true },
  { file: "browserBundle.ts", id: "browser-bundle", flags: [] },
  { file: "hostileInput.ts", id: "hostile-input", flags: [] },
  { file: "inputShapes.ts", id: "input-shapes", flags: [] },
  { file: "soak.ts", id: "soak", flags: [] },
  // --- CLI `scan` (kept apart from the library's benchmarks above) ---
  { file: "scanThroughput.ts", id: "scan-throughput", flags: [] },
] as const;

function readArgs(argv: readonly string[]): { write: boolean; check: boolean; only: string[]; note: string } {
  const value = (flag: string): string => {
    const at = argv.indexOf(flag);
    return at === -1 ? "" : (argv[at + 1] ?? "");
  };
  return {
    write: argv.includes("--write"),
    check: argv.includes("--check"),
    only: value("--only").split(",").filter(Boolean),
    note: value("--note"),
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

/** The import benchmark measures the built package: build it when it is missing or older than src/. */
function ensureDist(): void {
  const built = `${root}dist/index.js`;
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(`${root}src`)) return;
  console.log("building dist/ (npm run build)…");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
}

function runBenchmark(file: string, flags: readonly string[]): BenchResult {
  const child = spawnSync(process.execPath, ["--expose-gc", ...flags, "--import", "tsx", `bench/${file}`], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, AZURE_LOG_LEVEL: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (child.status !== 0 || !line) {
    throw new Error(`bench/${file} failed (exit ${String(child.status)}):\n${child.stderr}${child.stdout}`);
  }
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult;
}

interface Machine {
  cpu: string;
  cores: number;
  node: string;
  date: string;
  load: string;
}

function describeMachine(): Machine {
  const all = cpus();
  return {
    cpu: all[0]?.model.trim() ?? "unknown",
    cores: all.length,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(", "),
  };
}

function printTable(results: readonly BenchResult[]): void {
  const rows = results.map((r) => [r.met ? "met" : "MISSED", r.id, r.measured, r.goal]);
  const widths = [6, Math.max(...rows.map((r) => (r[1] ?? "").length))];
  console.log("");
  for (const [status, id, measured, goal] of rows) {
    console.log(
      `${(status ?? "").padEnd(widths[0] ?? 0)}  ${(id ?? "").padEnd(widths[1] ?? 0)}  ${measured}`,
    );
    console.log(`${"".padEnd((widths[0] ?? 0) + (widths[1] ?? 0) + 4)}goal: ${goal}`);
  }
}

function markdown(
  results: readonly BenchResult[],
  machine: Machine,
  loadBefore: string,
  note: string,
): string {
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench -- --write`; `npm run bench:check` fails when a goal is missed. Each benchmark runs",
    "in its own fresh Node process (`bench/*.ts`). Numbers depend on the machine and on what else it was doing.",
    "",
    "## Machine",
    "",
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- Node: ${machine.node}`,
    `- Date: ${machine.date}`,
    `- Load average (1, 5, 15 min): ${loadBefore} before the run, ${machine.load} after`,
    ...(note ? [`- Note: ${note}`] : []),
    "",
    "## Results",
    "",
    "| Benchmark | Measured | Goal | |",
    "| --- | --- | --- | --- |",
    ...results.map((r) => `| ${r.title} | ${r.measured} | ${r.goal} | ${r.met ? "met" : "**missed**"} |`),
    "",
    "## Method and details",
    "",
  ];
  for (const r of results) {
    lines.push(`### ${r.title} (\`${r.id}\`)`, "", r.method, "", ...r.details.map((d) => `- ${d}`), "");
  }
  return lines.join("\n");
}

function main(): void {
  const args = readArgs(process.argv.slice(2));
  const selected = BENCHMARKS.filter(
    (b) =>
      args.only.length === 0 || args.only.some((o) => o === b.id || o === b.file || `${o}.ts` === b.file),
  );
  const loadBefore = loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  if (selected.some((b) => "needsDist" in b && b.needsDist)) ensureDist();
  const results: BenchResult[] = [];
  for (const bench of selected) {
    process.stdout.write(`running ${bench.id}… `);
    const result = runBenchmark(bench.file, bench.flags);
    console.log(result.met ? "met" : "MISSED");
    results.push(result);
  }
  printTable(results);
  const machine = describeMachine();
  if (args.write) {
    writeFileSync(`${root}BENCHMARKS.md`, markdown(results, machine, loadBefore, args.note));
    console.log("\nwrote BENCHMARKS.md");
  }
  const missed = results.filter((r) => !r.met);
  if (args.check && missed.length > 0) {
    console.error(
      `\ngoals missed: ${missed.map((r) => `${r.id} (${r.measured}; goal ${r.goal})`).join("; ")}`,
    );
    process.exitCode = 1;
  }
}

main();
