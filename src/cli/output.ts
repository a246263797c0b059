/**
 * How output looks: colour and symbols on a terminal, plain text when piped. The only place that decides it.
 *
 * Colour, first rule that applies: `--no-color`, `--color`, `FORCE_COLOR` (on unless `0` or `false`, as in
 * Node), `NO_COLOR` (any non-empty value turns it off, see no-color.org), `TERM=dumb` (off), then whether
 * standard output is a terminal. Symbols (✔ ✖ ⚠ →) are used whenever standard output is a terminal that is not
 * `dumb`, with or without colour; otherwise ASCII marks that survive any log viewer.
 */
import { paletteFor } from "../diagnosis/palette.js";
import { ASCII_SYMBOLS, type DoctorStyle, type DoctorSymbol } from "../node/doctor/doctorStyle.js";
import type { CliIo } from "./io.js";

/** Colour paints and status marks for standard output; the doctor's report takes the same shape. */
export type Style = DoctorStyle;

export type SymbolName = DoctorSymbol;

const UNICODE: Record<SymbolName, string> = {
  ok: "✔",
  problem: "✖",
  warning: "⚠",
  unknown: "?",
  arrow: "→",
  rule: "─",
};

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
  return {
    color,
    ...paletteFor(color),
    symbol: io.stdoutIsTTY && io.env.TERM !== "dumb" ? UNICODE : ASCII_SYMBOLS,
  };
}

/** Serialises a `--json` answer: two-space indented, one trailing newline, never coloured. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
