/**
 * Redaction is linear on text built to make each scanner work hard (redactionShapes.ts): 2 MB of any shape is
 * redacted in bounded time, and sixteen times the text costs about sixteen times as long, not 256 times (the wide
 * margin between the two absorbs the noise of a shared machine).
 */
import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../src/diagnosis/redact.js";
import { HARD_SHAPES, repeatShape } from "./redactionShapes.js";

const KB = 1024;

/** The fastest of a few runs: other work on the machine only ever adds time. */
function fastest(text: string, runs = 2): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    redactSecrets(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("redactSecrets on hostile shapes", () => {
  it.each(Object.entries(HARD_SHAPES))("%s: 2 MB in bounded time, growing linearly", (_name, unit) => {
    fastest(repeatShape(unit, 256 * KB), 1);
    const small = fastest(repeatShape(unit, 128 * KB), 3);
    const large = fastest(repeatShape(unit, 2048 * KB), 1);
    const timings = `128 KB ${small.toFixed(1)} ms, 2 MB ${large.toFixed(1)} ms`;
    expect(large, timings).toBeLessThan(3000);
    // Below a few hundred milliseconds the ratio is noise; a quadratic scan is far above that at 2 MB.
    if (large > 300) expect(large / Math.max(small, 1), timings).toBeLessThan(64);
  });
});
