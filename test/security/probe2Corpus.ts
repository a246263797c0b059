/**
 * The second probe's corpus: hiding places the first two corpora do not cover, written as an attacker who knows the
 * Azure tooling would write them (connection strings with spaces, name/value pairs on separate lines, builder calls,
 * CI mask commands, coloured console output, invisible characters…). Each sample has its own secret, so a leak names
 * its place exactly; `KEPT_FACTS` lists what must stay readable.
 */
import { Buffer } from "node:buffer";
import type { SecretSample } from "./secretsCorpus.js";
import { ALNUM, BASE64, seededSecrets } from "./seededSecrets.js";

const WORDS = [
  "maple",
  "harbor",
  "copper",
  "lantern",
  "meadow",
  "violet",
  "summit",
  "pebble",
  "tundra",
  "willow",
];
const { random, fresh, memorable: memorableJoined } = seededSecrets(2026, WORDS);
/** A secret a person chooses: words and digits, nothing random enough to give itself away without its name. */
const memorable = (separator = ""): string => memorableJoined(separator, 1e5);
const BASE64URL = `${ALNUM}-_`;

const b64 = (text: string | Buffer): string => Buffer.from(text).toString("base64");

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

/** 88 base64 characters ending `==`: a storage or Cosmos account key. */
const accountKey = (): string => `${fresh(86, BASE64)}==`;

const samples: SecretSample[] = [];

function add(family: string, carrier: string, secret: string, text: string, pieces?: string[]): void {
  samples.push({ kind: family, carrier, secret, text, ...(pieces ? { pieces } : {}) });
}

// --- Azure connection strings and keys ---------------------------------------------------------------------------

{
  const key = accountKey();
  add(
    "storage account key",
    "AzureWebJobsStorage app setting (JSON)",
    key,
    JSON.stringify({
      IsEncrypted: false,
      Values: {
        AzureWebJobsStorage: `DefaultEndpointsProtocol=https;AccountName=fakeacct;AccountKey=${key};EndpointSuffix=core.windows.net`,
      },
    }),
  );
  const encoded = accountKey();
  add(
    "storage account key",
    "connection string, URL-encoded",
    encoded,
    `conn=${encodeURIComponent(`DefaultEndpointsProtocol=https;AccountName=fakeacct;AccountKey=${encoded}`)}`,
  );
  const listed = accountKey();
  add(
    "storage account key",
    "az storage account keys list",
    listed,
    `[\n  {\n    "creationTime": "2024-05-01T10:00:00Z",\n    "keyName": "key1",\n    "permissions": "FULL",\n    "value": "${listed}"\n  }\n]`,
  );
  const sig = fresh(43, BASE64);
  add(
    "SAS signature",
    "sig first, upper-case SIG",
    sig,
    `GET https://fakeacct.blob.core.windows.net/c/b?SIG=${encodeURIComponent(`${sig}=`)}&sv=2022-11-02&se=2030-01-01 failed`,
  );
  const sasEnv = fresh(43, BASE64);
  add(
    "SAS signature",
    "AZURE_STORAGE_SAS_TOKEN env",
    sasEnv,
    `AZURE_STORAGE_SAS_TOKEN=?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${encodeURIComponent(`${sasEnv}=`)}`,
  );
  const sb = fresh(43, BASE64);
  add(
    "Service Bus SAS token",
    "SharedAccessSignature in prose",
    sb,
    `put-token failed for SharedAccessSignature sr=amqps%3A%2F%2Ffake.servicebus.windows.net%2Fq&sig=${encodeURIComponent(`${sb}=`)}&se=1900000000&skn=RootManageSharedAccessKey`,
  );
  const eh = fresh(43, BASE64);
  add(
    "Event Hubs shared access key",
    "Python repr of a connection string",
    eh,
    `EventHubProducerClient.from_connection_string(conn_str='Endpoint=sb://fake.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${eh}=;EntityPath=hub')`,
  );
  const appConfig = fresh(43, BASE64);
  add(
    "App Configuration secret",
    "connection string",
    appConfig,
    `Endpoint=https://fake.azconfig.io;Id=Ab12-l0-s0:Cd34Ef56Gh78;Secret=${appConfig}=`,
  );
  const spaced = memorable(" ");
  add(
    "connection-string password with spaces",
    "SQL connection string",
    spaced,
    `Login failed: Server=tcp:fake.database.windows.net,1433;Initial Catalog=db;User ID=admin;Password=${spaced};Encrypt=True;`,
  );
  const spacedPwd = memorable(" ");
  add(
    "connection-string password with spaces",
    "PWD= last in the string",
    spacedPwd,
    `could not open "Driver={ODBC Driver 18 for SQL Server};Server=fake;UID=sa;PWD=${spacedPwd}"`,
  );
  const redis = memorable();
  add(
    "Redis password",
    "StackExchange.Redis configuration",
    redis,
    `It was not possible to connect to the redis server(s). fake.redis.cache.windows.net:6380,password=${redis},ssl=True,abortConnect=False`,
  );
}

// --- client secrets and passwords on command lines and in code ------------------------------------------------------

{
  const glued = memorable();
  add(
    "password flag",
    "az login -p=value",
    glued,
    `az login --service-principal -u ${CLIENT} -p=${glued} --tenant ${TENANT}`,
  );
  const sqlcmd = memorable();
  add(
    "password flag",
    "sqlcmd -P",
    sqlcmd,
    `sqlcmd -S fake.database.windows.net -U admin -P ${sqlcmd} -d db`,
  );
  const storepass = memorable();
  add(
    "password flag",
    "keytool -storepass",
    storepass,
    `keytool -importkeystore -srckeystore app.pfx -srcstoretype pkcs12 -srcstorepass ${storepass} -destkeystore app.jks`,
  );
  const keypass = memorable();
  add(
    "password flag",
    "jarsigner -keypass",
    keypass,
    `jarsigner -keystore app.jks -storepass:env STOREPASS -keypass ${keypass} app.jar signer`,
  );
  const passin = memorable();
  add(
    "password flag",
    "openssl -passin pass:",
    passin,
    `openssl pkcs12 -in app.pfx -nocerts -passin pass:${passin} -out key.pem`,
  );
  const secure = memorable();
  add(
    "PowerShell SecureString",
    "-AsPlainText -Force before -String",
    secure,
    `$cred = [pscredential]::new('${CLIENT}', (ConvertTo-SecureString -AsPlainText -Force -String '${secure}'))`,
  );
  const connect = memorable();
  add(
    "PowerShell SecureString",
    "Connect-AzAccount -Credential",
    connect,
    `Connect-AzAccount -ServicePrincipal -Tenant ${TENANT} -Credential (New-Object System.Management.Automation.PSCredential('${CLIENT}', (ConvertTo-SecureString "${connect}" -AsPlainText -Force)))`,
  );
  const java = memorable();
  add(
    "secret passed to a call",
    "Java builder .clientSecret(…)",
    java,
    `new ClientSecretCredentialBuilder().tenantId("${TENANT}").clientId("${CLIENT}").clientSecret("${java}").build()`,
  );
  const setter = memorable();
  add(
    "secret passed to a call",
    "setPassword(…)",
    setter,
    `options.setPassword('${setter}'); // fails with AADSTS50126`,
  );
  const csharp = memorable();
  add(
    "secret passed to a call",
    "C# positional ClientSecretCredential",
    csharp,
    `var credential = new ClientSecretCredential("${TENANT}", "${CLIENT}", "${csharp}");`,
  );
  const js = memorable();
  add(
    "secret passed to a call",
    "JavaScript positional ClientSecretCredential",
    js,
    `const credential = new ClientSecretCredential('${TENANT}', '${CLIENT}', '${js}', { authorityHost });`,
  );
  const upc = memorable();
  add(
    "secret passed to a call",
    "Python positional UsernamePasswordCredential",
    upc,
    `credential = UsernamePasswordCredential("${CLIENT}", "fake.user@contoso.example", "${upc}")`,
  );
  const dotnetProp = memorable();
  add(
    "secret-named property",
    ".NET object initializer",
    dotnetProp,
    `new ClientSecretCredentialOptions { AuthorityHost = AzureAuthorityHosts.AzurePublicCloud }; ClientSecret = @"${dotnetProp}";`,
  );
}

// --- a secret's name in one field, its value in another -------------------------------------------------------------

{
  const k8s = memorable();
  add(
    "name/value pair",
    "Kubernetes env list",
    k8s,
    `spec:\n  containers:\n    - name: app\n      env:\n        - name: AZURE_CLIENT_SECRET\n          value: ${k8s}\n        - name: AZURE_TENANT_ID\n          value: ${TENANT}`,
  );
  const appSettings = memorable();
  add(
    "name/value pair",
    "az webapp config appsettings list",
    appSettings,
    `[\n  {\n    "name": "AZURE_CLIENT_SECRET",\n    "slotSetting": false,\n    "value": "${appSettings}"\n  }\n]`,
  );
  const har = memorable();
  add(
    "name/value pair",
    "HAR postData params",
    har,
    `"params": [\n  {\n    "name": "client_secret",\n    "value": "${har}"\n  },\n  {\n    "name": "scope",\n    "value": "https://graph.microsoft.com/.default"\n  }\n]`,
  );
  const dotnet = memorable();
  add(
    "name/value pair",
    ".NET Name = …, Value = …",
    dotnet,
    `new EnvironmentVariable { Name = "AZURE_CLIENT_SECRET", Value = "${dotnet}" }`,
  );
  const kv = memorable();
  add(
    "name/value pair",
    "az keyvault secret set --name --value",
    kv,
    `az keyvault secret set --vault-name fake-kv --name sql-admin-password --value ${kv}`,
  );
  const arm = memorable();
  add(
    "secret-named key with an object value",
    "ARM parameters file",
    arm,
    `{\n  "parameters": {\n    "clientSecret": {\n      "value": "${arm}"\n    }\n  }\n}`,
  );
  const array = memorable();
  add(
    "secret-named key with an array value",
    "JSON list of passwords",
    array,
    `{"passwords": ["${array}"], "tenant": "${TENANT}"}`,
  );
  const cookie = memorable();
  add(
    "secret-named key with an array value",
    "set-cookie header array (util.inspect)",
    cookie,
    `headers: {\n  'content-type': 'application/json',\n  'set-cookie': [ 'fpc=${cookie}; expires=Wed, 01-Jan-2031 00:00:00 GMT; path=/; secure; HttpOnly' ]\n}`,
  );
}

// --- OAuth grants and sessions ----------------------------------------------------------------------------------

{
  const fragmentCode = `M.C507_BAY.2.U.${fresh(8)}-${memorable()}`;
  add(
    "authorization code",
    "URL fragment",
    fragmentCode,
    `navigated to http://localhost:8400/#code=${fragmentCode}&state=abc&session_state=${TENANT}`,
  );
  const formCode = `0.${memorable()}`;
  add(
    "authorization code",
    "first field of a form body",
    formCode,
    `code=${formCode}&grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%3A8400&client_id=${CLIENT}`,
  );
  const deviceCode = memorable();
  add(
    "device code",
    "device code polling body",
    deviceCode,
    `grant_type=urn:ietf:params:oauth:grant-type:device_code&client_id=${CLIENT}&device_code=${deviceCode}`,
  );
  const verifier = memorable();
  add(
    "PKCE code verifier",
    "token request",
    verifier,
    `grant_type=authorization_code&code_verifier=${verifier}&client_id=${CLIENT}`,
  );
  const refresh = `1.AXoA${fresh(300, BASE64URL)}`;
  add(
    "refresh token",
    "bare in prose",
    refresh,
    `AADSTS700082: The refresh token has expired due to inactivity. token ${refresh} was issued on 2024-01-01`,
  );
  const ests = memorable();
  add(
    "session cookie",
    "ESTSAUTHPERSISTENT in prose",
    ests,
    `copied ESTSAUTHPERSISTENT=${ests} from the browser`,
  );
  const jsession = memorable();
  add("session cookie", "JSESSIONID", jsession, `upstream set JSESSIONID=${jsession}; Path=/`);
  const saml = b64(
    `<samlp:Response><saml:Assertion><saml:Subject>fake.user@contoso.example</saml:Subject><ds:SignatureValue>${memorable()}</ds:SignatureValue></saml:Assertion></samlp:Response>`,
  );
  add("SAML response", "form post", saml, `POST /acs SAMLResponse=${encodeURIComponent(saml)}&RelayState=x`);
  const proxy = memorable();
  add(
    "URL userinfo",
    "proxy without a scheme",
    proxy,
    `HTTPS_PROXY=svc-proxy:${proxy}@proxy.contoso.example:8080`,
  );
}

// --- CI secrets ------------------------------------------------------------------------------------------------------

{
  const mask = memorable();
  add("CI mask command", "GitHub ::add-mask::", mask, `+ echo '::add-mask::${mask}'\n::add-mask::${mask}`);
  const setSecret = memorable();
  add("CI mask command", "##vso[task.setsecret]", setSecret, `##vso[task.setsecret]${setSecret}`);
  const setVar = memorable();
  add(
    "CI mask command",
    "##vso[task.setvariable issecret=true]",
    setVar,
    `##vso[task.setvariable variable=deployKey;issecret=true]${setVar}`,
  );
  const pat = Array.from(
    { length: 52 },
    () => "abcdefghijklmnopqrstuvwxyz234567"[Math.floor(random() * 32)],
  ).join("");
  add(
    "Azure DevOps PAT (52 base32)",
    "piped to az devops login",
    pat,
    `echo ${pat} | az devops login --organization https://dev.azure.com/fake`,
  );
  const ghSecret = memorable();
  add("CI secret", "gh secret set --body", ghSecret, `gh secret set AZURE_CREDENTIALS --body ${ghSecret}`);
}

// --- escapes and disguises ---------------------------------------------------------------------------------------

{
  const colour = memorable();
  add(
    "ANSI colours",
    "util.inspect with colours",
    colour,
    `AuthenticationError: failed {\n  statusCode: \u001b[33m401\u001b[39m,\n  clientSecret: \u001b[32m'${colour}'\u001b[39m\n}`,
  );
  const colourBare = memorable();
  add(
    "ANSI colours",
    "coloured value after a colon",
    colourBare,
    `password: \u001b[1m${colourBare}\u001b[22m`,
  );
  const zw = memorable();
  add("invisible characters", "zero-width space in the name", zw, `client_sec\u200bret=${zw}&scope=x`);
  const bom = memorable();
  add("invisible characters", "soft hyphen in Bearer", bom, `sent Bear\u00ader ${bom} to the API`);
  const entities = memorable();
  add(
    "HTML named entities",
    "&equals; and &colon;",
    entities,
    `client_secret&equals;${entities}&amp;scope&equals;x`,
  );
  const doubleEsc = memorable();
  add(
    "escapes",
    "unicode escape escaped twice",
    doubleEsc,
    `{"log":"{\\\\u0022client_secret\\\\u0022:\\\\u0022${doubleEsc}\\\\u0022}"}`,
  );
  const b64pct = memorable();
  add(
    "escapes",
    "base64 of a percent-encoded body",
    b64pct,
    `body=${b64(`client_id=x&client_secret%3D${b64pct}`)}`,
  );
  const wrapped = memorable();
  add(
    "split across lines",
    "quoted value wrapped at the terminal width",
    wrapped.slice(6),
    `{"client_secret": "${wrapped.slice(0, 6)}\n${wrapped.slice(6)}", "tenant": "${TENANT}"}`,
  );
  const fullwidth = memorable();
  add("escapes", "\\u escaped name, raw value", fullwidth, `\\u0063lient\\u005fsecret\\u003d${fullwidth}`);
}

// --- values on the lines below their name, behind a type, a wrapper or a pipe ------------------------------------

{
  const list = memorable();
  add(
    "YAML block value",
    "list under a secret's name",
    list,
    `app:\n  passwords:\n    - ${list}\n    - second\n  retries: 3`,
  );
  const scalar = memorable();
  add(
    "YAML block value",
    "block scalar |",
    scalar,
    `stringData:\n  client-secret: |\n    ${scalar}\nkind: Secret`,
  );
  const heredoc = memorable();
  add(
    "here-document",
    "Terraform <<EOT",
    heredoc,
    `client_secret = <<EOT\n${heredoc}\nEOT\ntenant_id = "${TENANT}"`,
  );
  const hereString = memorable();
  add(
    "here-string",
    "docker login --password-stdin <<<",
    hereString,
    `docker login fake.azurecr.io --username ${CLIENT} --password-stdin <<< ${hereString}`,
  );
  const echoed = memorable();
  add(
    "echo piped to a login",
    "echo … | docker login --password-stdin",
    echoed,
    `echo "${echoed}" | docker login fake.azurecr.io -u ${CLIENT} --password-stdin`,
  );
  const bicep = memorable();
  add("typed declaration", "Bicep param", bicep, `@secure()\nparam clientSecret string = '${bicep}'`);
  const ts = memorable();
  add("typed declaration", "TypeScript field", ts, `private readonly password: string = "${ts}";`);
  const rust = memorable();
  add(
    "wrapper type",
    "Rust Debug Secret(…)",
    rust,
    `ClientSecretCredential { client_secret: Secret("${rust}"), tenant_id: "t" }`,
  );
  const reverse = memorable();
  add(
    "name/value pair",
    "value before name",
    reverse,
    `{"value": "${reverse}", "name": "AZURE_CLIENT_SECRET", "slotSetting": false}`,
  );
  const curl = memorable();
  add(
    "curl user:password",
    "--user",
    curl,
    `curl --user admin:${curl} https://fake.scm.azurewebsites.net/api/zipdeploy`,
  );
  const aspx = memorable();
  add("session cookie", ".ASPXAUTH", aspx, `set .ASPXAUTH=${aspx}; path=/; HttpOnly`);
  const table = memorable();
  add(
    "table column",
    "az ad sp create-for-rbac -o table",
    table,
    [
      "AppId                                 DisplayName    Password                  Tenant",
      "------------------------------------  -------------  ------------------------  ------------------------------------",
      `${CLIENT}  fake-app       ${table.padEnd(24)}  ${TENANT}`,
    ].join("\n"),
  );
  const nuget = memorable();
  add(
    "name/value pair",
    "NuGet ClearTextPassword",
    nuget,
    `<packageSourceCredentials><feed><add key="Username" value="az" /><add key="ClearTextPassword" value="${nuget}" /></feed></packageSourceCredentials>`,
  );
}

export const PROBE2_SAMPLES: readonly SecretSample[] = samples;

/** Facts support needs: each must survive redaction unchanged, next to the words that carry it. */
export const KEPT_FACTS: readonly { name: string; text: string; facts: readonly string[] }[] = [
  {
    name: "Application Insights connection string",
    text: `APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey=${CLIENT};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/`,
    facts: [CLIENT, "https://westeurope-5.in.applicationinsights.azure.com/"],
  },
  {
    name: "instrumentation key setting",
    text: `APPINSIGHTS_INSTRUMENTATIONKEY=${TENANT}`,
    facts: [TENANT],
  },
  {
    name: "STS refusal",
    text: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${CLIENT}'. Trace ID: 0f4c7a35-1c7e-4bb8-9c8e-7d1b6a2f3e00 Correlation ID: 3c1f2a9b-8d7e-4f6a-9b5c-2e1d0c9b8a7f Timestamp: 2024-05-01 10:00:00Z`,
    facts: [
      "AADSTS7000215",
      CLIENT,
      "0f4c7a35-1c7e-4bb8-9c8e-7d1b6a2f3e00",
      "3c1f2a9b-8d7e-4f6a-9b5c-2e1d0c9b8a7f",
      "2024-05-01 10:00:00Z",
    ],
  },
  {
    name: "authority URL",
    text: `POST https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token failed with status 401`,
    facts: [`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`],
  },
  {
    name: "credential class names",
    text: "ChainedTokenCredential authentication failed.\nCredentialUnavailableError: ManagedIdentityCredential: unavailable\nClientSecretCredential: AuthenticationRequiredError",
    facts: [
      "ChainedTokenCredential",
      "ManagedIdentityCredential",
      "ClientSecretCredential",
      "AuthenticationRequiredError",
    ],
  },
  {
    name: "redirect with session_state and an error",
    text: `http://localhost:8400/?error=access_denied&error_description=AADSTS65004&session_state=${TENANT}`,
    facts: ["AADSTS65004", TENANT, "access_denied"],
  },
  {
    name: "device code prompt",
    text: "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FAKEC0DE to authenticate.",
    facts: ["https://microsoft.com/devicelogin", "FAKEC0DE"],
  },
  {
    name: "key ids and thumbprints",
    text: `keyName=key1 SharedAccessKeyName=RootManageSharedAccessKey thumbprint=3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B1C2D kid=${CLIENT}`,
    facts: ["RootManageSharedAccessKey", "3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B1C2D", CLIENT, "key1"],
  },
  {
    name: "a table without a secret column",
    text: `Name        TenantId                              State\n----------  ------------------------------------  -------\nfake-sub    ${TENANT}  Enabled`,
    facts: ["fake-sub", TENANT, "Enabled"],
  },
  {
    name: "OAuth in prose and a YAML list of scopes",
    text: "OAuth: enabled\nscopes:\n  - https://graph.microsoft.com/.default",
    facts: ["enabled", "https://graph.microsoft.com/.default"],
  },
  {
    name: "email address",
    text: "signed in as fake.user@contoso.example (mailto:fake.user@contoso.example)",
    facts: ["fake.user@contoso.example"],
  },
];
