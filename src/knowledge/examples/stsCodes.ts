/** The sources and example messages (each runtime's wording) of the entries in ../entries/stsCodes.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";
import { IDS, cliSts, jsInteraction, jsSts } from "./samples.js";

const SRC = ["entra-aadsts", "ADO-16"] as const;

export const stsCodeExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "mfa-required": {
    sources: [...SRC, "js-guide"],
    examples: [
      {
        text: jsInteraction(
          "invalid_grant",
          "50076",
          "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '797f4846-ba00-4fd7-ba43-dac1f8f63013'.",
        ),
        runtime: "javascript",
        source: "lab",
      },
      {
        text:
          cliSts(
            "50078",
            "Presented multi-factor authentication has expired due to policies configured by your administrator, you must refresh your multi-factor authentication to access '797f4846-ba00-4fd7-ba43-dac1f8f63013'.",
          ) +
          "\nTo re-authenticate, please run:\naz login --scope https://management.core.windows.net//.default",
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
    ],
  },
  "mfa-registration-required": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction(
          "interaction_required",
          "50079",
          "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access 'https://management.azure.com/'.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "conditional-access-blocked": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction(
          "interaction_required",
          "53003",
          "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "conditional-access-device-required": {
    sources: [...SRC],
    examples: [
      {
        text: cliSts("530003", "Your device is required to be managed to access this resource."),
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
      {
        text: "com.microsoft.aad.msal4j.MsalServiceException: AADSTS53005: Application needs to enforce Intune app protection policies.",
        runtime: "java",
        source: "written",
      },
    ],
  },
  "sign-in-frequency-reauth": {
    sources: [...SRC],
    examples: [
      {
        text: cliSts(
          "70043",
          "The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on 2026-11-01T10:00:00.0000000Z and the maximum allowed lifetime for this request is 43200.",
        ),
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
    ],
  },
  "consent-missing": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction(
          "invalid_grant",
          "65001",
          `The user or administrator has not consented to use the application with ID '${IDS.client}' named 'contoso-tool'. Send an interactive authorization request for this user and resource.`,
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "first-party-app-not-preauthorized": {
    sources: [...SRC, "dotnet-guide"],
    examples: [
      {
        text: cliSts(
          "65002",
          "Consent between first party application '04b07795-8ddb-461a-bbee-02f9e1bf7b46' and first party resource '00000003-0000-0ff1-ce00-000000000000' must be configured via preauthorization - applications owned and operated by Microsoft must get approval from the API owner before requesting tokens for that API.",
        ),
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
    ],
  },
  "app-permissions-misconfigured": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction(
          "invalid_client",
          "650056",
          "Misconfigured application. This could be due to one of the following: the client has not listed any permissions for 'Microsoft Graph' in the requested permissions in the client's application registration. Or, the admin has not consented in the tenant.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "service-not-subscribed-in-tenant": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction(
          "invalid_client",
          "650052",
          'The app needs access to a service ("https://api.contoso.example") that your organization "11111111-2222-3333-4444-555555555555" has not subscribed to or enabled. Contact your IT Admin to review the configuration of your service subscriptions.',
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "user-not-assigned-to-app": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction(
          "invalid_grant",
          "50105",
          "Your administrator has configured the application contoso-tool ('00000000-0000-0000-0000-000000000001') to block users unless they are specifically granted ('assigned') access to the application.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "tenant-not-found": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "90002",
          "Tenant '22222222-0000-0000-0000-000000000000' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "tenant-not-identified": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "50059",
          "No tenant-identifying information found in either the request or implied by any provided credentials.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
      {
        text: cliSts(
          "9001023",
          "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.",
        ),
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
    ],
  },
  "app-not-multi-tenant": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "50194",
          `Application '${IDS.client}'(contoso-tool) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`,
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "app-for-personal-accounts-only": {
    sources: [...SRC, "js-guide"],
    examples: [
      {
        text: `AuthenticationRequiredError: invalid_request: 9002331 - [${IDS.timestamp}]: AADSTS9002331: Application '${IDS.client}'(contoso-consumer) is configured for use by Microsoft Account users only. Please use the /consumers endpoint to serve this request.\r\nTrace ID: ${IDS.trace}\r\nCorrelation ID: ${IDS.correlation}\r\nTimestamp: ${IDS.timestamp} - Correlation ID: ${IDS.correlation} - Trace ID: ${IDS.trace}`,
        runtime: "javascript",
        source: "js-guide",
      },
    ],
  },
  "personal-account-not-supported": {
    sources: [...SRC],
    examples: [
      {
        text: cliSts(
          "500200",
          "User account 'someone@outlook.com' is a personal Microsoft account. Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization. Try signing out and signing back in with an organizational account.",
        ),
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
    ],
  },
  "user-not-in-tenant": {
    sources: [...SRC],
    examples: [
      {
        text: "Selected user account does not exist in tenant 'Fabrikam' and cannot access the application '00000000-1111-4222-8333-444444444444' in that tenant. The account needs to be added as an external user in the tenant first.",
        runtime: "javascript",
        source: "written",
      },
      {
        text: cliSts(
          "50020",
          `User account 'dev@fabrikam.com' from identity provider 'https://sts.windows.net/${IDS.org}/' does not exist in tenant 'Contoso' and cannot access the application '04b07795-8ddb-461a-bbee-02f9e1bf7b46'(Microsoft Azure CLI) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
        ),
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
      {
        text: jsInteraction(
          "interaction_required",
          "90072",
          `User account 'dev@fabrikam.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application '${IDS.client}'(contoso-tool) in that tenant. The account needs to be added as an external user in the tenant first.`,
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "tenant-restrictions-blocked": {
    sources: [...SRC],
    examples: [
      {
        text: cliSts("500021", "Access to 'fabrikam.onmicrosoft.com' tenant is denied."),
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
    ],
  },
  "user-account-locked": {
    sources: [...SRC],
    examples: [
      {
        text: cliSts(
          "50053",
          "Your account is locked because you've tried to sign in too many times with an incorrect user ID or password.",
        ),
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
    ],
  },
  "user-password-expired": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction("invalid_grant", "50055", "The password is expired."),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "user-account-disabled": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction("invalid_grant", "50057", "The user account is disabled."),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "session-expired-sign-in-again": {
    sources: [...SRC],
    examples: [
      {
        text:
          cliSts(
            "700082",
            "The refresh token has expired due to inactivity. The token was issued on 2026-05-01T10:00:00.0000000Z and was inactive for 90.00:00:00.",
          ) +
          "\nTo re-authenticate, please run:\naz login --scope https://management.core.windows.net//.default",
        runtime: "azure-cli",
        source: "entra-aadsts",
      },
      {
        text: jsInteraction(
          "invalid_grant",
          "50173",
          "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "silent-sign-in-no-user": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction(
          "interaction_required",
          "50058",
          "A silent sign-in request was sent but no user is signed in.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "authorization-code-invalid": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_grant",
          "54005",
          "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "scope-invalid": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_scope",
          "70011",
          "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope https://storage.azure.com/user_impersonation is not valid.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "resourceless-scope-invalid": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "700023",
          "InvalidResourcelessScope - The provided value for the input parameter scope isn't valid when request an access token.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "resource-not-found-in-tenant": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_resource",
          "500011",
          "The resource principal named https://contoso-api.example was not found in the tenant named Contoso. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "redirect-uri-mismatch": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction(
          "invalid_request",
          "50011",
          `The redirect URI 'http://localhost:5173' specified in the request does not match the redirect URIs configured for the application '${IDS.client}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "implicit-grant-not-enabled": {
    sources: [...SRC],
    examples: [
      {
        text: jsInteraction(
          "unsupported_response_type",
          "700054",
          "response_type 'id_token' is not enabled for the application.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "request-parameter-missing": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "90014",
          "The required field 'client_assertion' is missing from the credential. Ensure that you have all the necessary parameters for the login request.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "request-loop-detected": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_grant",
          "50196",
          "The server terminated an operation because it encountered a client request loop. Please contact your app vendor.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "resource-service-principal-disabled": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts(
          "invalid_client",
          "500014",
          "The service principal for resource 'https://vault.azure.net' is disabled. This indicate that a subscription within the tenant has lapsed, or that the administrator for this tenant has disabled the application, preventing tokens from being issued for it.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
  "sts-transient-error": {
    sources: [...SRC],
    examples: [
      {
        text: jsSts("temporarily_unavailable", "50033", "A transient error has occurred. Please try again."),
        runtime: "javascript",
        source: "entra-aadsts",
      },
      {
        text: jsSts(
          "temporarily_unavailable",
          "90055",
          "TenantThrottlingError - There are too many incoming requests. This exception is thrown for blocked tenants.",
        ),
        runtime: "javascript",
        source: "entra-aadsts",
      },
    ],
  },
};
