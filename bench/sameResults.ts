/**
 * Proves a speed-up changed no result: records the Diagnosis JSON of a broad set of inputs, then compares a later
 * run against that record. Not a benchmark (run.ts does not run it); a tool for anyone optimising the pipeline.
 *
 *   npx tsx bench/sameResults.ts --record /tmp/diagnoses.json    before changing anything
 *   npx tsx bench/sameResults.ts --compare /tmp/diagnoses.json   after each change; exit 1 on any difference
 *
 * Inputs: the accuracy corpus, every knowledge example, the benchmark's error objects, neighbouring corpus
 * messages joined (several entries competing), case and Unicode variants, and each example diagnosed as
 * `DiagnosticCredential` would, with the credential known and chain attempts observed live.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { diagnose, type DiagnoseContext } from "../src/diagnosis/diagnose.js";
import { explainAuthError } from "../src/explainAuthError.js";
import { listKnowledgeEntriesWithExamples } from "../src/knowledge/examples/index.js";
import { corpusMessages, identityErrors } from "./explainMix.js";

interface Case {
  readonly label: string;
  readonly run: () => unknown;
}

/** Every knowledge entry's example messages. */
function exampleTexts(): { id: string; credentials: readonly string[]; text: string }[] {
  return listKnowledgeEntriesWithExamples().flatMap((entry) =>
    entry.examples.map((example) => ({
      id: entry.id,
      credentials: entry.match.credentials ?? [],
      text: example.text,
    })),
  );
}

function cases(): Case[] {
  const texts = corpusMessages();
  const examples = exampleTexts();
  const objects = identityErrors();
  const list: Case[] = [];
  texts.forEach((text, i) => list.push({ label: `corpus[${i}]`, run: () => explainAuthError(text) }));
  examples.forEach(({ id, text }, i) =>
    list.push({ label: `example[${i}] ${id}`, run: () => explainAuthError(text) }),
  );
  objects.forEach((error, i) => list.push({ label: `object[${i}]`, run: () => explainAuthError(error) }));
  const all = [...texts, ...examples.map((e) => e.text)];
  all.forEach((text, i) => {
    const next = all[(i + 1) % all.length] ?? "";
    list.push({ label: `joined[${i}]`, run: () => explainAuthError(`${text}\n${next}`) });
    list.push({ label: `upper[${i}]`, run: () => explainAuthError(text.toUpperCase()) });
    // `İ` lower-cases to two characters: anything that maps offsets between the text and its lower case must cope.
    list.push({ label: `dotted[${i}]`, run: () => explainAuthError(`İİ ${text.replace(/ /g, " İ ")}`) });
  });
  examples.forEach(({ id, credentials, text }, i) => {
    const credential = credentials[0] ?? "ClientSecretCredential";
    const context: DiagnoseContext = {
      credential,
      attempts: [
        { credential: "EnvironmentCredential", outcome: "unavailable", error: objects[1], durationMs: 1 },
        { credential, outcome: "failed", error: new Error(text), durationMs: 20 },
        { credential: "AzureCliCredential", outcome: "skipped", durationMs: null, note: "not tried" },
      ],
    };
    list.push({ label: `hinted[${i}] ${id}`, run: () => diagnose(text, { credential }) });
    list.push({ label: `observed[${i}] ${id}`, run: () => diagnose(new Error(text), context) });
  });
  return list;
}

function main(): void {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== "--record" && mode !== "--compare") || !file) {
    console.error("usage: tsx bench/sameResults.ts --record|--compare <file.json>");
    process.exit(2);
  }
  const results = cases().map(({ label, run }) => ({ label, json: JSON.stringify(run()) }));
  if (mode === "--record") {
    writeFileSync(file, JSON.stringify(results));
    console.log(`recorded ${results.length} diagnoses in ${file}`);
    return;
  }
  const recorded = JSON.parse(readFileSync(file, "utf8")) as { label: string; json: string }[];
  const differences: string[] = [];
  if (recorded.length !== results.length) {
    differences.push(`count: recorded ${recorded.length}, now ${results.length}`);
  }
  results.forEach(({ label, json }, i) => {
    const before = recorded[i];
    if (before?.label !== label || before.json !== json) {
      differences.push(`${label}\n  before: ${before?.json ?? "(none)"}\n  now:    ${json}`);
    }
  });
  if (differences.length === 0) {
    console.log(`all ${results.length} diagnoses identical`);
    return;
  }
  console.log(`${differences.length} of ${results.length} diagnoses differ:`);
  for (const line of differences.slice(0, 10)) console.log(line);
  process.exit(1);
}

main();
