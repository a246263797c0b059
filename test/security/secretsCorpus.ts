/**
 * Every kind of secret an Azure authentication failure can carry, realistic in shape and obviously fake, each in
 * the text that really carries it (a form body, a JSON document, an environment dump, a header line…), and every
 * place in an error where that text can hide. The leak tests run each sample through each place and each output.
 *
 * Decisions recorded here:
 * - PEM certificates are public: they are not redacted (a thumbprint or subject in an error helps). Only the
 *   private-key block of a PEM bundle is a secret. `PUBLIC_PEM_CERTIFICATE` checks that it survives.
 * - Key Vault secret values, storage `listKeys` answers and other arbitrary strings with no telltale name or
 *   shape are not in the corpus: nothing can tell them from ordinary text. The same holds for a legacy client
 *   secret written bare in prose; legacy shapes appear only with the name that carries them.
 */
import { Buffer } from "node:buffer";

export interface SecretSample {
  /** What the secret is, e.g. "Entra client secret (8Q~ shape)". */
  kind: string;
  /** The text around it, e.g. "token request form body". */
  carrier: string;
  /** The carrier text, secret included, as a credential, a service or a user's code would print it. */
  text: string;
  /** The secret itself. Any third of it found in an output counts as a leak. */
  secret: string;
  /** Further pieces that are secret on their own: a JWT's payload and signature, a PEM key's body lines. */
  pieces?: readonly string[];
}

/** A place in an error where a carrier text hides; `build` returns a fresh error each call (redaction mutates). */
export interface HidingPlace {
  name: string;
  build(text: string): Error;
}

const b64 = (text: string): string => Buffer.from(text).toString("base64");
const b64url = (text: string): string => Buffer.from(text).toString("base64url");
const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

const TENANT = "11111111-2222-3333-4444-555555555555";
const CLIENT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

// --- the secrets -------------------------------------------------------------------------------------------------

/** Entra's current client secret shape: 3 characters, a digit, `Q~`, 34 more: 40 in all. */
export const ENTRA_CLIENT_SECRET = "Fk38Q~FAKE.secret-for-tests_only~0123456";
/** Older portal secrets: 44 base64 characters, or 32 with `[]:@-_.=`. */
const LEGACY_BASE64_SECRET = "FAKE+legacy/SecretNotReal+0123456789abcdefg=";
const LEGACY_SYMBOL_SECRET = "FAKE_.legacy-[sec]:ret@01234567=";
const CERTIFICATE_PASSWORD = "fake-pfx-password-Not4Real!";
const USER_PASSWORD = "FakeUserP@ssw0rd-not-real-42";
const OPAQUE_BEARER = "FAKEopaqueBearerToken_0123456789abcdefNOTREAL";
/** A personal access token: 52 lower-case base32 characters. */
const ADO_PAT = "fakepat0notreal0abcdefghijklmnopqrstuvwxyz2345672345";
/** A SAS signature as it is in the URL (percent-encoded base64) and as it decodes. */
const SAS_SIGNATURE = "FAKEsig0NotReal+abc/def0123456789ABCDEFGHIJ=";
const STORAGE_ACCOUNT_KEY =
  "FAKEstorageAccountKey0NotReal0123456789abcdefghijklmnopqrstuvwxyz+/ABCDEFGHIJKLMNOPQRS==";
const SERVICE_BUS_KEY = "FAKEserviceBusKey0NotReal0123456789abcdefgh=";
const COSMOS_KEY = "FAKEcosmosPrimaryKey0NotReal0123456789abcdefghijklmnopqrstuvwxyz+/ABCDEFGHIJKLMNOPQRST==";
/** Entra refresh tokens are opaque, start `0.A` or `1.A`, and run to hundreds of characters. */
const REFRESH_TOKEN =
  "0.AXoAFAKE-refresh-token-not-real_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789_abcdefghijklmnop";
/** App Service's `IDENTITY_HEADER`: the shared secret its managed identity endpoint checks. */
const IDENTITY_HEADER = "FAKE-identity-header-0a1b2c3d4e5f6a7b";

function jwt(claims: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ typ: "JWT", alg: "RS256", kid: "FAKE-corpus-key" }));
  const payload = b64url(JSON.stringify({ ...claims, fake: "not a real token" }));
  const signature = b64url(`FAKE signature for ${String(claims.sub)}: never valid, never real`);
  return `${header}.${payload}.${signature}`;
}

const NOW = 1_700_000_000;
const ACCESS_TOKEN = jwt({
  aud: "https://management.azure.com/",
  iss: `https://sts.windows.net/${TENANT}/`,
  tid: TENANT,
  oid: "0b1ec7a1-0000-4000-8000-1ab1ab1ab1ab",
  appid: CLIENT,
  sub: "0b1ec7a1-0000-4000-8000-1ab1ab1ab1ab",
  idtyp: "app",
  iat: NOW,
  nbf: NOW,
  exp: NOW + 3600,
});
const CLIENT_ASSERTION = jwt({
  aud: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
  iss: CLIENT,
  sub: CLIENT,
  jti: "FAKE-assertion-id",
  nbf: NOW,
  exp: NOW + 600,
});
const FEDERATED_TOKEN = jwt({
  aud: "api://AzureADTokenExchange",
  iss: "https://oidc.fake.example/issuer",
  sub: "system:serviceaccount:fake:workload",
  nbf: NOW,
  exp: NOW + 3600,
});
/** Azure DevOps issues System.AccessToken as a JWT nowadays. */
const SYSTEM_ACCESS_TOKEN = jwt({
  aud: "app.vstoken.visualstudio.com|vso:FAKE",
  iss: "app.vstoken.visualstudio.com",
  sub: "FAKE-build-identity",
  nbf: NOW,
  exp: NOW + 3600,
});

const pemLines = (seed: string, count: number, filler = "FAKE0NOT0REAL0KEY0MATERIAL"): string[] =>
  Array.from({ length: count }, (_v, i) =>
    `${seed}${filler.repeat(3)}${String(i).padStart(4, "0")}`.slice(0, 64),
  );

function pem(label: string, body: readonly string[], headers: readonly string[] = []): string {
  return [`-----BEGIN ${label}-----`, ...headers, ...body, `-----END ${label}-----`].join("\n");
}

const RSA_KEY_BODY = pemLines("MIIEowIBAAKCAQEArsa", 4);
const EC_KEY_BODY = pemLines("MHcCAQEEIEcurve", 3);
const PKCS8_KEY_BODY = pemLines("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCpkcs8", 4);
const ENCRYPTED_KEY_BODY = pemLines("MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiGencrypted", 4);
const LEGACY_ENCRYPTED_BODY = pemLines("Y2lwaGVydGV4dGxlZ2FjeWVuY3J5cHRlZA", 3);

/** A certificate is public: it may appear in output (decision above). */
export const PUBLIC_PEM_CERTIFICATE = pem(
  "CERTIFICATE",
  // Its own filler: a certificate sharing text with a key would count as that key's leak.
  pemLines("MIIDazCCAlOgAwIBAgIUcert", 3, "PUBLIC0CERT0BODY0SHOWN0OK"),
);

// --- the carriers ------------------------------------------------------------------------------------------------

const jwtPieces = (token: string): string[] => token.split(".").slice(1);

const tokenRequest = (extra: Record<string, string>): string =>
  form({ client_id: CLIENT, scope: "https://management.azure.com/.default", ...extra });

const envDump = (lines: Record<string, string>): string =>
  Object.entries({ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, ...lines })
    .map(([name, value]) => `${name}=${value}`)
    .join("\n");

/** identity 4.x's AzurePipelinesCredential quotes the whole OIDC response, request headers included. */
const pipelinesMessage = (token: string): string =>
  `AzurePipelinesCredential: Authentication Failed. Received null token from OIDC request. ${JSON.stringify({
    request: {
      url: "https://dev.azure.com/fake-org/00000000-0000-0000-0000-000000000000/_apis/distributedtask/hubs/build/plans/x/jobs/y/oidctoken?api-version=7.1",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    },
    status: 401,
  })}`;

const storageConnection = `DefaultEndpointsProtocol=https;AccountName=fakeaccount;AccountKey=${STORAGE_ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
const serviceBusConnection = `Endpoint=sb://fake-namespace.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${SERVICE_BUS_KEY}`;
const cosmosConnection = `AccountEndpoint=https://fake-cosmos.documents.azure.com:443/;AccountKey=${COSMOS_KEY};`;
const sasQuery = `sv=2022-11-02&ss=b&srt=co&sp=r&se=2030-01-01T00:00:00Z&sig=${encodeURIComponent(SAS_SIGNATURE)}`;

function samples(
  kind: string,
  secret: string,
  carriers: Record<string, string>,
  pieces?: readonly string[],
): SecretSample[] {
  return Object.entries(carriers).map(([carrier, text]) => ({
    kind,
    carrier,
    text,
    secret,
    ...(pieces ? { pieces } : {}),
  }));
}

function pemSamples(kind: string, block: string, body: readonly string[]): SecretSample[] {
  return samples(
    kind,
    body.join("\n"),
    {
      "key file contents": `could not load the certificate file /etc/fake/app.pem:\n${block}\n`,
      "certificate bundle": `${PUBLIC_PEM_CERTIFICATE}\n${block}`,
    },
    body,
  );
}

/** Every sample: one secret in one carrier. */
export const SECRET_SAMPLES: readonly SecretSample[] = [
  ...samples("Entra client secret (8Q~ shape)", ENTRA_CLIENT_SECRET, {
    prose: `the secret ${ENTRA_CLIENT_SECRET} was not accepted`,
    "token request form body": tokenRequest({
      grant_type: "client_credentials",
      client_secret: ENTRA_CLIENT_SECRET,
    }),
    "JSON settings": JSON.stringify({
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: ENTRA_CLIENT_SECRET,
    }),
    "environment dump": envDump({ AZURE_CLIENT_SECRET: ENTRA_CLIENT_SECRET }),
  }),
  ...samples("legacy client secret (base64)", LEGACY_BASE64_SECRET, {
    "token request form body": tokenRequest({
      grant_type: "client_credentials",
      client_secret: LEGACY_BASE64_SECRET,
    }),
    "JSON settings": JSON.stringify({ client_secret: LEGACY_BASE64_SECRET }),
    "environment dump": envDump({ AZURE_CLIENT_SECRET: LEGACY_BASE64_SECRET }),
  }),
  ...samples("legacy client secret (symbols)", LEGACY_SYMBOL_SECRET, {
    "token request form body": tokenRequest({
      grant_type: "client_credentials",
      client_secret: LEGACY_SYMBOL_SECRET,
    }),
    "JSON settings": JSON.stringify({ clientSecret: LEGACY_SYMBOL_SECRET }),
    "environment dump": envDump({ AZURE_CLIENT_SECRET: LEGACY_SYMBOL_SECRET }),
  }),
  ...samples("certificate password", CERTIFICATE_PASSWORD, {
    "environment dump": envDump({
      AZURE_CLIENT_CERTIFICATE_PATH: "/etc/fake/app.pfx",
      AZURE_CLIENT_CERTIFICATE_PASSWORD: CERTIFICATE_PASSWORD,
    }),
    "JSON settings": JSON.stringify({
      certificatePath: "/etc/fake/app.pfx",
      certificatePassword: CERTIFICATE_PASSWORD,
    }),
  }),
  ...samples("user password", USER_PASSWORD, {
    "token request form body": tokenRequest({
      grant_type: "password",
      username: "fake.user@contoso.example",
      password: USER_PASSWORD,
    }),
    "environment dump": envDump({
      AZURE_USERNAME: "fake.user@contoso.example",
      AZURE_PASSWORD: USER_PASSWORD,
    }),
    "JSON settings": JSON.stringify({ username: "fake.user@contoso.example", password: USER_PASSWORD }),
  }),
  ...pemSamples("RSA private key", pem("RSA PRIVATE KEY", RSA_KEY_BODY), RSA_KEY_BODY),
  ...pemSamples("EC private key", pem("EC PRIVATE KEY", EC_KEY_BODY), EC_KEY_BODY),
  ...pemSamples("PKCS#8 private key", pem("PRIVATE KEY", PKCS8_KEY_BODY), PKCS8_KEY_BODY),
  ...pemSamples(
    "encrypted PKCS#8 private key",
    pem("ENCRYPTED PRIVATE KEY", ENCRYPTED_KEY_BODY),
    ENCRYPTED_KEY_BODY,
  ),
  ...pemSamples(
    "encrypted legacy RSA private key",
    pem("RSA PRIVATE KEY", LEGACY_ENCRYPTED_BODY, [
      "Proc-Type: 4,ENCRYPTED",
      "DEK-Info: AES-256-CBC,FAKE0123456789ABCDEF0123456789AB",
      "",
    ]),
    LEGACY_ENCRYPTED_BODY,
  ),
  ...samples(
    "JWT access token",
    ACCESS_TOKEN,
    {
      prose: `the service refused the token ${ACCESS_TOKEN} as expired`,
      "request header line": `authorization: Bearer ${ACCESS_TOKEN}\nx-ms-client-request-id: 7b12f9bb-2eef-42e3-ad75-eee69ec9088d`,
      "Azure CLI JSON": `{\n  "accessToken": "${ACCESS_TOKEN}",\n  "expiresOn": "2030-01-01 00:00:00.000000",\n  "tenant": "${TENANT}"\n}`,
    },
    jwtPieces(ACCESS_TOKEN),
  ),
  ...samples(
    "client assertion",
    CLIENT_ASSERTION,
    {
      "token request form body": tokenRequest({
        grant_type: "client_credentials",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: CLIENT_ASSERTION,
      }),
    },
    jwtPieces(CLIENT_ASSERTION),
  ),
  ...samples(
    "federated token",
    FEDERATED_TOKEN,
    {
      "token file contents": `read /var/run/secrets/azure/tokens/azure-identity-token: ${FEDERATED_TOKEN}`,
      "JSON property": JSON.stringify({ oidcToken: FEDERATED_TOKEN }),
    },
    jwtPieces(FEDERATED_TOKEN),
  ),
  ...samples("opaque bearer token", OPAQUE_BEARER, {
    "request header line": `Authorization: Bearer ${OPAQUE_BEARER}`,
    "headers as JSON": JSON.stringify({ headers: { authorization: `Bearer ${OPAQUE_BEARER}` } }),
    prose: `called the API with Bearer ${OPAQUE_BEARER} and got 401`,
  }),
  ...samples(
    "System.AccessToken (JWT)",
    SYSTEM_ACCESS_TOKEN,
    {
      "identity's AzurePipelinesCredential message": pipelinesMessage(SYSTEM_ACCESS_TOKEN),
      "environment dump": envDump({ SYSTEM_ACCESSTOKEN: SYSTEM_ACCESS_TOKEN }),
    },
    jwtPieces(SYSTEM_ACCESS_TOKEN),
  ),
  ...samples("System.AccessToken (PAT shape)", ADO_PAT, {
    "identity's AzurePipelinesCredential message": pipelinesMessage(ADO_PAT),
    "environment dump": envDump({ SYSTEM_ACCESSTOKEN: ADO_PAT }),
    "basic authorization header": `Authorization: Basic ${b64(`:${ADO_PAT}`)}`,
  }),
  ...samples("SAS signature", SAS_SIGNATURE, {
    "blob URL": `https://fakeaccount.blob.core.windows.net/container/blob.txt?${sasQuery}`,
    "SAS connection string": `BlobEndpoint=https://fakeaccount.blob.core.windows.net/;SharedAccessSignature=${sasQuery}`,
  }),
  ...samples("storage account key", STORAGE_ACCOUNT_KEY, {
    "connection string": `could not connect with connection string "${storageConnection}"`,
  }),
  ...samples("Service Bus shared access key", SERVICE_BUS_KEY, {
    "connection string": `could not connect with connection string "${serviceBusConnection}"`,
  }),
  ...samples("Cosmos DB account key", COSMOS_KEY, {
    "connection string": `could not connect with connection string "${cosmosConnection}"`,
  }),
  ...samples("refresh token", REFRESH_TOKEN, {
    "token response JSON": JSON.stringify({
      token_type: "Bearer",
      scope: "https://management.azure.com/.default",
      refresh_token: REFRESH_TOKEN,
    }),
    "token request form body": tokenRequest({ grant_type: "refresh_token", refresh_token: REFRESH_TOKEN }),
    "MSAL token cache": JSON.stringify({
      RefreshToken: { "fake-key": { credential_type: "RefreshToken", secret: REFRESH_TOKEN } },
    }),
  }),
  ...samples("managed identity IDENTITY_HEADER", IDENTITY_HEADER, {
    "environment dump": envDump({
      IDENTITY_ENDPOINT: "http://127.0.0.1:41741/msi/token",
      IDENTITY_HEADER,
    }),
    "request header line": `x-identity-header: ${IDENTITY_HEADER}\nmetadata: true`,
    "headers as JSON": JSON.stringify({ "x-identity-header": IDENTITY_HEADER, metadata: "true" }),
  }),
];

/** Every secret value in the corpus, for checks that do not care where it came from. */
export const ALL_SECRETS: readonly string[] = [...new Set(SECRET_SAMPLES.map((s) => s.secret))];

// --- the places --------------------------------------------------------------------------------------------------

export const REFUSAL =
  "AADSTS7000215: Invalid client secret provided. Trace ID: 0f4c7a35-1c7e-4bb8-9c8e-7d1b6a2f3e00 Correlation ID: 3c1f2a9b-8d7e-4f6a-9b5c-2e1d0c9b8a7f Timestamp: 2024-05-01 10:00:00Z";

export function named(name: string, message: string, fields: Record<string, unknown> = {}): Error {
  const error = new Error(message);
  error.name = name;
  // Give the stack the name too, as a subclass's constructor would.
  error.stack = `${name}: ${message}\n    at getToken (file:///app/node_modules/@azure/identity/dist/esm/credentials/clientSecretCredential.js:60:19)`;
  return Object.assign(error, fields);
}

/** Headers as core-rest-pipeline hands them over: readable with `get`, printed and serialised as plain values. */
export function httpHeaders(values: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) headers[name.toLowerCase()] = value;
  Object.defineProperty(headers, "get", {
    value: (name: string) => headers[name.toLowerCase()],
    enumerable: false,
  });
  return headers;
}

const asUrlPart = (text: string): string => text.replace(/\s/g, (c) => encodeURIComponent(c));

export const HIDING_PLACES: readonly HidingPlace[] = [
  { name: "error message", build: (text) => named("AuthenticationError", `${REFUSAL}\n${text}`) },
  {
    name: "stack only",
    build: (text) => {
      const error = named("AuthenticationError", REFUSAL);
      error.stack = `AuthenticationError: ${REFUSAL}\n${text}\n    at getToken (file:///app/index.js:1:1)`;
      return error;
    },
  },
  {
    name: "cause",
    build: (text) =>
      named("CredentialUnavailableError", "ClientSecretCredential: authentication failed", {
        cause: named("AuthenticationError", `${REFUSAL}\n${text}`),
      }),
  },
  {
    name: "cause three deep",
    build: (text) =>
      named("Error", "request failed", {
        cause: named("Error", "token acquisition failed", {
          cause: named("AuthenticationError", `${REFUSAL}\n${text}`),
        }),
      }),
  },
  {
    name: "aggregate member",
    build: (text) =>
      named("AggregateAuthenticationError", "ChainedTokenCredential authentication failed.", {
        errors: [
          named(
            "CredentialUnavailableError",
            "EnvironmentCredential is unavailable. No underlying credential.",
          ),
          named("AuthenticationError", `ClientSecretCredential: ${REFUSAL}\n${text}`),
        ],
      }),
  },
  {
    name: "errorResponse",
    build: (text) =>
      named("AuthenticationError", "invalid_client(status code 401).", {
        statusCode: 401,
        errorResponse: {
          error: "invalid_client",
          errorDescription: `${REFUSAL}\n${text}`,
          errorCodes: [7000215],
          traceId: "0f4c7a35-1c7e-4bb8-9c8e-7d1b6a2f3e00",
          correlationId: "3c1f2a9b-8d7e-4f6a-9b5c-2e1d0c9b8a7f",
        },
      }),
  },
  {
    name: "response bodyAsText",
    build: (text) =>
      named("RestError", "Unauthorized", {
        statusCode: 401,
        code: "InvalidAuthenticationToken",
        response: { status: 401, bodyAsText: text, headers: httpHeaders({}) },
      }),
  },
  {
    name: "request and response headers",
    build: (text) =>
      named("RestError", "The access token is invalid.", {
        statusCode: 401,
        request: {
          url: "https://management.azure.com/subscriptions?api-version=2022-12-01",
          headers: httpHeaders({ authorization: text, "x-ms-client-request-id": "7b12f9bb" }),
        },
        response: {
          status: 401,
          bodyAsText: "",
          headers: httpHeaders({
            "www-authenticate": `Bearer authorization_uri="https://login.microsoftonline.com/${TENANT}", error="invalid_token", error_description="${text}"`,
            "x-ms-failure-cause": text,
          }),
        },
      }),
  },
  {
    name: "URL query string",
    build: (text) => {
      const url = `https://fake-vault.vault.azure.net/secrets/x?api-version=7.4&${asUrlPart(text)}`;
      return named("RestError", `GET ${url} failed with status 403`, { statusCode: 403, request: { url } });
    },
  },
  {
    name: "JSON-encoded text",
    build: (text) =>
      named(
        "AuthenticationError",
        `Request failed: ${JSON.stringify({ status: 401, detail: `${REFUSAL}\n${text}` })}`,
      ),
  },
  {
    name: "URL-encoded text",
    build: (text) => named("AuthenticationError", `${REFUSAL}\nrequest body: ${form({ detail: text })}`),
  },
  {
    name: "base64 inside JSON",
    build: (text) =>
      named(
        "AuthenticationError",
        `${REFUSAL}\nrequest: ${JSON.stringify({ encoding: "base64", body: b64(text) })}`,
      ),
  },
];
