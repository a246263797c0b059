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

/**
 * Writes `text` to `record[key]`; a field that ignores the write (a getter on the class computes `message`) is
 * shadowed by a plain field of the instance. Frozen objects keep their text.
 */
function writeText(record: Record<PropertyKey, unknown>, key: PropertyKey, text: string): void {
  try {
    record[key] = text;
  } catch {
    // A getter without a setter refuses the write in strict mode: shadowed below.
  }
  try {
    if (record[key] === text) return;
    const own = Object.getOwnPropertyDescriptor(record, key);
    Object.defineProperty(record, key, {
      value: text,
      writable: true,
      configurable: true,
      enumerable: own?.enumerable ?? false,
    });
  } catch {
    // Frozen or exotic errors keep their text; diagnoses and events are redacted on their own.
  }
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
      if (redacted !== text) writeText(record, key, redacted);
    } catch {
      // Frozen or exotic errors keep their text; diagnoses and events are redacted on their own.
    }
  }
}

/** Objects read below one error's fields: nested details, lists, Maps and header objects (util.inspect prints them). */
const MAX_NESTED_OBJECTS = 512;
const MAX_NESTED_DEPTH = 8;

/** What the nested walk may still read, shared by every error of one rethrown error. */
interface Walk {
  budget: Budget;
  objects: number;
  seen: Set<object>;
  /** Errors met inside the data (a cause held in a list): redacted as errors are. */
  errors: unknown[];
}

function isErrorLike(value: object): boolean {
  try {
    // instanceof fails across realms; a message and a name make an error too.
    return (
      value instanceof Error ||
      (typeof (value as Record<string, unknown>).message === "string" && "name" in value)
    );
  } catch {
    return false;
  }
}

/** The own enumerable keys of `value`, symbols included (util.inspect prints them). */
function enumerableKeys(value: object): PropertyKey[] {
  try {
    const symbols = Object.getOwnPropertySymbols(value).filter((key) =>
      Object.prototype.propertyIsEnumerable.call(value, key),
    );
    return [...Object.keys(value), ...symbols].slice(0, 64);
  } catch {
    return [];
  }
}

/**
 * Redacts the text held below `value` in place: strings in plain objects and lists, Map values, header objects
 * (`Headers`, `Map`) and symbol-keyed fields. Errors found inside are handed back to be redacted as errors.
 */
function redactNested(value: unknown, walk: Walk, depth: number): void {
  if (!isObject(value) || walk.seen.has(value) || depth > MAX_NESTED_DEPTH) return;
  if (walk.objects++ >= MAX_NESTED_OBJECTS) return;
  walk.seen.add(value);
  if (value instanceof Map) {
    for (const [key, entry] of [...value.entries()].slice(0, 64)) {
      if (typeof entry === "string") {
        const redacted = redactText(entry, walk.budget);
        if (redacted !== entry) value.set(key, redacted);
      } else redactNested(entry, walk, depth + 1);
    }
    return;
  }
  if (isHeaderObject(value)) {
    redactHeaderEntries(value);
    return;
  }
  if (ArrayBuffer.isView(value)) return;
  const record = value as Record<PropertyKey, unknown>;
  for (const key of enumerableKeys(value)) {
    let field: unknown;
    try {
      field = record[key];
    } catch {
      continue;
    }
    if (typeof field === "string") {
      const redacted = redactText(field, walk.budget);
      if (redacted !== field) writeText(record, key, redacted);
    } else if (isObject(field)) {
      if (isErrorLike(field)) walk.errors.push(field);
      else if (isPlainData(field)) redactNested(field, walk, depth + 1);
    }
  }
}

/** Plain objects, lists, Maps and header objects: data an error carries, not live objects (sockets, agents). */
function isPlainData(value: object): boolean {
  return Array.isArray(value) || value instanceof Map || isHeaderObject(value) || isPlainRecord(value);
}

/** A fetch `Headers` or core-rest-pipeline `HttpHeaders`: iterable name/value pairs with a `set`. */
function isHeaderObject(
  value: object,
): value is { set(name: string, value: string): void } & Iterable<unknown> {
  try {
    const target = value as { set?: unknown; [Symbol.iterator]?: unknown; entries?: unknown };
    return (
      !(value instanceof Map) &&
      typeof target.set === "function" &&
      typeof target[Symbol.iterator] === "function"
    );
  } catch {
    return false;
  }
}

/** Each header whose `name: value` line holds a secret gets a placeholder value. */
function redactHeaderEntries(headers: { set(name: string, value: string): void } & Iterable<unknown>): void {
  try {
    const entries: [string, string][] = [];
    for (const entry of headers) {
      if (entries.length >= 64) break;
      if (Array.isArray(entry) && entry.length >= 2) entries.push([String(entry[0]), String(entry[1])]);
    }
    for (const [name, value] of entries) {
      const line = `${name}: ${value.slice(0, MAX_TEXT_LENGTH)}`;
      if (redactSecrets(line) !== line) headers.set(name, "[REDACTED]");
    }
  } catch {
    // A header object that cannot be read or written is left as it is.
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
  const walk: Walk = { budget, objects: 0, seen: new Set(), errors: [] };
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i];
    if (!isObject(current) || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    redactFields(record, TEXT_FIELDS, budget);
    // Everything else the error holds (details, parsed bodies, Maps, symbol-keyed fields, lists of causes).
    walk.errors = [];
    walk.seen.add(current);
    for (const key of enumerableKeys(current)) {
      let field: unknown;
      try {
        field = (current as Record<PropertyKey, unknown>)[key];
      } catch {
        continue;
      }
      if (typeof field === "string" && typeof key === "symbol") {
        const redacted = redactText(field, budget);
        if (redacted !== field) writeText(current as Record<PropertyKey, unknown>, key, redacted);
      } else if (isObject(field)) {
        if (isErrorLike(field)) walk.errors.push(field);
        else if (isPlainData(field)) redactNested(field, walk, 1);
      }
    }
    for (const found of walk.errors) if (queue.length < MAX_ERRORS) queue.push(found);
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
