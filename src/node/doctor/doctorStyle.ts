/**
 * How the doctor's readable report looks: paints for colour and marks for status. Declared here, with plain
 * function types, so the report renderers need nothing from the command line; the CLI builds one per terminal.
 */
import { PLAIN_PALETTE } from "../../diagnosis/palette.js";

/** `rule` is one character of a horizontal separator line. */
export type DoctorSymbol = "ok" | "problem" | "warning" | "unknown" | "arrow" | "rule";

/** Colour paints (identity functions when there is no colour) and the status marks to print. */
export interface DoctorStyle {
  readonly color: boolean;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly symbol: Readonly<Record<DoctorSymbol, string>>;
}

/** Marks for output that is not a terminal, or a terminal that cannot draw Unicode. */
export const ASCII_SYMBOLS: Readonly<Record<DoctorSymbol, string>> = {
  ok: "[ok]",
  problem: "[XX]",
  warning: "[!!]",
  unknown: "[??]",
  arrow: "->",
  rule: "-",
};

/** No colour, ASCII marks: for logs and for callers without a terminal. */
export const PLAIN_STYLE: DoctorStyle = { color: false, ...PLAIN_PALETTE, symbol: ASCII_SYMBOLS };
