/**
 * Real-shaped JWTs for the lab: access tokens as Entra issues them and federated assertions as a workload
 * platform would. Signatures are random bytes: nothing on the client side verifies them, and nothing here
 * must ever pass for a real token.
 */
import { randomBytes, randomUUID } from "node:crypto";

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  appid?: string;
  azp?: string;
  idtyp?: "app" | "user";
  sub: string;
  exp: number;
  iat: number;
  nbf: number;
  ver: "1.0" | "2.0";
  xms_mirid?: string;
  roles?: string[];
  scp?: string;
  upn?: string;
  [extra: string]: unknown;
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString("base64url");

/** Encodes claims as a compact JWT with a fake RS256 signature. */
export function encodeJwt(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const head = { typ: "JWT", alg: "RS256", kid: "lab-signing-key", ...header };
  return `${base64url(JSON.stringify(head))}.${base64url(JSON.stringify(claims))}.${base64url(randomBytes(64))}`;
}

/** Lab tenant, app and object ids: fixed so scenarios can assert them, obviously not real. */
export const LAB = {
  tenantId: "11111111-2222-3333-4444-555555555555",
  otherTenantId: "66666666-7777-8888-9999-000000000000",
  clientId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  objectId: "0b1ec7a1-0000-4000-8000-1ab1ab1ab1ab",
  managedIdentityClientId: "0e0e0e0e-1111-4222-8333-444444444444",
  userObjectId: "05e40b1d-0000-4000-8000-0000000000aa",
  userName: "lab.user@contoso.example",
} as const;

/** An access token for `audience` (a resource or scope; `/.default` is stripped) with realistic claims. */
export function makeAccessToken(
  overrides: Partial<AccessTokenClaims> & { audience?: string; lifetimeSeconds?: number } = {},
): string {
  const { audience, lifetimeSeconds = 3600, ...claims } = overrides;
  const now = Math.floor(Date.now() / 1000);
  const aud = (audience ?? "https://management.azure.com/").replace(/\/\.default$/, "");
  const tid = claims.tid ?? LAB.tenantId;
  const payload: AccessTokenClaims = {
    aud,
    iss: `https://sts.windows.net/${tid}/`,
    tid,
    oid: LAB.objectId,
    appid: LAB.clientId,
    idtyp: "app",
    sub: LAB.objectId,
    iat: now,
    nbf: now,
    exp: now + lifetimeSeconds,
    ver: "1.0",
    uti: randomUUID(),
    ...claims,
  };
  return encodeJwt(payload);
}

/** A federated assertion (what a workload identity token file or an Azure Pipelines OIDC call holds). */
export function makeFederatedToken(
  options: { issuer?: string; subject?: string; audience?: string; lifetimeSeconds?: number } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  return encodeJwt({
    iss: options.issuer ?? "https://oidc.lab.localhost/issuer",
    sub: options.subject ?? "system:serviceaccount:lab:workload",
    aud: options.audience ?? "api://AzureADTokenExchange",
    iat: now,
    nbf: now,
    exp: now + (options.lifetimeSeconds ?? 3600),
    jti: randomUUID(),
  });
}
