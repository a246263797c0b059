/**
 * `npm run accuracy`: the real-world corpus (test/knowledge/realWorld, messages pasted into public threads) per
 * group and score, then the written set (test/knowledge/corpus: seed, lab and written messages) per runtime and
 * field. `--misses` lists every real-world miss; `--fresh` scores the held-out fresh batch instead. Exits with 1
 * when a set falls below its gate.
 */
import { failingCells, formatReport, loadCorpus, scoreCorpus } from "../test/knowledge/corpus/score.js";
import {
  FRESH_FOLDER,
  formatRealWorldReport,
  loadRealWorld,
  missedGoals,
  scoreRealWorld,
} from "../test/knowledge/realWorld/score.js";

const args = new Set(process.argv.slice(2));
const fresh = args.has("--fresh");
const realWorld = scoreRealWorld(fresh ? loadRealWorld(FRESH_FOLDER) : loadRealWorld());
console.log(
  formatRealWorldReport(
    realWorld,
    fresh ? "Real-world fresh batch (held out)" : "Real-world corpus (messages pasted into public threads)",
    args.has("--misses"),
  ),
);
const missed = missedGoals(realWorld);
if (missed.length > 0) {
  console.log(
    `\nBelow the goal: ${missed.map((m) => `${m.score} ${(m.share * 100).toFixed(1)}%`).join(", ")}`,
  );
  process.exitCode = 1;
}
if (fresh) process.exit();

console.log("\nWritten set (seed, lab and written messages)\n");
const report = scoreCorpus(loadCorpus());
console.log(formatReport(report));
const failing = failingCells(report);
if (failing.length > 0) {
  console.log(`\nBelow the gate: ${failing.map((c) => `${c.runtime}/${c.field}`).join(", ")}`);
  process.exitCode = 1;
}
