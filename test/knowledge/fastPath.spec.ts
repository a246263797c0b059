/**
 * The matcher's fast path (a literal search and a candidate index instead of trying every entry on every text)
 * must give exactly what trying every entry gives. A reference scorer written straight from the rules in
 * schema.ts is compared with `matchKnowledge` on every corpus message and example, and the literal search is
 * compared with `String.prototype.includes` on generated text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/diagnosis/extract.js";
import { normaliseError } from "../../src/diagnosis/normalise.js";
import { TEXT_SIGN_PHRASES } from "../../src/diagnosis/credentialNames.js";
import { createTextScanner, scanText } from "../../src/diagnosis/textScan.js";
import { requiredLiteral } from "../../src/knowledge/candidates.js";
import { listKnowledgeEntriesWithExamples } from "../../src/knowledge/examples/index.js";
import { knowledgeIndex, type IndexedEntry } from "../../src/knowledge/index.js";
import { buildLiteralSearch, findLiterals } from "../../src/knowledge/literalSearch.js";
import { knowledgeLiterals, matchKnowledge, SCORES, type MatchFacts } from "../../src/knowledge/match.js";
import { loadCorpus } from "./corpus/score.js";

/** Scores one entry by reading every rule against the whole text, as schema.ts describes. */
function referenceScore(indexed: IndexedEntry, facts: MatchFacts): number {
  const rules = indexed.entry.match;
  const nameHit = facts.errorName !== null && (rules.errorNames ?? []).includes(facts.errorName);
  const statusHit = facts.httpStatus !== null && (rules.httpStatus ?? []).includes(facts.httpStatus);
  const hasPrimary =
    indexed.stsCodes.size + indexed.text.length + indexed.patterns.length + indexed.serviceCodes.size > 0;
  let score = 0;
  if (hasPrimary) {
    if (facts.stsCodes.some((c) => indexed.stsCodes.has(c))) score += SCORES.stsCode;
    const lengths = indexed.text.filter((f) => facts.text.includes(f)).map((f) => f.length);
    if (lengths.length > 0) score += SCORES.text + Math.min(Math.max(...lengths), 80) / 4;
    if (indexed.patterns.some((p) => p.test(facts.text))) score += SCORES.pattern;
    if (facts.serviceCodes.some((c) => indexed.serviceCodes.has(c.toLowerCase())))
      score += SCORES.serviceCode;
    if (score === 0) return 0;
  } else {
    if (!rules.errorNames && !rules.httpStatus) return 0;
    if ((rules.errorNames && !nameHit) || (rules.httpStatus && !statusHit)) return 0;
    score = 1;
  }
  if (indexed.context.length > 0) {
    const known = facts.credentials.map((c) => c.toLowerCase());
    if (!indexed.context.some((f) => facts.text.includes(f) || known.includes(f))) return 0;
    score += SCORES.context;
  }
  if (facts.credentials.some((c) => (rules.credentials ?? []).includes(c))) score += SCORES.credential;
  if (nameHit) score += SCORES.errorName;
  if (statusHit) score += SCORES.httpStatus;
  return score;
}

function referenceMatch(facts: MatchFacts): { id: string; score: number }[] {
  return knowledgeIndex()
    .entries.map((indexed) => ({ indexed, score: referenceScore(indexed, facts) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.indexed.order - b.indexed.order)
    .map(({ indexed, score }) => ({ id: indexed.entry.id, score }));
}

function texts(): string[] {
  const corpus = loadCorpus().map((item) => item.text);
  const examples = listKnowledgeEntriesWithExamples().flatMap((e) => e.examples.map((x) => x.text));
  const all = [...corpus, ...examples];
  // Neighbours joined make entries compete; every fragment cut short is a near miss.
  const joined = all.map((text, i) => `${text}\n${all[(i + 1) % all.length] ?? ""}`);
  const nearMisses = knowledgeIndex().entries.flatMap((e) =>
    e.text.map((f) => `x${f.slice(0, -1)} ${f.slice(1)}`),
  );
  return [...all, ...joined, ...nearMisses];
}

describe("the matcher's fast path", () => {
  it("scores every corpus message, example and near miss exactly as trying every entry does", () => {
    const differences: string[] = [];
    for (const text of texts()) {
      const facts = extractFacts(normaliseError(text));
      const matchFacts: MatchFacts = { ...facts, text: facts.lowerText };
      const expected = referenceMatch(matchFacts);
      const searched = matchKnowledge({ ...matchFacts, literals: facts.knowledgeLiterals });
      const unsearched = matchKnowledge(matchFacts);
      for (const actual of [searched, unsearched]) {
        const got = actual.map(({ entry, score }) => ({ id: entry.id, score }));
        if (JSON.stringify(got) !== JSON.stringify(expected)) differences.push(text.slice(0, 120));
      }
    }
    expect(differences).toEqual([]);
  });

  it("finds exactly the literals that a substring search finds, in any text", () => {
    const literals = [
      ...new Set([...knowledgeLiterals(), ...TEXT_SIGN_PHRASES, "##[error]", "/go/", "-----"]),
    ];
    const search = buildLiteralSearch(literals);
    // Text made of literals, literals cut at either end, separators, digits and characters that lower-case oddly.
    const piece = fc.oneof(
      fc.constantFrom(...literals),
      fc.constantFrom(...literals).chain((l) => fc.nat(l.length).map((n) => l.slice(n))),
      fc.constantFrom(...literals).chain((l) => fc.nat(l.length).map((n) => l.slice(0, n))),
      fc.constantFrom(" ", "-", "_", ".", "\n", "x", "az", "0", "é", "i̇", "'"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        const found = new Set(findLiterals(search, text));
        const expected = literals.flatMap((l, id) => (text.includes(l) ? [id] : []));
        expect([...found].sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("finds exactly what a substring search finds for any literals over a tiny alphabet", () => {
    // Few characters make literals overlap, repeat and nest inside each other and inside words.
    const word = fc.stringMatching(/^[ab0]{1,4}$/);
    const literal = fc
      .array(fc.oneof(word, fc.constantFrom(" ", "-", ".")), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(
        fc.uniqueArray(literal, { minLength: 1, maxLength: 12 }),
        fc.stringMatching(/^[ab0 .-]{0,40}$/),
        (literals, text) => {
          const found = findLiterals(buildLiteralSearch(literals), text).sort((a, b) => a - b);
          expect(found).toEqual(literals.flatMap((l, id) => (text.includes(l) ? [id] : [])));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reports a scanner phrase that is also a knowledge literal, and the knowledge literal too", () => {
    const shared = knowledgeLiterals()[0] ?? "";
    const scanner = createTextScanner([shared, "az login"]);
    const scan = scanText(scanner, `before ${shared} after az login`);
    expect([...scan.phrases].sort()).toEqual([shared, "az login"].sort());
    expect(scan.knowledge).toContain(0);
    expect(scanText(scanner, "nothing to see").phrases.size).toBe(0);
  });

  it("takes as a pattern's required literal only text every match contains", () => {
    expect(requiredLiteral("Assertion Issuer: '?https:\\/\\/app\\.vstoken")).toBe("https://app.vstoken");
    expect(requiredLiteral("ManagedIdentityCredential authentication unavailable\\.\\s{0,5}$")).toBe(
      "managedidentitycredential authentication unavailable.",
    );
    expect(requiredLiteral("ERROR: Subscription '[^'\\n]{1,200}' not found")).toBe("error: subscription '");
    expect(requiredLiteral("no (?:client|tenant) ID specified\\. Check pod")).toBe(
      " id specified. check pod",
    );
    expect(requiredLiteral("(?:a|b) c")).toBe(" c");
    expect(requiredLiteral("abc|def")).toBe("");
    expect(requiredLiteral("ab+c")).toBe("a");
    expect(requiredLiteral("x[(|)]{2,300}yz")).toBe("yz");
    // Every text a knowledge pattern matches contains its required literal.
    const missing: string[] = [];
    for (const text of texts()) {
      const lower = text.toLowerCase();
      for (const indexed of knowledgeIndex().entries) {
        for (const pattern of indexed.patterns) {
          if (pattern.test(lower) && !lower.includes(requiredLiteral(pattern.source)))
            missing.push(pattern.source);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
