/**
 * The proxy identity's HTTP pipeline would use, by @azure/core-rest-pipeline's rules: HTTPS_PROXY, else ALL_PROXY,
 * else HTTP_PROXY (each upper case, then lower case) for every request, http or https; NO_PROXY entries match a host
 * exactly or, when they start with '.', as a suffix. No wildcards, no CIDR ranges, no ports.
 */
import type { EnvironmentReader } from "./environment.js";
import type { FindingList } from "./findings.js";
import { sanitizeUrl } from "./mask.js";
import { IMDS_HOST } from "./managedIdentitySource.js";
import type { ProxyReport } from "./types.js";

function read(env: EnvironmentReader, name: string): { name: string; value: string } | null {
  const upper = env.get(name);
  if (upper !== undefined) return { name, value: upper };
  const lower = env.get(name.toLowerCase());
  return lower === undefined ? null : { name: name.toLowerCase(), value: lower };
}

export function isBypassed(host: string, noProxy: readonly string[]): boolean {
  return noProxy.some((pattern) =>
    pattern.startsWith(".") ? host.endsWith(pattern) || host === pattern.slice(1) : host === pattern,
  );
}

export function inspectProxy(
  env: EnvironmentReader,
  managedIdentityHost: string | null,
  azureVm: boolean | null,
  findings: FindingList,
): ProxyReport {
  const chosen = read(env, "HTTPS_PROXY") ?? read(env, "ALL_PROXY") ?? read(env, "HTTP_PROXY");
  const noProxyValue = read(env, "NO_PROXY")?.value ?? "";
  const noProxy = noProxyValue
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  let validUrl = true;
  if (chosen) {
    try {
      new URL(chosen.value);
    } catch {
      validUrl = false;
    }
  }
  const catches =
    chosen !== null && managedIdentityHost !== null && !isBypassed(managedIdentityHost, noProxy);
  const report: ProxyReport = {
    variable: chosen?.name ?? null,
    proxy: chosen ? sanitizeUrl(chosen.value) : null,
    validUrl,
    noProxy,
    managedIdentityHost,
    catchesManagedIdentity: catches,
  };
  if (chosen && !validUrl) {
    findings.add({
      id: "proxy-not-a-url",
      severity: "problem",
      subject: chosen.name,
      message: `${chosen.name} is not a URL identity can parse (it needs a scheme, e.g. http://proxy:3128): every credential that sends HTTP requests fails to build, so DefaultAzureCredential silently drops ManagedIdentityCredential (and EnvironmentCredential and WorkloadIdentityCredential when they are configured).`,
      action: `Write ${chosen.name} as a full URL: http://host:port.`,
    });
  }
  if (chosen && managedIdentityHost !== null) {
    const wildcard = noProxy.some((p) => p === "*" || p.includes("/") || p.includes("*"));
    if (catches) {
      const imds = managedIdentityHost === IMDS_HOST;
      const onAzure = !imds || azureVm === true;
      findings.add({
        id: "proxy-catches-managed-identity",
        severity: onAzure ? "problem" : "warning",
        subject: chosen.name,
        message: imds
          ? `${chosen.name} also catches IMDS (${IMDS_HOST}): identity's probe and token requests go to the proxy, which cannot reach this machine's link-local endpoint. ${onAzure ? "On this Azure VM, ManagedIdentityCredential will fail." : "Off Azure, the proxy's answer to the probe can make identity believe IMDS exists and wait on retries, making DefaultAzureCredential slow."}`
          : `${chosen.name} also catches the managed identity endpoint (${managedIdentityHost}), which only answers locally: ManagedIdentityCredential will fail.`,
        action: `Add ${managedIdentityHost} to NO_PROXY${wildcard ? " as an exact host name (identity ignores '*', wildcards and CIDR ranges)" : ""}: NO_PROXY=${[...noProxy, managedIdentityHost].join(",")}.`,
        knowledgeId: imds ? "imds-not-available" : "managed-identity-endpoint-error",
      });
    } else {
      findings.add({
        id: "proxy-bypasses-managed-identity",
        severity: "ok",
        subject: chosen.name,
        message: `The proxy in ${chosen.name} is not used for the managed identity endpoint (${managedIdentityHost} is in NO_PROXY).`,
      });
    }
  }
  return report;
}
