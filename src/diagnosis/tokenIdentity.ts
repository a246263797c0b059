/**
 * Who an access token was issued to, read from its claims. The token is decoded in place and dropped: only
 * the claims below leave this module, and user names only when the caller opts in.
 */

/** The identity an access token speaks for. Every field is `null` when the token does not carry it. */
export interface TokenIdentity {
  /** `tid`: the tenant that issued the token. */
  tenantId: string | null;
  /** `oid`: the object id RBAC role assignments must target. */
  objectId: string | null;
  /** `appid` (v1) or `azp` (v2): the client that asked for the token; a managed identity's client id. */
  appId: string | null;
  /** `idtyp`: `"app"` for service principals and managed identities, `"user"` for people. */
  identityType: string | null;
  /** `aud`: the resource the token is for. */
  audience: string | null;
  issuer: string | null;
  /** `exp` as an ISO date. */
  expiresOn: string | null;
  /** `xms_mirid`: the managed identity's Azure resource id. */
  managedIdentityResourceId: string | null;
  /** `roles`: application roles granted to the caller. */
  roles: string[];
  /** `scp`: delegated scopes (user tokens only). */
  scopes: string[];
  /** `upn`, `preferred_username` or `unique_name`; only with `includeUserNames`. */
  userName: string | null;
}

function decodeBase64Url(segment: string): string | null {
  try {
    const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

function claim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === "string" && value.length <= 1024 ? value : null;
}

function claimList(value: unknown, separator?: string): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string").slice(0, 64);
  if (typeof value === "string" && separator !== undefined)
    return value.split(separator).filter(Boolean).slice(0, 64);
  return [];
}

/** Reads the identity from a JWT access token; `null` when it is not a readable JWT. Never throws. */
export function readTokenIdentity(
  token: string,
  options: { includeUserNames?: boolean } = {},
): TokenIdentity | null {
  if (typeof token !== "string" || token.length > 64 * 1024) return null;
  const payload = token.split(".")[1];
  const json = payload ? decodeBase64Url(payload) : null;
  if (!json) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(json);
  } catch {
    return null;
  }
  if (claims === null || typeof claims !== "object" || Array.isArray(claims)) return null;
  const c = claims as Record<string, unknown>;
  const exp =
    typeof c.exp === "number" && Number.isFinite(c.exp) ? new Date(c.exp * 1000).toISOString() : null;
  const audience = Array.isArray(c.aud) ? claimList(c.aud).join(" ") || null : claim(c, "aud");
  return {
    tenantId: claim(c, "tid"),
    objectId: claim(c, "oid"),
    appId: claim(c, "appid") ?? claim(c, "azp"),
    identityType: claim(c, "idtyp"),
    audience,
    issuer: claim(c, "iss"),
    expiresOn: exp,
    managedIdentityResourceId: claim(c, "xms_mirid"),
    roles: claimList(c.roles),
    scopes: claimList(c.scp, " "),
    userName: options.includeUserNames
      ? (claim(c, "upn") ?? claim(c, "preferred_username") ?? claim(c, "unique_name"))
      : null,
  };
}
