/**
 * The diagnosis laid out as `renderDiagnosis` lays it out (src/diagnosis/render.ts): the verdict and
 * summary, the facts line, then the same sections under the same names, in the same order. Every value is
 * inserted as text. The message shown is `diagnosis.message`, which the library has already redacted.
 */
import type { AttemptOutcome, Diagnosis } from "../src/index.js";
import { supportRows, tokenIdentityRows } from "../src/diagnosis/render.js";
import { el, type Child } from "./dom.js";

const OUTCOME_LABEL: Record<AttemptOutcome, string> = {
  succeeded: "succeeded",
  unavailable: "unavailable",
  failed: "failed",
  "timed-out": "timed out",
  skipped: "skipped",
};

/** Knowledge text marks commands and settings with backticks (as the error index does); they become code. */
function prose(text: string): Child[] {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? el("code", {}, part) : part));
}

function section(title: string, ...content: Child[]): HTMLElement {
  const id = `result-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return el(
    "section",
    { class: "result-section", "aria-labelledby": id },
    el("h3", { id }, title),
    ...content,
  );
}

function facts(d: Diagnosis): HTMLElement {
  const items: [string, string][] = [["Category", d.category]];
  if (d.stsCode) items.push(["Code", d.stsCode]);
  if (d.httpStatus !== null) items.push(["HTTP", String(d.httpStatus)]);
  if (d.serviceErrorCode) items.push(["Service code", d.serviceErrorCode]);
  if (d.oauthError) items.push(["OAuth error", d.oauthError]);
  return el(
    "ul",
    { class: "facts", "aria-label": "Facts" },
    ...items.map(([label, value]) =>
      el("li", { "data-fact": label }, el("span", { class: "fact-label" }, label), el("code", {}, value)),
    ),
    el(
      "li",
      { class: d.retryable ? "retry yes" : "retry no", "data-fact": "Retry" },
      d.retryable ? "may succeed if retried" : "retrying will not help",
    ),
  );
}

function definitionList(
  rows: readonly [string, string][],
  name: string,
  linked: ReadonlySet<string> = new Set(),
): HTMLElement {
  return el(
    "dl",
    { class: "pairs", "data-list": name },
    ...rows.flatMap(([label, value]) => [
      el("dt", {}, label),
      el("dd", {}, linked.has(label) ? docLink(value) : el("code", {}, value)),
    ]),
  );
}

function docLink(href: string): HTMLElement {
  // Only web addresses become links; anything else in a diagnosis is shown as text.
  return /^https:\/\/[^\s]+$/.test(href)
    ? el("a", { href, rel: "noreferrer", class: "external" }, href)
    : el("span", {}, href);
}

/** The result area's content for `d`. */
export function renderResult(d: Diagnosis): HTMLElement[] {
  const top = d.matches[0];
  const verdict = d.category === "permission-denied" ? "Access denied" : "Authentication failed";
  const quote = supportRows(d);
  const identity = tokenIdentityRows(d.tokenIdentity);
  const others = d.matches.slice(1, 3);
  const header = el(
    "header",
    { class: "result-header" },
    el(
      "h2",
      { id: "result-title", tabindex: "-1" },
      el(
        "span",
        { class: `verdict ${d.category === "permission-denied" ? "denied" : "failed"}` },
        `${verdict}:`,
      ),
      " ",
      el("span", { class: "summary" }, d.summary),
    ),
    facts(d),
    top
      ? el(
          "p",
          { class: "entry-link" },
          "Knowledge entry: ",
          el("a", { href: `#${top.id}` }, top.id),
          ` — ${top.title}`,
        )
      : null,
  );
  return [
    header,
    section(
      "Why",
      el(
        "p",
        {},
        ...(top ? prose(top.cause) : ["No knowledge entry matched; the original message is below."]),
      ),
    ),
    top && top.mitigations.length > 0
      ? section("What to do", el("ol", {}, ...top.mitigations.map((m) => el("li", {}, ...prose(m)))))
      : null,
    d.attempts.length > 0
      ? section(
          "Credentials tried",
          el(
            "ul",
            { class: "attempts" },
            ...d.attempts.map((a) =>
              el(
                "li",
                { class: `attempt ${a.outcome}` },
                el("span", { class: "outcome" }, OUTCOME_LABEL[a.outcome]),
                " ",
                a.summary,
                a.durationMs === null
                  ? null
                  : el("span", { class: "duration" }, ` (${Math.round(a.durationMs)} ms)`),
              ),
            ),
          ),
        )
      : null,
    identity.length > 0 ? section("Token the service refused", definitionList(identity, "identity")) : null,
    others.length > 0
      ? section(
          "Other possible explanations",
          el(
            "ul",
            {},
            ...others.map((m) =>
              el("li", {}, el("a", { href: `#${m.id}` }, m.title), " ", el("code", {}, m.id)),
            ),
          ),
        )
      : null,
    quote.length > 0
      ? section("Quote to support", definitionList(quote, "support", new Set(["Code lookup"])))
      : null,
    top && top.docs.length > 0
      ? section(
          "Read more",
          el("ul", { class: "docs" }, ...top.docs.map((href) => el("li", {}, docLink(href)))),
        )
      : null,
    d.message === ""
      ? null
      : section(
          "Original message",
          el("p", { class: "hint" }, "As the page read it, with secrets replaced by [REDACTED]."),
          el("pre", { class: "message", tabindex: "0" }, el("code", {}, d.message)),
        ),
  ].filter((node): node is HTMLElement => node !== null);
}
