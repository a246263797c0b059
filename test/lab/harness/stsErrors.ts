/**
 * What the fake Microsoft Entra token service says when it refuses: a catalogue of the AADSTS codes the lab's
 * scenarios need, and the exact body shape Entra uses to say it. The texts are fixtures imitating the service
 * (close to what Entra prints, not copies of it); `{placeholders}` are filled from the request being refused, so a
 * message names the client id, tenant, scope or assertion claims that were actually sent.
 */
import { randomUUID } from "node:crypto";

export interface StsErrorSpec {
  /** The OAuth 2.0 `error` value Entra pairs with the code. */
  readonly error: string;
  /** HTTP status Entra answers with (`invalid_client` is 401, the rest of the token endpoint's refusals 400). */
  readonly status: number;
  /** Text after `AADSTS<code>: `; may hold `{placeholder}`s (see `StsErrorContext`). */
  readonly text: string;
  readonly suberror?: string;
  /** A claims challenge (JSON text), as Entra sends for MFA and Conditional Access refusals. */
  readonly claims?: string;
}

const FIC_DOCS = "https://learn.microsoft.com/entra/workload-id/workload-identity-federation";
const CERT_DOCS = "https://learn.microsoft.com/entra/identity-platform/certificate-credentials";
const MFA_CLAIMS =
  '{"access_token":{"capolids":{"essential":true,"values":["c0ffee00-0000-4000-8000-00000000ca01"]}}}';

export const STS_ERRORS = {
  7000215: {
    error: "invalid_client",
    status: 401,
    text: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.",
  },
  7000222: {
    error: "invalid_client",
    status: 401,
    text: "The provided client secret keys for app '{clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
  },
  700016: {
    error: "unauthorized_client",
    status: 400,
    text: "Application with identifier '{clientId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
  },
  90002: {
    error: "invalid_tenant",
    status: 400,
    text: "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.",
  },
  900023: {
    error: "invalid_request",
    status: 400,
    text: "Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid external domain.",
  },
  700027: {
    error: "invalid_client",
    status: 401,
    text: "The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{clientId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/{clientId}']",
  },
  700021: {
    error: "invalid_client",
    status: 401,
    text: `Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at ${CERT_DOCS} .`,
  },
  700023: {
    error: "invalid_client",
    status: 401,
    text: `Client assertion audience claim does not match Realm issuer. Review the documentation at ${CERT_DOCS} .`,
  },
  50027: {
    error: "invalid_request",
    status: 400,
    text: "JWT token is invalid or malformed.",
  },
  50126: {
    error: "invalid_grant",
    status: 400,
    text: "Error validating credentials due to invalid username or password.",
  },
  50076: {
    error: "invalid_grant",
    status: 400,
    text: "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{resource}'.",
    suberror: "basic_action",
    claims: MFA_CLAIMS,
  },
  70021: {
    error: "invalid_request",
    status: 400,
    text: `No matching federated identity record found for presented assertion. Assertion Issuer: '{assertionIssuer}'. Assertion Subject: '{assertionSubject}'. Assertion Audience: '{assertionAudience}'. ${FIC_DOCS}`,
  },
  700211: {
    error: "invalid_client",
    status: 401,
    text: `No matching federated identity record found for presented assertion issuer '{assertionIssuer}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`,
  },
  700213: {
    error: "invalid_client",
    status: 401,
    text: `No matching federated identity record found for presented assertion subject '{assertionSubject}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`,
  },
  700024: {
    error: "invalid_client",
    status: 401,
    text: `Client assertion is not within its valid time range. Current time: {now}, assertion valid from {assertionNotBefore}, expiry time of assertion {assertionExpiry}. Review the documentation at ${CERT_DOCS} .`,
  },
  70025: {
    error: "invalid_client",
    status: 401,
    text: "The client '{clientId}'(lab-app) has no configured federated identity credentials.",
  },
  // Workload identity federation switched off or constrained by a tenant policy (Azure DevOps troubleshooting guide).
  700223: {
    error: "invalid_client",
    status: 401,
    text: "Workload identity federation is disabled or constrained by a policy in tenant '{tenant}'. The presented assertion from issuer '{assertionIssuer}' can't be used by application '{clientId}'.",
  },
  700082: {
    error: "invalid_grant",
    status: 400,
    text: "The refresh token has expired due to inactivity. The token was issued on 2024-01-02T03:04:05.0000000Z and was inactive for 90.00:00:00.",
  },
  500011: {
    error: "invalid_resource",
    status: 400,
    text: "The resource principal named {resource} was not found in the tenant named {tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.",
  },
  65001: {
    error: "invalid_grant",
    status: 400,
    text: "The user or administrator has not consented to use the application with ID '{clientId}' named 'lab-app'. Send an interactive authorization request for this user and resource.",
    suberror: "consent_required",
  },
  53003: {
    error: "invalid_grant",
    status: 400,
    text: "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
    suberror: "message_only",
    claims: MFA_CLAIMS,
  },
  50034: {
    error: "invalid_grant",
    status: 400,
    text: "The user account {EUII Hidden} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.",
  },
  7000112: {
    error: "unauthorized_client",
    status: 400,
    text: "Application '{clientId}'(lab-app) is disabled.",
  },
  50053: {
    error: "invalid_grant",
    status: 400,
    text: "Your account is locked because you've tried to sign in too many times with an incorrect user ID or password.",
  },
  70011: {
    error: "invalid_scope",
    status: 400,
    text: "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.",
  },
} as const satisfies Record<number, StsErrorSpec>;

export type StsErrorCode = keyof typeof STS_ERRORS;

/** Values a refusal's text may quote, taken from the refused request (missing ones stay as `{name}`). */
export type StsErrorContext = Partial<
  Record<
    | "clientId"
    | "tenant"
    | "scope"
    | "resource"
    | "thumbprint"
    | "assertionIssuer"
    | "assertionSubject"
    | "assertionAudience"
    | "assertionNotBefore"
    | "assertionExpiry"
    | "now",
    string
  >
>;

/** Per-reply changes to a catalogue entry (or everything, for a code that is not in the catalogue). */
export interface StsErrorOverrides {
  error?: string;
  status?: number;
  /** Replaces the text after `AADSTS<code>: `. */
  text?: string;
  suberror?: string;
  claims?: string;
  /** Entra lists more than one code when errors are chained; the first is the headline. */
  errorCodes?: number[];
  traceId?: string;
  correlationId?: string;
  /** `YYYY-MM-DD HH:MM:SSZ`, as Entra writes it. */
  timestamp?: string;
  /** Extra or replacement placeholder values. */
  context?: StsErrorContext;
}

/** What an Entra refusal looked like on the wire, so a test can assert the diagnosis quotes exactly these. */
export interface SentStsError {
  readonly code: number;
  readonly error: string;
  readonly status: number;
  readonly traceId: string;
  readonly correlationId: string;
  readonly timestamp: string;
  /** The full `error_description`, trailer included. */
  readonly description: string;
  readonly suberror: string | undefined;
  readonly claims: string | undefined;
  readonly body: EntraErrorBody;
}

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
  claims?: string;
}

/** Entra's own timestamp layout: `2024-05-01 12:34:56Z`. */
export function formatEntraTimestamp(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")}Z`;
}

/** The layout of time values inside AADSTS700024's text: `2024-10-02T22:05:03.0000000Z`. */
export function formatEntraInstant(date: Date): string {
  return `${date.toISOString().slice(0, 19)}.0000000Z`;
}

function fillPlaceholders(text: string, context: StsErrorContext): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => context[name as keyof StsErrorContext] ?? whole);
}

function isCatalogued(code: number): code is StsErrorCode {
  return Object.hasOwn(STS_ERRORS, code);
}

/**
 * Builds the refusal Entra would send for `code`: the JSON body (with the `Trace ID / Correlation ID / Timestamp`
 * trailer in `error_description`) and the ids in it. Codes outside the catalogue need `overrides.error`/`text`.
 */
export function buildStsError(
  code: number,
  context: StsErrorContext = {},
  overrides: StsErrorOverrides = {},
): SentStsError {
  const spec: StsErrorSpec | undefined = isCatalogued(code) ? STS_ERRORS[code] : undefined;
  const error = overrides.error ?? spec?.error ?? "invalid_request";
  const status = overrides.status ?? spec?.status ?? 400;
  const text = fillPlaceholders(overrides.text ?? spec?.text ?? "The request was refused.", {
    ...context,
    ...overrides.context,
  });
  const suberror = overrides.suberror ?? spec?.suberror;
  const claims = overrides.claims ?? spec?.claims;
  const traceId = overrides.traceId ?? randomUUID();
  const correlationId = overrides.correlationId ?? randomUUID();
  const timestamp = overrides.timestamp ?? formatEntraTimestamp();
  const description = `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`;
  const body: EntraErrorBody = {
    error,
    error_description: description,
    error_codes: overrides.errorCodes ?? [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    ...(suberror === undefined ? {} : { suberror }),
    ...(claims === undefined ? {} : { claims }),
  };
  return { code, error, status, traceId, correlationId, timestamp, description, suberror, claims, body };
}
