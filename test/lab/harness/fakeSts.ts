/**
 * A fake Microsoft Entra ID on loopback, good enough for the real MSAL inside @azure/identity: it serves the OpenID
 * discovery documents MSAL reads (with `disableInstanceDiscovery: true`) and a token endpoint that records every
 * request and answers by rules — a token, an Entra-shaped refusal (see stsErrors.ts), a raw reply, or silence.
 *
 * Endpoints echo the tenant segment they were asked for (a GUID, a domain, `common`), so token requests come back
 * to the same tenant path and rules can match on it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serverTlsOptions } from "./tls.js";
import { encodeJwt, LAB, makeAccessToken, type AccessTokenClaims } from "./tokens.js";
import {
  buildStsError,
  formatEntraInstant,
  type SentStsError,
  type StsErrorCode,
  type StsErrorContext,
  type StsErrorOverrides,
} from "./stsErrors.js";

/** One request the fake received, as the service would see it. */
export interface StsRequest {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly tenant: string;
  readonly grantType: string | undefined;
  readonly clientId: string | undefined;
  readonly scope: string | undefined;
  /** Every form field of a token request (`client_secret`, `client_assertion`, `password`, …). */
  readonly form: Readonly<Record<string, string>>;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** MSAL's correlation id, from the `client-request-id` header, query or form field. */
  readonly clientRequestId: string | undefined;
  /** The decoded `client_assertion` (certificate and federated flows), if one was sent. */
  readonly assertion: DecodedJwt | undefined;
}

export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** How to answer a request a rule matched. Build them with `stsToken`, `stsError`, `stsRaw`, `stsHang`. */
export type StsReply =
  | { readonly kind: "token"; readonly options: StsTokenOptions }
  | { readonly kind: "error"; readonly code: number; readonly overrides: StsErrorOverrides }
  | {
      readonly kind: "raw";
      readonly status: number;
      readonly body: string;
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly kind: "hang" };

export interface StsTokenOptions {
  /** Overrides of the access token's claims (`aud`, `tid`, `oid`, `exp`, extra claims…). */
  claims?: Partial<AccessTokenClaims>;
  /** Token lifetime; also `expires_in`. Default 3599, as Entra usually says. */
  lifetimeSeconds?: number;
  /** Fields to add to or replace in the JSON token response; `undefined` removes a field. */
  fields?: Record<string, unknown>;
}

export interface StsRuleMatch {
  /** Compared case-insensitively with the tenant path segment. */
  tenant?: string;
  clientId?: string;
  grantType?: string;
  /** `token` (default) or `discovery`, the OpenID configuration document (Entra refuses unknown tenants there). */
  endpoint?: "token" | "discovery";
  /** Answer this many matching requests, then retire the rule. */
  times?: number;
}

export interface FakeSts {
  /** `https://127.0.0.1:PORT`, for a credential's `authorityHost`. */
  readonly authorityHost: string;
  readonly port: number;
  /** Token requests, oldest first. */
  readonly requests: readonly StsRequest[];
  /** Discovery (GET) requests, oldest first. */
  readonly discoveryRequests: readonly StsRequest[];
  /** Every refusal sent, oldest first. */
  readonly errors: readonly SentStsError[];
  /** The last refusal sent: the code, ids and timestamp a diagnosis must quote. */
  readonly lastError: SentStsError | undefined;
  /** Access tokens handed out, oldest first. */
  readonly issuedTokens: readonly string[];
  /** Adds a rule; the newest matching rule answers. Unmatched token requests get a token. */
  respond(reply: StsReply, when?: StsRuleMatch): void;
  /** Forgets rules and everything recorded. */
  reset(): void;
  close(): Promise<void>;
}

export const stsToken = (options: StsTokenOptions = {}): StsReply => ({ kind: "token", options });
/** An Entra refusal for a catalogued code (see `STS_ERRORS` in stsErrors.ts). */
export const stsError = (code: StsErrorCode, overrides: StsErrorOverrides = {}): StsReply => ({
  kind: "error",
  code,
  overrides,
});
/** A refusal for a code outside the catalogue; give it `overrides.error` and `overrides.text`. */
export const stsErrorFor = (code: number, overrides: StsErrorOverrides = {}): StsReply => ({
  kind: "error",
  code,
  overrides,
});
export const stsRaw = (status: number, body: string, headers: Record<string, string> = {}): StsReply => ({
  kind: "raw",
  status,
  body,
  headers,
});
/** Accepts the request and never answers (until the fake closes). */
export const stsHang = (): StsReply => ({ kind: "hang" });

interface Rule {
  readonly reply: StsReply;
  readonly match: StsRuleMatch;
  remaining: number;
}

const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeJwt(token: string | undefined): DecodedJwt | undefined {
  const [head, body] = token?.split(".") ?? [];
  if (head === undefined || body === undefined) return undefined;
  try {
    const parse = (part: string) =>
      JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
    return { header: parse(head), claims: parse(body) };
  } catch {
    return undefined;
  }
}

function resourceScopes(scope: string | undefined): string[] {
  return (scope ?? "").split(" ").filter((s) => s !== "" && !OIDC_SCOPES.has(s));
}

/** The resource a scope names: `https://vault.azure.net/.default` → `https://vault.azure.net`. */
function resourceOf(scope: string | undefined): string | undefined {
  const first = resourceScopes(scope)[0];
  if (first === undefined) return undefined;
  const slash = first.lastIndexOf("/");
  return slash > 0 ? first.slice(0, slash) : first;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

async function recordRequest(req: IncomingMessage): Promise<StsRequest> {
  const url = new URL(req.url ?? "/", "https://sts.invalid");
  const query = Object.fromEntries(url.searchParams);
  const headers = headersOf(req);
  const form = req.method === "POST" ? Object.fromEntries(new URLSearchParams(await readBody(req))) : {};
  return {
    method: req.method ?? "GET",
    path: url.pathname,
    query,
    tenant: decodeURIComponent(url.pathname.split("/")[1] ?? ""),
    grantType: form.grant_type,
    clientId: form.client_id,
    scope: form.scope,
    form,
    headers,
    clientRequestId: headers["client-request-id"] ?? query["client-request-id"] ?? form["client-request-id"],
    assertion: decodeJwt(form.client_assertion),
  };
}

/** What a refusal may quote about the request that caused it. */
function errorContextOf(request: StsRequest): StsErrorContext {
  const context: StsErrorContext = { tenant: request.tenant, now: formatEntraInstant(new Date()) };
  if (request.clientId !== undefined) context.clientId = request.clientId;
  if (request.scope !== undefined) context.scope = resourceScopes(request.scope).join(" ");
  const resource = resourceOf(request.scope);
  if (resource !== undefined) context.resource = resource;
  const assertion = request.assertion;
  if (assertion) {
    const { iss, sub, aud, nbf, exp } = assertion.claims;
    if (typeof iss === "string") context.assertionIssuer = iss;
    if (typeof sub === "string") context.assertionSubject = sub;
    if (typeof aud === "string" || Array.isArray(aud)) context.assertionAudience = [aud].flat().join(",");
    if (typeof nbf === "number") context.assertionNotBefore = formatEntraInstant(new Date(nbf * 1000));
    if (typeof exp === "number") context.assertionExpiry = formatEntraInstant(new Date(exp * 1000));
    const thumbprint = assertion.header["x5t#S256"] ?? assertion.header.x5t;
    if (typeof thumbprint === "string")
      context.thumbprint = Buffer.from(thumbprint, "base64url").toString("hex").toUpperCase();
  }
  return context;
}

function discoveryDocument(origin: string, tenant: string, version: "v1" | "v2"): Record<string, unknown> {
  const base = `${origin}/${tenant}`;
  const oauth = version === "v2" ? `${base}/oauth2/v2.0` : `${base}/oauth2`;
  return {
    token_endpoint: `${oauth}/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: version === "v2" ? `${base}/discovery/v2.0/keys` : `${base}/discovery/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    // MSAL accepts an issuer only on the authority's own scheme, host and port.
    issuer: version === "v2" ? `${base}/v2.0` : `${base}/`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${origin}/oidc/userinfo`,
    authorization_endpoint: `${oauth}/authorize`,
    device_authorization_endpoint: `${oauth}/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${oauth}/logout`,
    claims_supported: [
      "sub",
      "iss",
      "cloud_instance_name",
      "cloud_instance_host_name",
      "cloud_graph_host_name",
      "msgraph_host",
      "aud",
      "exp",
      "iat",
      "auth_time",
      "acr",
      "nonce",
      "preferred_username",
      "name",
      "tid",
      "ver",
      "at_hash",
      "c_hash",
      "email",
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: "EU",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
    rbac_url: "https://pas.windows.net",
  };
}

function instanceDiscoveryDocument(origin: string): Record<string, unknown> {
  const host = new URL(origin).host;
  return {
    tenant_discovery_endpoint: `${origin}/{tenant}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

function tokenResponse(
  origin: string,
  request: StsRequest,
  options: StsTokenOptions,
): Record<string, unknown> {
  const lifetime = options.lifetimeSeconds ?? 3599;
  const tenantId = GUID.test(request.tenant) ? request.tenant : LAB.tenantId;
  const clientId = request.clientId ?? LAB.clientId;
  const isAppOnly = request.grantType === "client_credentials";
  const userName = request.form.username ?? LAB.userName;
  // appidacr says how the client proved itself: 0 public, 1 secret, 2 certificate or assertion.
  const appidacr = request.form.client_assertion ? "2" : request.form.client_secret ? "1" : "0";
  const identity: Partial<AccessTokenClaims> = isAppOnly
    ? { tid: tenantId, appid: clientId, appidacr, idtyp: "app", oid: LAB.objectId, sub: LAB.objectId }
    : {
        tid: tenantId,
        appid: clientId,
        appidacr,
        idtyp: "user",
        oid: LAB.userObjectId,
        sub: "lab-user-pairwise-subject",
        upn: userName,
        unique_name: userName,
        name: "Lab User",
        scp: "user_impersonation",
        amr: ["pwd"],
      };
  const resource = resourceOf(request.scope);
  const accessToken = makeAccessToken({
    ...(resource === undefined ? {} : { audience: resource }),
    lifetimeSeconds: lifetime,
    ...identity,
    ...options.claims,
  });
  const body: Record<string, unknown> = {
    token_type: "Bearer",
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
  if (!isAppOnly) {
    const requested = (request.scope ?? "").split(" ");
    body.scope = resourceScopes(request.scope).join(" ");
    if (requested.includes("offline_access"))
      body.refresh_token = `lab-refresh-${randomBytes(24).toString("base64url")}`;
    if (requested.includes("openid")) body.id_token = idToken(origin, tenantId, clientId, userName, lifetime);
    // MSAL builds the account's home id from client_info ({uid, utid}).
    if (request.form.client_info === "1") {
      body.client_info = Buffer.from(JSON.stringify({ uid: LAB.userObjectId, utid: tenantId })).toString(
        "base64url",
      );
    }
  }
  const merged = { ...body, ...options.fields };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}

function idToken(
  origin: string,
  tenantId: string,
  clientId: string,
  userName: string,
  lifetime: number,
): string {
  const now = Math.floor(Date.now() / 1000);
  return encodeJwt({
    aud: clientId,
    iss: `${origin}/${tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + lifetime,
    name: "Lab User",
    oid: LAB.userObjectId,
    preferred_username: userName,
    sub: "lab-user-pairwise-subject",
    tid: tenantId,
    uti: randomUUID(),
    ver: "2.0",
  });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(body);
}

/** Starts the fake on 127.0.0.1 with a random port. Close it in `afterAll`/`afterEach`. */
export async function startFakeSts(): Promise<FakeSts> {
  let rules: Rule[] = [];
  let requests: StsRequest[] = [];
  let discoveryRequests: StsRequest[] = [];
  let errors: SentStsError[] = [];
  let issuedTokens: string[] = [];

  const server: Server = createServer(serverTlsOptions(), (req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, JSON.stringify({ error: "lab_fake_failure", error_description: String(error) }), {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  function findRule(request: StsRequest, endpoint: "token" | "discovery"): StsReply | undefined {
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i];
      if (rule === undefined) continue;
      const { match } = rule;
      if ((match.endpoint ?? "token") !== endpoint) continue;
      if (match.tenant !== undefined && match.tenant.toLowerCase() !== request.tenant.toLowerCase()) continue;
      if (match.clientId !== undefined && match.clientId !== request.clientId) continue;
      if (match.grantType !== undefined && match.grantType !== request.grantType) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules.splice(i, 1);
      return rule.reply;
    }
    return undefined;
  }

  /** Common headers of Entra's answers; the request id doubles as the trace id of a refusal. */
  function serviceHeaders(request: StsRequest, requestId: string): Record<string, string> {
    return {
      "cache-control": "no-store, no-cache",
      pragma: "no-cache",
      "x-ms-request-id": requestId,
      "x-ms-ests-server": "2.1.lab.0 - LAB ProdSlices",
      "x-content-type-options": "nosniff",
      ...(request.clientRequestId === undefined ? {} : { "client-request-id": request.clientRequestId }),
    };
  }

  /** Sends `reply`; a token reply's JSON comes from `successBody` (a token response or a discovery document). */
  function answer(
    res: ServerResponse,
    request: StsRequest,
    reply: StsReply,
    successBody: (options: StsTokenOptions) => Record<string, unknown>,
  ): void {
    switch (reply.kind) {
      case "hang":
        return;
      case "raw":
        res.writeHead(reply.status, { ...serviceHeaders(request, randomUUID()), ...reply.headers });
        res.end(reply.body);
        return;
      case "error": {
        // Entra echoes the caller's client-request-id as its correlation id.
        const overrides: StsErrorOverrides =
          request.clientRequestId === undefined
            ? reply.overrides
            : { correlationId: request.clientRequestId, ...reply.overrides };
        const sent = buildStsError(reply.code, errorContextOf(request), overrides);
        errors.push(sent);
        send(res, sent.status, JSON.stringify(sent.body), serviceHeaders(request, sent.traceId));
        return;
      }
      case "token":
        send(res, 200, JSON.stringify(successBody(reply.options)), serviceHeaders(request, randomUUID()));
        return;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await recordRequest(req);
    // MSAL accepts the issuer only on the authority's own host, so answer in the host it used (localhost or IP).
    const origin = `https://${req.headers.host ?? `127.0.0.1:${String(port)}`}`;
    const segments = request.path.split("/").filter((s) => s !== "");
    const route = segments.slice(1).join("/");

    if (
      req.method === "GET" &&
      (route === "v2.0/.well-known/openid-configuration" || route === ".well-known/openid-configuration")
    ) {
      discoveryRequests.push(request);
      const version = route.startsWith("v2.0") ? "v2" : "v1";
      const reply = findRule(request, "discovery") ?? stsToken();
      answer(res, request, reply, () => discoveryDocument(origin, segments[0] ?? "", version));
      return;
    }
    if (req.method === "GET" && route === "discovery/instance") {
      discoveryRequests.push(request);
      send(
        res,
        200,
        JSON.stringify(instanceDiscoveryDocument(origin)),
        serviceHeaders(request, randomUUID()),
      );
      return;
    }
    if (req.method === "GET" && (route === "discovery/v2.0/keys" || route === "discovery/keys")) {
      discoveryRequests.push(request);
      send(res, 200, JSON.stringify({ keys: [] }), serviceHeaders(request, randomUUID()));
      return;
    }
    if (req.method === "POST" && (route === "oauth2/v2.0/token" || route === "oauth2/token")) {
      requests.push(request);
      const reply = findRule(request, "token") ?? stsToken();
      answer(res, request, reply, (options) => {
        const body = tokenResponse(origin, request, options);
        if (typeof body.access_token === "string") issuedTokens.push(body.access_token);
        return body;
      });
      return;
    }
    send(
      res,
      404,
      JSON.stringify({
        error: "not_found",
        error_description: `The lab STS has no ${req.method ?? ""} ${request.path}`,
      }),
      {},
    );
  }

  return {
    authorityHost: `https://127.0.0.1:${String(port)}`,
    port,
    get requests() {
      return requests;
    },
    get discoveryRequests() {
      return discoveryRequests;
    },
    get errors() {
      return errors;
    },
    get lastError() {
      return errors.at(-1);
    },
    get issuedTokens() {
      return issuedTokens;
    },
    respond(reply, when = {}) {
      rules.push({ reply, match: when, remaining: when.times ?? Number.POSITIVE_INFINITY });
    },
    reset() {
      rules = [];
      requests = [];
      discoveryRequests = [];
      errors = [];
      issuedTokens = [];
    },
    close() {
      // Hung requests and pooled keep-alive sockets would otherwise keep the server open.
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
