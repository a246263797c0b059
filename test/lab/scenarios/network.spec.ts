/**
 * A service call that never reaches the service: refused at the TCP level, or refused by TLS because the machine
 * does not trust the certificate (a TLS-inspecting proxy's, say). What the app holds is core-rest-pipeline's
 * RestError, as every Azure SDK client throws it.
 */
import { createDefaultHttpClient, createPipelineRequest, type RestError } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { explainAuthError, type DiagnosisCategory } from "azure-identity-diagnostics";
import { closedPort } from "../harness/fakeManagedIdentity.js";
import { expectLeadingEntry } from "../harness/producedEntries.js";
import { useLab } from "./lab.js";

const lab = useLab();

async function refusal(url: string): Promise<RestError> {
  const client = createDefaultHttpClient();
  const request = createPipelineRequest({ url, allowInsecureConnection: url.startsWith("http:") });
  const error = await client.sendRequest(request).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect((error as { name?: string } | undefined)?.name, String(error)).toBe("RestError");
  return error as RestError;
}

describe("a service call that never reaches the service", () => {
  const cases: { name: string; url: () => Promise<string>; topEntry: string; category: DiagnosisCategory }[] =
    [
      {
        name: "the connection is refused",
        url: async () => `${(await closedPort()).replace(/\/$/, "")}/subscriptions`,
        topEntry: "connection-refused-or-dropped",
        category: "network",
      },
      {
        name: "the server's certificate is not trusted on this machine",
        // The lab's resource serves a certificate from the lab CA, which this request is not told to trust.
        url: () => Promise.resolve(`${lab.resource.url}/subscriptions`),
        topEntry: "tls-certificate-untrusted",
        category: "network",
      },
    ];
  for (const c of cases) {
    it(c.name, async () => {
      const diagnosis = explainAuthError(await refusal(await c.url()));
      expectLeadingEntry(diagnosis.matches[0]?.id, c.topEntry, `${diagnosis.summary}\n${diagnosis.message}`);
      expect(diagnosis.category).toBe(c.category);
    });
  }
});
