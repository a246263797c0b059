/**
 * Keeps a diagnosis on the very error object it explains, invisibly: a non-enumerable property under a
 * registry symbol, so `JSON.stringify(err)`, `Object.keys(err)` and the chain's `err.name` checks see no
 * change, and the ESM and CJS builds of this package read each other's diagnoses.
 */
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

function redactFields(record: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    try {
      const text = record[key];
      if (typeof text !== "string") continue;
      const redacted = redactSecrets(text);
      if (redacted !== text) record[key] = redacted;
    } catch {
      // Frozen or exotic errors keep their text; diagnoses and events are redacted on their own.
    }
  }
}

/**
 * Redacts secret-shaped text in `error.message`, `error.stack` and `error.errorResponse` in place. Some credentials quote secrets in
 * their own messages (identity 4.13's AzurePipelinesCredential prints the `System.AccessToken` bearer header),
 * and the message and stack are what every logger and crash report prints.
 */
export function redactErrorText(error: unknown, depth = 0): void {
  if (!isObject(error) || depth > 8) return;
  const record = error as Record<string, unknown>;
  redactFields(record, ["message", "stack"]);
  // AuthenticationError keeps the service's answer in `errorResponse`, where identity quotes the request too.
  const response = readField(record, "errorResponse");
  if (isObject(response)) redactFields(response as Record<string, unknown>, ["error", "errorDescription"]);
  // An aggregate's members and a cause chain print too (`util.inspect`, `console.error`).
  try {
    const members = record.errors;
    if (Array.isArray(members)) for (const member of members.slice(0, 50)) redactErrorText(member, depth + 1);
    if (record.cause !== error) redactErrorText(record.cause, depth + 1);
  } catch {
    // Unreadable fields are left alone.
  }
}
