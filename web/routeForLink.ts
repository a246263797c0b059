/**
 * Where a link in a generated error index page leads inside the explain page: entries and the index are
 * hash routes, so moving between them needs no request. Pure, so it is tested without a browser.
 */

/** How a generated link (`client-secret-invalid.md`, `README.md#network`) is routed inside the page. */
export function routeForLink(href: string): string {
  if (/^https:\/\//.test(href)) return href;
  const [file = "", anchor] = href.split("#", 2);
  if (file === "README.md" || file === "") return anchor ? `#errors/${anchor}` : "#errors";
  if (file.endsWith(".md")) return `#${file.slice(0, -3)}`;
  return "#errors";
}
