/**
 * How a value may be shown. Secrets never appear, not even their length; ids show their first and last four
 * characters (enough to compare with the portal); URLs lose user name, password and query string.
 */
import { isGuid } from "./environment.js";
import { describeSecretShape } from "./secretShape.js";
import type { VariableKind } from "./types.js";

const MAX_SHOWN = 120;

/** Cuts a value to a readable length and replaces control characters. */
export function shorten(value: string, max = MAX_SHOWN): string {
  let clean = "";
  for (const char of value) clean += char < " " || char === "\u007f" ? "?" : char;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** `11111111-2222-3333-4444-555555555555` → `1111…5555`. */
export function maskId(value: string): string {
  const trimmed = value.trim();
  const shape = describeSecretShape(trimmed);
  if (shape !== null) return notShown(shape, "an ID");
  if (isGuid(trimmed)) return `${trimmed.slice(0, 4)}…${trimmed.slice(-4)}`;
  // A domain name is a valid tenant and no secret; anything else might be a value pasted in the wrong place.
  if (/^[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}$/.test(trimmed)) return trimmed;
  return `not a GUID (${String(value.length)} characters, not shown)`;
}

/** `lab.user@contoso.example` → `la…@contoso.example`. */
export function maskUser(value: string): string {
  const shape = describeSecretShape(value);
  if (shape !== null) return notShown(shape, "a user name");
  const at = value.lastIndexOf("@");
  if (at <= 0) return `${value.slice(0, 2)}… (not shown in full)`;
  return shorten(`${value.slice(0, Math.min(2, at))}…${value.slice(at)}`);
}

/** A URL without credentials or query; `null` when it is not a URL at all. */
export function sanitizeUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  const path = url.pathname === "/" && !value.trim().endsWith("/") ? "" : url.pathname;
  const query = url.search === "" ? "" : "?…";
  return shorten(`${url.protocol}//${url.host}${path}${query}`);
}

/** The value of a variable of `kind` as it may be printed. */
export function maskValue(kind: VariableKind, value: string): string {
  switch (kind) {
    case "secret":
    case "unknown":
      return "set (hidden)";
    case "id":
      return maskId(value);
    case "user":
      return maskUser(value);
    case "url":
      return sanitizeUrl(value) ?? `not a valid URL (${String(value.length)} characters, not shown)`;
    case "path":
    case "value":
      return showPlain(value, kind === "path" ? "a path" : "a setting");
  }
}

/** A path or setting as it may be shown: in full, unless it looks like a secret or a file's content. */
export function showPlain(value: string, expected: string): string {
  const shape = describeSecretShape(value);
  return shape === null ? shorten(value) : notShown(shape, expected);
}

/** The words used wherever a value is withheld because of what it looks like. */
export function notShown(shape: string, expected: string): string {
  return `not shown: this looks like ${shape}, not ${expected}`;
}
