/** The `--help` texts, generated from the command list so they cannot drift from what is parsed. */
import { GLOBAL_OPTIONS, PROGRAM_OPTIONS } from "./args.js";
import type { Command, OptionSpec } from "./command.js";
import { reportAddress } from "./version.js";

export const PROGRAM_NAME = "azure-identity-diagnostics";

function exitStatusFooter(): string[] {
  return [
    "  2  the command line or the input was wrong (unknown command or flag, unreadable, empty or binary input)",
    `  3  unexpected internal failure (a bug: please report it to the maintainers via ${reportAddress()})`,
  ];
}

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const short = spec.short === undefined ? "    " : `-${spec.short}, `;
    const value = spec.type === "string" ? ` ${spec.valueName ?? "VALUE"}` : "";
    return [`${short}--${name}${value}`, spec.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}

/** Help for the whole program. */
export function programHelp(commands: readonly Command[]): string {
  const usages = commands.map((c) => [`${c.name} ${c.arguments}`.trim(), c.summary] as const);
  const width = Math.max(...usages.map(([usage]) => usage.length));
  return [
    `${PROGRAM_NAME}: explains Azure authentication failures (@azure/identity, Microsoft Entra ID, Azure Pipelines).`,
    "",
    `Usage: ${PROGRAM_NAME} <command> [options]`,
    "",
    "Commands:",
    ...usages.map(([usage, summary]) => `  ${usage.padEnd(width)}  ${summary}`),
    "",
    "Options:",
    ...optionLines(PROGRAM_OPTIONS),
    "",
    "Exit status:",
    "  0  done, nothing to act on",
    "  1  a finding: a problem to act on, or nothing matched (each command's help says which)",
    ...exitStatusFooter(),
    "",
    `Run '${PROGRAM_NAME} <command> --help' for a command's options and examples.`,
    "",
  ].join("\n");
}

/** An example as typed: the program name is added unless the example names it itself (a pipe, say). */
export function exampleLine(example: string): string {
  return example.includes(PROGRAM_NAME) ? example : `${PROGRAM_NAME} ${example}`;
}

/** Help for one command. */
export function commandHelp(command: Command): string {
  return [
    `Usage: ${PROGRAM_NAME} ${command.name} ${command.arguments} [options]`.replace(/ {2,}/g, " "),
    "",
    command.summary,
    "",
    command.description,
    "",
    "Options:",
    ...optionLines({ ...command.options, ...GLOBAL_OPTIONS }),
    "",
    "Examples:",
    ...command.examples.map((example) => `  ${exampleLine(example)}`),
    "",
    "Exit status:",
    `  0  ${command.exitStatus.ok}`,
    `  1  ${command.exitStatus.finding}`,
    ...exitStatusFooter(),
    "",
  ].join("\n");
}
