/**
 * The explain page in a real browser: Debian's Chromium, headless, driven by playwright-core. The page is
 * built once and opened from file://, as someone who saved it would. CI must run these tests (.ci/run installs
 * Chromium and sets CI); only a machine with no Chromium at all skips them, and says so.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../scripts/site.js";
import {
  SCREENSHOTS,
  findChromium,
  launchChromium,
  saveScreenshots,
  screenshotError,
} from "../../scripts/siteScreenshots.js";
import { explainAuthError, lookupKnowledge, renderDiagnosis } from "../../src/index.js";
import { inlineText, parseMarkdownBlocks, type Block } from "../../web/markdownBlocks.js";

const ERRORS_DIR = fileURLToPath(new URL("../../docs/errors/", import.meta.url));
const IMAGES = fileURLToPath(new URL("../../docs/images/", import.meta.url));
const chromiumPath = findChromium();
const ciMustRun = !["", "0", "false"].includes((process.env.CI ?? "").toLowerCase());
const skipBrowser = chromiumPath === undefined && !ciMustRun;
if (skipBrowser)
  console.warn(
    "test/site/explainPage.spec.ts: SKIPPED the browser tests: no chromium or chromium-browser on the PATH " +
      "and no $CHROMIUM_PATH. Install Debian's chromium (apt-get install chromium); " +
      "CI installs it and runs them.",
  );

interface RealError {
  id: string;
  group: string;
  runtime: string;
  source: string;
  url: string;
  text: string;
  category: string;
  stsCode: string | null;
  correlationId: string | null;
  traceId: string | null;
  httpStatus: number | null;
}

const realErrors = JSON.parse(
  readFileSync(new URL("./realErrors.json", import.meta.url), "utf8"),
) as RealError[];

/**
 * Where the library's category differs from the thread's reading (the knowledge base's concern, not the
 * page's). The test fails when one is no longer needed, so the list cannot grow stale.
 */
const LIBRARY_DISAGREES: Readonly<Record<string, string>> = {
  "site-04":
    "az's 'Please run az login' under Terraform reads as a fallback nobody configured, not a sign-in.",
  "site-07": "The expiry is in the thread; the message itself only says the secret is invalid.",
  "site-15": "The placeholder app ID is the fault; the library reads the personal-account tenant first.",
};

let browser: Browser | undefined;
let siteDir: string;
let pageUrl: string;
const contexts: BrowserContext[] = [];
/** Every request a page made after it had loaded, by page. */
const lateRequests = new Map<Page, string[]>();

async function openPage(
  suffix = "",
  options: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {},
): Promise<Page> {
  if (!browser) throw new Error("Chromium did not start.");
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1100, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? "light",
    deviceScaleFactor: 1,
  });
  contexts.push(context);
  const page = await context.newPage();
  const late: string[] = [];
  let loaded = false;
  page.on("request", (request) => {
    if (loaded) late.push(request.url());
  });
  // Nothing but the page's own files may load at all; anything else is refused before it leaves.
  await context.route(/^(?!file:)/, (route) => {
    late.push(`blocked: ${route.request().url()}`);
    return route.abort();
  });
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${pageUrl}${suffix}`);
  await page.waitForSelector("html[data-ready=true]");
  expect(errors).toEqual([]);
  loaded = true;
  lateRequests.set(page, late);
  return page;
}

async function explain(page: Page, text: string): Promise<void> {
  await page.getByLabel("Error message or log excerpt").fill(text);
  await page.getByRole("button", { name: "Explain" }).click();
  await page.waitForSelector("#result:not([hidden]) #result-title");
}

/** A PNG's size, read from its header. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Section titles as renderDiagnosis prints them: each follows a blank line. */
function renderedSections(text: string): string[] {
  const lines = text.split("\n");
  return lines.filter((line, i) => i > 0 && lines[i - 1] === "" && line !== "");
}

describe("the real errors the page is tested with", () => {
  it("holds at least twelve real errors from different runtimes, each with its thread", () => {
    expect(realErrors.length).toBeGreaterThanOrEqual(12);
    expect(new Set(realErrors.map((r) => r.group)).size).toBeGreaterThanOrEqual(9);
    // Printed by nine runtimes and tools: JavaScript, Python, .NET, Java, Go, az, azd, PowerShell, Azure DevOps.
    expect(new Set(realErrors.map((r) => r.runtime)).size).toBeGreaterThanOrEqual(9);
    for (const record of realErrors) {
      expect(record.url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/(issues|pull)\/\d+$/);
      const [, owner, repo, , number] =
        /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(issues|pull)\/(\d+)$/.exec(record.url) ?? [];
      expect(record.source).toBe(`${owner ?? ""}/${repo ?? ""}#${number ?? ""}`);
    }
  });

  it("finds Chromium from $CHROMIUM_PATH or the PATH, and nothing where there is none", () => {
    const dir = mkdtempSync(join(tmpdir(), "chromium-path-"));
    try {
      const browserFile = join(dir, "chromium-browser");
      writeFileSync(browserFile, "");
      expect(findChromium({ PATH: ["/nonexistent", dir].join(delimiter) })).toBe(browserFile);
      expect(findChromium({ PATH: "/nonexistent", CHROMIUM_PATH: browserFile })).toBe(browserFile);
      expect(findChromium({ PATH: "/nonexistent", CHROMIUM_PATH: join(dir, "missing") })).toBeUndefined();
      expect(findChromium({})).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are read by the library as their threads read them, but for the listed disagreements", () => {
    const disagreements = realErrors
      .filter((record) => explainAuthError(record.text).category !== record.category)
      .map((record) => record.id);
    expect(disagreements.sort()).toEqual(Object.keys(LIBRARY_DISAGREES).sort());
  });
});

describe.skipIf(skipBrowser)("the explain page", () => {
  beforeAll(async () => {
    if (!chromiumPath)
      throw new Error(
        "No Chromium found and CI is set: install Debian's chromium (apt-get install chromium), as .ci/run does.",
      );
    siteDir = mkdtempSync(join(tmpdir(), "explain-page-"));
    await buildSite(siteDir);
    pageUrl = pathToFileURL(join(siteDir, "index.html")).href;
    browser = await launchChromium(chromiumPath);
  }, 120_000);

  afterEach(async () => {
    // No page may make a request once loaded: not for a diagnosis, an entry, the index or a screenshot.
    const leaks = [...lateRequests.values()].flat();
    lateRequests.clear();
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(leaks).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
  });

  it("sees a request made after load, and the page's policy refuses connections", async () => {
    const page = await openPage();
    // The watcher itself: a late request for one of the page's own files must be seen.
    await page.evaluate(
      `new Promise((done) => { const img = new Image(); img.onload = img.onerror = done; img.src = "app.css?probe"; })`,
    );
    const late = lateRequests.get(page) ?? [];
    expect(late.some((url) => url.endsWith("app.css?probe"))).toBe(true);
    late.length = 0;
    // The content security policy refuses any connection the page's script might try.
    const refused = await page.evaluate(
      `fetch("https://login.microsoftonline.com/").then(() => "sent", (e) => e.name)`,
    );
    expect(refused).toBe("TypeError");
    late.length = 0;
  });

  it("shows for each real error what the library gives: category, summary, entry, IDs and sections", async () => {
    const page = await openPage();
    for (const record of realErrors) {
      await explain(page, record.text);
      const diagnosis = explainAuthError(record.text);
      const where = `${record.id} (${record.source})`;
      expect(await page.locator("[data-fact=Category] code").textContent(), where).toBe(diagnosis.category);
      const verdict =
        diagnosis.category === "permission-denied" ? "Access denied:" : "Authentication failed:";
      expect(await page.locator("#result-title").textContent(), where).toBe(
        `${verdict} ${diagnosis.summary}`,
      );
      const top = diagnosis.matches[0];
      expect(top, where).toBeDefined();
      expect(await page.locator(".entry-link a").textContent(), where).toBe(top?.id);
      expect(await page.locator(".entry-link").textContent(), where).toContain(top?.title);
      expect(await page.locator(".result-section ol li").allTextContents(), where).toEqual(
        top?.mitigations.map((m) => m.replace(/`/g, "")),
      );
      // The facts the thread shows must be the ones the page shows.
      if (record.stsCode !== null)
        expect(await page.locator("[data-fact=Code] code").textContent(), where).toBe(record.stsCode);
      if (diagnosis.httpStatus !== null)
        expect(await page.locator("[data-fact=HTTP] code").textContent(), where).toBe(
          String(record.httpStatus),
        );
      const support = (await page.locator("[data-list=support]").allTextContents()).join("\n");
      for (const id of [record.correlationId, record.traceId])
        if (id !== null) expect(support, where).toContain(id);
      const headings = await page.locator("#result h3").allTextContents();
      expect(headings, where).toEqual(renderedSections(renderDiagnosis(diagnosis, { includeMessage: true })));
      const others = await page
        .locator("[aria-labelledby=result-other-possible-explanations] code")
        .allTextContents();
      expect(others, where).toEqual(diagnosis.matches.slice(1, 3).map((m) => m.id));
      expect(await page.getByRole("status").textContent(), where).toContain(diagnosis.summary);
    }
  });

  it("lists the credentials a chain tried, each with its outcome", async () => {
    const page = await openPage();
    const chain = realErrors.find((r) => r.source === "Azure-Samples/azure-search-openai-demo#161");
    expect(chain).toBeDefined();
    await explain(page, chain?.text ?? "");
    const attempts = await page.locator(".attempts li").allTextContents();
    const expected = explainAuthError(chain?.text ?? "").attempts;
    expect(attempts.length).toBe(expected.length);
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.every((line) => line.startsWith("unavailable "))).toBe(true);
    expect(attempts.join("\n")).toContain("AzureCliCredential");
  });

  it("opens an entry from its id or its AADSTS code, and links entries to each other", async () => {
    const page = await openPage("#client-secret-invalid");
    expect(await page.locator("#page-view h1").textContent()).toBe("client-secret-invalid");
    expect(await page.locator("#page-view").textContent()).toContain("Why it happens");
    expect(await page.title()).toContain("client-secret-invalid");
    expect(await page.locator("#explain-view").isHidden()).toBe(true);

    // Three entries list AADSTS700016; the one that needs no context words is the code's general entry.
    const byCode = lookupKnowledge("AADSTS700016");
    const general = byCode.filter((e) => !e.match.context?.length).map((e) => e.id);
    expect(general.length).toBe(1);
    await page.goto(`${pageUrl}#AADSTS700016`);
    await page.waitForFunction(
      "document.querySelector('#page-view h1')?.textContent !== 'client-secret-invalid'",
    );
    expect(await page.locator("#page-view h1").textContent()).toBe(general[0]);
    const narrower = await page.locator("#page-view .also a").allTextContents();
    expect(narrower.sort()).toEqual(
      byCode
        .map((e) => e.id)
        .filter((id) => id !== general[0])
        .sort(),
    );
    // The focus lands on the page's heading, so a screen reader starts reading there.
    expect(await page.evaluate("document.activeElement?.tagName")).toBe("H1");

    await page.getByRole("link", { name: "Back to the error index" }).click();
    await page.waitForSelector("#page-view h1:text('Error index')");
    await page.getByRole("link", { name: "client-secret-invalid", exact: true }).first().click();
    await page.waitForSelector("#page-view h1:text('client-secret-invalid')");
  });

  it("opens the entry behind a diagnosis and comes back to the explain view", async () => {
    const page = await openPage();
    const record = realErrors.find((r) => r.stsCode === "AADSTS700213");
    await explain(page, record?.text ?? "");
    await page.locator(".entry-link a").click();
    await page.waitForSelector("#page-view:not([hidden]) h1");
    expect(await page.locator("#page-view h1").textContent()).toBe(
      explainAuthError(record?.text ?? "").matches[0]?.id,
    );
    await page.goBack();
    await page.waitForSelector("#explain-view:not([hidden])");
    expect(await page.locator("#result-title").isVisible()).toBe(true);
  });

  it("shows the index with every entry, and scrolls to a category", async () => {
    const page = await openPage("#errors/credential-invalid");
    expect(await page.locator("#page-view h1").textContent()).toBe("Error index");
    expect(await page.evaluate("document.activeElement?.id")).toBe("errors/credential-invalid");
    const anchors = await page.locator("#page-view li > a[href^='#']").all();
    const links = await Promise.all(anchors.map((a) => a.getAttribute("href")));
    for (const entry of lookupKnowledge("AADSTS7000215")) expect(links).toContain(`#${entry.id}`);
  });

  it("fills the box from ?q= and explains it", async () => {
    const record = realErrors.find((r) => r.stsCode === "AADSTS700016");
    const text = record?.text ?? "";
    const page = await openPage(`?q=${encodeURIComponent(text)}`);
    expect(await page.getByLabel("Error message or log excerpt").inputValue()).toBe(text);
    expect(await page.locator("[data-fact=Category] code").textContent()).toBe("app-not-found");
    expect(page.url()).not.toContain("#");
  });

  it("never puts a pasted secret or token in the page", async () => {
    const secret = "Qx7~q8Q~bGfA1dZk.e3M9pT0yLw2vUu5sHn4jRr6";
    const jwt =
      "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIiwib2lkIjoiMTIzIn0.c2lnbmF0dXJlLXBhcnQtdGhhdC1pcy1sb25nLWVub3VnaA";
    const pasted = [
      "POST https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
      `grant_type=client_credentials&client_id=00000000-0000-0000-0000-000000000001&client_secret=${secret}`,
      `Authorization: Bearer ${jwt}`,
      "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.",
    ].join("\n");
    for (const page of [await openPage(), await openPage(`?q=${encodeURIComponent(pasted)}`)]) {
      if (!page.url().includes("?q=")) await explain(page, pasted);
      await page.waitForSelector("#result:not([hidden]) .message");
      const html = await page.content();
      expect(html).toContain("[REDACTED]");
      expect(html).not.toContain(secret);
      expect(html).not.toContain(jwt);
      expect(html).not.toContain(jwt.split(".")[1]);
      expect(await page.locator("[data-fact=Category] code").textContent()).toBe("credential-invalid");
    }
  });

  it("treats pasted markup as text", async () => {
    const page = await openPage();
    await explain(
      page,
      `<img src=x onerror="document.title='owned'"> AADSTS700016 <script>window.owned=1</script>`,
    );
    expect(await page.title()).not.toBe("owned");
    expect(await page.evaluate("window.owned")).toBeUndefined();
    expect(await page.locator("#result img, #result script").count()).toBe(0);
  });

  it("works from the keyboard: focus order, visible focus, Ctrl+Enter explains, focus moves to the result", async () => {
    const page = await openPage();
    const focused = () =>
      page.evaluate<string>(`(() => {
        const e = document.activeElement;
        return (e.id || e.textContent.trim()) + (getComputedStyle(e).outlineStyle === "solid" ? "" : " (no ring)");
      })()`);
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      order.push(await focused());
    }
    expect(order).toEqual([
      "azure-identity-diagnostics",
      "Explain an error",
      "Error index",
      "error-input",
      "Explain",
      "clear-button",
    ]);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toBe("error-input");
    await page.keyboard.insertText(realErrors[0]?.text ?? "");
    await page.keyboard.press("Control+Enter");
    await page.waitForSelector("#result:not([hidden])");
    expect(await page.evaluate("document.activeElement?.id")).toBe("result-title");
    // The next stop is the result's first link: its knowledge entry.
    await page.keyboard.press("Tab");
    expect(await focused()).toBe(explainAuthError(realErrors[0]?.text ?? "").matches[0]?.id);
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.getByRole("status").getAttribute("aria-live")).toBe("polite");
  });

  it("fits 360 px without sideways scrolling: every real error's diagnosis, an entry, the index", async () => {
    const page = await openPage("", { width: 360, height: 780 });
    const width = () => page.evaluate<number>("document.documentElement.scrollWidth");
    for (const record of realErrors) {
      await explain(page, record.text);
      expect(await width(), record.id).toBeLessThanOrEqual(360);
    }
    for (const route of ["#client-secret-invalid", "#errors"]) {
      await page.evaluate(`location.hash = ${JSON.stringify(route)}`);
      await page.waitForSelector("#page-view:not([hidden]) h1");
      expect(await width(), route).toBeLessThanOrEqual(360);
    }
  });

  it("opens a page for every entry of docs/errors, with that file's title and cause", async () => {
    const files = readdirSync(ERRORS_DIR).filter((name) => name.endsWith(".md") && name !== "README.md");
    expect(files.length).toBeGreaterThan(100);
    const expected = files.map((name) => {
      const blocks = parseMarkdownBlocks(readFileSync(join(ERRORS_DIR, name), "utf8"));
      const text = (block: Block | undefined): string =>
        block?.kind === "paragraph" || block?.kind === "heading" ? inlineText(block.children) : "";
      const why = blocks.findIndex(
        (b) => b.kind === "heading" && inlineText(b.children) === "Why it happens",
      );
      return { id: name.slice(0, -3), title: text(blocks[1]), why: why < 0 ? "" : text(blocks[why + 1]) };
    });
    const page = await openPage();
    // Each route in turn, read once the page's own hashchange handler has drawn it.
    const shown = await page.evaluate<{ id: string; title: string; why: string }[]>(`(async (ids) => {
      const out = [];
      for (const id of ids) {
        const drawn = new Promise((done) => addEventListener("hashchange", done, { once: true }));
        location.hash = id;
        await drawn;
        const view = document.getElementById("page-view");
        const heading = [...view.querySelectorAll("h2")].find((h) => h.textContent === "Why it happens");
        out.push({
          id: view.querySelector("h1")?.textContent ?? "",
          title: view.querySelector("h1 + p")?.textContent ?? "",
          why: heading?.nextElementSibling?.textContent ?? "",
        });
      }
      return out;
    })(${JSON.stringify(expected.map((e) => e.id))})`);
    expect(shown).toEqual(expected);
  });

  it("names every control, keeps one h1 and no skipped heading level, and has landmarks", async () => {
    const page = await openPage();
    await explain(page, realErrors.find((r) => r.id === "site-02")?.text ?? "");
    for (const route of ["", "#client-secret-invalid", "#errors"]) {
      if (route !== "") {
        await page.evaluate(`location.hash = ${JSON.stringify(route)}`);
        await page.waitForSelector("#page-view:not([hidden]) h1");
      }
      const problems = await page.evaluate<string[]>(`(() => {
        const problems = [];
        const visible = (e) => e.getClientRects().length > 0;
        for (const control of document.querySelectorAll("textarea, input, select, button")) {
          if (!visible(control)) continue;
          const name = control.labels?.length ? control.labels[0].textContent : control.textContent;
          if (!name?.trim() && !control.getAttribute("aria-label")) problems.push("unnamed " + control.outerHTML);
        }
        for (const link of document.querySelectorAll("a")) {
          if (visible(link) && !link.textContent.trim()) problems.push("empty link " + link.outerHTML);
        }
        const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
          .filter(visible)
          .map((h) => Number(h.tagName[1]));
        if (levels.filter((l) => l === 1).length !== 1 || levels[0] !== 1) problems.push("h1s: " + levels);
        levels.forEach((level, i) => {
          if (i > 0 && level > levels[i - 1] + 1) problems.push("skipped level: " + levels);
        });
        for (const landmark of ["header", "nav", "main", "footer"])
          if (!document.querySelector(landmark)) problems.push("no " + landmark);
        if (!document.documentElement.lang) problems.push("no lang");
        return problems;
      })()`);
      expect(problems, route).toEqual([]);
    }
  });

  it("is readable in light and in dark: the system's scheme, and text contrast of at least 4.5:1", async () => {
    const chain = realErrors.find((r) => r.id === "site-02")?.text ?? "";
    const shades: Record<string, number> = {};
    const page = await openPage();
    await explain(page, chain);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const report = await page.evaluate<{ low: string[]; page: number }>(`(() => {
        const rgb = (c) => {
          const [r, g, b, a = 1] = c.match(/[0-9.]+/g).map(Number);
          return { r, g, b, a };
        };
        const luminance = ({ r, g, b }) => {
          const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const background = (e) => {
          for (; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.a > 0) return c;
          }
          return rgb(getComputedStyle(document.body).backgroundColor);
        };
        const ratio = (e) => {
          const [a, b] = [luminance(rgb(getComputedStyle(e).color)), luminance(background(e))];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        };
        const selectors = ["h1", ".lede", "label", ".hint", "textarea", "button[type=submit]", "#clear-button",
          "nav a", ".verdict", ".summary", ".fact-label", ".facts code", ".retry", ".entry-link a", "#result p",
          "#result li", ".outcome", ".message code", ".site-footer p", ".site-footer code"];
        const low = [];
        for (const selector of selectors) {
          const found = [...document.querySelectorAll(selector)];
          if (found.length === 0) low.push(selector + ": missing");
          for (const e of found) if (ratio(e) < 4.5) low.push(selector + ": " + ratio(e).toFixed(2));
        }
        return { low, page: luminance(rgb(getComputedStyle(document.body).backgroundColor)) };
      })()`);
      expect(report.low, colorScheme).toEqual([]);
      shades[colorScheme] = report.page;
    }
    expect(shades.light).toBeGreaterThan(0.9);
    expect(shades.dark).toBeLessThan(0.05);
  });

  it("takes the README's screenshots (light, dark, 360 px), and the committed ones are those", async () => {
    if (!browser) throw new Error("Chromium did not start.");
    const outDir = mkdtempSync(join(tmpdir(), "explain-shots-"));
    try {
      const saved = await saveScreenshots(browser, pageUrl, outDir);
      expect(saved.length).toBe(3);
      for (const shot of SCREENSHOTS) {
        const taken = pngSize(readFileSync(join(outDir, shot.name)));
        const committed = pngSize(readFileSync(join(IMAGES, shot.name)));
        expect(taken.width, shot.name).toBe(shot.width);
        // The committed picture shows the same page: same width, and a height within a few lines.
        expect(committed.width, `${shot.name}: run npm run site:screenshots`).toBe(taken.width);
        expect(
          Math.abs(committed.height - taken.height),
          `${shot.name}: run npm run site:screenshots`,
        ).toBeLessThan(60);
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
    expect(explainAuthError(screenshotError()).correlationId).not.toBeNull();
  });
});
