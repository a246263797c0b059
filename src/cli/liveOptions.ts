/**
 * The flags of the commands that really ask for a token (`doctor --live`, `whoami`): one parser each, so both
 * commands take the same units and print the same usage errors.
 */
import { DEFAULT_LIVE_SCOPE, DEFAULT_LIVE_TIMEOUT_MS } from "../node/doctor/liveCheck.js";
import { UsageError } from "./errors.js";

const MAX_TIMEOUT_SECONDS = 600;

/** `--timeout SECONDS` (fractions allowed, e.g. `0.5`) as milliseconds; the default when absent. */
export function parseTimeoutSeconds(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIVE_TIMEOUT_MS;
  const trimmed = text.trim();
  const seconds = Number(trimmed);
  if (!/^\d{1,3}(?:\.\d{1,3})?$/.test(trimmed) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new UsageError(
      `--timeout takes a number of seconds above 0 and at most ${String(MAX_TIMEOUT_SECONDS)}, not '${text.slice(0, 40)}'`,
    );
  }
  return Math.round(seconds * 1000);
}

/** `--scope SCOPE`: exactly one scope; the ARM default when absent. */
export function parseScope(text: string | undefined): string {
  if (text === undefined) return DEFAULT_LIVE_SCOPE;
  const scope = text.trim();
  if (scope === "" || /\s/.test(scope) || scope.length > 500) {
    throw new UsageError("--scope takes one scope, e.g. https://management.azure.com/.default");
  }
  return scope;
}
