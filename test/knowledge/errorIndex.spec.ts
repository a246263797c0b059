import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { afterEach, describe, expect, it } from "vitest";
import type { KnowledgeEntryWithExamples } from "../../src/knowledge/index.js";
import { listKnowledgeEntriesWithExamples } from "../../src/knowledge/examples/index.js";
import { checkIdRegistry, type ErrorIndexSource } from "../../scripts/errorIndex/registry.js";
import { INDEX_PAGE, renderErrorIndex } from "../../scripts/errorIndex/render.js";
import {
  diffGenerated,
  formatPublishedIds,
  readGeneratedDir,
  readPublishedIds,
  syncErrorIndex,
} from "../../scripts/errorIndex/sync.js";

const DOCS_DIR = fileURLToPath(new URL("../../docs/errors/", import.meta.url));
const PUBLISHED_IDS = fileURLToPath(new URL("./publishedIds.json", import.meta.url));
const realSource: ErrorIndexSource = { entries: listKnowledgeEntriesWithExamples() };

/** A small, valid entry for doctored registries. */
function entry(id: string, overrides: Partial<KnowledgeEntryWithExamples> = {}): KnowledgeEntryWithExamples {
  return {
    id,
    title: `Title of ${id}`,
    category: "credential-invalid",
    retryable: false,
    match: { stsCodes: ["AADSTS7000215"], text: ["invalid client secret"] },
    cause: `Cause of ${id}.`,
    mitigations: [`First fix for ${id}.`, `Second fix for ${id}.`],
    docs: ["https://learn.microsoft.com/entra/identity-platform/reference-error-codes"],
    sources: ["SEC-01"],
    examples: [
      {
        text: "ERROR: AADSTS7000215: Invalid client secret provided.",
        runtime: "azure-cli",
        source: "SEC-01",
      },
      {
        text: "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x",
        runtime: "javascript",
        source: "lab",
      },
    ],
    ...overrides,
  };
}

/** An entry kept in place for its id, retired: the one way an id leaves the live knowledge base. */
function retired(
  id: string,
  retirement: { reason?: string; replacedBy?: string } = {},
): KnowledgeEntryWithExamples {
  return entry(id, { match: {}, examples: [], retired: { reason: `Why ${id} was retired.`, ...retirement } });
}

describe("the committed error index", () => {
  it("matches what the knowledge base generates", () => {
    const diff = diffGenerated(renderErrorIndex(realSource), readGeneratedDir(DOCS_DIR));
    const lines = [
      ...diff.stale.map((name) => `stale docs/errors/${name}`),
      ...diff.missing.map((name) => `missing docs/errors/${name}`),
      ...diff.extra.map((name) => `extra docs/errors/${name}`),
    ];
    expect(lines, "docs/errors is out of date: run npm run docs:errors").toEqual([]);
  });

  it("keeps every published id live or retired, and publishes every id", () => {
    expect(checkIdRegistry(realSource, readPublishedIds(PUBLISHED_IDS))).toEqual([]);
  });

  it("stores publishedIds.json in the form the generator writes", () => {
    const published = readPublishedIds(PUBLISHED_IDS);
    expect(readFileSync(PUBLISHED_IDS, "utf8"), "run npm run docs:errors").toBe(
      formatPublishedIds(published),
    );
  });
});

describe("checkIdRegistry", () => {
  const live = [entry("alpha"), entry("beta")];

  it("accepts a registry where every published id is live or retired", () => {
    const source = { entries: [...live, retired("gone", { replacedBy: "alpha" })] };
    expect(checkIdRegistry(source, ["alpha", "beta", "gone"])).toEqual([]);
  });

  it("reports a published id that was deleted instead of retired", () => {
    const problems = checkIdRegistry({ entries: live }, ["alpha", "beta", "deleted"]);
    expect(problems).toEqual([expect.stringMatching(/^deleted was published but its entry is gone/)]);
  });

  it("reports a live id missing from publishedIds.json", () => {
    expect(checkIdRegistry({ entries: [...live, retired("gone")] }, ["alpha", "gone"])).toEqual([
      "beta is missing from test/knowledge/publishedIds.json: run npm run docs:errors.",
    ]);
  });

  it("reports a replacement that is not a live entry", () => {
    const source = {
      entries: [
        ...live,
        retired("gamma", { replacedBy: "missing" }),
        retired("old", { replacedBy: "gamma" }),
      ],
    };
    expect(checkIdRegistry(source, ["alpha", "beta", "gamma", "old"])).toEqual([
      "gamma is replaced by missing, which is not a live entry.",
      "old is replaced by gamma, which is not a live entry.",
    ]);
  });

  it("reports a published list that is unsorted or repeats an id", () => {
    const source = { entries: live };
    expect(checkIdRegistry(source, ["beta", "alpha"])).toEqual([
      expect.stringMatching(/publishedIds\.json is not sorted or repeats an id/),
    ]);
    expect(checkIdRegistry(source, ["alpha", "alpha", "beta"])).toHaveLength(1);
  });
});

describe("renderErrorIndex", () => {
  it("gives the same bytes whatever the declaration order of the entries", () => {
    const reversed = { ...realSource, entries: [...realSource.entries].reverse() };
    expect(renderErrorIndex(reversed)).toEqual(renderErrorIndex(realSource));
  });

  it("writes one page per id, and the index links to every page and to nothing else", () => {
    const files = renderErrorIndex(realSource);
    const pages = [...files.keys()].filter((name) => name !== INDEX_PAGE).sort();
    expect(pages).toEqual(realSource.entries.map((e) => `${e.id}.md`).sort());
    const index = files.get(INDEX_PAGE) ?? "";
    const linked = new Set([...index.matchAll(/\]\(([a-z0-9-]+\.md)\)/g)].map((m) => m[1]));
    expect([...linked].sort()).toEqual(pages);
  });

  it("shows an entry's summary, facts, cause, fixes, wordings by runtime, docs and sources", () => {
    const page = renderErrorIndex({ entries: [entry("alpha")] }).get("alpha.md") ?? "";
    expect(page).toContain("# alpha\n\nTitle of alpha\n");
    expect(page).toContain("- **Category:** [credential-invalid](README.md#credential-invalid)");
    expect(page).toContain("- **Retryable:** no");
    expect(page).toContain("- **AADSTS codes:** `AADSTS7000215`");
    expect(page).toContain("## Why it happens\n\nCause of alpha.\n");
    expect(page).toContain("1. First fix for alpha.\n2. Second fix for alpha.\n");
    // Runtimes appear in a fixed order (JavaScript before the Azure CLI), whatever the examples' order.
    expect(page.indexOf("### JavaScript (@azure/identity)")).toBeLessThan(page.indexOf("### Azure CLI"));
    expect(page).toContain("```text\nAADSTS7000215: Invalid client secret provided.\nTrace ID: x\n```");
    expect(page).toContain("- <https://learn.microsoft.com/entra/identity-platform/reference-error-codes>");
    expect(page).toContain("`SEC-01`");
  });

  it("gives a retired id a page with the reason and its replacement, and lists it as retired", () => {
    const source = {
      entries: [entry("alpha"), entry("beta", { retired: { reason: "Split in two.", replacedBy: "alpha" } })],
    };
    const files = renderErrorIndex(source);
    // The notice comes first and the record stays readable.
    const beta = files.get("beta.md") ?? "";
    expect(beta).toContain(
      "> **Retired.** Split in two.\n>\n> Replaced by [alpha](alpha.md): Title of alpha",
    );
    expect(beta).toContain("## Why it happens");
    const index = files.get(INDEX_PAGE) ?? "";
    expect(index).toContain("1 live entries, 1 retired.");
    expect(index).toContain("- [beta](beta.md): Split in two. Replaced by [alpha](alpha.md).");
    expect(index).not.toContain("- [beta](beta.md): Title of beta");
  });

  it("escapes placeholders and markup in prose and keeps the entry's code spans", () => {
    const page =
      renderErrorIndex({
        entries: [
          entry("alpha", {
            cause: "Set AZURE_* for sc://<org>/<project>, then run `az login --tenant <id>`.",
          }),
        ],
      }).get("alpha.md") ?? "";
    expect(page).toContain(
      "Set AZURE\\_\\* for sc://\\<org\\>/\\<project\\>, then run `az login --tenant <id>`.",
    );
  });

  // Prettier is slow on 150 pages, so this formats a small index that uses every construct the generator prints.
  it("prints markdown that prettier leaves unchanged", async () => {
    const files = renderErrorIndex({
      entries: [
        entry("alpha", {
          cause: "Set AZURE_* for sc://<org>/<project> (HTTP(S)_PROXY), then run `az login`.",
        }),
        entry("beta", { match: { serviceCodes: ["ForbiddenByRbac"], patterns: ["a`b|c"] }, retryable: true }),
        entry("gamma", { match: {}, examples: [], retired: { reason: "Split.", replacedBy: "alpha" } }),
        retired("gone", { replacedBy: "beta" }),
      ],
    });
    const options = { ...(await resolveConfig(join(DOCS_DIR, INDEX_PAGE))), parser: "markdown" as const };
    const changed: string[] = [];
    for (const [name, content] of files) {
      if ((await format(content, options)) !== content) changed.push(name);
    }
    expect(changed).toEqual([]);
  });
});

describe("syncErrorIndex", () => {
  let dir = "";
  afterEach(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  function setUp(published: readonly string[]) {
    dir = mkdtempSync(join(tmpdir(), "error-index-"));
    const paths = { docsDir: join(dir, "errors"), publishedIdsPath: join(dir, "publishedIds.json") };
    writeFileSync(paths.publishedIdsPath, formatPublishedIds(published));
    return paths;
  }

  const source = { entries: [entry("alpha"), entry("beta"), retired("gone")] };

  it("in check mode reports missing pages and new ids and writes nothing", () => {
    const paths = setUp(["gone"]);
    const result = syncErrorIndex({ source, ...paths, check: true });
    expect(result.missing).toEqual(["README.md", "alpha.md", "beta.md", "gone.md"]);
    expect(result.newIds).toEqual(["alpha", "beta"]);
    expect(result.wrote).toBe(false);
    expect(existsSync(paths.docsDir)).toBe(false);
    expect(readPublishedIds(paths.publishedIdsPath)).toEqual(["gone"]);
  });

  it("writes the pages, removes stray files and appends new ids without dropping old ones", () => {
    const paths = setUp(["gone"]);
    syncErrorIndex({ source, ...paths, check: false });
    writeFileSync(join(paths.docsDir, "stray.md"), "not generated\n");
    writeFileSync(join(paths.docsDir, "alpha.md"), "edited by hand\n");

    const second = syncErrorIndex({ source, ...paths, check: false });
    expect(second).toMatchObject({ stale: ["alpha.md"], extra: ["stray.md"], wrote: true });
    expect(existsSync(join(paths.docsDir, "stray.md"))).toBe(false);
    expect(readPublishedIds(paths.publishedIdsPath)).toEqual(["alpha", "beta", "gone"]);
    expect(syncErrorIndex({ source, ...paths, check: true })).toMatchObject({
      stale: [],
      missing: [],
      extra: [],
      publishedIdsStale: false,
    });
  });

  it("refuses to write when a published id was deleted instead of retired", () => {
    const paths = setUp(["alpha", "beta", "deleted", "gone"]);
    const result = syncErrorIndex({ source, ...paths, check: false });
    expect(result.problems).toEqual([expect.stringMatching(/^deleted was published/)]);
    expect(result.wrote).toBe(false);
    expect(existsSync(paths.docsDir)).toBe(false);
  });
});
