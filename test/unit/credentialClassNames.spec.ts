/**
 * `credentialClassNames` replaces running `CREDENTIAL_CLASS_PATTERN` at every word with a search for `Credential`
 * and a read back; it must find exactly what the pattern finds, in the same order, in any text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CREDENTIAL_CLASS_PATTERN, credentialClassNames } from "../../src/diagnosis/credentialNames.js";

const byPattern = (text: string): string[] => [...text.matchAll(CREDENTIAL_CLASS_PATTERN)].map((m) => m[0]);

/** Pieces that sit on the pattern's edges: the suffix, capitals, word characters that are not letters, separators. */
const piece = fc.oneof(
  fc.constantFrom("Credential", "credential", "CREDENTIAL", "Credentials", "Azure", "Cli", "A", "a", "Z"),
  fc.constantFrom("_", "0", "9", " ", ".", "-", "\n", "é", "İ", "$"),
  fc.string({ minLength: 1, maxLength: 3 }),
);

describe("credentialClassNames", () => {
  it("finds exactly what CREDENTIAL_CLASS_PATTERN finds, in order, in generated text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(credentialClassNames(text)).toEqual(byPattern(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with the pattern at the 60-letter limit and just past it", () => {
    for (const letters of [0, 1, 2, 59, 60, 61, 62]) {
      for (const before of ["", " ", "x", "_", "7"]) {
        const text = `${before}A${"b".repeat(letters)}Credential after`;
        expect(credentialClassNames(text)).toEqual(byPattern(text));
      }
    }
    expect(credentialClassNames(`ManagedIdentityCredential`)).toEqual(["ManagedIdentityCredential"]);
  });
});
