/** AZURE_TOKEN_CREDENTIALS as DefaultAzureCredential 4.13.1 reads it: trimmed, case-insensitive. */
import type { EnvironmentReader } from "./environment.js";
import type { FindingList } from "./findings.js";
import { showPlain } from "./mask.js";
import type { TokenCredentialsReport } from "./types.js";

/** DefaultAzureCredential's members, in chain order. */
export const DEFAULT_CHAIN = [
  "EnvironmentCredential",
  "WorkloadIdentityCredential",
  "ManagedIdentityCredential",
  "VisualStudioCodeCredential",
  "AzureCliCredential",
  "AzurePowerShellCredential",
  "AzureDeveloperCliCredential",
  "BrokerCredential",
] as const;

export type ChainMemberName = (typeof DEFAULT_CHAIN)[number];

const PROD: readonly ChainMemberName[] = [
  "EnvironmentCredential",
  "WorkloadIdentityCredential",
  "ManagedIdentityCredential",
];
const DEV: readonly ChainMemberName[] = [
  "VisualStudioCodeCredential",
  "AzureCliCredential",
  "AzurePowerShellCredential",
  "AzureDeveloperCliCredential",
  "BrokerCredential",
];
/** The single credentials the variable may name (BrokerCredential is not one of them). */
export const NAMEABLE: readonly ChainMemberName[] = DEFAULT_CHAIN.filter(
  (name) => name !== "BrokerCredential",
);

/** The members DefaultAzureCredential builds for a selection; `null` when the value makes its constructor throw. */
export function selectedMembers(report: TokenCredentialsReport): readonly ChainMemberName[] | null {
  if (!report.valid) return null;
  switch (report.selection) {
    case "all":
      return DEFAULT_CHAIN;
    case "dev":
      return DEV;
    case "prod":
      return PROD;
    default:
      return NAMEABLE.filter((name) => name === report.selection);
  }
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function closest(value: string): string {
  const candidates = ["dev", "prod", ...NAMEABLE];
  const lower = value.toLowerCase();
  // "azurecli" is meant as AzureCliCredential: compare with and without the "Credential" suffix.
  const score = (c: string): number =>
    Math.min(distance(lower, c.toLowerCase()), distance(lower, c.toLowerCase().replace(/credential$/, "")));
  return candidates.reduce((best, c) => (score(c) < score(best) ? c : best));
}

export function inspectTokenCredentials(
  env: EnvironmentReader,
  findings: FindingList,
): TokenCredentialsReport {
  const raw = env.get("AZURE_TOKEN_CREDENTIALS");
  const value = raw?.trim().toLowerCase() ?? "";
  if (value === "") return { value: null, valid: true, selection: "all", suggestion: null };
  const shown = showPlain(raw ?? "", "a credential name").slice(0, 120);
  if (value === "dev" || value === "prod") {
    return { value: shown, valid: true, selection: value, suggestion: null };
  }
  const named = NAMEABLE.find((name) => name.toLowerCase() === value);
  if (named) return { value: shown, valid: true, selection: named, suggestion: null };
  const suggestion = value.length <= 64 ? closest(value) : "dev";
  findings.add({
    id: "token-credentials-invalid",
    severity: "problem",
    subject: "AZURE_TOKEN_CREDENTIALS",
    message: `AZURE_TOKEN_CREDENTIALS is '${shown}', which DefaultAzureCredential does not accept: its constructor throws, so nothing is tried at all. Valid: dev, prod, or one of ${NAMEABLE.join(", ")} (any case).`,
    action: `Set AZURE_TOKEN_CREDENTIALS=${suggestion}, or unset it to try the whole chain.`,
    knowledgeId: "token-credentials-value-invalid",
  });
  return { value: shown, valid: false, selection: null, suggestion };
}
