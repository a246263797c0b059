/**
 * What `inspectMachine()` reports: plain, JSON-serialisable data (`null`, never `undefined`, for an absent fact).
 * `azure-identity-diagnostics doctor --json` prints exactly this object. No field ever holds a secret's value.
 */

/** How serious a finding is. Only `problem` makes `doctor` exit 1 on its own. */
export type FindingSeverity = "problem" | "warning" | "info" | "ok";

/** One check's result. */
export interface DoctorFinding {
  /** Stable kebab-case id of the check, e.g. `client-secret-looks-like-id`. */
  id: string;
  severity: FindingSeverity;
  /** The variable, file, tool or chain member the finding is about. */
  subject: string;
  message: string;
  /** What to do about it; `null` when there is nothing to do. */
  action: string | null;
  /** The knowledge entry that explains the failure this leads to, when there is one. */
  knowledgeId: string | null;
}

/** How a variable's value is shown: ids partly, secrets never, paths and URLs (without credentials) in full. */
export type VariableKind = "id" | "secret" | "path" | "url" | "user" | "value" | "unknown";

/** A variable identity (or its hosts) reads, as found in the environment. */
export interface VariableReport {
  name: string;
  /** Where the value comes from: identity reads only the process environment. */
  source: "environment";
  kind: VariableKind;
  /** The value as it may be shown: masked, shortened or `set (hidden)`. */
  shown: string;
  /** Who reads it. */
  usedBy: string;
}

/** How EnvironmentCredential decides, exactly as identity 4.13.1's constructor does. */
export interface EnvironmentCredentialReport {
  /** The inner credential it would build; `null` when no combination is complete. */
  mode: "client-secret" | "client-certificate" | "username-password" | null;
  /** Variables the closest incomplete combination lacks (empty when a combination is complete). */
  missing: string[];
  /** Variables that are set but not used, because an earlier combination wins. */
  ignored: string[];
}

/** What the file named by AZURE_CLIENT_CERTIFICATE_PATH holds. */
export interface CertificateReport {
  path: string;
  /** `missing`, `unreadable` (a directory, no permission…) or `read`. */
  file: "missing" | "unreadable" | "read";
  /** `pem`, `pfx` (binary PKCS#12, which identity cannot read) or `other`. */
  format: "pem" | "pfx" | "other" | null;
  /** Number of `BEGIN CERTIFICATE` blocks (identity signs with the first one). */
  certificates: number;
  subject: string | null;
  /** SHA-1 thumbprint of the first certificate, as the Azure portal lists it. */
  thumbprint: string | null;
  /** `validTo` of the first certificate, ISO 8601. */
  notAfter: string | null;
  expired: boolean | null;
  privateKey: "none" | "plain" | "encrypted";
  /** Whether AZURE_CLIENT_CERTIFICATE_PASSWORD is set. */
  passwordGiven: boolean;
  /** Whether the key could be read (decrypted with the password when it is encrypted); `null` without a key. */
  keyReadable: boolean | null;
  /** Whether the key belongs to the first certificate; `null` when either could not be read. */
  keyMatchesCertificate: boolean | null;
}

/** What the file named by AZURE_FEDERATED_TOKEN_FILE holds. The token and its signature are never kept. */
export interface FederatedTokenReport {
  path: string;
  file: "missing" | "unreadable" | "empty" | "read";
  /** Whether the content is a JWT whose claims could be read. */
  decodes: boolean;
  issuer: string | null;
  subject: string | null;
  audiences: string[];
  issuedAt: string | null;
  notBefore: string | null;
  expiresOn: string | null;
  expired: boolean | null;
}

/** Where ManagedIdentityCredential would ask for a token (msal-node 5's source order, then identity's own). */
export type ManagedIdentitySource =
  "TokenExchange" | "ServiceFabric" | "AppService" | "MachineLearning" | "CloudShell" | "AzureArc" | "Imds";

export interface ManagedIdentityReport {
  source: ManagedIdentitySource;
  /** Readable name of the host, e.g. `App Service`. */
  host: string;
  /** The variables that chose this source. */
  decidedBy: string[];
  /** The endpoint identity would call (without credentials or query); `null` for token exchange. */
  endpoint: string | null;
  /** Whether DefaultAzureCredential first probes the endpoint (IMDS at 169.254.169.254 only). */
  probe: boolean;
  /** The user-assigned identity's client id it would ask for (masked), from AZURE_CLIENT_ID; `null`: system-assigned. */
  userAssignedClientId: string | null;
}

export type DeveloperToolName = "az" | "azd" | "pwsh";

export interface DeveloperToolReport {
  name: DeveloperToolName;
  /** Absolute path of the first match on PATH; `null` when not found. The tool is never run. */
  path: string | null;
  /**
   * az only: whether its profile (`$AZURE_CONFIG_DIR` or `~/.azure`, `azureProfile.json`) lists an account.
   * `null` when unknown (other tools, or no home directory in the environment).
   */
  signedIn: boolean | null;
}

/** AZURE_TOKEN_CREDENTIALS as DefaultAzureCredential reads it: trimmed, case-insensitive. */
export interface TokenCredentialsReport {
  /** The raw value (it names a credential, it is not a secret); `null` when unset or blank. */
  value: string | null;
  valid: boolean;
  /** `all` (unset), `dev`, `prod`, or the one credential it names. */
  selection: string | null;
  /** The closest valid value when it is invalid. */
  suggestion: string | null;
}

export interface AuthorityHostReport {
  /** AZURE_AUTHORITY_HOST, or identity's default when unset. */
  value: string;
  fromEnvironment: boolean;
  https: boolean;
}

export interface ProxyReport {
  /** The variable identity takes its proxy from (HTTPS_PROXY, then ALL_PROXY, then HTTP_PROXY; upper case first). */
  variable: string | null;
  /** The proxy URL without user name and password. */
  proxy: string | null;
  /** Whether identity can parse the proxy as a URL (otherwise credentials that send HTTP requests fail to build). */
  validUrl: boolean;
  /** NO_PROXY entries (identity matches exact host names and `.suffix` entries only). */
  noProxy: string[];
  /** The managed identity host, and whether its requests would go to the proxy. */
  managedIdentityHost: string | null;
  catchesManagedIdentity: boolean;
}

/** What a DefaultAzureCredential member is predicted to do. */
export type MemberPrediction =
  /** AZURE_TOKEN_CREDENTIALS leaves it out of the chain. */
  | "excluded"
  /** Its constructor throws: DefaultAzureCredential puts a stand-in that returns nothing. */
  | "dropped"
  /** It will report itself unavailable and the chain moves on. */
  | "unavailable"
  /** It is configured and will ask for a token (Microsoft Entra ID may still refuse). */
  | "tries"
  /** It may answer, depending on state doctor does not see without a network call or running a tool. */
  | "maybe"
  /** It is configured but broken: it will fail. */
  | "fails";

export interface ChainMemberReport {
  credential: string;
  prediction: MemberPrediction;
  /** One line: why. */
  reason: string;
  /** For `maybe`: whether answering is the likely case (a tool is installed) or the unlikely one. */
  likely: boolean;
  /** For `fails`: whether the failure ends the whole chain (otherwise the chain quietly moves on). */
  stopsChain: boolean;
}

export interface ChainPrediction {
  /** `works` when a member is expected to return a token (possibly on a condition stated in `summary`). */
  verdict: "works" | "fails";
  /** The member expected to answer (or to fail and stop the chain) first. */
  firstResponder: string | null;
  summary: string;
  /** The concrete next step. */
  nextStep: string;
}

/** Everything `doctor` found. */
export interface DoctorReport {
  /** The @azure/identity version whose decisions are modelled. */
  identityRules: string;
  /** The @azure/identity version installed (read from its package.json at run time); `null` when not found. */
  identityVersion: string | null;
  platform: string;
  variables: VariableReport[];
  environmentCredential: EnvironmentCredentialReport;
  certificate: CertificateReport | null;
  federatedToken: FederatedTokenReport | null;
  managedIdentity: ManagedIdentityReport;
  developerTools: DeveloperToolReport[];
  tokenCredentials: TokenCredentialsReport;
  authorityHost: AuthorityHostReport;
  proxy: ProxyReport;
  /** Whether this looks like an Azure virtual machine (Linux SMBIOS asset tag); `null` when unknown. */
  azureVm: boolean | null;
  findings: DoctorFinding[];
  /** DefaultAzureCredential's members in chain order, excluded ones included. */
  chain: ChainMemberReport[];
  prediction: ChainPrediction;
  /** Number of `problem` findings. */
  problems: number;
}
