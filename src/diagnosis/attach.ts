/**
 * Keeps a diagnosis on the very error object it explains, invisibly: a non-enumerable property under a
 * registry symbol, so `JSON.stringify(err)`, `Object.keys(err)` and the chain's `err.name` checks see no
 * change, and the ESM and CJS builds of this package read each other's diagnoses.
 */
import { MAX_TEXT_LENGTH } from "./normalise.js";
import { redactSecrets } from "./redact.js";
import type { Diagnosis } from "./types.js";

const DIAGNOSIS = Symbol.for("azure-identity-diagnostics.diagnosis");
const AUGMENTED = Symbol.for("azure-identity-diagnostics.message-augmented");

function isObject(value: unknown): value is object {
  return value !== null && (typeof value === "object" || typeof value === "function");
}

/** Attaches `diagnosis` to `error`; returns `false` when the object refuses (frozen, proxy…). */
export function attachDiagnosis(error: unknown, diagnosis: Diagnosis): boolean {
  if (!isObject(error)) return false;
  try {
    Object.defineProperty(error, DIAGNOSIS, {
      value: diagnosis,
      enumerable: false,
      configurable: true,
      writable: true,
    });
    return true;
  } catch {
    return false;
  }
}

/** The diagnosis `DiagnosticCredential` attached to `error`, or `undefined`. Never throws. */
export function getDiagnosis(error: unknown): Diagnosis | undefined {
  if (!isObject(error)) return undefined;
  try {
    return (error as Record<symbol, Diagnosis | undefined>)[DIAGNOSIS];
  } catch {
    return undefined;
  }
}

/**
 * Appends `note` to `error.message` once. The message is the one place every logger and every `String(err)`
 * shows, so the short diagnosis travels with the error even where nobody calls `getDiagnosis`.
 */
export function appendToMessage(error: unknown, note: string): void {
  if (!isObject(error)) return;
  try {
    const record = error as Record<PropertyKey, unknown>;
    if (record[AUGMENTED] || typeof record.message !== "string") return;
    record.message = `${record.message}\n\n${note}`;
    Object.defineProperty(error, AUGMENTED, { value: true, enumerable: false, configurable: true });
  } catch {
    // A frozen error keeps its message; the diagnosis is still available through events.
  }
}

function readField(record: Record<string, unknown>, key: string): unknown {
  try {
    return record[key];
  } catch {
    return undefined;
  }
}

/** The longest text kept on a rethrown error: it is cut here before it is redacted, so redaction stays bounded. */
const MAX_ERROR_TEXT = MAX_TEXT_LENGTH;
/** Errors redacted per rethrown error (causes and aggregate members, at any depth). */
const MAX_ERRORS = 256;
/** Fields of an error, and of its `errorResponse`, that hold text copied from a service or a credential. */
const TEXT_FIELDS = ["message", "stack", "name", "errorMessage", "description"];

/** Text redacted per rethrown error, all fields and members together; past it, text is replaced unread. */
const MAX_REDACTED_TEXT = 2 * 1024 * 1024;
const NOT_CHECKED = "[REDACTED: over the length this package checks for secrets]";

/** What is left of {@link MAX_REDACTED_TEXT} for one rethrown error. */
interface Budget {
  remaining: number;
}

/** The text cut to its limit and to what is left of the budget, then redacted. */
function redactText(text: string, budget: Budget): string {
  if (text === "") return text;
  if (budget.remaining <= 0) return NOT_CHECKED;
  const cut = text.slice(0, Math.min(MAX_ERROR_TEXT, budget.remaining));
  budget.remaining -= cut.length;
  return redactSecrets(cut);
}

/** Redacts `keys` and every own enumerable string field of `record` in place. */
function redactFields(record: Record<string, unknown>, keys: readonly string[], budget: Budget): void {
  let own: string[] = [];
  try {
    own = Object.keys(record).slice(0, 64);
  } catch {
    // A proxy that refuses to list its keys: the named fields are still tried.
  }
  for (const key of new Set([...keys, ...own])) {
    try {
      const text = record[key];
      if (typeof text !== "string") continue;
      const redacted = redactText(text, budget);
      if (redacted !== text) record[key] = redacted;
    } catch {
      // Frozen or exotic errors keep their text; diagnoses and events are redacted on their own.
    }
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (!isObject(value) || Array.isArray(value)) return false;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  } catch {
    return false;
  }
}

/**
 * Redacts a core-rest-pipeline `HttpHeaders` object (newer identity versions attach the failed request, bearer
 * header included, to the error): each header whose `name: value` line holds a secret gets a placeholder value.
 */
function redactHeaderObject(headers: unknown): void {
  try {
    const target = headers as { toJSON?: unknown; set?: unknown };
    if (typeof target.toJSON !== "function" || typeof target.set !== "function") return;
    const entries = Object.entries((target.toJSON as () => Record<string, unknown>).call(headers)).slice(
      0,
      64,
    );
    for (const [name, value] of entries) {
      const line = `${name}: ${String(value).slice(0, MAX_TEXT_LENGTH)}`;
      if (redactSecrets(line) !== line)
        (target.set as (n: string, v: string) => void).call(headers, name, "[REDACTED]");
    }
  } catch {
    // A header object that cannot be read or written is left as identity made it.
  }
}

/**
 * Redacts the text of `error` in place: message, stack, name and every string field, its `errorResponse`, the
 * members of an aggregate and the whole `cause` chain, at any depth. Some credentials quote secrets in their own
 * messages (identity 4.13's AzurePipelinesCredential prints the `System.AccessToken` bearer header), and all of this
 * is what `util.inspect` and crash reports print. Text is cut to its limit before it is redacted; past
 * {@link MAX_REDACTED_TEXT} in all, or {@link MAX_ERRORS} errors, what is left is replaced rather than left unread.
 * Never throws.
 */
export function redactErrorText(error: unknown): void {
  const budget: Budget = { remaining: MAX_REDACTED_TEXT };
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i];
    if (!isObject(current) || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    redactFields(record, TEXT_FIELDS, budget);
    // AuthenticationError keeps the service's answer in `errorResponse`, where identity quotes the request too.
    const response = readField(record, "errorResponse");
    if (isPlainRecord(response)) redactFields(response, ["error", "errorDescription"], budget);
    // A RestError's request and response (plain objects) hold the URL, the body and headers, which inspect prints.
    for (const key of ["request", "response"]) {
      const exchange = readField(record, key);
      if (!isObject(exchange)) continue;
      redactFields(exchange as Record<string, unknown>, ["url", "bodyAsText"], budget);
      const headers = readField(exchange as Record<string, unknown>, "headers");
      if (isPlainRecord(headers)) redactFields(headers, [], budget);
      else redactHeaderObject(headers);
    }
    const members = readField(record, "errors");
    let isList = false;
    try {
      isList = Array.isArray(members);
    } catch {
      // A revoked proxy.
    }
    if (isList) {
      const list = members as Record<string, unknown>;
      for (let m = 0; m < (members as unknown[]).length; m++) {
        const member = readField(list, String(m));
        if (typeof member === "string") redactFields(list, [String(m)], budget);
        else if (queue.length < MAX_ERRORS) queue.push(member);
        else if (!seen.has(member as object)) replaceUnread(list, String(m));
      }
    }
    const cause = readField(record, "cause");
    if (!isObject(cause)) {
      if (typeof cause === "string") redactFields(record, ["cause"], budget);
      continue;
    }
    if (queue.length < MAX_ERRORS) queue.push(cause);
    else if (!seen.has(cause)) replaceUnread(record, "cause");
  }
}

/** An error past {@link MAX_ERRORS} (a cause too deep, a member too many) is replaced by a note, never left unread. */
function replaceUnread(record: Record<string, unknown>, key: string): void {
  try {
    record[key] = "[REDACTED: too many nested errors to check for secrets]";
  } catch {
    // A frozen error keeps its chain.
  }
}
