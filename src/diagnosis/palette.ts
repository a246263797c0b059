/**
 * The colours readable output uses: ANSI sequences on a terminal, nothing otherwise. One definition for the
 * diagnosis renderer, the command line and the doctor report.
 */

export type Paint = (text: string) => string;

export interface Palette {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly red: Paint;
  readonly green: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
}

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Palette = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  red: ansi(31, 39),
  green: ansi(32, 39),
  yellow: ansi(33, 39),
  cyan: ansi(36, 39),
};

const unchanged: Paint = (text) => text;

/** Every paint leaves the text as it is. */
export const PLAIN_PALETTE: Palette = {
  bold: unchanged,
  dim: unchanged,
  red: unchanged,
  green: unchanged,
  yellow: unchanged,
  cyan: unchanged,
};

/** ANSI colours when `color`, else {@link PLAIN_PALETTE}. */
export function paletteFor(color: boolean): Palette {
  return color ? COLOURS : PLAIN_PALETTE;
}
