/**
 * `npm run accuracy`: diagnoses every message of the accuracy corpus (test/knowledge/corpus) and prints, per
 * runtime and overall, how often each extracted fact, the category and the top knowledge entry were right,
 * then every mismatch. Exits with 1 when any runtime falls below the gate the accuracy test enforces.
 */
import { failingCells, formatReport, loadCorpus, scoreCorpus } from "../test/knowledge/corpus/score.js";

const report = scoreCorpus(loadCorpus());
console.log(formatReport(report));

const failing = failingCells(report);
if (failing.length > 0) {
  console.log(`\nBelow the gate: ${failing.map((c) => `${c.runtime}/${c.field}`).join(", ")}`);
  process.exitCode = 1;
}
