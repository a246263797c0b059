/**
 * Events as log pipelines take them: one JSON line each, under 8 KB whatever the error, with attempts paired and
 * durations in tenths of a millisecond.
 */
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { ChainedTokenCredential, CredentialUnavailableError } from "@azure/identity";
import { describe, expect, it } from "vitest";
import {
  DiagnosticCredential,
  createJsonLinesSink,
  getDiagnosis,
  type DiagnosticEvent,
} from "azure-identity-diagnostics";

const SCOPE = "https://management.azure.com/.default";
const LIMIT = 8 * 1024;

/** A member that is not set up here, with a long message quoting a code of its own. */
class UnavailableMember implements TokenCredential {
  constructor(private readonly message: string) {}
  getToken(): Promise<AccessToken | null> {
    return Promise.reject(new CredentialUnavailableError(this.message));
  }
}

class HangingMember implements TokenCredential {
  getToken(): Promise<AccessToken | null> {
    return new Promise(() => undefined);
  }
}

class AnsweringMember implements TokenCredential {
  getToken(): Promise<AccessToken | null> {
    return Promise.resolve({ token: "not-a-jwt", expiresOnTimestamp: Date.now() + 3_600_000 });
  }
}

/** A credential that rejects with `error`. */
function failing(error: Error): TokenCredential {
  return { getToken: () => Promise.reject(error) };
}

/** Runs one call and returns each event as the JSON line the sink writes. */
async function jsonLines(credential: TokenCredential, timeoutMs?: number): Promise<string[]> {
  const lines: string[] = [];
  const sink = createJsonLinesSink({ write: (line) => lines.push(line) });
  const wrapped = new DiagnosticCredential(credential, {
    onEvent: sink,
    logging: false,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  await wrapped.getToken(SCOPE).catch(() => undefined);
  return lines;
}

const bytes = (line: string): number => Buffer.byteLength(line, "utf8");
const parse = (lines: readonly string[]): DiagnosticEvent[] =>
  lines.map((l) => JSON.parse(l) as DiagnosticEvent);

function longMessage(i: number, size: number): string {
  const filler = `Member ${i} reports ünïcödé detail and a long explanation of why it cannot run here. `;
  return `AADSTS7000${String(200 + (i % 50))}: member ${i} refused. ${filler.repeat(Math.ceil(size / filler.length))}`;
}

describe("events as JSON lines", () => {
  it("keeps every event of a 64-member chain with long messages under 8 KB, counting the attempts left out", async () => {
    const members = Array.from({ length: 64 }, (_, i) => new UnavailableMember(longMessage(i, 20_000)));
    const lines = await jsonLines(new ChainedTokenCredential(...members));

    const events = parse(lines);
    expect(events.filter((e) => e.type === "attempt.start")).toHaveLength(64);
    for (const line of lines) expect(bytes(line)).toBeLessThan(LIMIT);
    const failure = events.find((e) => e.type === "token.failure");
    if (failure?.type !== "token.failure") throw new Error("no token.failure");
    expect(failure.diagnosis.attempts.length).toBeGreaterThan(0);
    expect(failure.diagnosis.attempts.length + failure.diagnosis.attemptsOmitted).toBe(64);
    expect(failure.diagnosis.attemptsOmitted).toBeGreaterThan(0);
  });

  it("keeps a failure with a 1 MB message under 8 KB, and the full diagnosis on the error", async () => {
    const huge = new Error(longMessage(1, 1024 * 1024));
    huge.name = "AuthenticationError";
    const lines = await jsonLines(failing(huge));

    for (const line of lines) expect(bytes(line)).toBeLessThan(LIMIT);
    const failure = parse(lines).find((e) => e.type === "token.failure");
    if (failure?.type !== "token.failure") throw new Error("no token.failure");
    const full = getDiagnosis(huge);
    expect(full?.message.length).toBeGreaterThan(LIMIT);
    expect(failure.diagnosis.summary.length).toBeLessThanOrEqual(500);
    expect(failure.diagnosis.stsCode).toBe(full?.stsCode);
    expect(failure.diagnosis.match?.id).toBe(full?.matches[0]?.id);
  });

  it("carries the facts, category, summary and the leading match's id, title and mitigations", async () => {
    const error = Object.assign(
      new Error(
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value. Trace ID: 0f0e0d0c-1111-2222-3333-444455556666 Correlation ID: 9a9b9c9d-1111-2222-3333-444455556666 Timestamp: 2025-01-01 00:00:00Z",
      ),
      { name: "AuthenticationError" },
    );
    const failure = parse(await jsonLines(failing(error))).find((e) => e.type === "token.failure");
    if (failure?.type !== "token.failure") throw new Error("no token.failure");
    const full = getDiagnosis(error);
    const lead = full?.matches[0];
    expect(failure.diagnosis).toMatchObject({
      summary: full?.summary,
      category: full?.category,
      stsCode: "AADSTS7000215",
      correlationId: "9a9b9c9d-1111-2222-3333-444455556666",
      traceId: "0f0e0d0c-1111-2222-3333-444455556666",
      match: { id: lead?.id, title: lead?.title, mitigations: lead?.mitigations },
    });
    expect(Object.keys(failure.diagnosis)).not.toContain("matches");
    expect(Object.keys(failure.diagnosis)).not.toContain("message");
  });

  it("ends every attempt.start with an attempt.end, the member cut off by timeoutMs included", async () => {
    const chain = new ChainedTokenCredential(new UnavailableMember("not here"), new HangingMember());
    const events = parse(await jsonLines(chain, 100));

    const starts = events.filter((e) => e.type === "attempt.start").map((e) => e.index);
    const ends = events.flatMap((e) => (e.type === "attempt.end" ? [[e.index, e.outcome, e.errorName]] : []));
    expect(starts).toEqual([0, 1]);
    expect(ends).toEqual([
      [0, "unavailable", "CredentialUnavailableError"],
      [1, "timed-out", "CredentialUnavailableError"],
    ]);
    // The member's end comes before the call's, so a consumer can close the member's span first.
    expect(events.map((e) => e.type).slice(-3)).toEqual(["attempt.end", "token.warning", "token.failure"]);
  });

  it("rounds every durationMs to a tenth of a millisecond", async () => {
    const chain = new ChainedTokenCredential(new UnavailableMember("not here"), new AnsweringMember());
    const events = [
      ...parse(await jsonLines(chain)),
      ...parse(await jsonLines(new ChainedTokenCredential(new HangingMember()), 30)),
    ];
    const durations = events.flatMap((e) => {
      if (e.type === "attempt.end" || e.type === "token.success" || e.type === "token.failure") {
        const attempts =
          e.type === "token.success" ? e.attempts : e.type === "token.failure" ? e.diagnosis.attempts : [];
        return [e.durationMs, ...attempts.flatMap((a) => (a.durationMs === null ? [] : [a.durationMs]))];
      }
      return [];
    });
    expect(durations.length).toBeGreaterThanOrEqual(6);
    for (const ms of durations) expect(Math.abs(ms * 10 - Math.round(ms * 10))).toBeLessThan(1e-9);
  });
});
