/**
 * Command-line parsing with `node:util`'s `parseArgs`: the global flags every command accepts, and parse errors
 * turned into `UsageError`s that read well.
 */
import { parseArgs } from "node:util";
import type { Command, OptionSpec, OptionValues } from "./command.js";
import { UsageError } from "./errors.js";

/** Flags every command accepts. */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: "boolean", short: "h", description: "Show this help." },
  json: { type: "boolean", description: "Print one JSON document instead of text (shape described above)." },
  color: { type: "boolean", description: "Colour the output even when it is not a terminal." },
  "no-color": {
    type: "boolean",
    description: "Never colour the output (the NO_COLOR variable does the same).",
  },
};

/** Flags accepted before a command name. */
export const PROGRAM_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...GLOBAL_OPTIONS,
  help: {
    type: "boolean",
    short: "h",
    description: "Show this help, or a command's with `<command> --help`.",
  },
  version: { type: "boolean", short: "v", description: "Print the version." },
  json: { type: "boolean", description: "Machine-readable output; each command documents its shape." },
};

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: OptionValues;
}

/** Parses `argv` against `options`; unknown flags, missing values and flag values on booleans are `UsageError`s. */
export function parseOptions(
  argv: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
  where: string,
  allowPositionals: boolean,
): ParsedArgs {
  const config: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, spec] of Object.entries(options)) {
    config[name] = spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: config,
      allowPositionals,
      strict: true,
    });
    return { positionals, options: values };
  } catch (error) {
    throw new UsageError(describeParseError(error, where));
  }
}

/** Parses a command's arguments together with the global flags. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  return parseOptions(argv, { ...GLOBAL_OPTIONS, ...command.options }, `'${command.name}'`, true);
}

function describeParseError(error: unknown, where: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages name the offending flag in quotes; keep that and drop its long hint about `--`.
  const quoted = /'(-[^']*)'/.exec(message)?.[1] ?? "";
  const flag = /--[\w-]+/.exec(quoted)?.[0] ?? /-[^\s,]*/.exec(quoted)?.[0];
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${flag === undefined ? "" : `'${flag}' `}for ${where}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return message.includes("argument missing")
        ? `option ${flag ?? ""} needs a value`
        : `option ${flag ?? ""} does not take a value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument for ${where}: ${/'([^']*)'/.exec(message)?.[1] ?? message}`;
    default:
      return message;
  }
}
