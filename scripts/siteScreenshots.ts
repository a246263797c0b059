/**
 * `npm run site:screenshots`: the explain page's screenshots that the README shows (docs/images), taken in
 * headless Chromium from a fresh build: one real error diagnosed, in light, in dark and at 360 px wide. The
 * site tests take the same screenshots into a temporary folder, so this script cannot rot unnoticed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { buildSite } from "./site.js";

const root = fileURLToPath(new URL("../", import.meta.url));

/** `$CHROMIUM_PATH`, else `chromium` or `chromium-browser` on the PATH (Debian's and Ubuntu's names). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const onPath = (env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir !== "")
    .flatMap((dir) => ["chromium", "chromium-browser"].map((name) => join(dir, name)));
  const candidates = [env.CHROMIUM_PATH, ...onPath];
  return candidates.find(
    (path): path is string => typeof path === "string" && path !== "" && existsSync(path),
  );
}

/** Starts headless Chromium with nothing running in the background that could make a request. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
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
}

/** One screenshot: its file name and how the browser is set up. */
export interface Screenshot {
  readonly name: string;
  readonly width: number;
  readonly colorScheme: "light" | "dark";
  /** The viewport's height; `null` takes the whole page. */
  readonly height: number | null;
}

export const SCREENSHOTS: readonly Screenshot[] = [
  { name: "explain-page-light.png", width: 1000, colorScheme: "light", height: null },
  { name: "explain-page-dark.png", width: 1000, colorScheme: "dark", height: null },
  // A phone's first screens (the whole page is five times as tall at this width).
  { name: "explain-page-360.png", width: 360, colorScheme: "light", height: 1500 },
];

/** The error shown: a real workload identity failure from GitHub Actions, with the IDs to quote. */
export function screenshotError(): string {
  const records = JSON.parse(readFileSync(join(root, "test/site/realErrors.json"), "utf8")) as readonly {
    id: string;
    text: string;
  }[];
  const record = records.find((r) => r.id === "site-08");
  if (!record) throw new Error("test/site/realErrors.json lacks site-08, the error the screenshots show.");
  return record.text;
}

/** Diagnoses `text` on the page at `pageUrl` and saves each of {@link SCREENSHOTS} into `outDir`. */
export async function saveScreenshots(
  browser: Browser,
  pageUrl: string,
  outDir: string,
  text = screenshotError(),
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const saved: string[] = [];
  // One page, diagnosed once, then resized and recoloured for each picture: a page load costs more than all three.
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForSelector("html[data-ready=true]");
    await page.locator("#error-input").fill(text);
    await page.getByRole("button", { name: "Explain" }).click();
    await page.waitForSelector("#result:not([hidden]) #result-title");
    for (const shot of SCREENSHOTS) {
      await page.setViewportSize({ width: shot.width, height: shot.height ?? 800 });
      await page.emulateMedia({ colorScheme: shot.colorScheme });
      // No focus ring or caret, and the box shows the start of what was pasted.
      await page.evaluate(`(() => {
        document.activeElement?.blur();
        document.getElementById("error-input").scrollTop = 0;
        window.scrollTo(0, 0);
      })()`);
      const path = join(outDir, shot.name);
      await page.screenshot({ path, fullPage: shot.height === null, animations: "disabled", caret: "hide" });
      saved.push(path);
    }
  } finally {
    await context.close();
  }
  return saved;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(
      "No Chromium found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.",
    );
    process.exit(1);
  }
  const siteDir = mkdtempSync(join(tmpdir(), "explain-page-"));
  const browser = await launchChromium(executablePath);
  try {
    await buildSite(siteDir);
    const saved = await saveScreenshots(
      browser,
      pathToFileURL(join(siteDir, "index.html")).href,
      join(root, "docs/images"),
    );
    console.log(`Saved:\n${saved.map((path) => `  ${path}`).join("\n")}`);
  } finally {
    await browser.close();
    rmSync(siteDir, { recursive: true, force: true });
  }
}
