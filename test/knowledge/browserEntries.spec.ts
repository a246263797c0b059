/**
 * The browser build's knowledge (src/knowledge/browserEntries.ts): every listed entry exists and is live,
 * docs/browser.md lists the same entries in the same groups, and the build made with the browser plugin carries
 * exactly these, explaining anything else by its code and lookup link.
 */
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserKnowledge } from "../../scripts/browserKnowledge.js";
import { BROWSER_ENTRY_GROUPS, BROWSER_ENTRY_IDS } from "../../src/knowledge/browserEntries.js";
import { fallbackEntries } from "../../src/knowledge/fallbacks.js";
import { listKnowledgeEntries } from "../../src/knowledge/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
// Inside the repository, so the bundle's bare imports (@azure/identity…) resolve as the package's do.
const bundlePath = `${root}test/knowledge/.browser-core-${process.pid}.mjs`;

type Core = typeof import("../../src/index.js");
let browserCore: Core;

beforeAll(async () => {
  await build({
    entryPoints: [`${root}src/index.ts`],
    bundle: true,
    format: "esm",
    platform: "neutral",
    packages: "external",
    outfile: bundlePath,
    logLevel: "silent",
    plugins: [browserKnowledge()],
  });
  browserCore = (await import(bundlePath)) as Core;
}, 60_000);

afterAll(() => {
  rmSync(bundlePath, { force: true });
});

describe("the knowledge the browser build carries", () => {
  it("lists live entries only, each once", () => {
    const live = new Set(
      listKnowledgeEntries()
        .filter((e) => !e.retired)
        .map((e) => e.id),
    );
    expect(BROWSER_ENTRY_IDS.filter((id) => !live.has(id))).toEqual([]);
    expect(new Set(BROWSER_ENTRY_IDS).size).toBe(BROWSER_ENTRY_IDS.length);
  });

  it("is documented in docs/browser.md, group by group", () => {
    const doc = readFileSync(`${root}docs/browser.md`, "utf8");
    const documented: Record<string, string[]> = {};
    let group = "";
    for (const line of doc.split("\n")) {
      const heading = /^### (.+)$/.exec(line)?.[1];
      if (heading) documented[(group = heading)] = [];
      const id = /^- \[`([a-z0-9-]+)`\]/.exec(line)?.[1];
      if (id) documented[group]?.push(id);
    }
    expect(documented).toEqual(BROWSER_ENTRY_GROUPS);
  });

  it("is exactly what the build with the browser plugin carries, besides the fallbacks every build has", () => {
    const fallbacks = new Set(fallbackEntries.map((e) => e.id));
    expect(
      browserCore
        .listKnowledgeEntries()
        .map((e) => e.id)
        .filter((id) => !fallbacks.has(id))
        .sort(),
    ).toEqual([...BROWSER_ENTRY_IDS].sort());
  });

  it("explains a carried code by its entry, and any other code by the code and its lookup link", () => {
    const carried =
      "AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.";
    expect(browserCore.explainAuthError(carried).matches[0]?.id).toBe("mfa-required");
    const other = browserCore.explainAuthError(
      "invalid_client: AADSTS7000215: Invalid client secret provided.",
    );
    expect(other.stsCode).toBe("AADSTS7000215");
    expect(other.lookupUrl).toBe("https://login.microsoftonline.com/error?code=7000215");
    expect(other.matches[0]?.id).not.toBe("client-secret-invalid");
    expect(other.category).toBe("credential-invalid");
  });
});
