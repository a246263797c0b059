/**
 * The federated token file WorkloadIdentityCredential sends as its client assertion (AKS mounts it and renews it).
 * Only the claims that decide federation are read; the token and its signature are dropped here.
 */
import type { FindingList } from "./findings.js";
import { readSmallFile, resolvePath } from "./files.js";
import { shorten } from "./mask.js";
import type { FederatedTokenReport } from "./types.js";

/** The audiences Microsoft Entra ID accepts for a federated credential (public cloud, US Government, China). */
const TOKEN_EXCHANGE_AUDIENCES = [
  "api://AzureADTokenExchange",
  "api://AzureADTokenExchangeUSGov",
  "api://AzureADTokenExchangeChina",
];

function decodeClaims(token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[1] === undefined || parts[1] === "") return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return claims !== null && typeof claims === "object" && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const text = (value: unknown): string | null => (typeof value === "string" ? shorten(value, 200) : null);
const time = (value: unknown): string | null =>
  typeof value === "number" && Number.isFinite(value) && Math.abs(value) < 1e11
    ? new Date(value * 1000).toISOString()
    : null;

export function inspectFederatedTokenFile(
  path: string,
  cwd: string,
  now: Date,
  findings: FindingList,
): FederatedTokenReport {
  const subject = "AZURE_FEDERATED_TOKEN_FILE";
  const report: FederatedTokenReport = {
    path,
    file: "missing",
    decodes: false,
    issuer: null,
    subject: null,
    audiences: [],
    issuedAt: null,
    notBefore: null,
    expiresOn: null,
    expired: null,
  };
  const read = readSmallFile(resolvePath(path, cwd));
  if (read.state !== "read") {
    report.file = read.state;
    findings.add({
      id: "federated-token-file-unreadable",
      severity: "problem",
      subject,
      message:
        read.state === "missing"
          ? `The federated token file ${path} does not exist: WorkloadIdentityCredential will fail (ENOENT) and the chain moves on without saying so.`
          : `The federated token file ${path} cannot be read: ${read.reason}.`,
      action:
        'On AKS, label the pod azure.workload.identity/use: "true" and use a service account annotated with azure.workload.identity/client-id, so the webhook mounts the token; elsewhere point the variable at the file your platform writes.',
      knowledgeId: "workload-identity-token-file-unreadable",
    });
    return report;
  }
  const token = read.bytes.toString("utf8").trim();
  if (token === "") {
    report.file = "empty";
    findings.add({
      id: "federated-token-file-empty",
      severity: "problem",
      subject,
      message: `The federated token file ${path} is empty.`,
      action:
        "Check that the platform writes the token there (on AKS, the workload identity webhook's projected volume).",
      knowledgeId: "workload-identity-token-file-unreadable",
    });
    return report;
  }
  report.file = "read";
  const claims = decodeClaims(token);
  if (!claims) {
    findings.add({
      id: "federated-token-not-jwt",
      severity: "problem",
      subject,
      message: `${path} does not hold a JWT (three base64url parts whose middle one is JSON); Microsoft Entra ID will refuse it as a client assertion.`,
      action:
        "Point AZURE_FEDERATED_TOKEN_FILE at the token file itself (AKS: /var/run/secrets/azure/tokens/azure-identity-token).",
      knowledgeId: "client-assertion-malformed",
    });
    return report;
  }
  report.decodes = true;
  report.issuer = text(claims.iss);
  report.subject = text(claims.sub);
  report.audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud])
    .filter((a): a is string => typeof a === "string")
    .slice(0, 10)
    .map((a) => shorten(a, 200));
  report.issuedAt = time(claims.iat);
  report.notBefore = time(claims.nbf);
  report.expiresOn = time(claims.exp);
  report.expired = typeof claims.exp === "number" ? claims.exp * 1000 <= now.getTime() : null;

  if (!report.audiences.some((a) => TOKEN_EXCHANGE_AUDIENCES.includes(a))) {
    findings.add({
      id: "federated-token-audience",
      severity: "problem",
      subject,
      message: `The federated token's audience is ${report.audiences.join(", ") || "missing"}, not api://AzureADTokenExchange: Microsoft Entra ID will refuse it unless the federated credential lists that audience.`,
      action:
        "Issue the token for the audience api://AzureADTokenExchange (the federated credential's default), or add this audience to the federated credential.",
      knowledgeId: "federated-credential-audience-no-match",
    });
  }
  if (report.expired === true) {
    findings.add({
      id: "federated-token-expired",
      severity: "problem",
      subject,
      message: `The federated token in ${path} expired at ${report.expiresOn ?? "?"}: Microsoft Entra ID refuses expired assertions (AADSTS700024). On AKS the webhook renews the file; a stale copy does not renew.`,
      action:
        "Read the token from the file the platform keeps fresh (do not copy it), and check that the pod still has the projected volume.",
      knowledgeId: "federated-assertion-expired",
    });
  } else if (
    report.notBefore !== null &&
    typeof claims.nbf === "number" &&
    claims.nbf * 1000 > now.getTime() + 5 * 60_000
  ) {
    findings.add({
      id: "federated-token-not-yet-valid",
      severity: "problem",
      subject,
      message: `The federated token in ${path} is not valid before ${report.notBefore}: this machine's clock or the issuer's is off.`,
      action: "Synchronise the clock (NTP).",
    });
  }
  if (report.expired === false && report.audiences.some((a) => TOKEN_EXCHANGE_AUDIENCES.includes(a))) {
    findings.add({
      id: "federated-token-ok",
      severity: "ok",
      subject,
      message: `Federated token from ${report.issuer ?? "?"} for subject ${report.subject ?? "?"}, valid until ${report.expiresOn ?? "?"}.`,
      action:
        "The app registration's or managed identity's federated credential must name exactly this issuer and subject.",
    });
  }
  return report;
}
