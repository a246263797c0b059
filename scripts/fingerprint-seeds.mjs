// Writes test/knowledge/seedFingerprints.json: hashes of every 8-word run of the seed guides, so the
// "written in our own words" test can run where the guides themselves are not checked out.
// Usage: node scripts/fingerprint-seeds.mjs [../shared/seeds]
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SHINGLE_WORDS = 8;

export function words(text) {
  return text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}

export function shingleHash(run) {
  return createHash("sha1").update(run).digest("base64url").slice(0, 8);
}

const dir = process.argv[2] ?? "../shared/seeds";
const hashes = new Set();
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()) {
  const w = words(readFileSync(join(dir, file), "utf8"));
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++)
    hashes.add(shingleHash(w.slice(i, i + SHINGLE_WORDS).join(" ")));
}
writeFileSync(
  "test/knowledge/seedFingerprints.json",
  JSON.stringify({ words: SHINGLE_WORDS, hashes: [...hashes].sort().join("") }) + "\n",
);
console.log(`${hashes.size} fingerprints written`);
