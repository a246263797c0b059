/**
 * The lab's TLS material. MSAL insists on an https authority, so the fake token service speaks TLS with a
 * certificate from a throwaway CA, and each credential under test trusts that CA through its own pipeline.
 */
import { readFileSync } from "node:fs";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";

const certsDir = new URL("./certs/", import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, certsDir), "utf8");

/** PEM of the lab CA ("azure-identity-diagnostics TEST CA - NOT TRUSTED ANYWHERE"). */
export const testCaPem = read("ca.crt");

/** Key and certificate for `https.createServer`, valid for localhost, 127.0.0.1 and ::1. */
export function serverTlsOptions(): { key: string; cert: string } {
  return { key: read("server.key"), cert: read("server.crt") };
}

/** Absolute paths of the client certificate files used by ClientCertificateCredential scenarios. */
export const clientCertificates = {
  pem: new URL("client.pem", certsDir).pathname,
  encryptedPem: new URL("client-encrypted.pem", certsDir).pathname,
  encryptedPassword: "lab-cert-password",
  notPem: new URL("not-a-certificate.pem", certsDir).pathname,
  missing: new URL("does-not-exist.pem", certsDir).pathname,
} as const;

const trustPolicy: PipelinePolicy = {
  name: "labTrustTestCa",
  sendRequest(request, next) {
    request.tlsSettings = { ...request.tlsSettings, ca: testCaPem };
    return next(request);
  },
};

/**
 * Options to spread into a credential's or client's options so its requests trust the lab CA.
 * Every request then goes through a pipeline that carries the CA, nothing global changes.
 */
export function trustTestCa(): { additionalPolicies: { policy: PipelinePolicy; position: "perCall" }[] } {
  return { additionalPolicies: [{ policy: trustPolicy, position: "perCall" }] };
}
