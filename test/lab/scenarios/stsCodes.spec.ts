/**
 * The Microsoft Entra ID refusals real apps hit, one scenario each: the lab's token service answers with the code
 * (in Entra's reply shape, with a description written for the lab) and the real credential that sends that kind of
 * request reports it. Each row names the knowledge entry that must lead.
 */
import { describe } from "vitest";
import type { TokenCredential } from "@azure/core-auth";
import {
  AuthorizationCodeCredential,
  ClientSecretCredential,
  OnBehalfOfCredential,
  UsernamePasswordCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import type { DiagnosisCategory } from "azure-identity-diagnostics";
import { stsErrorFor } from "../harness/fakeSts.js";
import { LAB, makeAccessToken } from "../harness/tokens.js";
import { SECRETS, useLab, type Lab } from "./lab.js";
import { defineScenarios, type FailureScenario } from "./scenario.js";

const lab = useLab();

/** Which kind of token request the refusal answers. */
type Flow = "clientSecret" | "usernamePassword" | "onBehalfOf" | "authorizationCode" | "workloadIdentity";

interface Refusal {
  code: number;
  error: string;
  text: string;
  flow: Flow;
  topEntry: string;
  category: DiagnosisCategory;
  status?: number;
  suberror?: string;
}

/* eslint-disable @typescript-eslint/no-deprecated -- UsernamePasswordCredential is deprecated but still used */
async function credentialFor(lab: Lab, flow: Flow): Promise<() => TokenCredential> {
  const options = lab.credentialOptions();
  switch (flow) {
    case "clientSecret":
      return () => new ClientSecretCredential(LAB.tenantId, LAB.clientId, SECRETS.clientSecret, options);
    case "usernamePassword":
      return () =>
        new UsernamePasswordCredential(
          LAB.tenantId,
          LAB.clientId,
          LAB.userName,
          SECRETS.userPassword,
          options,
        );
    case "onBehalfOf": {
      const userAssertionToken = makeAccessToken({ aud: `api://${LAB.clientId}`, idtyp: "user" });
      lab.addSecret(userAssertionToken);
      return () =>
        new OnBehalfOfCredential({
          ...options,
          tenantId: LAB.tenantId,
          clientId: LAB.clientId,
          clientSecret: SECRETS.clientSecret,
          userAssertionToken,
        });
    }
    case "authorizationCode":
      return () =>
        new AuthorizationCodeCredential(
          LAB.tenantId,
          LAB.clientId,
          SECRETS.clientSecret,
          "lab-authorization-code",
          "http://localhost:8400/callback",
          options,
        );
    case "workloadIdentity": {
      const file = await lab.tokenFile();
      return () =>
        new WorkloadIdentityCredential({
          ...options,
          tenantId: LAB.tenantId,
          clientId: LAB.clientId,
          tokenFilePath: file.path,
        });
    }
  }
}
/* eslint-enable @typescript-eslint/no-deprecated */

const CREDENTIAL_OF: Record<Flow, string> = {
  clientSecret: "ClientSecretCredential",
  usernamePassword: "UsernamePasswordCredential",
  onBehalfOf: "OnBehalfOfCredential",
  authorizationCode: "AuthorizationCodeCredential",
  workloadIdentity: "WorkloadIdentityCredential",
};

const REFUSALS: Refusal[] = [
  // Service principals and their credentials
  {
    code: 50012,
    error: "invalid_client",
    status: 401,
    text: "Client assertion contains an invalid signature or the credential is not valid for this app.",
    flow: "clientSecret",
    topEntry: "client-credential-rejected",
    category: "credential-invalid",
  },
  {
    code: 7000112,
    error: "unauthorized_client",
    text: `Application '${LAB.clientId}'(lab-app) is disabled.`,
    flow: "clientSecret",
    topEntry: "app-disabled",
    category: "app-not-found",
  },
  {
    code: 7000218,
    error: "invalid_client",
    status: 401,
    text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    flow: "usernamePassword",
    topEntry: "public-client-flow-needs-credential",
    category: "not-configured",
  },
  {
    code: 700025,
    error: "invalid_client",
    status: 401,
    text: "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
    flow: "clientSecret",
    topEntry: "public-client-sent-credential",
    category: "not-configured",
  },
  {
    code: 50013,
    error: "invalid_grant",
    text: "Assertion failed signature validation. The key used to sign it is not trusted.",
    flow: "onBehalfOf",
    topEntry: "client-assertion-invalid",
    category: "assertion-invalid",
  },
  {
    code: 500133,
    error: "invalid_grant",
    text: "Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.",
    flow: "onBehalfOf",
    topEntry: "on-behalf-of-assertion-expired",
    category: "token-expired",
  },
  {
    code: 500131,
    error: "invalid_grant",
    text: "Assertion audience does not match the client app presenting the assertion.",
    flow: "onBehalfOf",
    topEntry: "on-behalf-of-audience-mismatch",
    category: "assertion-invalid",
  },
  // Federation
  {
    code: 70021,
    error: "invalid_request",
    text: "No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:contoso/app:ref:refs/heads/main'. Assertion Audience: 'api://AzureADTokenExchange'.",
    flow: "workloadIdentity",
    topEntry: "federated-credential-no-match",
    category: "federation-mismatch",
  },
  {
    code: 700213,
    error: "invalid_client",
    status: 401,
    text: "No matching federated identity record found for presented assertion subject 'repo:contoso/app:environment:production'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.",
    flow: "workloadIdentity",
    topEntry: "federated-credential-subject-no-match",
    category: "federation-mismatch",
  },
  {
    code: 700212,
    error: "invalid_client",
    status: 401,
    text: "No matching federated identity record found for presented assertion audience 'api://lab-audience'.",
    flow: "workloadIdentity",
    topEntry: "federated-credential-audience-no-match",
    category: "federation-mismatch",
  },
  {
    code: 90061,
    error: "invalid_request",
    text: "Request to External OIDC endpoint failed. The issuer's discovery document could not be fetched.",
    flow: "workloadIdentity",
    topEntry: "external-oidc-issuer-unreachable",
    category: "network",
  },
  {
    code: 700229,
    error: "invalid_client",
    status: 401,
    text: "Forbidden token type. Only app-only tokens may be used as Federated Identity Credentials.",
    flow: "workloadIdentity",
    topEntry: "federation-token-type-forbidden",
    category: "federation-mismatch",
  },
  // Users
  {
    code: 50079,
    error: "interaction_required",
    text: "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication.",
    flow: "usernamePassword",
    topEntry: "mfa-registration-required",
    category: "conditional-access-mfa",
    suberror: "basic_action",
  },
  {
    code: 53003,
    error: "invalid_grant",
    text: "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
    flow: "usernamePassword",
    topEntry: "conditional-access-blocked",
    category: "conditional-access-mfa",
    suberror: "message_only",
  },
  {
    code: 65001,
    error: "invalid_grant",
    text: `The user or administrator has not consented to use the application with ID '${LAB.clientId}' named 'lab-app'.`,
    flow: "usernamePassword",
    topEntry: "consent-missing",
    category: "consent-required",
    suberror: "consent_required",
  },
  {
    code: 650056,
    error: "invalid_client",
    status: 401,
    text: "Misconfigured application: the client has not listed any permissions for the requested resource in its registration.",
    flow: "usernamePassword",
    topEntry: "app-permissions-misconfigured",
    category: "consent-required",
  },
  {
    code: 650052,
    error: "invalid_client",
    status: 401,
    text: "The app needs access to a service that your organization has not subscribed to or enabled.",
    flow: "clientSecret",
    topEntry: "service-not-subscribed-in-tenant",
    category: "consent-required",
  },
  {
    code: 50105,
    error: "invalid_grant",
    text: "Your administrator has configured the application lab-app to block users unless they are specifically granted access.",
    flow: "usernamePassword",
    topEntry: "user-not-assigned-to-app",
    category: "permission-denied",
  },
  {
    code: 90072,
    error: "invalid_grant",
    text: `User account '${LAB.userName}' from identity provider 'live.com' does not exist in tenant 'Lab' and cannot access the application.`,
    flow: "usernamePassword",
    topEntry: "user-not-in-tenant",
    category: "multi-tenant",
  },
  {
    code: 50055,
    error: "invalid_grant",
    text: "The password is expired.",
    flow: "usernamePassword",
    topEntry: "user-password-expired",
    category: "credential-expired",
  },
  {
    code: 50057,
    error: "invalid_grant",
    text: "The user account is disabled.",
    flow: "usernamePassword",
    topEntry: "user-account-disabled",
    category: "credential-invalid",
  },
  {
    code: 9002331,
    error: "invalid_request",
    text: "Application is configured for use by Microsoft Account users only. Please use the /consumers endpoint to serve this request.",
    flow: "usernamePassword",
    topEntry: "app-for-personal-accounts-only",
    category: "tenant-invalid",
  },
  // Tenants, scopes and requests
  {
    code: 90002,
    error: "invalid_tenant",
    text: `Tenant '${LAB.tenantId}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    flow: "clientSecret",
    topEntry: "tenant-not-found",
    category: "tenant-invalid",
  },
  {
    code: 50059,
    error: "invalid_request",
    text: "No tenant-identifying information found in either the request or implied by any provided credentials.",
    flow: "clientSecret",
    topEntry: "tenant-not-identified",
    category: "tenant-invalid",
  },
  {
    code: 50194,
    error: "invalid_request",
    text: `Application '${LAB.clientId}'(lab-app) is not configured as a multi-tenant application.`,
    flow: "clientSecret",
    topEntry: "app-not-multi-tenant",
    category: "multi-tenant",
  },
  {
    code: 70011,
    error: "invalid_scope",
    text: "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid.",
    flow: "clientSecret",
    topEntry: "scope-invalid",
    category: "other",
  },
  {
    code: 700023,
    error: "invalid_request",
    text: "InvalidResourcelessScope - The provided value for the input parameter scope isn't valid when request an access token.",
    flow: "clientSecret",
    topEntry: "resourceless-scope-invalid",
    category: "other",
  },
  {
    code: 500011,
    error: "invalid_resource",
    text: `The resource principal named https://lab.example/api was not found in the tenant named ${LAB.tenantId}.`,
    flow: "clientSecret",
    topEntry: "resource-not-found-in-tenant",
    category: "consent-required",
  },
  {
    code: 500014,
    error: "invalid_client",
    text: "The service principal for resource 'https://vault.azure.net' is disabled. An administrator of this tenant disabled the application, so no token is issued for it.",
    flow: "clientSecret",
    topEntry: "resource-service-principal-disabled",
    category: "app-not-found",
  },
  {
    code: 900144,
    error: "invalid_request",
    text: "The request body must contain the following parameter: 'scope'.",
    flow: "clientSecret",
    topEntry: "token-request-scope-missing",
    category: "other",
  },
  {
    code: 90014,
    error: "invalid_request",
    text: "The required field 'client_id' is missing from the credential.",
    flow: "clientSecret",
    topEntry: "request-parameter-missing",
    category: "not-configured",
  },
  {
    code: 50196,
    error: "invalid_grant",
    text: "The server terminated an operation because it encountered a client request loop.",
    flow: "clientSecret",
    topEntry: "request-loop-detected",
    category: "other",
  },
  {
    code: 50033,
    error: "temporarily_unavailable",
    status: 503,
    text: "A transient error has occurred. Please try again.",
    flow: "clientSecret",
    topEntry: "sts-transient-error",
    category: "network",
  },
  {
    code: 900021,
    error: "invalid_request",
    text: "Requested tenant identifier '00000000-0000-0000-0000-000000000000' is not valid. Tenant identifiers may not be an empty GUID.",
    flow: "clientSecret",
    topEntry: "tenant-id-empty",
    category: "tenant-invalid",
  },
  {
    code: 7000216,
    error: "invalid_client",
    status: 401,
    text: "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
    flow: "clientSecret",
    topEntry: "client-credential-missing",
    category: "not-configured",
  },
  {
    code: 70002,
    error: "invalid_client",
    status: 401,
    text: "The request body must contain the following parameter: 'client_secret or client_assertion'.",
    flow: "usernamePassword",
    topEntry: "public-client-needs-secret",
    category: "not-configured",
  },
  {
    code: 70002,
    error: "invalid_client",
    status: 401,
    text: "The client does not exist or is not enabled for consumers.",
    flow: "usernamePassword",
    topEntry: "app-not-enabled-for-personal-accounts",
    category: "other",
  },
  {
    code: 70007,
    error: "invalid_request",
    text: "The application requested an unsupported mode 'fragment' when requesting a token.",
    flow: "authorizationCode",
    topEntry: "response-mode-unsupported",
    category: "other",
  },
  {
    code: 220050,
    error: "invalid_request",
    text: "The specified encryption key version override 12 was not found in the list of keys.",
    flow: "clientSecret",
    topEntry: "encryption-key-version-not-found",
    category: "other",
  },
  {
    code: 500011,
    error: "invalid_resource",
    text: `The resource principal named https://vault.azure.net/.default was not found in the tenant named ${LAB.tenantId}.`,
    flow: "clientSecret",
    topEntry: "resource-name-holds-scope",
    category: "other",
  },
  // Users
  {
    code: 500571,
    error: "invalid_grant",
    text: "The guest user account is disabled.",
    flow: "usernamePassword",
    topEntry: "guest-account-disabled",
    category: "credential-invalid",
  },
  {
    code: 50139,
    error: "invalid_grant",
    text: "Session is invalid due to missing an external refresh token.",
    flow: "onBehalfOf",
    topEntry: "external-session-invalid",
    category: "not-logged-in",
  },
  {
    code: 135010,
    error: "invalid_grant",
    text: "UserPrincipal doesn't have the key ID configured.",
    flow: "usernamePassword",
    topEntry: "user-key-not-configured",
    category: "other",
  },
  // Authorization code redemption
  {
    code: 54005,
    error: "invalid_grant",
    text: "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
    flow: "authorizationCode",
    topEntry: "authorization-code-invalid",
    category: "token-expired",
  },
  {
    code: 50011,
    error: "invalid_request",
    text: `The redirect URI 'http://localhost:8400/callback' specified in the request does not match the redirect URIs configured for the application '${LAB.clientId}'.`,
    flow: "authorizationCode",
    topEntry: "redirect-uri-mismatch",
    category: "not-configured",
  },
];

describe("Microsoft Entra ID refusals, one per code", () => {
  defineScenarios(
    lab,
    REFUSALS.map((row): FailureScenario => ({
      name: `AADSTS${String(row.code)} ${row.error} via ${CREDENTIAL_OF[row.flow]} leads with ${row.topEntry}`,
      arrange: (lab) => {
        lab.sts.respond(
          stsErrorFor(row.code, {
            error: row.error,
            text: row.text,
            ...(row.status === undefined ? {} : { status: row.status }),
            ...(row.suberror === undefined ? {} : { suberror: row.suberror }),
          }),
        );
        return credentialFor(lab, row.flow);
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: row.topEntry,
        category: row.category,
        credentials: [CREDENTIAL_OF[row.flow]],
        // Only the stack names the credential, and only for flows whose MSAL call has its own frame.
        ...(row.flow === "clientSecret" ? {} : { bareErrorNamesCredential: false as const }),
        quotesTokenService: true,
      },
    })),
  );
});

describe("an app registration's placeholder left in the configuration", () => {
  const placeholder = "Enter_the_Application_Id_Here";
  defineScenarios(lab, [
    {
      name: "AADSTS700016 for the client id copied from a sample",
      arrange: (lab) => {
        lab.sts.respond(
          stsErrorFor(700016, {
            error: "unauthorized_client",
            text: `Application with identifier '${placeholder}' was not found in the directory '${LAB.tenantId}'.`,
          }),
        );
        return () =>
          new ClientSecretCredential(
            LAB.tenantId,
            placeholder,
            SECRETS.clientSecret,
            lab.credentialOptions(),
          );
      },
      expect: {
        errorName: "AuthenticationRequiredError",
        topEntry: "client-id-placeholder",
        category: "not-configured",
        credentials: ["ClientSecretCredential"],
        quotesTokenService: true,
      },
    },
  ]);
});
