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

/** One of {@link DIAGNOSIS_CATEGORIES}. */
export type DiagnosisCategory = (typeof DIAGNOSIS_CATEGORIES)[number];
