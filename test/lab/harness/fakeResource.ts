/**
 * A fake protected resource on loopback that refuses tokens the way Azure Resource Manager, Key Vault and Storage
 * do — same status, error code, body layout and headers — with bodies built from the bearer token it was shown
 * (object id, issuer, audience, expiry). `callResource` reaches it the way an SDK client would: a real
 * core-rest-pipeline with `bearerTokenAuthenticationPolicy`, throwing a real `RestError` for non-2xx answers.
 *
 * `WWW-Authenticate` is sent where the real services send it, on 401s; their 403s carry none.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { TokenCredential } from "@azure/core-auth";
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  RestError,
  type HttpMethods,
  type PipelineResponse,
  type ProxySettings,
} from "@azure/core-rest-pipeline";
import { serverTlsOptions, testCaPem } from "./tls.js";
import { LAB } from "./tokens.js";

export type ResourceReply =
  | { readonly kind: "ok"; readonly body?: unknown }
  /** ARM 403: the caller (named by the token's oid) has no role assignment for the action. */
  | { readonly kind: "armAuthorizationFailed"; readonly action?: string; readonly scope?: string }
  /** ARM 401: the token comes from another tenant than the subscription's (default `LAB.otherTenantId`). */
  | { readonly kind: "armInvalidTenant"; readonly subscriptionTenantId?: string }
  /** ARM 401 quoting the token's `exp`: issue an expired token (`stsToken({ claims: { exp } })`) to keep the story true. */
  | { readonly kind: "armExpiredToken" }
  /** ARM 401: the token's `aud` is not ARM (usually a wrong scope). */
  | { readonly kind: "armInvalidAudience" }
  /** 401 Continuous Access Evaluation challenge; the bearer policy fetches a new token with the claims and retries. */
  | { readonly kind: "armClaimsChallenge"; readonly claims?: string }
  /** Key Vault 403: RBAC vault without a role (`ForbiddenByRbac`) or access-policy vault without a policy (`AccessDenied`). */
  | {
      readonly kind: "keyVaultForbidden";
      readonly innerCode: "ForbiddenByRbac" | "AccessDenied";
      readonly action?: string;
    }
  /** Key Vault 401 AKV10032: the vault lives in another tenant (default `LAB.otherTenantId`). */
  | { readonly kind: "keyVaultWrongTenant"; readonly vaultTenantId?: string }
  /** Storage 403 (XML body, `x-ms-error-code`): signed in, but no data-plane role such as Storage Blob Data Reader. */
  | { readonly kind: "storagePermissionMismatch" }
  /** Storage 401 InvalidAuthenticationInfo: the token's issuer does not match the account's tenant. */
  | { readonly kind: "storageInvalidAuthenticationInfo"; readonly accountTenantId?: string }
  | {
      readonly kind: "raw";
      readonly status: number;
      readonly body: string;
      readonly headers?: Readonly<Record<string, string>>;
    };

export interface ResourceRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The bearer token presented, if any. */
  readonly token: string | undefined;
  /** Its decoded payload. */
  readonly claims: Readonly<Record<string, unknown>> | undefined;
}

export interface ResourceRuleMatch {
  path?: string | RegExp;
  times?: number;
}

export interface FakeResource {
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
  readonly requests: readonly ResourceRequest[];
  /** Adds a rule; the newest matching rule answers. Default: 200. A request without a bearer token gets ARM's 401. */
  respond(reply: ResourceReply, when?: ResourceRuleMatch): void;
  reset(): void;
  close(): Promise<void>;
}

interface Rule {
  readonly reply: ResourceReply;
  readonly match: ResourceRuleMatch;
  remaining: number;
}

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const ARM_AUDIENCES =
  "'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'";
const CAE_CLAIMS = Buffer.from(
  JSON.stringify({
    access_token: { nbf: { essential: true, value: String(Math.floor(Date.now() / 1000)) } },
  }),
).toString("base64");

function decodePayload(token: string | undefined): Record<string, unknown> | undefined {
  const payload = token?.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const claimText = (claims: Record<string, unknown> | undefined, name: string): string => {
  const value = claims?.[name];
  return typeof value === "string" ? value : "";
};

/** .NET's invariant `G` format, which ARM uses inside messages: `5/1/2024 10:00:00 AM`. */
function armUtc(date: Date): string {
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${String(hours % 12 || 12)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? "AM" : "PM"}`;
  return `${String(date.getUTCMonth() + 1)}/${String(date.getUTCDate())}/${String(date.getUTCFullYear())} ${time}`;
}

function armAnswer(
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): Answer {
  const requestId = randomUUID();
  return {
    status,
    body: JSON.stringify({ error: { code, message } }),
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-cache",
      pragma: "no-cache",
      expires: "-1",
      "x-ms-request-id": requestId,
      "x-ms-correlation-request-id": requestId,
      "x-ms-routing-request-id": `WESTEUROPE:${new Date().toISOString().replace(/[-:]|\.\d+/g, "")}:${requestId}`,
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "x-content-type-options": "nosniff",
      ...extra,
    },
  };
}

const armChallenge = (
  tenant: string,
  description: string,
  error = "invalid_token",
): Record<string, string> => ({
  "www-authenticate": `Bearer authorization_uri="https://login.windows.net/${tenant}", error="${error}", error_description="${description}"`,
});

function keyVaultAnswer(
  status: number,
  error: Record<string, unknown>,
  extra: Record<string, string> = {},
): Answer {
  return {
    status,
    body: JSON.stringify({ error }),
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-cache",
      pragma: "no-cache",
      expires: "-1",
      "x-ms-request-id": randomUUID(),
      "x-ms-keyvault-service-version": "1.9.1000.1",
      "x-ms-keyvault-network-info": "conn_type=Ipv4;addr=127.0.0.1;act_addr_fam=InterNetwork;",
      "x-ms-keyvault-region": "westeurope",
      "strict-transport-security": "max-age=31536000;includeSubDomains",
      "x-content-type-options": "nosniff",
      ...extra,
    },
  };
}

function storageAnswer(
  status: number,
  code: string,
  message: string,
  detail: string | undefined,
  request: ResourceRequest,
  extra: Record<string, string> = {},
): Answer {
  const requestId = randomUUID();
  const text = `${message}\nRequestId:${requestId}\nTime:${new Date().toISOString().slice(0, 19)}.0000000Z`;
  const detailXml =
    detail === undefined ? "" : `<AuthenticationErrorDetail>${detail}</AuthenticationErrorDetail>`;
  const clientRequestId = request.headers["x-ms-client-request-id"];
  return {
    status,
    body: `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${text}</Message>${detailXml}</Error>`,
    headers: {
      "content-type": "application/xml",
      server: "Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0",
      "x-ms-request-id": requestId,
      "x-ms-version": request.headers["x-ms-version"] ?? "2025-01-05",
      "x-ms-error-code": code,
      ...(clientRequestId === undefined ? {} : { "x-ms-client-request-id": clientRequestId }),
      ...extra,
    },
  };
}

/** The caller as Key Vault prints it. */
const keyVaultCaller = (claims: Record<string, unknown> | undefined): string =>
  `appid=${claimText(claims, "appid") || claimText(claims, "azp")};oid=${claimText(claims, "oid")};iss=${claimText(claims, "iss")}`;

function buildAnswer(reply: ResourceReply, request: ResourceRequest): Answer {
  const { claims } = request;
  const oid = claimText(claims, "oid");
  switch (reply.kind) {
    case "ok":
      return {
        status: 200,
        body: JSON.stringify(reply.body ?? { id: request.path, name: request.path.split("/").at(-1) ?? "" }),
        headers: { "content-type": "application/json; charset=utf-8", "x-ms-request-id": randomUUID() },
      };
    case "raw":
      return { status: reply.status, body: reply.body, headers: { ...reply.headers } };
    case "armAuthorizationFailed": {
      const client =
        claimText(claims, "upn") || claimText(claims, "appid") || claimText(claims, "azp") || oid;
      const action = reply.action ?? "Microsoft.Resources/subscriptions/resourceGroups/read";
      const scope = reply.scope ?? request.path.toLowerCase();
      return armAnswer(
        403,
        "AuthorizationFailed",
        `The client '${client}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
        { "x-ms-failure-cause": "gateway" },
      );
    }
    case "armInvalidTenant": {
      const expected = reply.subscriptionTenantId ?? LAB.otherTenantId;
      return armAnswer(
        401,
        "InvalidAuthenticationTokenTenant",
        `The access token is from the wrong issuer '${claimText(claims, "iss")}'. It must match the tenant 'https://sts.windows.net/${expected}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${expected}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
        armChallenge(
          expected,
          "The access token is from the wrong issuer. It must match the tenant associated with this subscription. Please use correct authority to get the token.",
        ),
      );
    }
    case "armExpiredToken": {
      const exp = claims?.exp;
      const expiry = armUtc(new Date(typeof exp === "number" ? exp * 1000 : Date.now() - 3_600_000));
      const message = `The access token expiry UTC time '${expiry}' is earlier than current UTC time '${armUtc(new Date())}'.`;
      return armAnswer(401, "ExpiredAuthenticationToken", message, armChallenge("", message));
    }
    case "armInvalidAudience": {
      const audience = claimText(claims, "aud");
      return armAnswer(
        401,
        "InvalidAuthenticationTokenAudience",
        `The access token has been obtained for wrong audience or resource '${audience}'. It should exactly match with one of the allowed audiences ${ARM_AUDIENCES}.`,
        armChallenge(
          "",
          `The access token has been obtained from wrong audience or resource '${audience}'. It should exactly match (including forward slash) with one of the allowed audiences ${ARM_AUDIENCES}.`,
        ),
      );
    }
    case "armClaimsChallenge":
      return armAnswer(
        401,
        "InvalidAuthenticationToken",
        "The access token has been revoked. Continuous access evaluation requires a new token.",
        {
          "www-authenticate": `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${reply.claims ?? CAE_CLAIMS}"`,
        },
      );
    case "keyVaultForbidden": {
      const vault = "lab-vault;location=westeurope";
      const action = reply.action ?? "Microsoft.KeyVault/vaults/secrets/getSecret/action";
      const message =
        reply.innerCode === "ForbiddenByRbac"
          ? `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: ${keyVaultCaller(claims)}\r\nAction: '${action}'\r\nResource: '/subscriptions/00000000-0000-4000-8000-000000000000/resourcegroups/lab-rg/providers/microsoft.keyvault/vaults/lab-vault${request.path.toLowerCase()}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: null \r\nVault: ${vault}\r\n`
          : `The user, group or application '${keyVaultCaller(claims)}' does not have secrets get permission on key vault '${vault}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`;
      return keyVaultAnswer(403, { code: "Forbidden", message, innererror: { code: reply.innerCode } });
    }
    case "keyVaultWrongTenant": {
      const vaultTenant = reply.vaultTenantId ?? LAB.otherTenantId;
      return keyVaultAnswer(
        401,
        {
          code: "Unauthorized",
          message: `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${vaultTenant}/, found ${claimText(claims, "iss")}.`,
        },
        {
          "www-authenticate": `Bearer authorization="https://login.microsoftonline.com/${vaultTenant}", resource="https://vault.azure.net"`,
        },
      );
    }
    case "storagePermissionMismatch":
      return storageAnswer(
        403,
        "AuthorizationPermissionMismatch",
        "This request is not authorized to perform this operation using this permission.",
        undefined,
        request,
      );
    case "storageInvalidAuthenticationInfo": {
      const accountTenant = reply.accountTenantId ?? LAB.otherTenantId;
      return storageAnswer(
        401,
        "InvalidAuthenticationInfo",
        "Server failed to authenticate the request. Please refer to the information in the www-authenticate header.",
        "Issuer validation failed. Issuer did not match.",
        request,
        {
          "www-authenticate": `Bearer authorization_uri=https://login.microsoftonline.com/${accountTenant}/oauth2/authorize resource_id=https://storage.azure.com`,
        },
      );
    }
  }
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeResource(): Promise<FakeResource> {
  let rules: Rule[] = [];
  let requests: ResourceRequest[] = [];

  const server: Server = createServer(serverTlsOptions(), (req, res) => {
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  function findReply(request: ResourceRequest): ResourceReply {
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i];
      if (rule === undefined) continue;
      const { path } = rule.match;
      if (path !== undefined && !(typeof path === "string" ? request.path === path : path.test(request.path)))
        continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules.splice(i, 1);
      return rule.reply;
    }
    return { kind: "ok" };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // Drain the body; nothing here depends on it.
    req.resume();
    const url = new URL(req.url ?? "/", "https://resource.invalid");
    const headers = headersOf(req);
    const token = /^Bearer (.+)$/i.exec(headers.authorization ?? "")?.[1];
    const request: ResourceRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      token,
      claims: decodePayload(token),
    };
    requests.push(request);
    const reply = findReply(request);
    const answer =
      token === undefined && reply.kind !== "raw"
        ? armAnswer(
            401,
            "AuthenticationFailed",
            "Authentication failed. The 'Authorization' header is missing.",
            armChallenge("", "The authentication failed because of missing 'Authorization' header."),
          )
        : buildAnswer(reply, request);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  return {
    url: `https://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    respond(reply, when = {}) {
      rules.push({ reply, match: when, remaining: when.times ?? Number.POSITIVE_INFINITY });
    },
    reset() {
      rules = [];
      requests = [];
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}

export interface CallResourceOptions {
  path?: string;
  scopes: string | string[];
  method?: HttpMethods;
  /** A proxy for the call to the resource only (the credential's token requests do not go through it). */
  proxyOptions?: ProxySettings;
}

/** Code and message the way SDK clients take them from an error body: ARM/Key Vault JSON or Storage XML. */
function errorDetailsOf(response: PipelineResponse): {
  code: string | undefined;
  message: string | undefined;
  details: unknown;
} {
  const text = response.bodyAsText ?? "";
  if (text.includes("<Error>")) {
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
    return {
      code: code ?? response.headers.get("x-ms-error-code"),
      message,
      details: { Code: code, Message: message },
    };
  }
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof parsed.error?.code === "string" ? parsed.error.code : undefined;
    const message = typeof parsed.error?.message === "string" ? parsed.error.message : undefined;
    return { code: code ?? response.headers.get("x-ms-error-code"), message, details: parsed };
  } catch {
    return { code: response.headers.get("x-ms-error-code"), message: undefined, details: undefined };
  }
}

/**
 * Calls `resource` through a real core-rest-pipeline with `bearerTokenAuthenticationPolicy`, like an SDK client.
 * Resolves with the response on 2xx; otherwise throws a `RestError` with `statusCode`, `code` and message from the
 * body, `request`, `response` (headers, `bodyAsText`) and the parsed body in `details`. Credential errors from
 * `getToken` propagate unchanged, as they do in SDK clients.
 */
export async function callResource(
  resource: FakeResource | string,
  credential: TokenCredential,
  options: CallResourceOptions,
): Promise<PipelineResponse> {
  const base = typeof resource === "string" ? resource : resource.url;
  const pipeline = createPipelineFromOptions(
    options.proxyOptions === undefined ? {} : { proxyOptions: options.proxyOptions },
  );
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: options.scopes }));
  const request = createPipelineRequest({
    url: new URL(options.path ?? "/", base).toString(),
    method: options.method ?? "GET",
  });
  // createPipelineRequest drops tlsSettings, so set the lab CA on the request itself.
  request.tlsSettings = { ca: testCaPem };
  const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
  if (response.status >= 200 && response.status < 300) return response;
  const { code, message, details } = errorDetailsOf(response);
  const error = new RestError(
    message ?? response.bodyAsText ?? `Unexpected status code: ${response.status}`,
    {
      statusCode: response.status,
      request,
      response,
      ...(code === undefined ? {} : { code }),
    },
  );
  error.details = details;
  throw error;
}
