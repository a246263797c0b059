/** `codes`: lists the knowledge base's entries, optionally filtered by words. */
import { listKnowledgeEntries } from "../../knowledge/index.js";
import type { KnowledgeEntry } from "../../knowledge/schema.js";
import type { DiagnosisCategory } from "../../knowledge/diagnosisCategories.js";
import type { Command, CommandContext } from "../command.js";
import { EXIT } from "../errors.js";
import { formatJson } from "../output.js";
import { entryCodes } from "../renderEntry.js";

/** One row of `codes --json`. */
export interface KnowledgeListing {
  id: string;
  title: string;
  category: DiagnosisCategory;
  stsCodes: string[];
  serviceCodes: string[];
  retryable: boolean;
  retired: boolean;
}

const CODE_WORD = /^(?:aadsts)?(\d{1,9})$/i;

export const codesCommand: Command = {
  name: "codes",
  arguments: "[words...]",
  summary: "List the knowledge base's entries: id, codes and title.",
  description: [
    "Lists every knowledge entry, or those matching all the words given. A word matches an entry's id,",
    "title, category or codes, case-insensitively; a number (7000215 or AADSTS7000215) matches that AADSTS",
    "code exactly. 'explain <id>' shows an entry in full.",
    "",
    "--json prints an array of { id, title, category, stsCodes, serviceCodes, retryable, retired }.",
  ].join("\n"),
  options: {},
  examples: [
    "codes",
    "codes secret",
    "codes federated subject",
    "codes 700016",
    "codes --json managed identity",
  ],
  exitStatus: { ok: "at least one entry was listed", finding: "no entry matched the words" },
  run: runCodes,
};

/** Whether `entry` matches every word. */
export function entryMatchesWords(entry: KnowledgeEntry, words: readonly string[]): boolean {
  const haystack = [entry.id, entry.title, entry.category, ...entryCodes(entry)].join("\n").toLowerCase();
  const stsCodes = new Set((entry.match.stsCodes ?? []).map((c) => c.toUpperCase()));
  return words.every((word) => {
    const code = CODE_WORD.exec(word)?.[1];
    return code === undefined ? haystack.includes(word.toLowerCase()) : stsCodes.has(`AADSTS${code}`);
  });
}

function runCodes(context: CommandContext): Promise<number> {
  const words = context.positionals.flatMap((p) => p.split(/\s+/)).filter((w) => w !== "");
  const entries = listKnowledgeEntries().filter((entry) => entryMatchesWords(entry, words));
  if (context.json) {
    context.io.stdout.write(formatJson(entries.map(toListing)));
  } else if (entries.length === 0) {
    context.note(`no knowledge entry matches ${words.map((w) => `'${w}'`).join(" ")}`);
  } else {
    context.print(renderTable(entries, context));
  }
  return Promise.resolve(entries.length > 0 ? EXIT.ok : EXIT.finding);
}

function toListing(entry: KnowledgeEntry): KnowledgeListing {
  return {
    id: entry.id,
    title: entry.title,
    category: entry.category,
    stsCodes: [...(entry.match.stsCodes ?? [])],
    serviceCodes: [...(entry.match.serviceCodes ?? [])],
    retryable: entry.retryable,
    retired: entry.retired !== undefined,
  };
}

/** One line per entry, columns aligned, so the list still reads after `grep`. */
function renderTable(entries: readonly KnowledgeEntry[], context: CommandContext): string {
  const { style } = context;
  const rows = entries.map((entry) => {
    const codes = entryCodes(entry).join(",");
    return { entry, codes: codes === "" ? "-" : codes };
  });
  const idWidth = Math.max(...rows.map((r) => r.entry.id.length));
  // Long code lists would push every title far right; they overflow instead.
  const codeWidth = Math.min(24, Math.max(...rows.map((r) => r.codes.length)));
  const lines = rows.map(({ entry, codes }) => {
    const retired = entry.retired ? style.yellow(" (retired)") : "";
    return `${style.cyan(entry.id.padEnd(idWidth))}  ${style.dim(codes.padEnd(codeWidth))}  ${entry.title}${retired}`;
  });
  if (context.io.stdoutIsTTY)
    lines.push("", style.dim(`${entries.length} entries. 'explain <id>' shows one in full.`));
  return lines.join("\n");
}
