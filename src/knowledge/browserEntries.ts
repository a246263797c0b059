/**
 * The knowledge entries the browser build carries (the package's `browser` export condition): the failures a
 * browser app can meet. Everything else is explained there by the AADSTS code's family, its lookup link and the
 * error index; the full knowledge base stays available to browser code through the `./knowledge` subpath.
 * docs/browser.md lists the same groups; test/knowledge/browserEntries.spec.ts keeps them honest.
 */
export const BROWSER_ENTRY_GROUPS = {
  "Interactive and single-page-app sign-in": [
    "redirect-uri-mismatch",
    "implicit-grant-not-enabled",
    "public-client-flow-needs-credential",
    "automatic-authentication-disabled",
    "authorization-code-invalid",
    "silent-sign-in-no-user",
    "session-expired-sign-in-again",
    "app-not-found-in-tenant",
    "scope-invalid",
    "resource-not-found-in-tenant",
    "tenant-not-allowed-for-credential",
  ],
  "User sign-in codes": [
    "username-password-invalid",
    "user-account-locked",
    "user-account-disabled",
    "user-password-expired",
    "user-not-in-tenant",
    "user-not-assigned-to-app",
    "app-not-multi-tenant",
    "app-for-personal-accounts-only",
    "personal-account-not-supported",
    "tenant-not-found",
    "tenant-not-identified",
    "tenant-restrictions-blocked",
  ],
  "Conditional Access and MFA": [
    "mfa-required",
    "mfa-registration-required",
    "conditional-access-blocked",
    "conditional-access-device-required",
    "sign-in-frequency-reauth",
    "claims-challenge-insufficient-claims",
  ],
  Consent: [
    "consent-missing",
    "first-party-app-not-preauthorized",
    "app-permissions-misconfigured",
    "service-not-subscribed-in-tenant",
  ],
  // Not Key Vault: it does not answer browsers' cross-origin requests, so a browser app never meets its errors.
  "A service's 401 or 403": [
    "service-unauthorized-generic",
    "service-forbidden-generic",
    "arm-authorization-failed",
    "arm-linked-authorization-failed",
    "arm-token-wrong-tenant",
    "arm-token-wrong-audience",
    "arm-token-invalid",
    "arm-token-expired",
    "storage-permission-mismatch",
    "storage-authorization-failure",
    "storage-invalid-authentication-info",
    "graph-authorization-denied",
  ],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** Every id the browser build carries. */
export const BROWSER_ENTRY_IDS: readonly string[] = Object.values(BROWSER_ENTRY_GROUPS).flat();
