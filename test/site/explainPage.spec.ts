/**
 * The explain page in a real browser: Debian's Chromium, headless, driven by playwright-core. The page is
 * built once and opened from file://, as someone who saved it would. Chromium missing is a failure, not a
 * skip: CI installs it (.ci/run).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../scripts/site.js";
import { explainAuthError, lookupKnowledge, renderDiagnosis } from "../../src/index.js";

const CHROMIUM = "/usr/bin/chromium";
const IMAGES = fileURLToPath(new URL("../../docs/images/", import.meta.url));

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

/** Section titles as renderDiagnosis prints them: each follows a blank line. */
function renderedSections(text: string): string[] {
  const lines = text.split("\n");
  return lines.filter((line, i) => i > 0 && lines[i - 1] === "" && line !== "");
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does.`,
    );
  }
  siteDir = mkdtempSync(join(tmpdir(), "explain-page-"));
  await buildSite(siteDir);
  pageUrl = pathToFileURL(join(siteDir, "index.html")).href;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
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

describe("the explain page", () => {
  it("holds at least twelve real errors from different runtimes, each with its thread", () => {
    expect(realErrors.length).toBeGreaterThanOrEqual(12);
    expect(new Set(realErrors.map((r) => r.group)).size).toBeGreaterThanOrEqual(9);
    for (const record of realErrors) {
      expect(record.url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/(issues|pull)\/\d+$/);
      const [, owner, repo, , number] =
        /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(issues|pull)\/(\d+)$/.exec(record.url) ?? [];
      expect(record.source).toBe(`${owner ?? ""}/${repo ?? ""}#${number ?? ""}`);
    }
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

  it("lays out each real error's diagnosis as renderDiagnosis does, with its category, title and IDs", async () => {
    const page = await openPage();
    for (const record of realErrors) {
      await explain(page, record.text);
      const diagnosis = explainAuthError(record.text);
      const where = `${record.id} (${record.source})`;
      expect(await page.locator("[data-fact=Category] code").textContent(), where).toBe(record.category);
      const verdict = record.category === "permission-denied" ? "Access denied:" : "Authentication failed:";
      expect(await page.locator("#result-title").textContent(), where).toBe(
        `${verdict} ${diagnosis.summary}`,
      );
      const top = diagnosis.matches[0];
      if (top) {
        expect(await page.locator(".entry-link a").textContent(), where).toBe(top.id);
        expect(await page.locator(".entry-link").textContent(), where).toContain(top.title);
      }
      if (record.stsCode !== null)
        expect(await page.locator("[data-fact=Code] code").textContent(), where).toBe(record.stsCode);
      // The page shows the status the library read; where it read one, it must be the thread's.
      if (diagnosis.httpStatus !== null)
        expect(await page.locator("[data-fact=HTTP] code").textContent(), where).toBe(
          String(record.httpStatus),
        );
      const support = (await page.locator("[data-list=support]").allTextContents()).join("\n");
      for (const id of [record.correlationId, record.traceId])
        if (id !== null) expect(support, where).toContain(id);
      const headings = await page.locator("#result h3").allTextContents();
      expect(headings, where).toEqual(renderedSections(renderDiagnosis(diagnosis, { includeMessage: true })));
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

  it("works from the keyboard: labelled box, Ctrl+Enter explains, focus moves to the result", async () => {
    const page = await openPage();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.id")).toBe("error-input");
    await page.keyboard.insertText(realErrors[0]?.text ?? "");
    await page.keyboard.press("Control+Enter");
    await page.waitForSelector("#result:not([hidden])");
    expect(await page.evaluate("document.activeElement?.id")).toBe("result-title");
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.getByRole("status").getAttribute("aria-live")).toBe("polite");
  });

  it("fits 360 px without sideways scrolling, on a diagnosis and on an entry", async () => {
    const page = await openPage("", { width: 360, height: 780 });
    const longest = [...realErrors].sort((a, b) => b.text.length - a.text.length)[0];
    await explain(page, longest?.text ?? "");
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
    await page.goto(`${pageUrl}#client-secret-invalid`);
    await page.waitForSelector("#page-view:not([hidden]) h1");
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
  });

  it("saves the screenshots the README shows: light, dark and 360 px", async () => {
    mkdirSync(IMAGES, { recursive: true });
    const record = realErrors.find((r) => r.stsCode === "AADSTS700213");
    const shots: [string, Parameters<typeof openPage>[1]][] = [
      ["explain-page-light.png", { colorScheme: "light", width: 1000, height: 1150 }],
      ["explain-page-dark.png", { colorScheme: "dark", width: 1000, height: 1150 }],
      ["explain-page-360.png", { colorScheme: "light", width: 360, height: 1400 }],
    ];
    for (const [name, options] of shots) {
      const page = await openPage("", options);
      await explain(page, record?.text ?? "");
      await page.locator("#error-input").blur();
      await page.evaluate("window.scrollTo(0, 0)");
      const path = join(IMAGES, name);
      await page.screenshot({ path });
      expect(existsSync(path)).toBe(true);
    }
  });
});
