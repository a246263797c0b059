import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSync } from "recheck";
import {
  DIAGNOSIS_CATEGORIES,
  explainAuthError,
  listKnowledgeEntries,
  lookupKnowledge,
} from "../../src/index.js";
import { loadKnowledgeEntries } from "../../src/knowledge/entries/index.js";
import { listKnowledgeEntriesWithExamples } from "../../src/knowledge/examples/index.js";
import { ERROR_NAME_PREFIX, SKIPPED_CONSTRUCTION_LINE } from "../../src/diagnosis/diagnose.js";
import { FAMILY_PATTERNS } from "../../src/diagnosis/families.js";
import { EXTRACTION_PATTERNS } from "../../src/diagnosis/extract.js";
import { REDACTION_PATTERNS } from "../../src/diagnosis/redact.js";
import {
  DASH_MEMBER_LINE,
  JS_MEMBER_LINE,
  NAMED_MEMBER_LINE,
  PASTED_ERROR_NAME_PATTERN,
} from "../../src/diagnosis/normalise.js";
import {
  CREDENTIAL_CLASS_PATTERN,
  ESCAPED_BREAK,
  MSAL_FLOW_FRAME_PATTERN,
  STACK_FILE_PATTERN,
  STACK_FRAME_PATTERN,
  VALID_VALUES_LIST,
} from "../../src/diagnosis/credentialNames.js";
import { SEED_ROWS } from "./seedRows.js";

const entries = listKnowledgeEntriesWithExamples();

describe("knowledge base shape", () => {
  it("has unique, kebab-case ids", () => {
    const ids = entries.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it.each(entries.map((e) => [e.id, e] as const))("%s is complete", (_id, entry) => {
    expect(entry.title.length).toBeGreaterThan(10);
    expect(entry.cause.length).toBeGreaterThan(20);
    expect(DIAGNOSIS_CATEGORIES).toContain(entry.category);
    expect(entry.mitigations.length).toBeGreaterThan(0);
    expect(entry.sources.length).toBeGreaterThan(0);
    for (const url of entry.docs) expect(url).toMatch(/^https:\/\/\S+$/);
    for (const code of entry.match.stsCodes ?? []) expect(code).toMatch(/^AADSTS\d{4,9}$/);
    for (const source of entry.match.patterns ?? []) expect(() => new RegExp(source, "i")).not.toThrow();
    expect(Object.isFrozen(entry)).toBe(true);
  });

  it("covers at least 40 distinct AADSTS codes", () => {
    const codes = new Set(entries.flatMap((e) => e.match.stsCodes ?? []));
    expect(codes.size).toBeGreaterThanOrEqual(40);
  });

  it("finds entries by id, by code with or without the prefix, and by service code", () => {
    const first = listKnowledgeEntries().find((e) => (e.match.stsCodes ?? []).length > 0);
    const code = first?.match.stsCodes?.[0] ?? "missing";
    expect(lookupKnowledge(first?.id ?? "")).toEqual([first]);
    expect(lookupKnowledge(code).map((e) => e.id)).toContain(first?.id);
    expect(lookupKnowledge(code.replace("AADSTS", "")).map((e) => e.id)).toContain(first?.id);
    expect(lookupKnowledge("no-such-entry")).toEqual([]);
  });
});

describe("every seed row is covered", () => {
  it("each row id of ../shared/seeds/README.md is cited by an entry", () => {
    const cited = new Set(entries.flatMap((e) => e.sources));
    const uncited = SEED_ROWS.filter((row) => !cited.has(row.id)).map((row) => `${row.id} (${row.summary})`);
    expect(uncited).toEqual([]);
  });
});

describe("every example is diagnosed with its own entry first", () => {
  const examples = entries
    .filter((e) => !e.retired)
    .flatMap((entry) =>
      entry.examples.map((example, i) => ({
        label: `${entry.id} #${i + 1} (${example.runtime})`,
        entry,
        example,
      })),
    );

  it("has at least one example per live entry", () => {
    const bundled = new Set(loadKnowledgeEntries().map((e) => e.id));
    const without = entries
      .filter((e) => bundled.has(e.id) && !e.retired && e.examples.length === 0)
      .map((e) => e.id);
    expect(without).toEqual([]);
  });

  it("ranks the entry first for each of its examples", () => {
    const wrong = examples
      .map(({ label, entry, example }) => {
        const top = explainAuthError(example.text).matches[0]?.id ?? "(none)";
        return top === entry.id ? null : `${label}: got ${top}`;
      })
      .filter((line): line is string => line !== null);
    expect(wrong).toEqual([]);
  });
});

describe("written in our own words", () => {
  const fingerprints = JSON.parse(
    readFileSync(new URL("./seedFingerprints.json", import.meta.url), "utf8"),
  ) as {
    words: number;
    hashes: string;
  };
  const known = new Set(fingerprints.hashes.match(/.{8}/g) ?? []);
  const hash = (run: string) => createHash("sha1").update(run).digest("base64url").slice(0, 8);

  it("no title, cause or mitigation repeats a run of words from the seed guides", () => {
    const copied: string[] = [];
    for (const entry of entries) {
      for (const [field, text] of [
        ["title", entry.title],
        ["cause", entry.cause],
        ...entry.mitigations.map((m) => ["mitigation", m]),
      ]) {
        const w = text?.toLowerCase().match(/[a-z0-9']+/g) ?? [];
        for (let i = 0; i + fingerprints.words <= w.length; i++) {
          const run = w.slice(i, i + fingerprints.words).join(" ");
          if (known.has(hash(run))) {
            copied.push(`${entry.id} ${field}: "${run}"`);
            break;
          }
        }
      }
    }
    expect(copied).toEqual([]);
  });
});

describe("every regular expression runs in linear time", () => {
  const named: [string, RegExp][] = [
    ...Object.entries(EXTRACTION_PATTERNS).map(([name, re]) => [`extract.${name}`, re] as [string, RegExp]),
    ...Object.entries(REDACTION_PATTERNS).map(([name, re]) => [`redact.${name}`, re] as [string, RegExp]),
    ["normalise.JS_MEMBER_LINE", JS_MEMBER_LINE],
    ["normalise.PASTED_ERROR_NAME_PATTERN", PASTED_ERROR_NAME_PATTERN],
    ["normalise.NAMED_MEMBER_LINE", NAMED_MEMBER_LINE],
    ["normalise.DASH_MEMBER_LINE", DASH_MEMBER_LINE],
    ["credentialNames.CREDENTIAL_CLASS_PATTERN", CREDENTIAL_CLASS_PATTERN],
    ["credentialNames.STACK_FRAME_PATTERN", STACK_FRAME_PATTERN],
    ["credentialNames.STACK_FILE_PATTERN", STACK_FILE_PATTERN],
    ["credentialNames.ESCAPED_BREAK", ESCAPED_BREAK],
    ["credentialNames.MSAL_FLOW_FRAME_PATTERN", MSAL_FLOW_FRAME_PATTERN],
    ["credentialNames.VALID_VALUES_LIST", VALID_VALUES_LIST],
    ["diagnose.ERROR_NAME_PREFIX", ERROR_NAME_PREFIX],
    ["diagnose.SKIPPED_CONSTRUCTION_LINE", SKIPPED_CONSTRUCTION_LINE],
    ...Object.entries(FAMILY_PATTERNS).map(([name, re]) => [`families.${name}`, re] as [string, RegExp]),
    ...entries.flatMap((e) =>
      (e.match.patterns ?? []).map(
        (p, i) => [`${e.id}.patterns[${i}]`, new RegExp(p, "i")] as [string, RegExp],
      ),
    ),
  ];

  it(`proves all ${named.length} patterns safe with recheck`, () => {
    const unsafe = named
      .map(([name, re]) => {
        // recheck's own 10 s default per pattern reports "unknown" on a loaded machine; give it room.
        const result = checkSync(re.source, re.flags.replace(/[gy]/g, ""), { timeout: 60_000 });
        return result.status === "safe" ? null : `${name}: ${result.status} /${re.source}/`;
      })
      .filter((line): line is string => line !== null);
    expect(unsafe).toEqual([]);
  }, 300_000);
});
