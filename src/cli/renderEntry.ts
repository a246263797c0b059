/** The readable form of knowledge entries, for `explain <code or id>`. */
import type { KnowledgeEntry } from "../knowledge/schema.js";
import type { Style } from "./output.js";

/** The codes an entry lists: AADSTS codes first, then service error codes. */
export function entryCodes(entry: KnowledgeEntry): string[] {
  return [...(entry.match.stsCodes ?? []), ...(entry.match.serviceCodes ?? [])];
}

/** Renders one entry: title, facts, why, what to do, links. */
export function renderEntry(entry: KnowledgeEntry, style: Style): string {
  const codes = entryCodes(entry);
  const lines = [
    style.bold(entry.title),
    style.dim(
      [
        `id ${entry.id}`,
        ...(codes.length > 0 ? [codes.join(", ")] : []),
        `category ${entry.category}`,
        entry.retryable ? "may succeed if retried" : "retrying will not help",
      ].join(" | "),
    ),
  ];
  if (entry.retired) {
    const replaced =
      entry.retired.replacedBy === undefined ? "" : ` Replaced by ${entry.retired.replacedBy}.`;
    lines.push(`${style.yellow(`${style.symbol.warning} Retired:`)} ${entry.retired.reason}${replaced}`);
  }
  lines.push("", style.bold("Why"), `  ${entry.cause}`);
  lines.push("", style.bold("What to do"), ...entry.mitigations.map((m, i) => `  ${i + 1}. ${m}`));
  if (entry.docs.length > 0)
    lines.push("", style.bold("Read more"), ...entry.docs.map((d) => `  ${style.cyan(d)}`));
  return lines.join("\n");
}

/** Renders the entries a lookup found, with a heading when there is more than one. */
export function renderEntries(
  query: string,
  entries: readonly KnowledgeEntry[],
  lookupUrl: string | null,
  style: Style,
): string {
  const parts: string[] = [];
  if (entries.length > 1) {
    parts.push(`${style.bold(`${entries.length} entries list ${query}:`)}\n`);
  }
  parts.push(
    entries
      .map((entry) => renderEntry(entry, style))
      .join(`\n\n${style.dim(style.symbol.rule.repeat(40))}\n\n`),
  );
  if (lookupUrl !== null) parts.push(`\n${style.bold("Code lookup")}\n  ${style.cyan(lookupUrl)}`);
  return parts.join("\n");
}
