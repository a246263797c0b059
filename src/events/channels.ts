/**
 * Publishes events on `node:diagnostics_channel`, one channel per event type, so APMs and log shippers can observe
 * every `DiagnosticCredential` in the process without holding a reference to one. The module is reached through
 * `process.getBuiltinModule` (Node 20.16+), never imported, so the core entry still loads in browsers and workers;
 * where it is missing nothing is published. Nothing is built or sent while no channel has a subscriber.
 */
import type { DiagnosticEvent } from "./types.js";

/**
 * The `node:diagnostics_channel` name of each event type. Stable: a name is never reused or changed. Each
 * message is the event object itself (see `DiagnosticEvent`), the same object `onEvent` receives.
 */
export const DIAGNOSTIC_CHANNELS = Object.freeze({
  "token.request": "azure-identity-diagnostics:token.request",
  "attempt.start": "azure-identity-diagnostics:attempt.start",
  "attempt.end": "azure-identity-diagnostics:attempt.end",
  "token.success": "azure-identity-diagnostics:token.success",
  "token.failure": "azure-identity-diagnostics:token.failure",
  "token.warning": "azure-identity-diagnostics:token.warning",
} as const satisfies Record<DiagnosticEvent["type"], string>);

/** The part of `node:diagnostics_channel`'s `Channel` we use; declared here so no Node types leak into the API. */
interface PublishChannel {
  readonly hasSubscribers: boolean;
  publish(message: unknown): void;
}

interface DiagnosticsChannelModule {
  channel(name: string): PublishChannel;
}

type ChannelsByType = Record<DiagnosticEvent["type"], PublishChannel>;

function loadChannels(): ChannelsByType | null {
  try {
    const runtime = globalThis as {
      process?: { getBuiltinModule?: (id: string) => unknown };
    };
    const diagnosticsChannel = runtime.process?.getBuiltinModule?.("node:diagnostics_channel") as
      DiagnosticsChannelModule | undefined;
    if (typeof diagnosticsChannel?.channel !== "function") return null;
    // Holding the Channel objects keeps them alive: Node only keeps channels nobody references weakly.
    const entries = Object.entries(DIAGNOSTIC_CHANNELS).map(([type, name]) => [
      type,
      diagnosticsChannel.channel(name),
    ]);
    return Object.fromEntries(entries) as ChannelsByType;
  } catch {
    return null;
  }
}

/** Looked up once, at import: `null` where this runtime has no diagnostics_channel. */
const channels = loadChannels();

/** Whether any event channel has a subscriber right now. Cheap: six property reads at most. */
export function hasChannelSubscribers(): boolean {
  const all = channels;
  if (!all) return false;
  // for…in, not Object.values: this runs on every getToken, and must not allocate.
  for (const type in all) if (all[type as keyof ChannelsByType].hasSubscribers) return true;
  return false;
}

/**
 * Publishes `event` on its type's channel when that channel has subscribers. A subscriber that throws cannot
 * interrupt the caller: Node catches it and re-raises it on `process` as `uncaughtException` on the next tick.
 */
export function publishDiagnosticEvent(event: DiagnosticEvent): void {
  const channel = channels?.[event.type];
  if (!channel?.hasSubscribers) return;
  try {
    channel.publish(event);
  } catch {
    // Node's publish does not throw; a non-Node implementation of the module might. Never let it reach getToken.
  }
}
