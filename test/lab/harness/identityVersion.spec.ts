/**
 * Proves the compat matrix runs what it claims: the `@azure/identity` that tests and src import is the package
 * named by `COMPAT_IDENTITY_PACKAGE`, at the version `identityVersion()` reports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientSecretCredential, CredentialUnavailableError } from "@azure/identity";
import { DiagnosticCredential } from "azure-identity-diagnostics";
import { startFakeSts, type FakeSts } from "./fakeSts.js";
import { IDENTITY_PACKAGE, identityAtLeast, identityVersion } from "./identityVersion.js";
import { trustTestCa } from "./tls.js";
import { LAB } from "./tokens.js";

let sts: FakeSts;
beforeAll(async () => {
  sts = await startFakeSts();
});
afterAll(async () => {
  await sts.close();
});

describe(`${IDENTITY_PACKAGE} (${identityVersion()})`, () => {
  it("is the identity that sends token requests, by the version in its own user agent", async () => {
    const credential = new ClientSecretCredential(LAB.tenantId, LAB.clientId, "lab-version-probe-secret", {
      authorityHost: sts.authorityHost,
      disableInstanceDiscovery: true,
      ...trustTestCa(),
    });
    await credential.getToken("https://management.azure.com/.default");
    const userAgent = sts.requests.at(-1)?.headers["user-agent"] ?? "";
    expect(userAgent).toContain(`azsdk-js-identity/${identityVersion()} `);
  });

  it("is also the identity src imports, so errors the decorator raises come from the same package", async () => {
    const hanging = { getToken: () => new Promise<null>(() => undefined) };
    const error = await new DiagnosticCredential(hanging, { timeoutMs: 1 })
      .getToken("scope")
      .catch((e: unknown) => e);
    // Identity of the class, not error recognition: two installs of identity would give two classes.
    expect(error).toBeInstanceOf(CredentialUnavailableError);
  });

  it("is the version the compat matrix asked for, when it asked for one", () => {
    const requested = process.env.COMPAT_IDENTITY_VERSION;
    if (requested !== undefined) expect(identityVersion()).toBe(requested);
    else expect(IDENTITY_PACKAGE).toBe("@azure/identity");
  });

  it("compares versions numerically", () => {
    const [major = 0, minor = 0] = identityVersion().split(".").map(Number);
    expect(identityAtLeast(`${String(major)}.${String(minor)}`)).toBe(true);
    expect(identityAtLeast(`${String(major)}.${String(minor + 1)}`)).toBe(false);
    expect(identityAtLeast(`${String(major)}.${String(minor)}.999`)).toBe(false);
    expect(identityAtLeast("3.99.99")).toBe(true);
  });
});
