/**
 * Service principal credentials (secret, certificate, assertion, username/password, environment) failing for real
 * against the lab's token service.
 */
import { describe } from "vitest";
import {
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  EnvironmentCredential,
  UsernamePasswordCredential,
} from "@azure/identity";
import { stsError } from "../harness/fakeSts.js";
import { clientCertificates } from "../harness/tls.js";
import { LAB, makeFederatedToken } from "../harness/tokens.js";
import { identityAtLeast } from "../harness/identityVersion.js";
import { SECRETS, useLab } from "./lab.js";
import { defineScenarios } from "./scenario.js";

const lab = useLab();

describe("ClientSecretCredential", () => {
  defineScenarios(lab, [
    {
      name: "wrong secret: AADSTS7000215",
      arrange: (lab) => {
        lab.sts.respond(stsError(7000215));
        return () =>
          new ClientSecretCredential(
            LAB.tenantId,
            LAB.clientId,
            SECRETS.wrongSecret,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "client-secret-invalid",
        category: "credential-invalid",
        credentials: ["ClientSecretCredential"],
        quotesTokenService: true,
        facts: { oauthError: "invalid_client" },
      },
    },
    {
      name: "expired secret: AADSTS7000222",
      arrange: (lab) => {
        lab.sts.respond(stsError(7000222));
        return () =>
          new ClientSecretCredential(
            LAB.tenantId,
            LAB.clientId,
            SECRETS.clientSecret,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "client-secret-expired",
        category: "credential-expired",
        credentials: ["ClientSecretCredential"],
        quotesTokenService: true,
      },
    },
    {
      name: "unknown application: AADSTS700016",
      arrange: (lab) => {
        lab.sts.respond(stsError(700016));
        return () =>
          new ClientSecretCredential(
            LAB.tenantId,
            LAB.clientId,
            SECRETS.clientSecret,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "app-not-found-in-tenant",
        category: "app-not-found",
        credentials: ["ClientSecretCredential"],
        quotesTokenService: true,
      },
    },
    {
      name: "unknown tenant: discovery refused, reported as endpoints_resolution_error",
      arrange: (lab) => {
        lab.sts.respond(stsError(90002), { endpoint: "discovery", tenant: "no-such-tenant.example" });
        return () =>
          new ClientSecretCredential(
            "no-such-tenant.example",
            LAB.clientId,
            SECRETS.clientSecret,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "authority-endpoints-unresolved",
        category: "tenant-invalid",
        credentials: ["ClientSecretCredential"],
      },
    },
    {
      name: "token for another tenant than the credential allows",
      getTokenOptions: { tenantId: LAB.otherTenantId },
      arrange: (lab) => () =>
        new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.clientSecret, lab.credentialOptions()),
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "tenant-not-allowed-for-credential",
        category: "multi-tenant",
        credentials: ["ClientSecretCredential"],
      },
    },
  ]);
});

describe("ClientCertificateCredential", () => {
  defineScenarios(lab, [
    {
      name: "certificate not registered on the app: AADSTS700027",
      arrange: (lab) => {
        lab.sts.respond(stsError(700027));
        return () =>
          new ClientCertificateCredential(
            LAB.tenantId,
            LAB.clientId,
            clientCertificates.pem,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "certificate-not-registered",
        category: "credential-invalid",
        credentials: ["ClientCertificateCredential"],
        quotesTokenService: true,
      },
    },
    {
      name: "file that holds no certificate",
      arrange: (lab) => () =>
        new ClientCertificateCredential(
          LAB.tenantId,
          LAB.clientId,
          clientCertificates.notPem,
          lab.credentialOptions(),
        ),
      expect: {
        errorName: "Error",
        topEntry: "certificate-file-not-pem",
        category: "credential-invalid",
        credentials: ["ClientCertificateCredential"],
      },
    },
    {
      name: "wrong certificate password",
      arrange: (lab) => () =>
        new ClientCertificateCredential(
          LAB.tenantId,
          LAB.clientId,
          { certificatePath: clientCertificates.encryptedPem, certificatePassword: "not-the-password" },
          lab.credentialOptions(),
        ),
      expect: {
        errorName: "Error",
        topEntry: "certificate-password-wrong",
        category: "credential-invalid",
        credentials: ["ClientCertificateCredential"],
      },
    },
    {
      name: "certificate file missing",
      arrange: (lab) => () =>
        new ClientCertificateCredential(
          LAB.tenantId,
          LAB.clientId,
          clientCertificates.missing,
          lab.credentialOptions(),
        ),
      expect: {
        errorName: "Error",
        topEntry: "certificate-file-not-found",
        category: "not-configured",
        credentials: ["ClientCertificateCredential"],
        // 4.0 rethrows the file system's ENOENT Error, whose stack has no identity frame.
        ...(identityAtLeast("4.13") ? {} : { bareErrorNamesCredential: false as const }),
      },
    },
  ]);
});

describe("ClientAssertionCredential", () => {
  const assertion = (): Promise<string> => Promise.resolve(makeFederatedToken());
  defineScenarios(lab, [
    {
      name: "assertion names another app: AADSTS700021",
      arrange: (lab) => {
        lab.sts.respond(stsError(700021));
        return () =>
          new ClientAssertionCredential(LAB.tenantId, LAB.clientId, assertion, lab.credentialOptions());
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "client-assertion-app-id-mismatch",
        category: "assertion-invalid",
        credentials: ["ClientAssertionCredential"],
        quotesTokenService: true,
      },
    },
    {
      name: "assertion audience wrong: AADSTS700023",
      arrange: (lab) => {
        lab.sts.respond(stsError(700023));
        return () =>
          new ClientAssertionCredential(LAB.tenantId, LAB.clientId, assertion, lab.credentialOptions());
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "client-assertion-audience-mismatch",
        category: "assertion-invalid",
        credentials: ["ClientAssertionCredential"],
        quotesTokenService: true,
      },
    },
    {
      name: "malformed assertion: AADSTS50027",
      arrange: (lab) => {
        lab.sts.respond(stsError(50027));
        return () =>
          new ClientAssertionCredential(LAB.tenantId, LAB.clientId, assertion, lab.credentialOptions());
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "client-assertion-malformed",
        category: "assertion-invalid",
        credentials: ["ClientAssertionCredential"],
        quotesTokenService: true,
      },
    },
  ]);
});

// Deprecated by identity, still shipped and still failing this way for the people who use it.
/* eslint-disable @typescript-eslint/no-deprecated */
describe("UsernamePasswordCredential", () => {
  defineScenarios(lab, [
    {
      name: "wrong password: AADSTS50126",
      arrange: (lab) => {
        lab.sts.respond(stsError(50126));
        return () =>
          new UsernamePasswordCredential(
            LAB.tenantId,
            LAB.clientId,
            LAB.userName,
            SECRETS.userPassword,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "username-password-invalid",
        category: "credential-invalid",
        credentials: ["UsernamePasswordCredential"],
        bareErrorNamesCredential: false,
        quotesTokenService: true,
      },
    },
    {
      name: "multi-factor authentication required: AADSTS50076",
      arrange: (lab) => {
        lab.sts.respond(stsError(50076));
        return () =>
          new UsernamePasswordCredential(
            LAB.tenantId,
            LAB.clientId,
            LAB.userName,
            SECRETS.userPassword,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "mfa-required",
        category: "conditional-access-mfa",
        credentials: ["UsernamePasswordCredential"],
        bareErrorNamesCredential: false,
        quotesTokenService: true,
      },
    },
  ]);
});

/* eslint-enable @typescript-eslint/no-deprecated */

describe("EnvironmentCredential", () => {
  defineScenarios(lab, [
    {
      name: "nothing configured",
      arrange: (lab) => () => new EnvironmentCredential(lab.credentialOptions()),
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "environment-credential-not-configured",
        category: "not-configured",
        credentials: ["EnvironmentCredential"],
      },
    },
    {
      name: "wrong secret in AZURE_CLIENT_SECRET",
      arrange: (lab) => {
        lab.env.set({
          AZURE_TENANT_ID: LAB.tenantId,
          AZURE_CLIENT_ID: LAB.clientId,
          AZURE_CLIENT_SECRET: SECRETS.wrongSecret,
        });
        lab.sts.respond(stsError(7000215));
        return () => new EnvironmentCredential(lab.credentialOptions());
      },
      expect: {
        errorName: "AuthenticationError",
        topEntry: "client-secret-invalid",
        category: "credential-invalid",
        credentials: ["EnvironmentCredential"],
        quotesTokenService: true,
      },
    },
    {
      name: "AZURE_CLIENT_CERTIFICATE_PATH names a missing file",
      arrange: (lab) => {
        lab.env.set({
          AZURE_TENANT_ID: LAB.tenantId,
          AZURE_CLIENT_ID: LAB.clientId,
          AZURE_CLIENT_CERTIFICATE_PATH: clientCertificates.missing,
        });
        return () => new EnvironmentCredential(lab.credentialOptions());
      },
      expect: {
        errorName: "AuthenticationError",
        topEntry: "certificate-file-not-found",
        category: "not-configured",
        credentials: ["EnvironmentCredential"],
      },
    },
  ]);
});
