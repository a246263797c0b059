/**
 * The explain page: paste an error, read its diagnosis; browse the error index. Runs entirely in the
 * browser with nothing fetched after load (the page's content security policy forbids it too). Routes live
 * in the hash: `#client-secret-invalid` or `#AADSTS700016` opens an entry, `#errors` the index; `?q=` fills
 * the box. What is typed is never written to the address bar, so it stays out of history.
 */
import { explainAuthError } from "../src/index.js";
import { clear, el } from "./dom.js";
import { errorPages } from "./errorPages.js";
import { renderBlocks } from "./renderBlocks.js";
import { renderResult } from "./explainView.js";

const SITE_TITLE = "Explain an Azure authentication error";

function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page lacks #${id}`);
  return found;
}

const input = byId("error-input") as HTMLTextAreaElement;
const form = byId("explain-form") as HTMLFormElement;
const result = byId("result");
const status = byId("result-status");
const explainView = byId("explain-view");
const pageView = byId("page-view");
let pending: ReturnType<typeof setTimeout> | undefined;

function explain(): void {
  clearTimeout(pending);
  const text = input.value;
  clear(result);
  if (text.trim() === "") {
    status.textContent = "";
    result.hidden = true;
    return;
  }
  const diagnosis = explainAuthError(text);
  for (const node of renderResult(diagnosis)) result.appendChild(node);
  result.hidden = false;
  // Announced once per diagnosis; the full result stays available to read with the cursor.
  status.textContent = `${diagnosis.category === "permission-denied" ? "Access denied" : "Authentication failed"}: ${diagnosis.summary}`;
}

function showExplain(): void {
  pageView.hidden = true;
  explainView.hidden = false;
  document.title = SITE_TITLE;
  setCurrentNav("explain");
}

function setCurrentNav(which: "explain" | "errors" | null): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a[data-nav]")) {
    if (link.dataset.nav === which) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function showPage(title: string, nodes: readonly Node[], nav: "errors" | null, focusId?: string): void {
  clear(pageView);
  for (const node of nodes) pageView.appendChild(node);
  explainView.hidden = true;
  pageView.hidden = false;
  document.title = `${title} · ${SITE_TITLE}`;
  setCurrentNav(nav);
  const target = (focusId && document.getElementById(focusId)) || pageView.querySelector("h1");
  if (target instanceof HTMLElement) {
    target.focus();
    target.scrollIntoView({ block: "start" });
  }
}

function showIndex(anchor?: string): void {
  const pages = errorPages();
  const nodes = renderBlocks(pages.index, {
    headingId: (text) => (/^[a-z-]+$/.test(text) ? `errors/${text}` : null),
  });
  const first = nodes[0];
  if (first instanceof HTMLElement && first.tagName === "H1") first.tabIndex = -1;
  showPage("Error index", nodes, "errors", anchor === undefined ? undefined : `errors/${anchor}`);
}

function showEntry(id: string, query?: string, others: readonly string[] = []): void {
  const pages = errorPages();
  const nodes = renderBlocks(pages.page(id) ?? []);
  const heading = nodes[0];
  if (heading instanceof HTMLElement) heading.tabIndex = -1;
  if (query !== undefined && others.length > 0) {
    // A code several entries share: the general entry opens, and the narrower ones are one step away.
    const note = el(
      "p",
      { class: "also" },
      `${query} also has narrower entries, chosen when the message says more: `,
      ...others.flatMap((other, i) => [i > 0 ? ", " : "", el("a", { href: `#${other}` }, other)]),
      ".",
    );
    // After the title line, so the page still opens with what the entry is.
    nodes.splice(2, 0, note);
  }
  showPage(id, nodes, null);
}

function showChoice(query: string, ids: readonly string[]): void {
  const pages = errorPages();
  const nodes =
    ids.length === 0
      ? [
          el("h1", { tabindex: "-1" }, query),
          el(
            "p",
            {},
            "No entry has this id or code. Paste the whole message on the ",
            el("a", { href: "#" }, "explain page"),
            ", or browse the ",
            el("a", { href: "#errors" }, "error index"),
            ".",
          ),
        ]
      : [
          el("h1", { tabindex: "-1" }, query),
          el("p", {}, `${ids.length} entries cover ${query}; the message's wording decides between them.`),
          el(
            "ul",
            {},
            ...ids.map((id) => el("li", {}, el("a", { href: `#${id}` }, id), `: ${pages.title(id) ?? ""}`)),
          ),
        ];
  showPage(query, nodes, null);
}

function route(): void {
  let hash = "";
  try {
    hash = decodeURIComponent(location.hash.slice(1));
  } catch {
    hash = location.hash.slice(1);
  }
  if (hash === "" || hash === "explain") {
    showExplain();
    return;
  }
  if (hash === "errors" || hash.startsWith("errors/")) {
    showIndex(hash === "errors" ? undefined : hash.slice("errors/".length));
    return;
  }
  const pages = errorPages();
  const ids = pages.resolve(hash);
  const general = ids.filter((id) => pages.isGeneral(id));
  if (ids.length === 1 && ids[0] !== undefined) showEntry(ids[0]);
  else if (general.length === 1 && general[0] !== undefined)
    showEntry(
      general[0],
      hash,
      ids.filter((id) => id !== general[0]),
    );
  else showChoice(hash, ids);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  explain();
  byId("result-title").focus();
});
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});
byId("clear-button").addEventListener("click", () => {
  input.value = "";
  explain();
  input.focus();
});
input.addEventListener("input", () => {
  clearTimeout(pending);
  pending = setTimeout(explain, 300);
});
window.addEventListener("hashchange", route);

const query = new URLSearchParams(location.search).get("q");
if (query !== null) {
  input.value = query;
  explain();
}
route();
document.documentElement.dataset.ready = "true";
