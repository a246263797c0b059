/** `explain`: diagnoses pasted error text, or shows the knowledge entries for a code or entry id. */
import { explainAuthError } from "../../explainAuthError.js";
import { renderDiagnosis } from "../../diagnosis/render.js";
import { stsLookupUrl } from "../../knowledge/fallbacks.js";
import { lookupKnowledgeWithExamples } from "../../knowledge/examples/index.js";
import type { KnowledgeEntryWithExamples } from "../../knowledge/schema.js";
import { booleanOption, stringOption, type Command, type CommandContext } from "../command.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { formatBytes, MAX_INPUT_BYTES, readPathOrStdin, readStreamText, type TextInput } from "../input.js";
import { formatJson } from "../output.js";
import { renderEntries } from "../renderEntry.js";

/** What `explain --json` prints for a code or id lookup (a diagnosis prints the `Diagnosis` object itself). */
export interface KnowledgeLookupResult {
  /** The code or id as typed. */
  query: string;
  /** Every entry listing it, with its sources and examples. */
  entries: KnowledgeEntryWithExamples[];
  /** Microsoft's lookup page when the query is an AADSTS code, else `null`. */
  lookupUrl: string | null;
}

const STS_CODE = /^(?:AADSTS)?(\d{4,9})$/i;

export const explainCommand: Command = {
  name: "explain",
  arguments: "[text...]",
  summary: "Explain an authentication error, an AADSTS code or a knowledge entry.",
  description: [
    "Diagnoses an error message: give it as arguments, with --file, or pipe it on standard input (a",
    "multi-line DefaultAzureCredential or ChainedTokenCredential message, a log excerpt, Python/Go/.NET/Java",
    "or Azure CLI output). Secrets in the text (tokens, client secrets, keys) are never printed back.",
    "A single word that is an AADSTS code (AADSTS700016 or 700016), a knowledge entry id or a service",
    "error code (AuthorizationFailed) shows the knowledge entries for it instead.",
    `At most ${formatBytes(MAX_INPUT_BYTES)} of input is read; a longer input is cut there, with a warning.`,
    "",
    "--json prints the Diagnosis object returned by explainAuthError() (see the library's Diagnosis type),",
    "or, for a code or id, { query, entries: KnowledgeEntry[], lookupUrl }.",
  ].join("\n"),
  options: {
    file: {
      type: "string",
      short: "f",
      valueName: "PATH",
      description: "Read the error from a file ('-' for standard input).",
    },
    message: { type: "boolean", description: "Also print the original message (with secrets redacted)." },
  },
  examples: [
    "explain AADSTS7000215: Invalid client secret provided.",
    "explain 700016",
    "explain client-secret-invalid",
    "explain --file error.log",
    "node app.js 2>&1 | azure-identity-diagnostics explain",
    "explain --json < error.txt",
  ],
  exitStatus: {
    ok: "the error was explained (a knowledge entry matched), or the code or id was found",
    finding: "nothing in the knowledge base matched the error",
  },
  run: runExplain,
};

async function runExplain(context: CommandContext): Promise<number> {
  const { positionals, io } = context;
  const file = stringOption(context.options, "file");
  if (file !== undefined && positionals.length > 0) {
    throw new UsageError("give the error either as arguments or with --file, not both");
  }
  const word = positionals.length === 1 ? (positionals[0] ?? "").trim() : "";
  if (word !== "" && word !== "-" && !/\s/.test(word)) {
    // The CLI is Node-only, so its --json output can carry each entry's sources and examples.
    const entries = lookupKnowledgeWithExamples(word);
    if (entries.length > 0) return printLookup(context, word, entries);
  }
  // A bare number no entry lists is still an AADSTS code: diagnose it as one, for its lookup link.
  const bareCode = STS_CODE.exec(word)?.[1];
  const input =
    bareCode === undefined
      ? await readErrorText(context, file)
      : { text: `AADSTS${bareCode}`, source: "the arguments", truncated: false };
  if (input.truncated) {
    context.note(
      `${input.source} is larger than ${formatBytes(MAX_INPUT_BYTES)}; only its first ${formatBytes(MAX_INPUT_BYTES)} were read`,
    );
  }
  const diagnosis = explainAuthError(input.text);
  if (context.json) {
    io.stdout.write(formatJson(diagnosis));
  } else {
    context.print(
      renderDiagnosis(diagnosis, {
        color: context.style.color,
        includeMessage: booleanOption(context.options, "message"),
      }),
    );
  }
  return diagnosis.matches.length > 0 ? EXIT.ok : EXIT.finding;
}

function printLookup(context: CommandContext, query: string, entries: KnowledgeEntryWithExamples[]): number {
  const code = STS_CODE.exec(query)?.[1];
  const lookupUrl = code === undefined ? null : stsLookupUrl(code);
  const label = code === undefined ? query : `AADSTS${code}`;
  if (context.json) {
    const result: KnowledgeLookupResult = { query, entries, lookupUrl };
    context.io.stdout.write(formatJson(result));
  } else {
    context.print(renderEntries(label, entries, lookupUrl, context.style));
  }
  return EXIT.ok;
}

async function readErrorText(context: CommandContext, file: string | undefined): Promise<TextInput> {
  const { positionals, io } = context;
  if (file !== undefined) return readPathOrStdin(file, io);
  if (positionals.length === 1 && positionals[0] === "-") return readStreamText(io.stdin);
  if (positionals.length > 0) {
    const text = positionals.join(" ");
    if (text.trim() === "") throw new InputError("the error text given is empty");
    return { text, source: "the arguments", truncated: false };
  }
  if (io.stdinIsTTY) {
    throw new UsageError(
      "no error given: pass it as arguments, with --file PATH, or pipe it to standard input",
    );
  }
  return readStreamText(io.stdin);
}
