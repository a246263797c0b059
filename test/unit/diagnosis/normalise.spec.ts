import { describe, expect, it } from "vitest";
import { MAX_TEXT_LENGTH, normaliseError, type NormalisedError } from "../../../src/diagnosis/normalise.js";

/** Characters of text read from `error`: its own fields, its members and its causes. */
function textRead(error: NormalisedError | null): number {
  if (!error) return 0;
  const own = [error.message, error.body ?? "", error.errorCode ?? "", ...Object.values(error.headers)];
  return (
    own.reduce((sum, text) => sum + text.length, 0) +
    error.children.reduce((sum, child) => sum + textRead(child), 0) +
    textRead(error.cause)
  );
}

const KB = 1024;

describe("the text allowance of one error", () => {
  it("reads at most MAX_TEXT_LENGTH characters from an error, its members and causes together", () => {
    const members = Array.from({ length: 16 }, (_, i) =>
      Object.assign(new Error(String(i).repeat(64 * KB)), { name: "CredentialUnavailableError" }),
    );
    let cause: unknown = new Error("c".repeat(64 * KB));
    for (let i = 0; i < 4; i++) cause = new Error("d".repeat(64 * KB), { cause });
    const aggregate = Object.assign(new Error("ChainedTokenCredential authentication failed.", { cause }), {
      name: "AggregateAuthenticationError",
      errors: members,
      response: { status: 401, bodyAsText: "b".repeat(64 * KB) },
    });

    const normalised = normaliseError(aggregate);
    expect(textRead(normalised)).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    // The outermost text comes first: the error's own message and body are whole.
    expect(normalised.message).toBe("ChainedTokenCredential authentication failed.");
    expect(normalised.body).toHaveLength(64 * KB);
  });

  it("reads a pasted text up to the allowance", () => {
    expect(normaliseError("x".repeat(2 * MAX_TEXT_LENGTH)).message).toHaveLength(MAX_TEXT_LENGTH);
  });

  it("does not count the stack, which repeats the message, against the allowance", () => {
    const error = new Error("m".repeat(MAX_TEXT_LENGTH - 10));
    const normalised = normaliseError(error);
    expect(normalised.message).toHaveLength(MAX_TEXT_LENGTH - 10);
    expect(normalised.stack?.length).toBeGreaterThan(0);
  });

  it("keeps real errors whole: every field of a typical identity error is read", () => {
    const error = Object.assign(new Error("AADSTS7000215: Invalid client secret provided."), {
      name: "AuthenticationError",
      errorResponse: {
        error: "invalid_client",
        errorDescription: "AADSTS7000215: Invalid client secret provided.",
      },
    });
    const normalised = normaliseError(error);
    expect(normalised.errorResponse?.errorDescription).toBe("AADSTS7000215: Invalid client secret provided.");
    expect(normalised.name).toBe("AuthenticationError");
  });
});
