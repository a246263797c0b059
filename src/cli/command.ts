/**
 * The shape of one command. A command is one module exporting a `Command`; listing it in `commands/index.ts`
 * is all the dispatcher needs: parsing, `--help`, `--json`, colour and error handling come for free.
 */
import type { CliIo } from "./io.js";
import type { Style } from "./output.js";

/** One flag of a command; `description` feeds `--help`. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** Placeholder shown in help for a string option, e.g. `PATH`. */
  readonly valueName?: string;
  readonly description: string;
}

/** Parsed flag values by long name; `undefined` when a flag was not given. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

/** What a command's `run` receives. */
export interface CommandContext {
  readonly positionals: readonly string[];
  readonly options: OptionValues;
  /** `--json` was given: write exactly one JSON document to standard output. */
  readonly json: boolean;
  readonly io: CliIo;
  readonly style: Style;
  /** Writes `text` and a newline to standard output. */
  print(text: string): void;
  /** Writes a note to standard error (warnings that must not pollute `--json` output). */
  note(text: string): void;
}

export interface Command {
  /** What users type, kebab-case. */
  readonly name: string;
  /** Positional arguments as shown in the usage line, e.g. `[text...]`. */
  readonly arguments: string;
  /** One line for the program's command list. */
  readonly summary: string;
  /** Paragraphs for the command's `--help`, including what `--json` prints. */
  readonly description: string;
  /** Flags besides the global ones (`--help`, `--json`, `--color`, `--no-color`). */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Example command lines, without the program name. */
  readonly examples: readonly string[];
  /** What exit statuses 0 and 1 mean for this command (2 and 3 mean the same everywhere). */
  readonly exitStatus: { readonly ok: string; readonly finding: string };
  /** Does the work and returns the exit status. Throw `UsageError` or `InputError` for bad input. */
  run(context: CommandContext): Promise<number>;
}

/** Reads a string flag. */
export function stringOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === "string" ? value : undefined;
}

/** Reads a boolean flag. */
export function booleanOption(options: OptionValues, name: string): boolean {
  return options[name] === true;
}
