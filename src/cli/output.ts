/**
 * How output looks: colour and symbols on a terminal, plain text when piped. The only place that decides it.
 *
 * Colour, first rule that applies: `--no-color`, `--color`, `FORCE_COLOR` (on unless `0` or `false`, as in
 * Node), `NO_COLOR` (any non-empty value turns it off, see no-color.org), `TERM=dumb` (off), then whether
 * standard output is a terminal. Symbols (✔ ✖ ⚠ →) are used whenever standard output is a terminal that is not
 * `dumb`, with or without colour; otherwise ASCII marks that survive any log viewer.
 */
import type { CliIo } from "./io.js";

export type Paint = (text: string) => string;

export interface Style {
  readonly color: boolean;
  readonly bold: Paint;
  readonly dim: Paint;
  readonly red: Paint;
  readonly green: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
  readonly symbol: Readonly<Record<SymbolName, string>>;
}

/** `rule` is one character of a horizontal separator line. */
export type SymbolName = "ok" | "problem" | "warning" | "unknown" | "arrow" | "rule";

const UNICODE: Record<SymbolName, string> = {
  ok: "✔",
  problem: "✖",
  warning: "⚠",
  unknown: "?",
  arrow: "→",
  rule: "─",
};
const ASCII: Record<SymbolName, string> = {
  ok: "[ok]",
  problem: "[XX]",
  warning: "[!!]",
  unknown: "[??]",
  arrow: "->",
  rule: "-",
};

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;
const plain: Paint = (text) => text;

/** The `--color` / `--no-color` flags, when given. */
export interface ColorFlags {
  readonly color?: boolean | undefined;
  readonly noColor?: boolean | undefined;
}

/** Whether to colour standard output. */
export function wantsColor(io: Pick<CliIo, "env" | "stdoutIsTTY">, flags: ColorFlags = {}): boolean {
  if (flags.noColor === true) return false;
  if (flags.color === true) return true;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if ((io.env.NO_COLOR ?? "") !== "") return false;
  if (io.env.TERM === "dumb") return false;
  return io.stdoutIsTTY;
}

/** The style for standard output. */
export function chooseStyle(io: Pick<CliIo, "env" | "stdoutIsTTY">, flags: ColorFlags = {}): Style {
  const color = wantsColor(io, flags);
  const paint = (open: number, close: number): Paint => (color ? ansi(open, close) : plain);
  return {
    color,
    bold: paint(1, 22),
    dim: paint(2, 22),
    red: paint(31, 39),
    green: paint(32, 39),
    yellow: paint(33, 39),
    cyan: paint(36, 39),
    symbol: io.stdoutIsTTY && io.env.TERM !== "dumb" ? UNICODE : ASCII,
  };
}

/** Serialises a `--json` answer: two-space indented, one trailing newline, never coloured. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
