/**
 * Sees inside credential chains. `ChainedTokenCredential` (and `DefaultAzureCredential`, which extends it)
 * keeps its members in `_sources` and calls `member.getToken` with a copy of the options. We give each
 * member an own `getToken` that reports to the call record found in those options under a symbol key, so a
 * member called outside a `DiagnosticCredential` behaves exactly as before. The class and its `name` are
 * untouched: identity's "Result for X" log line and users' `instanceof` checks see no change.
 */

import { canonicalCredentialName } from "./diagnosis/credentialNames.js";

/** Where a `DiagnosticCredential` call record travels inside `GetTokenOptions`. */
export const CALL_CONTEXT = Symbol.for("azure-identity-diagnostics.call");

/** What a wrapped member reports its attempt to. */
export interface CallObserver {
  observe<T>(member: object, run: () => Promise<T>): Promise<T>;
}

type GetToken = (this: unknown, scopes: unknown, options?: Record<PropertyKey, unknown>) => Promise<unknown>;

/** Marks a `getToken` installed below, so a member is wrapped once, by whichever copy of this package (ESM or CJS) came first. */
const REPORTING = Symbol.for("azure-identity-diagnostics.reporting-getToken");

function isReporting(getToken: unknown): boolean {
  try {
    return typeof getToken === "function" && REPORTING in getToken;
  } catch {
    return false;
  }
}

function read(target: unknown, key: string): unknown {
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The members of a chain, in order; `[]` for a credential that is not a chain. */
export function chainMembers(credential: unknown): object[] {
  const sources = read(credential, "_sources");
  if (!Array.isArray(sources)) return [];
  return sources.filter(
    (s): s is object => s !== null && typeof s === "object" && typeof read(s, "getToken") === "function",
  );
}

/**
 * The credential type of `credential`. DefaultAzureCredential stands in an `UnavailableDefaultCredential` for a
 * member it could not build; its `credentialName` (`createDefaultWorkloadIdentityCredential`) names the real one.
 */
export function credentialName(credential: unknown): string {
  const constructorName = read(read(credential, "constructor"), "name");
  const name =
    typeof constructorName === "string" && constructorName !== "" ? constructorName : "TokenCredential";
  if (name === "UnavailableDefaultCredential") {
    const factory = read(credential, "credentialName");
    const m =
      typeof factory === "string" ? /^createDefault([A-Za-z]{1,60}?)(?:Credential)?$/.exec(factory) : null;
    if (m?.[1]) return `${m[1]}Credential`;
  }
  if (name === "DiagnosticCredential") return credentialName(read(credential, "credential"));
  // identity 4.0 builds DefaultAzureCredential's members from private subclasses named after the public class
  // they extend (`DefaultAzurePowershellCredential extends AzurePowerShellCredential`); users know the public one.
  const inner = /^Default([A-Za-z]{1,60}Credential)$/.exec(name)?.[1];
  if (inner !== undefined && name !== "DefaultAzureCredential") return canonicalCredentialName(inner);
  return name;
}

/** Makes each member report its attempts to the call record in its options. Idempotent per member. */
export function observeMembers(members: readonly object[]): void {
  for (const member of members) {
    const original = read(member, "getToken") as GetToken;
    if (isReporting(original)) continue;
    const reporting: GetToken = function (this: unknown, scopes, options) {
      const call = options?.[CALL_CONTEXT] as CallObserver | undefined;
      if (!call) return original.call(this, scopes, options);
      return call.observe(member, () => original.call(this, scopes, options));
    };
    Object.defineProperty(reporting, REPORTING, { value: true });
    try {
      Object.defineProperty(member, "getToken", {
        value: reporting,
        configurable: true,
        writable: true,
        enumerable: false,
      });
    } catch {
      // A frozen member cannot be observed; the chain still works, its attempt is reported from the aggregate.
    }
  }
}
