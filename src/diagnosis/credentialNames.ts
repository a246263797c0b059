/**
 * Credential types named in messages, by class name or only by their text. JavaScript class names are the
 * canonical form; other runtimes' spellings map onto them.
 */

/** Other runtimes' class names for the same credential. */
const SPELLINGS: Readonly<Record<string, string>> = {
  AzureCLICredential: "AzureCliCredential",
  AzureDeveloperCLICredential: "AzureDeveloperCliCredential",
  AzurePowershellCredential: "AzurePowerShellCredential",
  VSCodeCredential: "VisualStudioCodeCredential",
  InteractiveBrowserBrokerCredential: "BrokerCredential",
  // Python's name for the certificate credential.
  CertificateCredential: "ClientCertificateCredential",
};

/** Words shaped like credential classes that are not credentials (the .NET base type appears in stack frames). */
const NOT_CREDENTIALS = new Set([
  "TokenCredential",
  "AzureKeyCredential",
  "AzureSasCredential",
  "AzureNamedKeyCredential",
]);

/**
 * Advice inside messages that names credentials which were not involved, e.g. WorkloadIdentityCredential's
 * "In DefaultAzureCredential and ManagedIdentityCredential, this can be provided as an environment variable".
 */
const ADVICE_FRAGMENTS: readonly string[] = [
  "In DefaultAzureCredential and ManagedIdentityCredential, this can be provided",
];

// Chains and wrappers are containers, not members: a stack frame naming them says nothing about the failure.
const CONTAINERS = new Set(["ChainedTokenCredential", "DefaultAzureCredential", "DiagnosticCredential"]);

/** Lines that name a credential only by what it says (the JS aggregate prints these without a class name). */
const TEXT_SIGNS: readonly (readonly [fragment: string, credential: string])[] = [
  ["azure cli could not be found", "AzureCliCredential"],
  ["azure cli not found", "AzureCliCredential"],
  ["please run 'az login'", "AzureCliCredential"],
  ['please run "az login"', "AzureCliCredential"],
  ["az login --scope", "AzureCliCredential"],
  // az prints its errors as `ERROR: …`; this one is passed through verbatim by AzureCliCredential.
  ["error: subscription '", "AzureCliCredential"],
  ["azure developer cli", "AzureDeveloperCliCredential"],
  ["azd auth login", "AzureDeveloperCliCredential"],
  ["unable to execute powershell", "AzurePowerShellCredential"],
  ["connect-azaccount", "AzurePowerShellCredential"],
  ["az.account", "AzurePowerShellCredential"],
  ["visual studio code authentication", "VisualStudioCodeCredential"],
  ["visual studio token provider", "VisualStudioCredential"],
  ["azure cli not installed", "AzureCliCredential"],
  ["powershell is not installed", "AzurePowerShellCredential"],
  ["managed identity authentication is not available", "ManagedIdentityCredential"],
  ["visual studio code credential", "VisualStudioCodeCredential"],
  ["imds endpoint", "ManagedIdentityCredential"],
  ["managed identity endpoint", "ManagedIdentityCredential"],
  ["managed identity timed out", "ManagedIdentityCredential"],
];

/** `SomethingCredential` as a word. */
export const CREDENTIAL_CLASS_PATTERN = /\b[A-Z][A-Za-z]{1,60}Credential\b/g;
/** A stack frame in a credential's method, such as `at async ClientCertificateCredential.buildClientCertificate`. */
export const STACK_FRAME_PATTERN = /\bat (?:async )?([A-Z][A-Za-z]{1,60}Credential)\.[A-Za-z_$]/g;

/**
 * A frame in one of identity's credential source files (`credentials/azureCliCredential.js`): errors thrown inside
 * a callback carry no class frame, but their file still names the credential.
 */
export const STACK_FILE_PATTERN = /\bcredentials[\\/]([a-z][A-Za-z]{1,60}Credential)\b/g;

/**
 * identity's MSAL client functions, one per flow (`getTokenByClientSecret`; in 4.0 the classes
 * `MsalClientSecret` and friends). Errors from the token service are thrown there, often with no credential frame
 * above them in the stack (tracing spans hide it), so the flow names the credential.
 */
export const MSAL_FLOW_FRAME_PATTERN =
  /\bat (?:async )?(?:Object\.)?(?:getTokenBy|Msal)(ClientSecret|ClientCertificate|ClientAssertion|UsernamePassword)\b/;

/**
 * The credential classes of the Azure identity libraries, by their canonical name. A word shaped like a credential
 * that is not one of them (a PowerShell `$AzCredential` variable, another library's `TeamsFxTokenCredential`,
 * Python's internal `ImdsCredential`) is not reported as a credential the error names.
 */
const IDENTITY_CREDENTIALS: ReadonlySet<string> = new Set([
  "AuthorizationCodeCredential",
  "AzureApplicationCredential",
  "AzureCliCredential",
  "AzureDeveloperCliCredential",
  "AzurePipelinesCredential",
  "AzurePowerShellCredential",
  "BrokerCredential",
  "ChainedTokenCredential",
  "ClientAssertionCredential",
  "ClientCertificateCredential",
  "ClientSecretCredential",
  "DefaultAzureCredential",
  "DeviceCodeCredential",
  "EnvironmentCredential",
  "IntelliJCredential",
  "InteractiveBrowserCredential",
  "ManagedIdentityCredential",
  "OnBehalfOfCredential",
  "SharedTokenCacheCredential",
  "UsernamePasswordCredential",
  "VisualStudioCodeCredential",
  "VisualStudioCredential",
  "WorkloadIdentityCredential",
]);

/** Canonical (JavaScript) spelling of a credential class name. */
export function canonicalCredentialName(name: string): string {
  return SPELLINGS[name] ?? name;
}

/** Escaped line breaks and tabs (`\n`, `\r\n`, `\t` as two characters), as JSON and Go print them. */
export const ESCAPED_BREAK = /\\[nrt]/g;

/**
 * The identity credential classes a text names, chains included, in order of appearance and without repeats:
 * Python, .NET, Go and Java spellings (`AzureCLICredential`, Go's constructor `azidentity.NewDefaultAzureCredential`)
 * in their canonical JavaScript form. Nothing is inferred from what a message says, and the list of allowed
 * AZURE_TOKEN_CREDENTIALS values is not a mention.
 */
export function findNamedCredentials(text: string): string[] {
  const found: string[] = [];
  // AZURE_TOKEN_CREDENTIALS' list of allowed values names every credential; none of them was involved.
  const scanned = text.replace(ESCAPED_BREAK, " ").replace(VALID_VALUES_LIST, " ");
  for (const [word] of scanned.matchAll(CREDENTIAL_CLASS_PATTERN)) {
    // Go's constructors (`NewDefaultAzureCredential`) name the class they build.
    const bare = word.startsWith("New") ? canonicalCredentialName(word.slice(3)) : "";
    const name = IDENTITY_CREDENTIALS.has(bare) ? bare : canonicalCredentialName(word);
    if (IDENTITY_CREDENTIALS.has(name)) addName(found, name);
  }
  return found;
}

/** Whether `name` is a chain or wrapper rather than a credential that talks to an identity provider. */
export function isCredentialContainer(name: string): boolean {
  return CONTAINERS.has(name);
}

/** DefaultAzureCredential's list of allowed AZURE_TOKEN_CREDENTIALS values names every credential; none was involved. */
export const VALID_VALUES_LIST = /Valid values are [^\n]*/g;

/** PowerShell repeats the failing command under its error (`At line:1 char:1`, `+ Connect-AzAccount …`). */
function isPowerShellEcho(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed.startsWith("+") || trimmed.startsWith("At line:");
}

function addName(found: string[], name: string): void {
  if (!found.includes(name)) found.push(name);
}

/** Removes advice and lists that name credentials which were not involved. */
function withoutUninvolvedNames(text: string): string {
  let scanned = text;
  for (const fragment of ADVICE_FRAGMENTS) scanned = scanned.split(fragment).join(" ");
  return scanned.replace(VALID_VALUES_LIST, " ");
}

/**
 * Credential types a text names, line by line: by class name, or, on a line naming none, by telltale phrases (chain
 * reports in some runtimes name members only by what they say). In order, without repeats.
 */
export function findCredentialNames(text: string): string[] {
  const found: string[] = [];
  for (const line of withoutUninvolvedNames(text).split("\n")) {
    let named = false;
    for (const [word] of line.matchAll(CREDENTIAL_CLASS_PATTERN)) {
      const name = canonicalCredentialName(word);
      if (NOT_CREDENTIALS.has(name)) continue;
      addName(found, name);
      named ||= !CONTAINERS.has(name);
    }
    if (named || isPowerShellEcho(line)) continue;
    const lowerLine = line.toLowerCase();
    for (const [fragment, credential] of TEXT_SIGNS)
      if (lowerLine.includes(fragment)) addName(found, credential);
  }
  return found;
}

/**
 * The outermost credential (not a chain) with a frame in a stack trace: the one the user built. Credentials
 * delegate inward (WorkloadIdentityCredential and AzurePipelinesCredential to ClientAssertionCredential,
 * EnvironmentCredential to ClientSecretCredential), and stacks list the innermost frame first.
 */
export function findCredentialInStack(stack: string): string | null {
  let outermost: string | null = null;
  for (const m of stack.matchAll(STACK_FRAME_PATTERN)) {
    const name = canonicalCredentialName(m[1] ?? "");
    if (name && !CONTAINERS.has(name)) outermost = name;
  }
  if (outermost) return outermost;
  for (const m of stack.matchAll(STACK_FILE_PATTERN)) {
    const file = m[1] ?? "";
    const name = canonicalCredentialName(`${file.charAt(0).toUpperCase()}${file.slice(1)}`);
    if (IDENTITY_CREDENTIALS.has(name) && !CONTAINERS.has(name)) outermost = name;
  }
  if (outermost) return outermost;
  const flow = MSAL_FLOW_FRAME_PATTERN.exec(stack)?.[1];
  return flow ? `${flow}Credential` : null;
}
