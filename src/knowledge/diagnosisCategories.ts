/** What kind of failure this is; one value per mitigation family. */
export const DIAGNOSIS_CATEGORIES = [
  "credential-invalid",
  "credential-expired",
  "app-not-found",
  "tenant-invalid",
  "federation-mismatch",
  "federation-disabled",
  "assertion-invalid",
  "not-configured",
  "tool-missing",
  "not-logged-in",
  "managed-identity-unavailable",
  "imds-unreachable",
  "multi-tenant",
  "consent-required",
  "conditional-access-mfa",
  "permission-denied",
  "token-expired",
  "network",
  "other",
] as const;

/**
 * The kind of fix a failure needs (one of {@link DIAGNOSIS_CATEGORIES}): two failures share a category when the
 * reader would do the same sort of thing about both. docs/categories.md holds the same definitions and the
 * tie-breaks.
 *
 * - `credential-invalid`: the secret, certificate or password sent is not the one Microsoft Entra ID holds (often a
 *   secret's ID instead of its value), or the account is locked or disabled. Send the right material.
 * - `credential-expired`: the secret, certificate or password itself is past its end date. Create a new one and
 *   replace it everywhere it is stored.
 * - `app-not-found`: the client ID is unknown in that tenant, or its service principal is missing, disabled or not
 *   replicated yet. Use the right app and tenant, or create or enable the service principal.
 * - `tenant-invalid`: the tenant ID or authority is wrong or does not exist. Correct it.
 * - `federation-mismatch`: a federated token was presented whose issuer, subject or audience matches none of the
 *   app's federated credentials. Make them equal.
 * - `federation-disabled`: workload identity federation cannot be used on that path at all (task version,
 *   organisation policy, a platform that cannot issue the token). Use a path that supports it, or another method.
 * - `assertion-invalid`: the client assertion is malformed, wrongly signed or does not fit this client, without
 *   simply being expired. Build or fetch a correct one.
 * - `not-configured`: settings are missing, empty or contradictory, the code runs outside the environment its
 *   credential needs, or every member of a chain was merely unavailable. Set what is missing or pick the credential
 *   that fits.
 * - `tool-missing`: a developer tool a credential runs (az, azd, pwsh, an editor extension, a broker) is absent,
 *   too old or not on this process's PATH. Install, upgrade or fix the PATH.
 * - `not-logged-in`: the tool or account is there but nobody is signed in, or the session expired or was revoked.
 *   Sign in (again).
 * - `managed-identity-unavailable`: a managed identity endpoint answers, but the identity is not enabled or
 *   assigned, the wrong one was asked for, or the endpoint returned an error. Enable, assign or select it.
 * - `imds-unreachable`: no managed identity endpoint answers at all (off Azure, or blocked). Use another credential
 *   there, or unblock the endpoint.
 * - `multi-tenant`: the right principal in the wrong tenant. Sign in to or request the resource's tenant.
 * - `consent-required`: admin or user consent, or pre-authorisation, is missing. Grant it.
 * - `conditional-access-mfa`: a policy demands an interaction or device state the flow cannot give, or a claims
 *   challenge. Sign in interactively or satisfy the policy.
 * - `permission-denied`: a token was issued and the service refused it for lack of permission. Grant the role,
 *   policy or network rule to the principal the token names.
 * - `token-expired`: a token or assertion that was valid ran out of time before or while it was used. Fetch it
 *   closer to its use.
 * - `network`: an endpoint could not be reached for network reasons (DNS, proxy, TLS inspection, firewall,
 *   timeouts, a passing 5xx). Fix the path or retry.
 * - `other`: none of the above (a malformed scope, a library bug, an unlisted code with nothing to go on).
 *
 * @example
 * ```ts
 * if (explainAuthError(err).category === "not-logged-in") console.error("Run az login and try again.");
 * ```
 */
export type DiagnosisCategory = (typeof DIAGNOSIS_CATEGORIES)[number];
