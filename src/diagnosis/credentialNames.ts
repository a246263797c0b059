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
/** Whether a UTF-16 code is a `\w` character: a letter, digit or underscore. */
function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  );
}

function isLetterCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

const CREDENTIAL = "Credential";

/**
 * What `text.matchAll(CREDENTIAL_CLASS_PATTERN)` finds, in order, without running the pattern at every word: a match
 * is a whole word of letters only, capital first, ending in `Credential`, with 1 to 60 letters between. Looking for
 * `Credential` and reading back from where a word ends there is much cheaper.
 */
export function credentialClassNames(text: string): string[] {
  const names: string[] = [];
  for (let at = text.indexOf(CREDENTIAL); at !== -1; at = text.indexOf(CREDENTIAL, at + 1)) {
    const end = at + CREDENTIAL.length;
    if (end < text.length && isWordCode(text.charCodeAt(end))) continue;
    // Back over the letters before `Credential`, at most one more than the pattern allows.
    let start = at;
    while (start > 0 && at - start <= 61 && isLetterCode(text.charCodeAt(start - 1))) start--;
    const between = at - start - 1;
    if (between < 1 || between > 60) continue;
    if (start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
    const first = text.charCodeAt(start);
    if (first >= 65 && first <= 90) names.push(text.slice(start, end));
  }
  return names;
}

/** A stack frame in a credential's method, such as `at async ClientCertificateCredential.buildClientCertificate`. */
export const STACK_FRAME_PATTERN = /\bat (?:async )?([A-Z][A-Za-z]{1,60}Credential)\.[A-Za-z_$]/g;

/**
 * identity's MSAL client functions, one per flow (`getTokenByClientSecret`; in 4.0 the classes
 * `MsalClientSecret` and friends). Errors from the token service are thrown there, often with no credential frame
 * above them in the stack (tracing spans hide it), so the flow names the credential.
 */
export const MSAL_FLOW_FRAME_PATTERN =
  /\bat (?:async )?(?:Object\.)?(?:getTokenBy|Msal)(ClientSecret|ClientCertificate|ClientAssertion|UsernamePassword)\b/;

/** Canonical (JavaScript) spelling of a credential class name. */
export function canonicalCredentialName(name: string): string {
  return SPELLINGS[name] ?? name;
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

/** The lower-case phrases that name a credential by what it says, for callers that search for them in advance. */
export const TEXT_SIGN_PHRASES: readonly string[] = TEXT_SIGNS.map(([fragment]) => fragment);

function addName(found: string[], name: string): void {
  if (!found.includes(name)) found.push(name);
}

/** Removes advice and lists that name credentials which were not involved. */
function withoutUninvolvedNames(text: string): string {
  let scanned = text;
  for (const fragment of ADVICE_FRAGMENTS) {
    if (scanned.includes(fragment)) scanned = scanned.split(fragment).join(" ");
  }
  return scanned.includes("Valid values are ") ? scanned.replace(VALID_VALUES_LIST, " ") : scanned;
}

/**
 * Credential types a text names, line by line: by class name, or, on a line naming none, by telltale phrases (chain
 * reports in some runtimes name members only by what they say). In order, without repeats. `foundPhrases`, when
 * given, holds the {@link TEXT_SIGN_PHRASES} the lower-cased text contains (the caller searched already).
 */
export function findCredentialNames(text: string, foundPhrases?: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const scanned = withoutUninvolvedNames(text);
  // Removing advice joins text with spaces, which could make a phrase the caller did not find: search again then.
  const searched = foundPhrases && scanned === text ? foundPhrases : null;
  const lower = searched ? "" : scanned.toLowerCase();
  const signs = TEXT_SIGNS.filter(([fragment]) =>
    searched ? searched.has(fragment) : lower.includes(fragment),
  );
  const hasClassNames = scanned.includes("Credential");
  if (signs.length === 0) {
    // No phrase to look for line by line: the class names in text order are the answer.
    if (hasClassNames) {
      for (const word of credentialClassNames(scanned)) {
        const name = canonicalCredentialName(word);
        if (!NOT_CREDENTIALS.has(name)) addName(found, name);
      }
    }
    return found;
  }
  for (const line of scanned.split("\n")) {
    let named = false;
    if (hasClassNames) {
      for (const word of credentialClassNames(line)) {
        const name = canonicalCredentialName(word);
        if (NOT_CREDENTIALS.has(name)) continue;
        addName(found, name);
        named ||= !CONTAINERS.has(name);
      }
    }
    if (named || isPowerShellEcho(line)) continue;
    const lowerLine = line.toLowerCase();
    for (const [fragment, credential] of signs) if (lowerLine.includes(fragment)) addName(found, credential);
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
  // Each pattern needs a literal that most texts lack; looking for it is much cheaper than running the pattern.
  if (stack.includes("Credential.")) {
    for (const m of stack.matchAll(STACK_FRAME_PATTERN)) {
      const name = canonicalCredentialName(m[1] ?? "");
      if (name && !CONTAINERS.has(name)) outermost = name;
    }
  }
  if (outermost) return outermost;
  if (!stack.includes("getTokenBy") && !stack.includes("Msal")) return null;
  const flow = MSAL_FLOW_FRAME_PATTERN.exec(stack)?.[1];
  return flow ? `${flow}Credential` : null;
}
