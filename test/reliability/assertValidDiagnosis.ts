/**
 * One checker for the documented `Diagnosis` contract (src/diagnosis/types.ts): every field present with its
 * type, categories and outcomes from their documented sets, and plain data that survives `JSON.stringify`.
 */
import { expect } from "vitest";
import {
  ATTEMPT_OUTCOMES,
  DIAGNOSIS_CATEGORIES,
  DIAGNOSIS_CONFIDENCES,
  ERROR_RUNTIMES,
  type Diagnosis,
} from "../../src/index.js";

const RUNTIMES: ReadonlySet<string> = new Set(ERROR_RUNTIMES);
const OUTCOMES: ReadonlySet<string> = new Set(ATTEMPT_OUTCOMES);
const CATEGORIES = new Set<string>(DIAGNOSIS_CATEGORIES);
const CONFIDENCES = new Set<string>(DIAGNOSIS_CONFIDENCES);

type Kind = "string" | "string|null" | "number|null" | "boolean" | "strings" | "category" | "confidence";

const DIAGNOSIS_FIELDS: Readonly<Record<keyof Diagnosis, Kind | "runtime" | "special">> = {
  summary: "string",
  category: "category",
  confidence: "confidence",
  errorName: "string|null",
  runtime: "runtime",
  stsCode: "string|null",
  stsCodes: "strings",
  oauthError: "string|null",
  subError: "string|null",
  correlationId: "string|null",
  traceId: "string|null",
  timestamp: "string|null",
  httpStatus: "number|null",
  serviceErrorCode: "string|null",
  tokenIdentity: "special",
  credentials: "strings",
  attempts: "special",
  matches: "special",
  retryable: "boolean",
  lookupUrl: "string|null",
  message: "string",
};

const MATCH_FIELDS: Readonly<Record<string, Kind>> = {
  id: "string",
  title: "string",
  category: "category",
  cause: "string",
  mitigations: "strings",
  docs: "strings",
  retryable: "boolean",
  score: "number|null",
};

const ATTEMPT_FIELDS: Readonly<Record<string, Kind | "outcome" | "match">> = {
  credential: "string|null",
  outcome: "outcome",
  errorName: "string|null",
  summary: "string",
  category: "category",
  stsCode: "string|null",
  correlationId: "string|null",
  traceId: "string|null",
  timestamp: "string|null",
  match: "match",
  message: "string",
  durationMs: "number|null",
};

const IDENTITY_FIELDS: Readonly<Record<string, Kind>> = {
  tenantId: "string|null",
  objectId: "string|null",
  appId: "string|null",
  identityType: "string|null",
  audience: "string|null",
  issuer: "string|null",
  expiresOn: "string|null",
  managedIdentityResourceId: "string|null",
  roles: "strings",
  scopes: "strings",
  userName: "string|null",
};

function fail(path: string, value: unknown, expected: string): never {
  throw new Error(`${path} is ${describe(value)}, expected ${expected}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

function checkKind(path: string, value: unknown, kind: Kind): void {
  switch (kind) {
    case "string":
      if (typeof value !== "string") fail(path, value, "a string");
      return;
    case "string|null":
      if (value !== null && typeof value !== "string") fail(path, value, "a string or null");
      return;
    case "number|null":
      if (value !== null && (typeof value !== "number" || !Number.isFinite(value)))
        fail(path, value, "a finite number or null");
      return;
    case "boolean":
      if (typeof value !== "boolean") fail(path, value, "a boolean");
      return;
    case "strings":
      if (!Array.isArray(value)) fail(path, value, "an array of strings");
      value.forEach((item, i) => {
        checkKind(`${path}[${i}]`, item, "string");
      });
      return;
    case "category":
      if (typeof value !== "string" || !CATEGORIES.has(value)) fail(path, value, "a documented category");
      return;
    case "confidence":
      if (typeof value !== "string" || !CONFIDENCES.has(value)) fail(path, value, "a documented confidence");
      return;
  }
}

function checkShape(path: string, value: unknown, fields: Readonly<Record<string, string>>): void {
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(path, value, "an object");
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error(`${path} is not a plain object`);
  expect(Object.keys(value).sort(), `${path} keys`).toEqual(Object.keys(fields).sort());
}

function checkMatch(path: string, value: unknown): void {
  checkShape(path, value, MATCH_FIELDS);
  for (const [key, kind] of Object.entries(MATCH_FIELDS)) checkKind(`${path}.${key}`, read(value, key), kind);
}

function read(value: unknown, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

/** Throws, naming the field, unless `value` is a `Diagnosis` exactly as documented. */
export function assertValidDiagnosis(value: unknown): asserts value is Diagnosis {
  checkShape("diagnosis", value, DIAGNOSIS_FIELDS);
  for (const [key, kind] of Object.entries(DIAGNOSIS_FIELDS)) {
    const field = read(value, key);
    const path = `diagnosis.${key}`;
    if (kind === "runtime") {
      if (typeof field !== "string" || !RUNTIMES.has(field)) fail(path, field, "a documented runtime");
    } else if (key === "tokenIdentity") {
      if (field !== null) {
        checkShape(path, field, IDENTITY_FIELDS);
        for (const [k, kd] of Object.entries(IDENTITY_FIELDS)) checkKind(`${path}.${k}`, read(field, k), kd);
      }
    } else if (key === "matches") {
      if (!Array.isArray(field)) fail(path, field, "an array");
      field.forEach((m, i) => {
        checkMatch(`${path}[${i}]`, m);
      });
    } else if (key === "attempts") {
      if (!Array.isArray(field)) fail(path, field, "an array");
      field.forEach((attempt, i) => {
        const at = `${path}[${i}]`;
        checkShape(at, attempt, ATTEMPT_FIELDS);
        for (const [k, kd] of Object.entries(ATTEMPT_FIELDS)) {
          const v = read(attempt, k);
          if (kd === "outcome") {
            if (typeof v !== "string" || !OUTCOMES.has(v)) fail(`${at}.${k}`, v, "a documented outcome");
          } else if (kd === "match") {
            if (v !== null) checkMatch(`${at}.${k}`, v);
          } else checkKind(`${at}.${k}`, v, kd);
        }
      });
    } else {
      checkKind(path, field, kind as Kind);
    }
  }
  // Plain data: what the CLI prints with --json reads back as the very same object.
  expect(JSON.parse(JSON.stringify(value)), "JSON round trip").toStrictEqual(value);
}
