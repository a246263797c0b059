/**
 * A generated adversarial corpus: families of hiding places written from what a secret is (a name that says so, a
 * token with a shape, credentials in a URL) rather than from what the redaction knows, each carrying its own unique
 * secret. Every carrier is built from a template and a fresh secret, so no two places share a secret and a leak
 * names its place exactly. Families that the probe of issue 17 reported come first; those found while writing this
 * suite follow (`NEW:` in the family name).
 */
import { Buffer } from "node:buffer";
import type { SecretSample } from "./secretsCorpus.js";
import { ALNUM, BASE64, seededSecrets } from "./seededSecrets.js";

const WORDS = [
  "correct",
  "horse",
  "battery",
  "staple",
  "winter",
  "orange",
  "castle",
  "river",
  "falcon",
  "marble",
];
const { random, fresh, memorable: memorableJoined } = seededSecrets(17, WORDS);
/** A password people choose: words and a number, not random enough to give itself away without its name. */
const memorable = (): string => memorableJoined("-", 1e6);
const SYMBOLIC = `${ALNUM}-_.~!@#$^*`;

const b64 = (text: string | Buffer): string => Buffer.from(text).toString("base64");
const b64url = (text: string): string => Buffer.from(text).toString("base64url");

function randomBytes(count: number): Buffer {
  const bytes = Buffer.alloc(count);
  for (let i = 0; i < count; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

/** A JWT whose claims and signature are unique: the payload and signature are each secret on their own. */
function freshJwt(header: Record<string, unknown> = { typ: "JWT", alg: "RS256" }): {
  token: string;
  pieces: string[];
} {
  const payload = b64url(
    JSON.stringify({ aud: "https://management.azure.com/", sub: fresh(24), nonce: fresh(16) }),
  );
  const signature = randomBytes(64).toString("base64url");
  return { token: `${b64url(JSON.stringify(header))}.${payload}.${signature}`, pieces: [payload, signature] };
}

const samples: SecretSample[] = [];

function add(family: string, carrier: string, secret: string, text: string, pieces?: string[]): void {
  samples.push({ kind: family, carrier, secret, text, ...(pieces ? { pieces } : {}) });
}

// --- names written every way ---------------------------------------------------------------------------------------

/** Names of secrets as programs, shells, services and people write them. */
const NAMES = [
  "client_secret",
  "clientSecret",
  "ClientSecret",
  "ARM_CLIENT_SECRET",
  "AZURE_CLIENT_SECRET",
  "DB_PASSWORD",
  "password",
  "Passwd",
  "pwd",
  "refresh_token",
  "accessToken",
  "primaryMasterKey",
  "accountKey",
  "SharedAccessKey",
  "api-key",
  "Ocp-Apim-Subscription-Key",
  "x-ms-encryption-key",
  "x-functions-key",
  "client_assertion",
  "AZURE_CLIENT_CERTIFICATE_PASSWORD",
  "SYSTEM_ACCESSTOKEN",
  "MSI_SECRET",
  "IDENTITY_HEADER",
  "sasToken",
  "storageKey",
  "privateKey",
  "signature",
  "githubToken",
  "NPM_TOKEN",
  "AZDO_PAT",
  "spring.cloud.azure.credential.client-secret",
  "adminPassword",
];

let nameTurn = 0;
const nextName = (): string => NAMES[nameTurn++ % NAMES.length] ?? "password";

/** How a name and its value are written: separators, quotes, markup, other languages' printouts. */
const FORMATS: Record<string, (name: string, value: string) => string> = {
  "name=value": (n, v) => `${n}=${v}`,
  "name = value": (n, v) => `${n} = ${v}`,
  "name: value": (n, v) => `${n}: ${v}`,
  "name:value": (n, v) => `${n}:${v}`,
  "tabs around =": (n, v) => `${n}\t=\t${v}`,
  "JSON property": (n, v) => JSON.stringify({ grant_type: "client_credentials", [n]: v }),
  "JSON with spaces": (n, v) => `{ "${n}" : "${v}" }`,
  "Python dict repr": (n, v) => `{'tenant_id': 'x', '${n}': '${v}'}`,
  "util.inspect of an object": (n, v) => `{ tenantId: 'x', ${n.replace(/[-.]/g, "_")}: '${v}', retries: 3 }`,
  "XML element": (n, v) => `<Settings><${n.replace(/\./g, "_")}>${v}</${n.replace(/\./g, "_")}></Settings>`,
  "shell export": (n, v) => `export ${n.replace(/[-.]/g, "_")}="${v}"`,
  "declare -x": (n, v) => `declare -x ${n.replace(/[-.]/g, "_")}="${v}"`,
  "single-quoted assignment": (n, v) => `${n}='${v}'`,
  "escaped JSON": (n, v) => JSON.stringify(JSON.stringify({ [n]: v })),
  "\\u0022 quotes": (n, v) => `{\\u0022${n}\\u0022:\\u0022${v}\\u0022}`,
  "query parameter": (n, v) => `https://example.test/path?x=1&${n}=${v}&y=2`,
  "\\u0026 query parameter": (n, v) => `https://example.test/path?x=1\\u0026${n}=${v}\\u0026y=2`,
  "connection string": (n, v) => `Endpoint=sb://ns.example.test/;${n}=${v};EntityPath=q`,
  "Go struct": (n, v) => `&{TenantID:x ${n.replace(/[-.]/g, "")}:${v} Retries:3}`,
  "fat arrow": (n, v) => `${n} => "${v}"`,
  walrus: (n, v) => `${n} := "${v}"`,
  "app.config add": (n, v) => `<add key="${n}" value="${v}" />`,
  "name/value JSON pair": (n, v) => `[{"name":"${n}","value":"${v}"}]`,
  "markdown table": (n, v) => `| ${n} | ${v} |`,
  "HTML-escaped JSON": (n, v) => `&quot;${n}&quot;:&quot;${v}&quot;`,
  "URL-encoded pair": (n, v) => encodeURIComponent(`${n}=${v}`),
  "PowerShell env": (n, v) => `$env:${n.replace(/[-.]/g, "_")} = '${v}'`,
  "cmd set": (n, v) => `set ${n.replace(/[-.]/g, "_")}=${v}`,
  "docker -e": (n, v) => `docker run -e ${n.replace(/[-.]/g, "_")}=${v} image`,
  YAML: (n, v) => `settings:\n  ${n}: ${v}\n  retries: 3`,
  "HTTP header line": (n, v) => `POST /token HTTP/1.1\r\n${n}: ${v}\r\nContent-Type: x`,
  "upper-case name": (n, v) => `${n.toUpperCase().replace(/[-.]/g, "_")}=${v}`,
  "lower-case name": (n, v) => `${n.toLowerCase()}: "${v}"`,
  Terraform: (n, v) => `  ${n.replace(/[-.]/g, "_")} = "${v}"`,
  "Java properties": (n, v) => `${n}=${v}\nlogging.level=INFO`,
  "NEW: ODBC braces": (n, v) => `Driver={ODBC};Server=x;${n}={${v}};`,
};

for (const [format, write] of Object.entries(FORMATS)) {
  // Three names per format, each with its own secret: random, memorable (no shape to find), random with symbols.
  for (let i = 0; i < 3; i++) {
    const name = nextName();
    const secret = i === 1 ? memorable() : fresh(28 + i * 4, i === 2 ? SYMBOLIC.replace(/[$^]/g, "") : ALNUM);
    add(`secret-named value: ${format}`, name, secret, `request failed: ${write(name, secret)} (see logs)`);
  }
}

// Values that hold what ends a bare value.
{
  const withSemicolon = `${fresh(12)};${fresh(12)}`;
  add("quoted value with ;", "shell export", withSemicolon, `export DB_PASSWORD="${withSemicolon}"`);
  const withQuote = `${fresh(12)}\\"${fresh(12)}`;
  add(
    'quoted value with \\"',
    "shell export",
    withQuote.replace("\\", ""),
    `export DB_PASSWORD="${withQuote}"`,
  );
  const sharedKey = `${fresh(20)};${fresh(10)}`;
  add("quoted value with ;", "SharedAccessKey", sharedKey, `SharedAccessKey="${sharedKey}"`);
  const jsonQuote = `${fresh(14)}"${fresh(14)}`;
  add("JSON value with an escaped quote", "JSON", jsonQuote, JSON.stringify({ client_secret: jsonQuote }));
}

// --- command lines --------------------------------------------------------------------------------------------------

{
  const s1 = fresh(24, SYMBOLIC.replace(/[$^!]/g, ""));
  add("command line", "az login -p", s1, `az login --service-principal -u x -p ${s1} --tenant t`);
  const s2 = fresh(24);
  add("command line", "az login --password", s2, `az login --username me@example.test --password ${s2}`);
  const s3 = fresh(24);
  add("command line", "az login -p quoted", s3, `az login -u me -p '${s3}'`);
  const s4 = fresh(24);
  add(
    "command line",
    "ConvertTo-SecureString",
    s4,
    `$pw = ConvertTo-SecureString '${s4}' -AsPlainText -Force`,
  );
  const s5 = fresh(24);
  add(
    "command line",
    "ConvertTo-SecureString -String",
    s5,
    `ConvertTo-SecureString -String "${s5}" -AsPlainText -Force`,
  );
  const s6 = fresh(24);
  add(
    "command line",
    "--client-secret",
    s6,
    `azd auth login --client-id x --client-secret ${s6} --tenant-id t`,
  );
  const s7 = fresh(24);
  add("NEW: command line", "curl -u user:password", s7, `curl -u admin:${s7} https://example.test/api`);
  const s8 = fresh(24);
  add("NEW: command line", "-Password parameter", s8, `Connect-Thing -Password ${s8} -Force`);
  const s9 = fresh(24);
  add(
    "NEW: command line",
    "kubectl --from-literal",
    s9,
    `kubectl create secret generic app --from-literal=password=${s9}`,
  );
}

// --- tokens with a shape ----------------------------------------------------------------------------------------

function jwtFamily(carrier: string, make: (token: string) => string, header?: Record<string, unknown>): void {
  const { token, pieces } = freshJwt(header);
  add("JWT", carrier, token, make(token), pieces);
}

jwtFamily("bare", (t) => `token ${t} rejected`);
jwtFamily(
  "wrapped across lines",
  (t) => `assertion:\n${t.slice(0, 60)}\n${t.slice(60, 140)}\n${t.slice(140)}\nend`,
);
jwtFamily("spaces around dots", (t) => `got ${t.split(".").join(" . ")} back`);
jwtFamily("line breaks at dots", (t) => `got\n${t.split(".").join("\n.\n")}\nback`);
jwtFamily("header not starting eyJ", (t) => `assertion ${t}`, { alg: "RS256", typ: "JWT", kid: "k" });
{
  const header = b64url('{\n  "alg": "RS256"\n}');
  const { token, pieces } = freshJwt();
  const rest = token.slice(token.indexOf("."));
  add("JWT", "pretty-printed header (ewog)", `${header}${rest}`, `bad token ${header}${rest}`, pieces);
  const spaced = b64url('{ "alg": "none" }');
  add("JWT", "header with a space (eyAi)", `${spaced}${rest}x`, `bad token ${spaced}${rest}x`, pieces);
}
{
  const parts = [b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}'), fresh(43), fresh(16), fresh(120), fresh(22)];
  const jwe = parts.join(".");
  add("JWT", "5-part JWE", jwe, `encrypted token ${jwe} could not be read`, parts.slice(1));
}
jwtFamily("JSON-escaped \\u002e dots", (t) => JSON.stringify({ t: t }).replace(/\./g, "\\u002e"));
jwtFamily("in Bearer then a newline", (t) => `Authorization: Bearer\n${t}`);
jwtFamily("glued after a colon", (t) => `id_token:${t}`);
jwtFamily("in a cookie", (t) => `Cookie: session=${t}; path=/`);

{
  const opaque = fresh(40, `${ALNUM}-_`);
  add("Bearer", "newline after Bearer", opaque, `Authorization: Bearer\n${opaque}\nnext`);
  const opaque2 = fresh(40);
  add("Bearer", "form-encoded Bearer+", opaque2, `auth=Bearer+${opaque2}&x=1`);
  const opaque3 = fresh(40);
  add("Bearer", "Bearer%20", opaque3, `Authorization=Bearer%20${opaque3}`);
  const opaque4 = fresh(40);
  add("Bearer", "lower-case in prose", opaque4, `sent bearer ${opaque4} to the API`);
  const opaque5 = fresh(40);
  add("Bearer", "tab after Bearer", opaque5, `Bearer\t${opaque5}`);
}
{
  const user = "svc-account";
  const password = fresh(24);
  const basic = b64(`${user}:${password}`);
  add("Basic", "Authorization header", password, `Authorization: Basic ${basic}`);
  const password2 = fresh(24);
  add("Basic", "bare Basic", password2, `upstream said 401 for Basic ${b64(`me:${password2}`)}`);
  const password3 = fresh(24);
  add("Basic", "Proxy-Authorization", password3, `Proxy-Authorization: Basic ${b64(`p:${password3}`)}`);
}

const PREFIXES: [string, () => string][] = [
  ["ghp_", () => `ghp_${fresh(36)}`],
  ["gho_", () => `gho_${fresh(36)}`],
  ["ghs_", () => `ghs_${fresh(36)}`],
  ["github_pat_", () => `github_pat_${fresh(22)}_${fresh(59)}`],
  ["xoxb-", () => `xoxb-${String(random()).slice(2, 12)}-${fresh(24)}`],
  ["xoxp-", () => `xoxp-${String(random()).slice(2, 12)}-${fresh(24)}`],
  ["sk-", () => `sk-${fresh(48)}`],
  ["sk-proj-", () => `sk-proj-${fresh(48, `${ALNUM}_-`)}`],
  ["AKIA", () => `AKIA${fresh(16).toUpperCase()}`],
  ["npm_", () => `npm_${fresh(36)}`],
  ["glpat-", () => `glpat-${fresh(20)}`],
  ["AIza", () => `AIza${fresh(35, `${ALNUM}-_`)}`],
  ["hf_", () => `hf_${fresh(34)}`],
  ["pypi-", () => `pypi-${fresh(60)}`],
  ["sk_live_", () => `sk_live_${fresh(24)}`],
];
for (const [prefix, make] of PREFIXES) {
  const token = make();
  add("prefixed token", prefix, token, `push failed: remote said ${token} is not allowed`);
}

{
  const storageKey = `${fresh(86, BASE64)}==`;
  add("base64 key material", "storage account key alone", storageKey, `key ${storageKey} rejected`);
  const cosmos = `${fresh(86, BASE64)}==`;
  add("base64 key material", "JSON primaryMasterKey", cosmos, JSON.stringify({ primaryMasterKey: cosmos }));
  const listKeys = `${fresh(86, BASE64)}==`;
  add(
    "base64 key material",
    "listKeys answer (value without a secret's name)",
    listKeys,
    JSON.stringify({ keys: [{ keyName: "key1", value: listKeys, permissions: "FULL" }] }),
  );
  const aes = b64(randomBytes(32));
  add("base64 key material", "x-ms-encryption-key header", aes, `x-ms-encryption-key: ${aes}`);
  const pfx = b64(Buffer.concat([Buffer.from([0x30, 0x82, 0x0a, 0x61, 0x02, 0x01, 0x03]), randomBytes(600)]));
  add("base64 key material", "unarmoured PFX", pfx, `AZURE_CLIENT_CERTIFICATE_PATH=${pfx}`, [
    pfx.slice(200, 240),
  ]);
  const pfx2 = b64(Buffer.concat([Buffer.from([0x30, 0x82, 0x0a, 0x61]), randomBytes(400)]));
  const wrapped2 = pfx2.replace(/.{1,64}/g, "$&\n").trim();
  add("base64 key material", "unarmoured key wrapped at 64", pfx2, `certificate:\n${wrapped2}\nend`, [
    pfx2.slice(64, 128),
    pfx2.slice(-20),
  ]);
  const functionsKey = fresh(54, `${ALNUM}_-`);
  add(
    "base64 key material",
    "Functions code= in a URL",
    functionsKey,
    `https://app.azurewebsites.net/api/f?code=${functionsKey}==`,
  );
  const clientKey = fresh(54, `${ALNUM}_-`);
  add(
    "base64 key material",
    "Functions code= JSON-escaped",
    clientKey,
    `"url":"https://app.azurewebsites.net/api/f?x=1\\u0026code=${clientKey}"`,
  );
}
{
  const body = b64(randomBytes(600))
    .replace(/.{1,64}/g, "$&\n")
    .trim();
  add(
    "PEM private key",
    "armoured, escaped newlines",
    body.split("\n")[2] ?? "",
    JSON.stringify({ key: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----` }),
    body.split("\n").slice(1, -1),
  );
  const body2 = b64(randomBytes(600))
    .replace(/.{1,64}/g, "$&\n")
    .trim();
  add(
    "PEM private key",
    "EC key, no end line",
    body2.split("\n")[1] ?? "",
    `-----BEGIN EC PRIVATE KEY-----\n${body2}`,
    body2.split("\n").slice(0, -1),
  );
  const body3 = b64(randomBytes(300))
    .replace(/.{1,64}/g, "$&\n")
    .trim();
  add(
    "PEM private key",
    "unarmoured body",
    body3.split("\n")[1] ?? "",
    `AZURE_CLIENT_CERTIFICATE_PATH contained:\n${body3}`,
    body3.split("\n").slice(0, -1),
  );
}

// --- URLs ----------------------------------------------------------------------------------------------------------

{
  const pass = fresh(24);
  add("URL userinfo", "user:password@host", pass, `GET https://admin:${pass}@example.test/x failed`);
  const pat = fresh(52, "abcdefghijklmnopqrstuvwxyz234567ABC");
  add(
    "URL userinfo",
    "PAT in a git URL",
    pat,
    `fatal: unable to access 'https://${pat}@dev.azure.com/org/p/_git/r/'`,
  );
  const pat2 = fresh(40);
  add(
    "URL userinfo",
    "user:PAT in a git URL",
    pat2,
    `git clone https://x-access-token:${pat2}@github.com/o/r.git`,
  );
  const redis = fresh(32);
  add("URL userinfo", "redis with an empty user", redis, `connect redis://:${redis}@cache.example.test:6380`);
  const mongo = fresh(32);
  add(
    "URL userinfo",
    "mongodb+srv",
    mongo,
    `MongoServerError at mongodb+srv://app:${mongo}@cluster0.example.test/db`,
  );
  const sig = encodeURIComponent(b64(randomBytes(32)));
  add(
    "SAS",
    "sig= in a blob URL",
    decodeURIComponent(sig),
    `https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=2030-01-01&sp=r&sig=${sig}`,
    [sig],
  );
  const sig2 = b64(randomBytes(32));
  add(
    "SAS",
    "Service Bus SharedAccessSignature",
    sig2,
    `SharedAccessSignature sr=x&sig=${encodeURIComponent(sig2)}&se=1&skn=Root`,
    [encodeURIComponent(sig2)],
  );
  const sig3 = b64(randomBytes(32));
  add("SAS", "JSON sig", sig3, JSON.stringify({ sig: sig3, se: "2030" }));
  const sig4 = b64(randomBytes(32));
  add("SAS", "sig inside \\u0026", sig4, `?sv=1\\u0026sig=${encodeURIComponent(sig4)}\\u0026se=2`, [
    encodeURIComponent(sig4),
  ]);
  const code = fresh(80, `${ALNUM}-_.`);
  add(
    "authorization code",
    "code= in a redirect",
    code,
    `redirect http://localhost:8400/?code=${code}&state=abc`,
  );
}

// --- glued, headers, escapes, other places ----------------------------------------------------------------------------

{
  const after = fresh(30);
  add("glued to an AADSTS code", "after", after, `AADSTS7000215${after}: Invalid client secret provided.`);
  const before = fresh(30);
  add("glued to an AADSTS code", "before", before, `${before}AADSTS7000215: Invalid client secret provided.`);
  const colon = fresh(30);
  add("glued to an AADSTS code", "after a colon", colon, `AADSTS7000215:${colon}`);

  const headers: [string, string][] = [
    ["api-key", fresh(32, "0123456789abcdefABC")],
    ["Ocp-Apim-Subscription-Key", fresh(32, "0123456789abcdefABC")],
    ["x-ms-encryption-key", b64(randomBytes(32))],
    ["secret", fresh(36)],
    ["X-IDENTITY-HEADER", fresh(36)],
    ["x-functions-key", fresh(54, `${ALNUM}_-`)],
    ["Set-Cookie", fresh(40)],
    ["x-ms-token-aad-refresh-token", fresh(60)],
    ["X-Api-Key", fresh(32)],
    ["Authorization", `SharedKey acct:${b64(randomBytes(32))}`],
  ];
  for (const [name, value] of headers) {
    const secret = name === "Authorization" ? (value.split(":")[1] ?? value) : value;
    add("header not on any list", name, secret, `> GET /x HTTP/1.1\n> ${name}: ${value}\n> Host: h`);
  }
  const escapedName = fresh(30);
  add(
    "escapes",
    "\\u0026 before a name",
    escapedName,
    `grant_type=x\\u0026client_secret=${escapedName}\\u0026scope=y`,
  );
  const quoted = fresh(30);
  add("escapes", "\\u0022 around a value", quoted, `client_secret=\\u0022${quoted}\\u0022`);
  const pct = fresh(30);
  add(
    "escapes",
    "percent-encoded twice",
    pct,
    encodeURIComponent(encodeURIComponent(`client_secret=${pct}`)),
  );
  const html = fresh(30);
  add("escapes", "HTML entities", html, `&lt;ClientSecret&gt;${html}&lt;/ClientSecret&gt;`);
  const b64Body = fresh(30);
  add("escapes", "base64 of a form body", b64Body, `body=${b64(`client_id=x&client_secret=${b64Body}`)}`);
  const entraSecret = `${fresh(3)}8Q~${fresh(34, `${ALNUM}.-_~`)}`;
  add("Entra client secret", "bare in prose", entraSecret, `the value ${entraSecret} was used`);
  const inspectErr = fresh(30);
  add(
    "NEW: util.inspect of an error with fields",
    "console.error(err)",
    inspectErr,
    `AuthenticationError: failed\n    at x (file:///a.js:1:1) {\n  statusCode: 401,\n  clientSecret: '${inspectErr}'\n}`,
  );
  const envJson = fresh(30);
  add(
    "NEW: az webapp appsettings",
    "JSON list",
    envJson,
    JSON.stringify([{ name: "DB_PASSWORD", value: envJson }]),
  );
  const gh = fresh(30);
  add(
    "NEW: GitHub Actions log",
    "env block",
    gh,
    `  env:\n    ARM_CLIENT_SECRET: ${gh}\n    ARM_TENANT_ID: t`,
  );
  const tf = fresh(30);
  add(
    "NEW: Terraform debug log",
    "provider config",
    tf,
    `provider "azurerm" {\n  client_secret   = "${tf}"\n}`,
  );
  const msal = fresh(30);
  add(
    "NEW: MSAL cache entry",
    "secret field",
    msal,
    `{"AccessToken":{"k":{"credential_type":"AccessToken","secret":"${msal}"}}}`,
  );
  const kv = fresh(30);
  add(
    "NEW: Key Vault secret bundle",
    "value after a secret's id",
    kv,
    `{"value":"${kv}","id":"https://v.vault.azure.net/secrets/dbPassword/1"}`,
  );
}

// --- secrets with no randomness to give them away ----------------------------------------------------------------
// Random secrets are also caught by the key-material rule; these are not, so each needs the rule written for its
// family, and switching that rule off makes the suite fail.
{
  const lowEntropy = (): string => memorable().replace(/-/g, "");
  const userinfo = memorable();
  add("NEW: low entropy", "URL userinfo", userinfo, `GET https://admin:${userinfo}@example.test/x failed`);
  const git = lowEntropy();
  add(
    "NEW: low entropy",
    "git URL token",
    git,
    `fatal: unable to access 'https://${git}@dev.azure.com/o/p/_git/r/'`,
  );
  const bearer = memorable();
  add("NEW: low entropy", "Bearer", bearer, `upstream rejected Bearer ${bearer} for /subscriptions`);
  const basic = memorable();
  add("NEW: low entropy", "Basic", basic, `proxy refused Basic ${b64(`svc:${basic}`)} for this host`);
  const flag = memorable();
  add("NEW: low entropy", "az login -p", flag, `az login --service-principal -u x -p ${flag} --tenant t`);
  const secure = memorable();
  add(
    "NEW: low entropy",
    "ConvertTo-SecureString",
    secure,
    `ConvertTo-SecureString '${secure}' -AsPlainText`,
  );
  const glued = memorable();
  add("NEW: low entropy", "glued to an AADSTS code", glued, `AADSTS7000215${glued}: Invalid client secret.`);
  const prefixed = `ghp_${lowEntropy()}`;
  add("NEW: low entropy", "ghp_ token", prefixed, `push failed: remote said ${prefixed} is not allowed`);
  const pemBody = Array.from({ length: 4 }, () => lowEntropy().padEnd(64, "A")).join("\n");
  add(
    "NEW: low entropy",
    "PEM private key",
    pemBody.split("\n")[1] ?? "",
    `-----BEGIN PRIVATE KEY-----\n${pemBody}\n-----END PRIVATE KEY-----`,
  );
  const header = b64url('{"alg":"RS256","typ":"JWT"}');
  const claims = b64url(JSON.stringify({ aud: "api://app", sub: memorable() }));
  const jwt = `${header}.${claims}.${b64url(memorable())}`;
  add(
    "NEW: low entropy",
    "JWT with spaces around its dots",
    jwt,
    `token ${jwt.split(".").join(" . ")} rejected`,
    [claims],
  );
}

/** The adversarial corpus: every sample has its own secret. */
export const ADVERSARIAL_SAMPLES: readonly SecretSample[] = samples;
