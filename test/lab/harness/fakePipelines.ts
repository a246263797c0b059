/**
 * A fake of the Azure DevOps OIDC token API that AzurePipelinesCredential calls
 * (`POST $SYSTEM_OIDCREQUESTURI?api-version=7.1&serviceConnectionId=…` with `Authorization: Bearer
 * $(System.AccessToken)`). It records each call — the pipeline's access token arrives here, so tests can prove a
 * diagnosis never repeats it — and answers with a token or one of the service's refusals.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { serverTlsOptions } from "./tls.js";
import { LAB, makeFederatedToken } from "./tokens.js";

/** Fixed Azure DevOps ids for the lab: the organization, project and service connection behind the OIDC call. */
export const PIPELINES = {
  organization: "lab-org",
  organizationId: "0a0b0c0d-1111-4222-8333-0a0b0c0d0e0f",
  project: "lab-project",
  projectId: "9a9b9c9d-5555-4666-8777-9a9b9c9d9e9f",
  planId: "b1a2b3c4-0000-4000-8000-000000000b1a",
  jobId: "0b0b0b0b-1234-4321-8888-0b0b0b0b0b0b",
  serviceConnection: "lab-connection",
  serviceConnectionId: "5c5c5c5c-aaaa-4bbb-8ccc-5c5c5c5c5c5c",
  /** Stands in for $(System.AccessToken); a secret, so diagnoses must never print it. */
  systemAccessToken: "lab-system-access-token-DO-NOT-PRINT-7f3c9a1e5b",
} as const;

export type PipelinesReply =
  /** 200 `{"oidcToken": …}`; default token: an Azure DevOps-issued assertion for the lab service connection. */
  | { readonly kind: "ok"; readonly oidcToken?: string }
  /** A refusal with the body the service would send: JSON (`{"$id":"1",…,"message":…}`), its HTML page, or nothing. */
  | {
      readonly kind: "refuse";
      readonly status: number;
      readonly body: "json" | "html" | "empty";
      readonly message?: string;
    }
  /** 200 with JSON that has no `oidcToken`. */
  | { readonly kind: "noToken"; readonly body?: string }
  | {
      readonly kind: "raw";
      readonly status: number;
      readonly body: string;
      readonly headers?: Readonly<Record<string, string>>;
    };

export interface PipelinesRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case header names; `authorization` holds `Bearer <System.AccessToken>`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly serviceConnectionId: string | undefined;
  readonly apiVersion: string | undefined;
}

export interface FakePipelines {
  /** The value for `SYSTEM_OIDCREQUESTURI`. */
  readonly oidcRequestUri: string;
  readonly requests: readonly PipelinesRequest[];
  /** OIDC tokens handed out, oldest first. */
  readonly issuedTokens: readonly string[];
  /** Sets the answer for every following call (default `{ kind: "ok" }`). */
  respond(reply: PipelinesReply): void;
  reset(): void;
  close(): Promise<void>;
}

/** The assertion Azure DevOps issues for a service connection (its classic issuer and `sc://` subject). */
export function makePipelinesOidcToken(): string {
  return makeFederatedToken({
    issuer: `https://vstoken.dev.azure.com/${PIPELINES.organizationId}`,
    subject: `sc://${PIPELINES.organization}/${PIPELINES.project}/${PIPELINES.serviceConnection}`,
    lifetimeSeconds: 600,
  });
}

const REFUSAL_TEXT: Record<number, { message: string; typeName: string; typeKey: string }> = {
  401: {
    message: "TF400813: The user '' is not authorized to access this resource.",
    typeName:
      "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server",
    typeKey: "UnauthorizedRequestException",
  },
  403: {
    message: `Access denied. ${PIPELINES.project} Build Service (${PIPELINES.organization}) needs Use permissions for service connection '${PIPELINES.serviceConnectionId}' to perform the action.`,
    typeName:
      "Microsoft.VisualStudio.Services.Security.AccessCheckException, Microsoft.VisualStudio.Services.WebApi",
    typeKey: "AccessCheckException",
  },
};

// What the service sent before clients added `X-TFS-FedAuthRedirect: Suppress`: a redirect page to its sign-in.
const SIGN_IN_PAGE =
  '<html><head><title>Object moved</title></head><body>\r\n<h2>Object moved to <a href="https://spsprodweu5.vssps.visualstudio.com/_signin?realm=dev.azure.com&amp;reply_to=https%3A%2F%2Fdev.azure.com%2Flab-org%2F&amp;redirect=1">here</a>.</h2>\r\n</body></html>\r\n';

function refusalBody(status: number, body: "json" | "html" | "empty", message: string | undefined): string {
  if (body === "empty") return "";
  if (body === "html") return SIGN_IN_PAGE;
  const known = REFUSAL_TEXT[status] ?? REFUSAL_TEXT[401];
  return JSON.stringify({
    $id: "1",
    innerException: null,
    message: message ?? known?.message,
    typeName: known?.typeName,
    typeKey: known?.typeKey,
    errorCode: 0,
    eventId: 3000,
  });
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

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakePipelines(): Promise<FakePipelines> {
  let reply: PipelinesReply = { kind: "ok" };
  let requests: PipelinesRequest[] = [];
  let issuedTokens: string[] = [];

  const server: Server = createServer(serverTlsOptions(), (req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const path = `/${PIPELINES.organization}/${PIPELINES.projectId}/_apis/distributedtask/hubs/build/plans/${PIPELINES.planId}/jobs/${PIPELINES.jobId}/oidctoken`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "https://pipelines.invalid");
    const query = Object.fromEntries(url.searchParams);
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query,
      headers: headersOf(req),
      body: await readBody(req),
      serviceConnectionId: query.serviceConnectionId,
      apiVersion: query["api-version"],
    });
    // Headers Azure DevOps always sends; identity quotes the first two in its error messages.
    const service = {
      "x-vss-e2eid": randomUUID(),
      "x-msedge-ref": `Ref A: ${randomUUID().replace(/-/g, "").toUpperCase()} Ref B: LAB01EDGE0101 Ref C: ${new Date().toISOString()}`,
      activityid: randomUUID(),
      "x-tfs-processid": randomUUID(),
    };
    const json = { "content-type": "application/json; charset=utf-8; api-version=7.1" };
    switch (reply.kind) {
      case "ok": {
        const oidcToken = reply.oidcToken ?? makePipelinesOidcToken();
        issuedTokens.push(oidcToken);
        res.writeHead(200, { ...service, ...json });
        res.end(JSON.stringify({ oidcToken }));
        return;
      }
      case "noToken":
        res.writeHead(200, { ...service, ...json });
        res.end(reply.body ?? JSON.stringify({ $id: "1", oidcToken: null }));
        return;
      case "refuse": {
        const challenge =
          reply.status === 401
            ? {
                "www-authenticate": `Bearer authorization_uri=https://login.microsoftonline.com/${LAB.tenantId}, Basic realm="https://tfsprodweu5.visualstudio.com/", TFS-Federated`,
              }
            : {};
        const type =
          reply.body === "html"
            ? { "content-type": "text/html; charset=utf-8" }
            : reply.body === "json"
              ? json
              : {};
        res.writeHead(reply.status, { ...service, ...type, ...challenge });
        res.end(refusalBody(reply.status, reply.body, reply.message));
        return;
      }
      case "raw":
        res.writeHead(reply.status, { ...service, ...reply.headers });
        res.end(reply.body);
        return;
    }
  }

  return {
    oidcRequestUri: `https://127.0.0.1:${port}${path}`,
    get requests() {
      return requests;
    },
    get issuedTokens() {
      return issuedTokens;
    },
    respond(next) {
      reply = next;
    },
    reset() {
      reply = { kind: "ok" };
      requests = [];
      issuedTokens = [];
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
