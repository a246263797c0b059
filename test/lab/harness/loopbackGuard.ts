/**
 * Keeps a process on loopback. Every outgoing TCP/TLS connection goes through `net.Socket.prototype.connect`
 * (http, https, undici's fetch and MSAL all end there), so one patch covers them all. A connection to anything
 * but loopback is refused before DNS or a packet leaves, and recorded so the caller can fail loudly.
 */
import net from "node:net";

export interface BlockedConnection {
  readonly host: string;
  readonly port: number | undefined;
  readonly stack: string;
}

export interface LoopbackGuard {
  /** Connections refused since the guard was installed or last drained. */
  readonly blocked: readonly BlockedConnection[];
  /** Returns and forgets what was refused so far. */
  drain(): BlockedConnection[];
  restore(): void;
}

const LOOPBACK_NAMES = new Set(["localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1"]);

export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/\.$/, "");
  if (LOOPBACK_NAMES.has(bare) || bare.endsWith(".localhost")) return true;
  const v4 = bare.startsWith("::ffff:") ? bare.slice("::ffff:".length) : bare;
  return net.isIPv4(v4) && v4.startsWith("127.");
}

interface Destination {
  host: string | undefined;
  port: number | undefined;
  isPipe: boolean;
}

/** Reads the destination out of every calling convention `Socket#connect` accepts. */
function destinationOf(args: unknown[]): Destination {
  let first = args[0];
  // Node's internals pass `[options, callback]` as one array argument.
  if (Array.isArray(first)) first = first[0];
  if (typeof first === "string" && !/^\d+$/.test(first))
    return { host: undefined, port: undefined, isPipe: true };
  if (typeof first === "number" || typeof first === "string") {
    const host = typeof args[1] === "string" ? args[1] : "localhost";
    return { host, port: Number(first), isPipe: false };
  }
  if (first !== null && typeof first === "object") {
    const options = first as { path?: unknown; host?: unknown; port?: unknown };
    if (typeof options.path === "string") return { host: undefined, port: undefined, isPipe: true };
    const host = typeof options.host === "string" ? options.host : "localhost";
    return { host, port: options.port === undefined ? undefined : Number(options.port), isPipe: false };
  }
  return { host: "localhost", port: undefined, isPipe: false };
}

let active: LoopbackGuard | undefined;

export function installLoopbackGuard(): LoopbackGuard {
  if (active) return active;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied with the socket as `this`
  const original = net.Socket.prototype.connect;
  const blocked: BlockedConnection[] = [];

  const guarded = function (this: net.Socket, ...args: unknown[]): net.Socket {
    const destination = destinationOf(args);
    if (destination.isPipe || destination.host === undefined || isLoopbackHost(destination.host)) {
      return (original as (...a: unknown[]) => net.Socket).apply(this, args);
    }
    const stack = new Error("blocked connection").stack ?? "";
    blocked.push({ host: destination.host, port: destination.port, stack });
    const error = Object.assign(
      new Error(`loopback guard: refused a connection to ${destination.host}:${destination.port ?? "?"}`),
      { code: "ECONNREFUSED", syscall: "connect" },
    );
    // Fail the way a closed network does, asynchronously, so callers' error handling runs as it would for real.
    process.nextTick(() => this.destroy(error));
    return this;
  };
  net.Socket.prototype.connect = guarded;

  active = {
    blocked,
    drain: () => blocked.splice(0, blocked.length),
    restore: () => {
      net.Socket.prototype.connect = original;
      active = undefined;
    },
  };
  return active;
}
