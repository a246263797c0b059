/**
 * Keeps a diagnosis on the very error object it explains, invisibly: a non-enumerable property under a
 * registry symbol, so `JSON.stringify(err)`, `Object.keys(err)` and the chain's `err.name` checks see no
 * change, and the ESM and CJS builds of this package read each other's diagnoses.
 */
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
    Object.defineProperty(error, DIAGNOSIS, { value: diagnosis, enumerable: false, configurable: true, writable: true });
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
