/**
 * Turns the events of credential chains into per-member timing an operator can act on: what each member costs on
 * every call, how long the first token took, and what DefaultAzureCredential's IMDS probe costs before a later
 * member answers. Pure: no I/O, no clock, no Node built-ins; it only reads the events it is given.
 */
import type { EventAttempt } from "./types.js";

export interface ChainTimingsOptions {
  /**
   * Members before the one that answers must cost more than this, on average per call, before the summary
   * suggests a faster set-up. Default 200 ms.
   */
  slowMs?: number;
}

/** One chain member's record over every call seen. Times are whole milliseconds. */
export interface ChainMemberTiming {
  /** The member's credential type, e.g. `"ManagedIdentityCredential"`. */
  credential: string;
  /** Position in the chain, from 0. */
  index: number;
  /**
   * Calls in which the member was tried (not skipped because an earlier member answered or stopped the chain).
   * Can exceed the three counts below: a member may return no token without an error.
   */
  attempts: number;
  /** Times it returned the token. */
  successes: number;
  /** Times it reported itself unavailable, so the chain moved on. */
  unavailable: number;
  /** Times it failed or was stopped by `timeoutMs`. */
  failures: number;
  /** Mean and longest duration of its attempts; `null` when never tried. */
  meanMs: number | null;
  maxMs: number | null;
  totalMs: number;
  /** What the member adds to every `getToken` call of the chain, on average: `totalMs / calls`. */
  costPerCallMs: number;
  /** Duration of the first call this member returned the token in: how long the app waited for that token. */
  firstTokenMs: number | null;
}

/** DefaultAzureCredential's probe of 169.254.169.254, when it found no managed identity endpoint. */
export interface ImdsProbeTiming {
  /** Calls in which the probe ran and ended with managed identity unavailable. */
  probes: number;
  meanMs: number;
  maxMs: number;
  totalMs: number;
}

/** One wrapped credential (a chain or a single credential), over every settled call seen. */
export interface ChainTiming {
  /** The wrapped credential's type, e.g. `"DefaultAzureCredential"`; instances of one type are merged. */
  credential: string;
  /** Settled `getToken` calls (calls still running are not counted). */
  calls: number;
  successes: number;
  failures: number;
  /** Mean and longest duration of whole `getToken` calls. */
  meanMs: number | null;
  maxMs: number | null;
  /** Duration of the first call that returned a token. */
  firstTokenMs: number | null;
  /** The member that returned the most recent token (the credential itself when it is not a chain). */
  answeredBy: string | null;
  /** Each member in chain order; empty when the credential is not a chain. */
  members: ChainMemberTiming[];
  imdsProbe: ImdsProbeTiming | null;
  /** One sentence: where time goes before the answering member and how to stop spending it; `null` if fine. */
  suggestion: string | null;
}

/** JSON-serialisable: log it, ship it, or print it with `JSON.stringify(summary, null, 2)`. */
export interface ChainTimingsSummary {
  credentials: ChainTiming[];
}

/** Collects events and summarises them on demand. */
export interface ChainTimings {
  /**
   * Records one event; anything that is not a `token.success` or `token.failure` event is ignored. Bound, so it
   * can be passed as `onEvent` or to `diagnostics_channel.subscribe` as is. Never throws.
   */
  readonly record: (event: unknown) => void;
  /** The summary of everything recorded so far. */
  summary(): ChainTimingsSummary;
  /** Forgets everything recorded. */
  reset(): void;
}

/** Credentials `AZURE_TOKEN_CREDENTIALS=dev` keeps in DefaultAzureCredential. */
const DEVELOPER_CREDENTIALS = new Set([
  "VisualStudioCodeCredential",
  "AzureCliCredential",
  "AzurePowerShellCredential",
  "AzureDeveloperCliCredential",
  "BrokerCredential",
]);

interface Stats {
  count: number;
  totalMs: number;
  maxMs: number;
}

interface MemberState {
  credential: string;
  index: number;
  durations: Stats;
  successes: number;
  unavailable: number;
  failures: number;
  firstTokenMs: number | null;
}

interface CredentialState {
  credential: string;
  calls: Stats;
  successes: number;
  failures: number;
  firstTokenMs: number | null;
  answeredBy: string | null;
  members: MemberState[];
  probe: Stats;
}

interface SettledCall {
  credential: string;
  durationMs: number;
  succeeded: boolean;
  succeededWith: string | null;
  attempts: readonly EventAttempt[];
}

const emptyStats = (): Stats => ({ count: 0, totalMs: 0, maxMs: 0 });

function add(stats: Stats, ms: number): void {
  stats.count += 1;
  stats.totalMs += ms;
  stats.maxMs = Math.max(stats.maxMs, ms);
}

const whole = (ms: number): number => Math.round(ms);

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Reads a settled call out of an event, checking the shape, since channel messages arrive untyped. */
function settledCall(event: unknown): SettledCall | null {
  if (typeof event !== "object" || event === null) return null;
  const e = event as Partial<Record<string, unknown>>;
  if (typeof e.credential !== "string" || !isFiniteNumber(e.durationMs)) return null;
  if (e.type === "token.success") {
    return {
      credential: e.credential,
      durationMs: e.durationMs,
      succeeded: true,
      succeededWith: typeof e.succeededWith === "string" ? e.succeededWith : e.credential,
      attempts: Array.isArray(e.attempts) ? (e.attempts as EventAttempt[]) : [],
    };
  }
  if (e.type === "token.failure") {
    const attempts = (e.diagnosis as { attempts?: unknown } | null | undefined)?.attempts;
    return {
      credential: e.credential,
      durationMs: e.durationMs,
      succeeded: false,
      succeededWith: null,
      attempts: Array.isArray(attempts) ? (attempts as EventAttempt[]) : [],
    };
  }
  return null;
}

/** The probe ends the managed identity attempt as "unavailable" with identity's IMDS wording. */
function isImdsProbe(attempt: EventAttempt): boolean {
  if (attempt.credential !== "ManagedIdentityCredential" || attempt.outcome !== "unavailable") return false;
  return attempt.knowledgeId === "imds-not-available" || /IMDS endpoint/i.test(attempt.summary);
}

function recordCall(state: CredentialState, call: SettledCall): void {
  add(state.calls, call.durationMs);
  if (call.succeeded) {
    state.successes += 1;
    state.answeredBy = call.succeededWith;
    state.firstTokenMs ??= call.durationMs;
  } else state.failures += 1;

  call.attempts.forEach((attempt, index) => {
    const credential = attempt.credential ?? "TokenCredential";
    let member = state.members.find((m) => m.index === index && m.credential === credential);
    if (!member) {
      member = {
        credential,
        index,
        durations: emptyStats(),
        successes: 0,
        unavailable: 0,
        failures: 0,
        firstTokenMs: null,
      };
      state.members.push(member);
      state.members.sort((a, b) => a.index - b.index);
    }
    // A member that was never tried has no duration: an earlier one answered or stopped the chain.
    if (attempt.durationMs === null || !isFiniteNumber(attempt.durationMs)) return;
    add(member.durations, attempt.durationMs);
    if (attempt.outcome === "succeeded") {
      member.successes += 1;
      member.firstTokenMs ??= call.durationMs;
    } else if (attempt.outcome === "unavailable") member.unavailable += 1;
    else if (attempt.outcome === "failed" || attempt.outcome === "timed-out") member.failures += 1;
    if (isImdsProbe(attempt)) add(state.probe, attempt.durationMs);
  });
}

function summariseMember(member: MemberState, calls: number): ChainMemberTiming {
  const { count, totalMs, maxMs } = member.durations;
  return {
    credential: member.credential,
    index: member.index,
    attempts: count,
    successes: member.successes,
    unavailable: member.unavailable,
    failures: member.failures,
    meanMs: count > 0 ? whole(totalMs / count) : null,
    maxMs: count > 0 ? whole(maxMs) : null,
    totalMs: whole(totalMs),
    costPerCallMs: calls > 0 ? whole(totalMs / calls) : 0,
    firstTokenMs: member.firstTokenMs === null ? null : whole(member.firstTokenMs),
  };
}

function suggest(
  state: CredentialState,
  members: readonly ChainMemberTiming[],
  probe: ImdsProbeTiming | null,
  slowMs: number,
): string | null {
  const winner = members.find((m) => m.credential === state.answeredBy && m.successes > 0);
  if (!winner) return null;
  const before = members.filter((m) => m.index < winner.index && m.costPerCallMs > 0);
  const overheadMs = before.reduce((sum, m) => sum + m.costPerCallMs, 0);
  if (overheadMs <= slowMs) return null;

  const probePerCall = probe && state.calls.count > 0 ? whole(probe.totalMs / state.calls.count) : 0;
  const where =
    probePerCall * 2 >= overheadMs
      ? `${probePerCall} ms per call on the IMDS probe (ManagedIdentityCredential)`
      : `${overheadMs} ms per call on ${before.map((m) => `${m.credential} (${m.costPerCallMs} ms)`).join(", ")}`;
  const fix =
    state.credential === "DefaultAzureCredential"
      ? DEVELOPER_CREDENTIALS.has(winner.credential)
        ? `set AZURE_TOKEN_CREDENTIALS=dev (@azure/identity 4.10+) or use ${winner.credential}`
        : `use ${winner.credential}`
      : `put ${winner.credential} first or use it on its own`;
  return `${state.credential} spends ${where} before ${winner.credential} answers; ${fix}.`;
}

function summarise(state: CredentialState, slowMs: number): ChainTiming {
  const calls = state.calls.count;
  const members = state.members.map((m) => summariseMember(m, calls));
  const probe: ImdsProbeTiming | null =
    state.probe.count > 0
      ? {
          probes: state.probe.count,
          meanMs: whole(state.probe.totalMs / state.probe.count),
          maxMs: whole(state.probe.maxMs),
          totalMs: whole(state.probe.totalMs),
        }
      : null;
  return {
    credential: state.credential,
    calls,
    successes: state.successes,
    failures: state.failures,
    meanMs: calls > 0 ? whole(state.calls.totalMs / calls) : null,
    maxMs: calls > 0 ? whole(state.calls.maxMs) : null,
    firstTokenMs: state.firstTokenMs === null ? null : whole(state.firstTokenMs),
    answeredBy: state.answeredBy,
    members,
    imdsProbe: probe,
    suggestion: suggest(state, members, probe, slowMs),
  };
}

/**
 * Creates a collector of per-member chain timing. Feed it `DiagnosticCredential` events, from `onEvent` or from
 * the `token.success` and `token.failure` diagnostics channels; read `summary()` whenever you like. Holds only
 * running totals, so memory does not grow with the number of calls. Never throws.
 *
 * @example
 * ```ts
 * const timings = createChainTimings();
 * const credential = new DiagnosticCredential(new DefaultAzureCredential(), { onEvent: timings.record });
 * await credential.getToken("https://management.azure.com/.default");
 * console.log(timings.summary().credentials[0]?.suggestion);
 * // DefaultAzureCredential spends 1004 ms per call on the IMDS probe (ManagedIdentityCredential) before
 * // AzureCliCredential answers; set AZURE_TOKEN_CREDENTIALS=dev (@azure/identity 4.10+) or use AzureCliCredential.
 * ```
 */
export function createChainTimings(options: ChainTimingsOptions = {}): ChainTimings {
  const slowMs = options.slowMs ?? 200;
  const states = new Map<string, CredentialState>();

  const record = (event: unknown): void => {
    try {
      const call = settledCall(event);
      if (!call) return;
      let state = states.get(call.credential);
      if (!state) {
        state = {
          credential: call.credential,
          calls: emptyStats(),
          successes: 0,
          failures: 0,
          firstTokenMs: null,
          answeredBy: null,
          members: [],
          probe: emptyStats(),
        };
        states.set(call.credential, state);
      }
      recordCall(state, call);
    } catch {
      // A malformed event is dropped; observing must never break the caller.
    }
  };

  return {
    record,
    summary: () => ({ credentials: [...states.values()].map((state) => summarise(state, slowMs)) }),
    reset: () => {
      states.clear();
    },
  };
}
