/**
 * Fake managed identity endpoints on loopback for the real ManagedIdentityCredential (msal-node's sources inside
 * @azure/identity). One fake plays one source — IMDS, App Service, Azure Arc, Cloud Shell or Service Fabric — and
 * hands back the environment variables that make msal-node pick that source and send its requests here. It
 * records every request and answers by rules: a token in that source's own JSON shape, the source's refusals,
 * a raw reply, or silence.
 *
 * How identity reaches each fake (msal-node 5.x source selection, first match wins):
 * - serviceFabric: IDENTITY_ENDPOINT + IDENTITY_HEADER + IDENTITY_SERVER_THUMBPRINT → GET, `secret` header, https.
 *   msal-node never checks the thumbprint; the TLS check is the HTTP client's, so the credential must trust the
 *   lab CA through `trustTestCaHttpClient()` (ManagedIdentityCredential drops `additionalPolicies`).
 * - appService: IDENTITY_ENDPOINT + IDENTITY_HEADER → GET, `X-IDENTITY-HEADER` header, api-version 2019-08-01.
 * - cloudShell: MSI_ENDPOINT → POST with a form body `resource=…`, `Metadata: true`.
 * - arc: IDENTITY_ENDPOINT + IMDS_ENDPOINT → GET, `Metadata: true`; first answer is a 401 whose
 *   `WWW-Authenticate: Basic realm=<file>` names a `.key` file that msal-node only reads from
 *   `/var/opt/azcmagent/tokens/` on Linux (hard-coded, not configurable), so the fake writes one there.
 * - imds: AZURE_POD_IDENTITY_AUTHORITY_HOST → GET `/metadata/identity/oauth2/token/` (msal-node adds the trailing
 *   slash), `Metadata: true`. That variable also turns identity's DefaultAzureCredential probe off (it assumes the
 *   endpoint exists). To exercise the probe, use `proxyEnv` instead: identity then addresses the real
 *   169.254.169.254 and its HTTP client hands every request to this fake as a forward proxy, so the connection
 *   still stays on loopback.
 *
 * msal-node keeps the chosen source (endpoint and the first credential's HTTP client, so its retry options and
 * `httpClient`) and the token cache in static fields for the whole process. The fake clears them on start and on
 * `reset()`; a scenario that builds several credentials against different fakes must call
 * `forgetManagedIdentityState()` between them, or later credentials silently reuse the first source or token.
 */
import { createHash, randomBytes, randomUUID, X509Certificate } from "node:crypto";
import { mkdir, rm, rmdir, writeFile } from "node:fs/promises";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { createDefaultHttpClient, type HttpClient } from "@azure/core-rest-pipeline";
import { ManagedIdentityCredential } from "@azure/identity";
import { serverTlsOptions, testCaPem } from "./tls.js";
import { LAB, makeAccessToken, type AccessTokenClaims } from "./tokens.js";

export type ManagedIdentityKind = "imds" | "appService" | "arc" | "cloudShell" | "serviceFabric";

/** One request the fake received. */
export interface ManagedIdentityRequest {
  readonly method: string;
  /** Path without the query string (for proxied requests, the path on the requested host). */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Form fields of a POST (Cloud Shell sends `resource` here). */
  readonly form: Readonly<Record<string, string>>;
  /** The host the client meant: `127.0.0.1:PORT`, or `169.254.169.254` when it came through `proxyEnv`. */
  readonly host: string;
  /** IMDS only: identity's availability probe, recognised as real IMDS does, by the missing `Metadata: true`. */
  readonly isProbe: boolean;
  /** The resource the token is asked for (query or form `resource`). */
  readonly resource: string | undefined;
}

export interface ManagedIdentityResponse {
  readonly status: number;
  readonly body: string;
}

export interface ManagedIdentityTokenOptions {
  /** Overrides of the access token's claims. */
  claims?: Partial<AccessTokenClaims>;
  /** Token lifetime in seconds; default 86399, what managed identity endpoints usually grant. */
  lifetimeSeconds?: number;
  /** Fields to add to or replace in the JSON body; `undefined` removes one. */
  fields?: Record<string, unknown>;
}

/** How to answer. Build replies with the helpers below. */
export type ManagedIdentityReply =
  | { readonly kind: "token"; readonly options: ManagedIdentityTokenOptions }
  | { readonly kind: "identityNotFound" }
  | { readonly kind: "gatewayError"; readonly status: 502 | 504 }
  | { readonly kind: "serverError" }
  | { readonly kind: "arcChallenge"; readonly realm: string | null }
  | {
      readonly kind: "raw";
      readonly status: number;
      readonly body: string;
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly kind: "hang" };

export const token = (options: ManagedIdentityTokenOptions = {}): ManagedIdentityReply => ({
  kind: "token",
  options,
});
/**
 * 400, the identity asked for is not assigned to the resource. Body per source: IMDS and Arc
 * `{"error":"invalid_request","error_description":"Identity not found"}`; App Service
 * `{"statusCode":400,"message":"Unable to load the proper Managed Identity.","correlationId":…}`.
 */
export const identityNotFound = (): ManagedIdentityReply => ({ kind: "identityNotFound" });
/** 502/504 with an HTML body, as a proxy or gateway between the app and the endpoint answers. */
export const gatewayError = (status: 502 | 504): ManagedIdentityReply => ({ kind: "gatewayError", status });
/** 500 with an error body in the source's own JSON layout. */
export const serverError = (): ManagedIdentityReply => ({ kind: "serverError" });
/** Arc only: a 401 with `WWW-Authenticate: Basic realm=<realm>` (`null`: no header), instead of the fake's own key file. */
export const arcChallenge = (realm: string | null): ManagedIdentityReply => ({ kind: "arcChallenge", realm });
export const raw = (
  status: number,
  body: string,
  headers: Record<string, string> = {},
): ManagedIdentityReply => ({
  kind: "raw",
  status,
  body,
  headers,
});
/** Accepts the request and never answers (until the fake closes). */
export const hang = (): ManagedIdentityReply => ({ kind: "hang" });
/**
 * IMDS: answer identity's probe as real IMDS does (400, metadata header missing) and never answer the token
 * request — DefaultAzureCredential then waits forever. Probes get that 400 unless a probe rule says otherwise,
 * so this is `hang()` on the token endpoint, named for the scenario.
 */
export const probeOnlyThenHang = (): ManagedIdentityReply => hang();

export interface ManagedIdentityRuleMatch {
  /** IMDS: `token` (default) or `probe`, identity's request without `Metadata: true`. */
  endpoint?: "token" | "probe";
  /** Answer this many matching requests, then retire the rule. */
  times?: number;
}

export interface FakeManagedIdentity {
  readonly kind: ManagedIdentityKind;
  /** The variables that point identity at this fake (set them after `isolateEnv()`, before constructing). */
  readonly env: Readonly<Record<string, string>>;
  /**
   * IMDS: `HTTP_PROXY` to this fake, so identity addresses the real 169.254.169.254 (and probes it) while every
   * connection goes to loopback. Empty for the other kinds.
   */
  readonly proxyEnv: Readonly<Record<string, string>>;
  /** The endpoint URL identity calls (`http://…` or, for Service Fabric, `https://…`). */
  readonly url: string;
  readonly port: number;
  /** Requests, oldest first (Arc: the unauthenticated first try and the retry with the key file's secret). */
  readonly requests: readonly ManagedIdentityRequest[];
  /** Access tokens handed out, oldest first. */
  readonly issuedTokens: readonly string[];
  /** Every answer sent (status and body), oldest first: the ids a diagnosis must quote are in these bodies. */
  readonly responses: readonly ManagedIdentityResponse[];
  /** Arc: the key file the 401 challenge names and the secret in it. */
  readonly arcKey: { readonly path: string; readonly secret: string } | undefined;
  /** Adds a rule; the newest matching rule answers. Unmatched token requests get a token. */
  respond(reply: ManagedIdentityReply, when?: ManagedIdentityRuleMatch): void;
  /** Forgets rules and everything recorded, and msal-node's cached source and tokens (`forgetManagedIdentityState`). */
  reset(): void;
  /** Stops the server, drops hanging requests and removes the Arc key file. */
  close(): Promise<void>;
}

/** Fixed lab ids of the identities the fakes speak for. */
export const MANAGED_IDENTITY = {
  /** The system-assigned identity's client (app) id. */
  systemAssignedClientId: "5a5a5a5a-0000-4000-8000-5a5a5a5a5a5a",
  systemAssignedObjectId: "5b5b5b5b-0000-4000-8000-5b5b5b5b5b5b",
  /** The user-assigned identity: LAB.managedIdentityClientId is its client id. */
  userAssignedObjectId: "5c5c5c5c-0000-4000-8000-5c5c5c5c5c5c",
  userAssignedResourceId:
    "/subscriptions/00000000-0000-4000-8000-000000000000/resourcegroups/lab-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/lab-identity",
  /** The `secret` / `X-IDENTITY-HEADER` value the platform hands the app. */
  identityHeader: "lab-identity-header-value",
} as const;

/** Where msal-node insists an Arc challenge's key file lives on Linux (SUPPORTED_AZURE_ARC_PLATFORMS). */
export const ARC_TOKENS_DIR = "/var/opt/azcmagent/tokens/";

const IMDS_TOKEN_PATH = "/metadata/identity/oauth2/token";
/** The host resource a system-assigned identity belongs to, as `xms_mirid` names it. */
const HOST_RESOURCE: Record<ManagedIdentityKind, string> = {
  imds: "Microsoft.Compute/virtualMachines/lab-vm",
  appService: "Microsoft.Web/sites/lab-app",
  arc: "Microsoft.HybridCompute/machines/lab-arc-machine",
  cloudShell: "Microsoft.Compute/virtualMachines/lab-cloudshell",
  serviceFabric: "Microsoft.ServiceFabric/managedClusters/lab-cluster",
};
/** The path each source's endpoint variable points at (IMDS: msal-node appends the token path itself). */
const ENDPOINT_PATH: Record<ManagedIdentityKind, string> = {
  imds: "",
  appService: "/msi/token",
  arc: IMDS_TOKEN_PATH,
  cloudShell: "/oauth2/token",
  serviceFabric: "/metadata/identity/oauth2/token",
};

const GATEWAY_TEXT = { 502: "Bad Gateway", 504: "Gateway Time-out" } as const;

/**
 * A core-rest-pipeline HttpClient that trusts the lab CA, for `new ManagedIdentityCredential({ httpClient })`:
 * ManagedIdentityCredential replaces `additionalPolicies` with its own, so `trustTestCa()` has no effect there.
 */
export function trustTestCaHttpClient(): { httpClient: HttpClient } {
  const inner = createDefaultHttpClient();
  return {
    httpClient: {
      sendRequest: (request) => {
        request.tlsSettings = { ...request.tlsSettings, ca: testCaPem };
        return inner.sendRequest(request);
      },
    },
  };
}

/** A loopback URL nothing listens on (a port just released by the OS): an unreachable endpoint. */
export async function closedPort(): Promise<string> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return `http://127.0.0.1:${String(port)}`;
}

/**
 * Makes msal-node forget its process-wide managed identity state. msal-node keeps the chosen source (with its
 * endpoint and the first credential's HTTP client) and the token cache in static fields: the first
 * ManagedIdentityCredential in a process decides them, and later credentials get cached tokens without a request.
 * The fake calls this on start and on `reset()`. The statics are reached through a credential so they are the
 * copy identity's own build loaded (the ESM and CJS builds of msal-node each have their own).
 */
export function forgetManagedIdentityState(): void {
  interface Internals {
    managedIdentityApp?: { constructor: object; managedIdentityClient?: { constructor: object } };
    isEndpointUnavailable?: unknown;
  }
  const credential = new ManagedIdentityCredential() as unknown as Internals;
  // identity 4.0 probes for its endpoint per credential, without msal-node: there is no shared state to forget.
  if (credential.managedIdentityApp === undefined && "isEndpointUnavailable" in credential) return;
  const app = credential.managedIdentityApp;
  const client = app?.managedIdentityClient;
  if (app === undefined || client === undefined) {
    throw new Error("forgetManagedIdentityState: identity's msal-node internals moved; update the lab.");
  }
  Object.assign(client.constructor, { identitySource: undefined, sourceName: undefined });
  Object.assign(app.constructor, { nodeStorage: undefined });
}

interface Rule {
  readonly reply: ManagedIdentityReply;
  readonly endpoint: "token" | "probe";
  remaining: number;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
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

async function recordRequest(
  kind: ManagedIdentityKind,
  req: IncomingMessage,
): Promise<ManagedIdentityRequest> {
  const headers = headersOf(req);
  // A proxied request carries an absolute URL; a direct one only the path.
  const url = new URL(req.url ?? "/", `http://${headers.host ?? "unknown.invalid"}`);
  const query = Object.fromEntries(url.searchParams);
  const body = req.method === "POST" ? await readBody(req) : "";
  const form = body === "" ? {} : Object.fromEntries(new URLSearchParams(body));
  return {
    method: req.method ?? "GET",
    path: url.pathname,
    query,
    headers,
    form,
    host: url.host,
    isProbe: kind === "imds" && headers.metadata?.toLowerCase() !== "true",
    resource: query.resource ?? form.resource,
  };
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Which identity a request names: a user-assigned selector, or none (system-assigned). */
function identityOf(request: ManagedIdentityRequest): { userAssigned: boolean } {
  const q = request.query;
  return { userAssigned: [q.client_id, q.object_id, q.msi_res_id, q.mi_res_id].some((v) => v !== undefined) };
}

function accessTokenFor(
  kind: ManagedIdentityKind,
  request: ManagedIdentityRequest,
  options: ManagedIdentityTokenOptions,
  lifetime: number,
): string {
  const { userAssigned } = identityOf(request);
  const clientId = userAssigned ? LAB.managedIdentityClientId : MANAGED_IDENTITY.systemAssignedClientId;
  const objectId = userAssigned
    ? MANAGED_IDENTITY.userAssignedObjectId
    : MANAGED_IDENTITY.systemAssignedObjectId;
  const mirid = userAssigned
    ? MANAGED_IDENTITY.userAssignedResourceId
    : `/subscriptions/00000000-0000-4000-8000-000000000000/resourcegroups/lab-rg/providers/${HOST_RESOURCE[kind]}`;
  return makeAccessToken({
    ...(request.resource === undefined ? {} : { audience: request.resource }),
    lifetimeSeconds: lifetime,
    appid: clientId,
    appidacr: "2",
    idp: `https://sts.windows.net/${LAB.tenantId}/`,
    idtyp: "app",
    oid: objectId,
    sub: objectId,
    xms_mirid: mirid,
    ...options.claims,
  });
}

/** The token response in the source's own layout (field names, strings vs numbers). */
function tokenBody(
  kind: ManagedIdentityKind,
  request: ManagedIdentityRequest,
  options: ManagedIdentityTokenOptions,
): Record<string, unknown> {
  const lifetime = options.lifetimeSeconds ?? 86399;
  const accessToken = accessTokenFor(kind, request, options, lifetime);
  const now = nowSeconds();
  const resource = request.resource ?? "";
  const { userAssigned } = identityOf(request);
  const clientId = userAssigned ? LAB.managedIdentityClientId : MANAGED_IDENTITY.systemAssignedClientId;
  let body: Record<string, unknown>;
  switch (kind) {
    case "imds":
    case "arc":
    case "cloudShell":
      // IMDS (api-version 2018-02-01) and its look-alikes send every number as a string.
      body = {
        access_token: accessToken,
        client_id: clientId,
        expires_in: String(lifetime),
        expires_on: String(now + lifetime),
        ext_expires_in: String(lifetime),
        not_before: String(now),
        resource,
        token_type: "Bearer",
      };
      // msal-node fails closed unless Arc echoes the user-assigned selector it was sent.
      if (kind === "arc") {
        if (request.query.object_id !== undefined) body.object_id = request.query.object_id;
        if (request.query.msi_res_id !== undefined) body.msi_res_id = request.query.msi_res_id;
      }
      break;
    case "appService":
      // api-version 2019-08-01: expires_on as a string of epoch seconds, no expires_in.
      body = {
        access_token: accessToken,
        expires_on: String(now + lifetime),
        resource,
        token_type: "Bearer",
        client_id: clientId,
      };
      break;
    case "serviceFabric":
      // api-version 2019-07-01-preview: expires_on is a number.
      body = { token_type: "Bearer", access_token: accessToken, expires_on: now + lifetime, resource };
      break;
  }
  const merged = { ...body, ...options.fields };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}

/** 400 identity-not-found in the source's layout. */
function identityNotFoundBody(kind: ManagedIdentityKind): Record<string, unknown> {
  switch (kind) {
    case "appService":
      return {
        statusCode: 400,
        message: "Unable to load the proper Managed Identity.",
        correlationId: randomUUID(),
      };
    case "serviceFabric":
      return {
        error: {
          correlationId: randomUUID(),
          code: "ManagedIdentityNotFound",
          message: "The lab cluster has no managed identity for this application.",
        },
      };
    case "imds":
    case "arc":
    case "cloudShell":
      return { error: "invalid_request", error_description: "Identity not found" };
  }
}

/** 500 in the source's layout (the texts are the lab's; only the layouts are the services'). */
function serverErrorBody(kind: ManagedIdentityKind): Record<string, unknown> {
  switch (kind) {
    case "appService":
      return {
        statusCode: 500,
        message: "The lab token service failed while fetching the token.",
        correlationId: randomUUID(),
      };
    case "serviceFabric":
      return {
        error: {
          correlationId: randomUUID(),
          code: "InternalServerError",
          message: "The lab token service failed while fetching the token.",
        },
      };
    case "imds":
    case "arc":
    case "cloudShell":
      return {
        error: "unknown_error",
        error_description: "The lab token service failed while fetching the token.",
      };
  }
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

/** Creates the Arc key file under ARC_TOKENS_DIR, remembering which directories it had to create. */
async function createArcKey(): Promise<{ path: string; secret: string; cleanup: () => Promise<void> }> {
  const created: string[] = [];
  for (const dir of ["/var/opt", "/var/opt/azcmagent", "/var/opt/azcmagent/tokens"]) {
    try {
      await mkdir(dir, { mode: 0o755 });
      created.push(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const secret = randomBytes(32).toString("hex");
  const path = `${ARC_TOKENS_DIR}lab-${randomUUID()}.key`;
  await writeFile(path, secret, { mode: 0o600, flag: "wx" });
  return {
    path,
    secret,
    cleanup: async () => {
      await rm(path, { force: true });
      // Only directories this fake made, and only when empty: another fake may be using them.
      for (const dir of created.reverse()) await rmdir(dir).catch(() => undefined);
    },
  };
}

/** SHA-1 thumbprint of the lab server certificate, as Service Fabric puts it in IDENTITY_SERVER_THUMBPRINT. */
function serverThumbprint(): string {
  const der = new X509Certificate(serverTlsOptions().cert).raw;
  return createHash("sha1").update(der).digest("hex").toUpperCase();
}

/** Starts a fake for one managed identity source on 127.0.0.1 with a random port. Close it when done. */
export async function startFakeManagedIdentity(options: {
  kind: ManagedIdentityKind;
}): Promise<FakeManagedIdentity> {
  const { kind } = options;
  let rules: Rule[] = [];
  let requests: ManagedIdentityRequest[] = [];
  let issuedTokens: string[] = [];
  let responses: ManagedIdentityResponse[] = [];
  const sockets = new Set<Socket>();
  const arcKey = kind === "arc" ? await createArcKey() : undefined;
  forgetManagedIdentityState();

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, JSON_HEADERS);
      res.end(JSON.stringify({ error: "lab_fake_failure", error_description: String(error) }));
    });
  };
  const server: Server =
    kind === "serviceFabric" ? createHttpsServer(serverTlsOptions(), handler) : createHttpServer(handler);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `${kind === "serviceFabric" ? "https" : "http"}://127.0.0.1:${String(port)}`;
  const url = `${origin}${ENDPOINT_PATH[kind] || IMDS_TOKEN_PATH}`;

  function findRule(endpoint: "token" | "probe"): ManagedIdentityReply | undefined {
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i];
      if (rule === undefined || rule.endpoint !== endpoint) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules.splice(i, 1);
      return rule.reply;
    }
    return undefined;
  }

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
    responses.push({ status, body });
    res.writeHead(status, headers);
    res.end(body);
  }

  function answer(res: ServerResponse, request: ManagedIdentityRequest, reply: ManagedIdentityReply): void {
    switch (reply.kind) {
      case "hang":
        return;
      case "raw":
        send(res, reply.status, reply.body, { ...reply.headers });
        return;
      case "gatewayError": {
        const title = `${String(reply.status)} ${GATEWAY_TEXT[reply.status]}`;
        const page = `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
        send(res, reply.status, page, { "content-type": "text/html" });
        return;
      }
      case "identityNotFound":
        send(res, 400, JSON.stringify(identityNotFoundBody(kind)), JSON_HEADERS);
        return;
      case "serverError":
        send(res, 500, JSON.stringify(serverErrorBody(kind)), JSON_HEADERS);
        return;
      case "arcChallenge":
        send(res, 401, "", reply.realm === null ? {} : { "www-authenticate": `Basic realm=${reply.realm}` });
        return;
      case "token": {
        const body = tokenBody(kind, request, reply.options);
        if (typeof body.access_token === "string") issuedTokens.push(body.access_token);
        send(res, 200, JSON.stringify(body), JSON_HEADERS);
        return;
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await recordRequest(kind, req);
    requests.push(request);
    if (request.isProbe) {
      // Real IMDS refuses any request without `Metadata: true`; identity counts that answer as "available".
      const reply = findRule("probe");
      if (reply === undefined) {
        const refusal = {
          error: "bad_request_102",
          error_description: "Required metadata header not specified",
        };
        send(res, 400, JSON.stringify(refusal), JSON_HEADERS);
      } else answer(res, request, reply);
      return;
    }
    if (arcKey !== undefined && request.headers.authorization !== `Basic ${arcKey.secret}`) {
      // Arc's agent proves the caller runs on the machine: read the file the challenge names and come back.
      const reply = findRule("token");
      answer(res, request, reply?.kind === "arcChallenge" ? reply : arcChallenge(arcKey.path));
      return;
    }
    answer(res, request, findRule("token") ?? token());
  }

  const env: Record<string, string> = (() => {
    switch (kind) {
      case "imds":
        return { AZURE_POD_IDENTITY_AUTHORITY_HOST: origin };
      case "appService":
        return { IDENTITY_ENDPOINT: url, IDENTITY_HEADER: MANAGED_IDENTITY.identityHeader };
      case "arc":
        return { IDENTITY_ENDPOINT: url, IMDS_ENDPOINT: origin };
      case "cloudShell":
        return { MSI_ENDPOINT: url };
      case "serviceFabric":
        return {
          IDENTITY_ENDPOINT: url,
          IDENTITY_HEADER: MANAGED_IDENTITY.identityHeader,
          IDENTITY_SERVER_THUMBPRINT: serverThumbprint(),
        };
    }
  })();

  return {
    kind,
    env,
    proxyEnv: kind === "imds" ? { HTTP_PROXY: origin } : {},
    url,
    port,
    get requests() {
      return requests;
    },
    get issuedTokens() {
      return issuedTokens;
    },
    get responses() {
      return responses;
    },
    arcKey: arcKey === undefined ? undefined : { path: arcKey.path, secret: arcKey.secret },
    respond(reply, when = {}) {
      rules.push({
        reply,
        endpoint: when.endpoint ?? "token",
        remaining: when.times ?? Number.POSITIVE_INFINITY,
      });
    },
    reset() {
      rules = [];
      requests = [];
      issuedTokens = [];
      responses = [];
      forgetManagedIdentityState();
    },
    async close() {
      // Hanging requests keep their sockets open; end them so `close` returns.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await arcKey?.cleanup();
    },
  };
}
