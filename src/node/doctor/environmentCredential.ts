/**
 * EnvironmentCredential's decision, as identity 4.13.1's constructor makes it: AZURE_TENANT_ID and
 * AZURE_CLIENT_ID plus, first match wins, AZURE_CLIENT_SECRET; AZURE_CLIENT_CERTIFICATE_PATH; AZURE_USERNAME and
 * AZURE_PASSWORD. Empty values count as unset. Also checks the values themselves, without showing secrets.
 */
import { isGuid, type EnvironmentReader } from "./environment.js";
import type { FindingList } from "./findings.js";
import type { EnvironmentCredentialReport } from "./types.js";

const BASE = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"] as const;
const COMBINATIONS = [
  { mode: "client-secret", extra: ["AZURE_CLIENT_SECRET"] },
  { mode: "client-certificate", extra: ["AZURE_CLIENT_CERTIFICATE_PATH"] },
  { mode: "username-password", extra: ["AZURE_USERNAME", "AZURE_PASSWORD"] },
] as const;

/** identity's checkTenantId: letters, digits, `-` and `.` only; anything else makes the constructor throw. */
const TENANT_ID = /^[0-9a-zA-Z.-]+$/;

export function decideEnvironmentCredential(env: EnvironmentReader): EnvironmentCredentialReport {
  const isSet = (name: string): boolean => env.get(name) !== undefined;
  const baseMissing = BASE.filter((name) => !isSet(name));
  const winner = baseMissing.length === 0 ? COMBINATIONS.find((c) => c.extra.every(isSet)) : undefined;
  if (winner) {
    const later = COMBINATIONS.slice(COMBINATIONS.indexOf(winner) + 1).flatMap((c) => [...c.extra]);
    return { mode: winner.mode, missing: [], ignored: later.filter(isSet) };
  }
  // The combination the user most likely meant: the one with the most of its own variables set.
  const scored = COMBINATIONS.map((c) => ({ c, count: c.extra.filter(isSet).length }));
  const best = scored.reduce((a, b) => (b.count > a.count ? b : a));
  // AZURE_TENANT_ID and AZURE_CLIENT_ID alone are also how workload identity and a user-assigned managed identity
  // are configured: only a secret, certificate or user name shows that a service principal was meant.
  const started = best.count > 0;
  const missing = started ? [...baseMissing, ...best.c.extra.filter((name) => !isSet(name))] : [];
  return { mode: null, missing, ignored: [] };
}

/** Checks the values EnvironmentCredential and its siblings read. */
export function checkIdentityValues(
  env: EnvironmentReader,
  report: EnvironmentCredentialReport,
  findings: FindingList,
): void {
  for (const name of [
    "AZURE_TENANT_ID",
    "AZURE_CLIENT_ID",
    "AZURE_CLIENT_SECRET",
    "AZURE_CLIENT_CERTIFICATE_PATH",
    "AZURE_FEDERATED_TOKEN_FILE",
    "AZURE_USERNAME",
    "AZURE_PASSWORD",
    "AZURE_CLIENT_CERTIFICATE_PASSWORD",
  ]) {
    const value = env.get(name);
    if (value === undefined) continue;
    const first = value[0];
    const quoted = value.length >= 2 && (first === '"' || first === "'") && value.endsWith(first);
    if (value !== value.trim() || quoted) {
      findings.add({
        id: "value-has-spaces-or-quotes",
        severity: "problem",
        subject: name,
        message: `${name} ${quoted ? "is wrapped in quotes" : "starts or ends with white space"}; identity uses the value exactly as it is, quotes and spaces included.`,
        action: `Set ${name} again without ${quoted ? "the quotes" : "the surrounding spaces"} (a .env file or a shell script may have added them).`,
      });
    }
  }

  const tenant = env.get("AZURE_TENANT_ID");
  if (tenant !== undefined && !TENANT_ID.test(tenant)) {
    findings.add({
      id: "tenant-id-malformed",
      severity: "problem",
      subject: "AZURE_TENANT_ID",
      message:
        "AZURE_TENANT_ID holds characters a tenant id cannot have (only letters, digits, '-' and '.'): EnvironmentCredential and WorkloadIdentityCredential refuse it in their constructors and DefaultAzureCredential silently leaves them out.",
      action:
        "Set AZURE_TENANT_ID to the directory (tenant) id, a GUID from the app registration's Overview page.",
      knowledgeId: "tenant-id-malformed",
    });
  } else if (tenant !== undefined && !isGuid(tenant) && !tenant.includes(".")) {
    findings.add({
      id: "tenant-id-not-guid",
      severity: "warning",
      subject: "AZURE_TENANT_ID",
      message: "AZURE_TENANT_ID is neither a GUID nor a domain name (contoso.onmicrosoft.com).",
      action: "Use the directory (tenant) id from the app registration's Overview page.",
    });
  }
  const clientId = env.get("AZURE_CLIENT_ID");
  if (clientId !== undefined && !isGuid(clientId.trim())) {
    findings.add({
      id: "client-id-not-guid",
      severity: "warning",
      subject: "AZURE_CLIENT_ID",
      message: "AZURE_CLIENT_ID is not a GUID; an application (client) id always is.",
      action:
        "Use the application (client) id from the app registration's or managed identity's Overview page, not its name or object id.",
    });
  }
  const secret = env.get("AZURE_CLIENT_SECRET");
  if (secret !== undefined && isGuid(secret.trim())) {
    findings.add({
      id: "client-secret-looks-like-id",
      severity: "problem",
      subject: "AZURE_CLIENT_SECRET",
      message:
        "AZURE_CLIENT_SECRET has the shape of a GUID: that is the secret's ID, not its value. Microsoft Entra ID will refuse it (AADSTS7000215).",
      action:
        "In the app registration, under Certificates & secrets, copy the secret's Value (shown only right after it is created; create a new secret if it is hidden).",
      knowledgeId: "client-secret-invalid",
    });
  }

  if (report.mode === null && report.missing.length > 0) {
    findings.add({
      id: "environment-credential-incomplete",
      severity: "warning",
      subject: "EnvironmentCredential",
      message: `Some of EnvironmentCredential's variables are set, but no combination is complete: ${report.missing.join(", ")} ${report.missing.length === 1 ? "is" : "are"} missing, so it will report itself unavailable.`,
      action: `Set ${report.missing.join(" and ")}, or unset the others if you do not mean to use a service principal.`,
      knowledgeId: "environment-credential-not-configured",
    });
  }
  if (report.ignored.length > 0) {
    findings.add({
      id: "environment-credential-ignores",
      severity: "warning",
      subject: "EnvironmentCredential",
      message: `${report.ignored.join(", ")} ${report.ignored.length === 1 ? "is" : "are"} set but ignored: EnvironmentCredential uses the ${report.mode ?? ""} combination, which comes first.`,
      action: `Unset ${report.ignored.join(" and ")}, or the variables of the combination you do not want.`,
    });
  }
  if (report.mode === "username-password") {
    findings.add({
      id: "username-password-deprecated",
      severity: "warning",
      subject: "EnvironmentCredential",
      message:
        "EnvironmentCredential will sign in with AZURE_USERNAME and AZURE_PASSWORD: deprecated, and refused for any account that needs multifactor authentication.",
      action: "Use a service principal (secret or certificate), a managed identity, or `az login` instead.",
      knowledgeId: "mfa-required",
    });
  }
}
