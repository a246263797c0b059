/**
 * The dispatcher: finds the command, parses its flags, handles `--help`, `--version` and `help <command>`, runs it
 * and turns every failure into a message and an exit status. Never throws and never prints a stack trace.
 */
import { redactSecrets } from "../diagnosis/redact.js";
import { parseCommandArgs, parseOptions, PROGRAM_OPTIONS } from "./args.js";
import { booleanOption, type Command, type CommandContext } from "./command.js";
import { commands as builtInCommands } from "./commands/index.js";
import { EXIT, isCliError, UsageError } from "./errors.js";
import { commandHelp, PROGRAM_NAME, programHelp } from "./help.js";
import type { CliIo } from "./io.js";
import { chooseStyle } from "./output.js";
import { packageVersion, reportAddress } from "./version.js";

/**
 * Runs the command line `argv` (without `node` and the script path) against `io` and returns the exit status:
 * 0 done, 1 a finding, 2 usage or input error, 3 internal failure. `commandList` replaces the built-in commands
 * (for tests).
 */
export async function run(
  argv: readonly string[],
  io: CliIo,
  commandList: readonly Command[] = builtInCommands,
): Promise<number> {
  const state: DispatchState = { command: undefined };
  try {
    return await dispatch(argv, io, commandList, state);
  } catch (error) {
    return reportFailure(error, io, state.command);
  }
}

/** What the dispatcher knew when something failed: which command's help to point at. */
interface DispatchState {
  command: Command | undefined;
}

async function dispatch(
  argv: readonly string[],
  io: CliIo,
  commandList: readonly Command[],
  state: DispatchState,
): Promise<number> {
  // Program flags come before the command name; the first word that is not a flag names the command.
  const at = argv.findIndex((arg) => !arg.startsWith("-") || arg === "-");
  const leading = at === -1 ? argv : argv.slice(0, at);
  const program = parseOptions(leading, PROGRAM_OPTIONS, PROGRAM_NAME, false).options;

  if (booleanOption(program, "version")) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const name = at === -1 ? undefined : argv[at];
  if (name === undefined) {
    if (booleanOption(program, "help")) {
      io.stdout.write(programHelp(commandList));
      return EXIT.ok;
    }
    io.stderr.write(programHelp(commandList));
    return EXIT.usage;
  }
  const rest = argv.slice(at + 1);
  if (name === "help") return showHelp(rest, io, commandList);

  const command = findCommand(name, commandList);
  state.command = command;
  const parsed = parseCommandArgs(command, [...leading, ...rest]);
  if (booleanOption(parsed.options, "help")) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const style = chooseStyle(io, {
    color: booleanOption(parsed.options, "color"),
    noColor: booleanOption(parsed.options, "no-color"),
  });
  const context: CommandContext = {
    positionals: parsed.positionals,
    options: parsed.options,
    json: booleanOption(parsed.options, "json"),
    io,
    style,
    print: (text) => io.stdout.write(`${text}\n`),
    note: (text) => io.stderr.write(`${PROGRAM_NAME}: ${text}\n`),
  };
  return await command.run(context);
}

function showHelp(rest: readonly string[], io: CliIo, commandList: readonly Command[]): number {
  const topic = rest.find((arg) => !arg.startsWith("-"));
  io.stdout.write(
    topic === undefined ? programHelp(commandList) : commandHelp(findCommand(topic, commandList)),
  );
  return EXIT.ok;
}

function findCommand(name: string, commandList: readonly Command[]): Command {
  const command = commandList.find((c) => c.name === name);
  if (command) return command;
  const near = commandList.filter(
    (c) => c.name.startsWith(name.slice(0, 3)) || editDistance(c.name, name) <= 2,
  );
  const hint = near.length > 0 ? ` Did you mean ${near.map((c) => `'${c.name}'`).join(" or ")}?` : "";
  throw new UsageError(`unknown command '${name.slice(0, 60)}'.${hint}`);
}

/** Levenshtein distance of two short strings (command names), for "did you mean". */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || b.length > 40) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function reportFailure(error: unknown, io: CliIo, command: Command | undefined): number {
  try {
    if (isCliError(error)) {
      io.stderr.write(`${PROGRAM_NAME}: ${error.message}\n`);
      if (error.name === "UsageError") {
        io.stderr.write(`Run '${PROGRAM_NAME}${command ? ` ${command.name}` : ""} --help' for usage.\n`);
      }
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `${PROGRAM_NAME}: unexpected failure: ${redactSecrets(message).slice(0, 500)}\n` +
        `This is a bug in ${PROGRAM_NAME} ${packageVersion()}. Please report it, with the command you ran and the line above, to the package's maintainers via ${reportAddress()}.\n`,
    );
  } catch {
    // Standard error itself failed: nothing left to tell anyone.
  }
  return EXIT.internal;
}
