/**
 * `npm run docs:errors`: regenerates the error index (docs/errors) from the knowledge base and appends new
 * ids to test/knowledge/publishedIds.json. `--check` writes nothing and exits with 1 when anything is out
 * of date; both modes exit with 1 when an id was deleted instead of retired.
 */
import { fileURLToPath } from "node:url";
import { listKnowledgeEntriesWithExamples } from "../src/knowledge/examples/index.js";
import { isUpToDate, syncErrorIndex } from "./errorIndex/sync.js";

const root = new URL("../", import.meta.url);
const check = process.argv.includes("--check");

const result = syncErrorIndex({
  source: { entries: listKnowledgeEntriesWithExamples() },
  docsDir: fileURLToPath(new URL("docs/errors/", root)),
  publishedIdsPath: fileURLToPath(new URL("test/knowledge/publishedIds.json", root)),
  check,
});

const inDocs = (label: string, names: readonly string[]) =>
  names.map((name) => `  ${label} docs/errors/${name}`);
const changes = [
  ...inDocs("stale  ", result.stale),
  ...inDocs("missing", result.missing),
  ...inDocs("extra  ", result.extra),
  ...(result.publishedIdsStale
    ? [`  stale   test/knowledge/publishedIds.json (${result.newIds.length} new ids)`]
    : []),
];

if (result.problems.length > 0) {
  console.error(
    `Ids must stay permanent; nothing was written:\n${result.problems.map((p) => `  ${p}`).join("\n")}`,
  );
  process.exitCode = 1;
} else if (isUpToDate(result)) {
  console.log("docs/errors is up to date.");
} else if (check) {
  console.error(`docs/errors is out of date; run npm run docs:errors:\n${changes.join("\n")}`);
  process.exitCode = 1;
} else {
  console.log(`Updated the error index:\n${changes.join("\n")}`);
}
