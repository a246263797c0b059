/** Developer sign-in: Azure CLI, Azure Developer CLI, Azure PowerShell, VS Code, the Windows broker (WAM). */
import type { KnowledgeEntry } from "../schema.js";

const CLI_INSTALL = "https://learn.microsoft.com/cli/azure/install-azure-cli";
const CLI_AUTH = "https://learn.microsoft.com/cli/azure/authenticate-azure-cli";
const AZD_INSTALL = "https://learn.microsoft.com/azure/developer/azure-developer-cli/install-azd";
const AZD_TROUBLESHOOT = "https://aka.ms/azsdk/js/identity/azdevclicredential/troubleshoot";
const PS_INSTALL = "https://learn.microsoft.com/powershell/scripting/install/installing-powershell";
const AZ_PS_INSTALL = "https://learn.microsoft.com/powershell/azure/install-azure-powershell";
const PS_AUTH = "https://learn.microsoft.com/powershell/azure/authenticate-azureps";
const PS_TROUBLESHOOT = "https://aka.ms/azsdk/js/identity/powershellcredential/troubleshoot";
const JS_GUIDE =
  "https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/identity/identity/TROUBLESHOOTING.md";
const VSCODE_PLUGIN = "https://www.npmjs.com/package/@azure/identity-vscode";
const BROKER = "https://learn.microsoft.com/entra/identity-platform/scenario-desktop-acquire-token-wam";

export const developerToolEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "azure-cli-not-installed",
    title: "The Azure CLI is not installed or not on the PATH of this process",
    category: "tool-missing",
    retryable: false,
    match: {
      text: [
        "Azure CLI could not be found",
        "Azure CLI not installed",
        "Azure CLI not found on path",
        "'az' is not recognized",
      ],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "AzureCliCredential runs `az account get-access-token`. The az executable could not be started: it is not " +
      "installed, or the PATH seen by this process (an IDE, a service, a container) does not include its folder.",
    mitigations: [
      "Install the Azure CLI, then run `az login`.",
      "Make sure the folder holding az is on the PATH of the process that runs your code (restart the IDE or terminal after installing).",
      "macOS: an app started from the Dock or Finder does not get your shell's PATH; Homebrew puts az in /opt/homebrew/bin (Apple silicon) or /usr/local/bin, so start the app from a terminal or add that folder to its PATH.",
      "WSL and containers: install the CLI inside the Linux environment itself; for a container, install it in the image (a RUN step of its Dockerfile), since mounting ~/.azure brings the sign-in but not the az program, and the Windows az.cmd is not on the Linux PATH.",
      "If you did not mean to use the CLI here, ignore this line and fix the credential you intended.",
      "Code running in Azure (a Function App, App Service, a VM) has no Azure CLI: use managed identity there (ManagedIdentityCredential, or DefaultAzureCredential, which tries it) and keep the CLI for local work.",
    ],
    docs: [CLI_INSTALL],
  },
  {
    id: "azure-cli-not-logged-in",
    title: "The Azure CLI has no signed-in account, or its sign-in has expired",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: [
        "Please run 'az login' from a command prompt to authenticate before using this credential",
        "Please run 'az login' to set up account",
        'Please run "az login" to set up account',
        "Please run 'az login' to setup account",
        "Please run 'az login' to set up an account",
        // az's answer when its cached account can no longer be used for the scope asked.
        "Please explicitly log in with",
        "has previously been signed out of this application",
        // az's wordings when its MSAL cache holds no usable account.
        "does not exist in MSAL token cache",
        "Can't find token from MSAL cache",
        // Terraform's azurerm provider before 3.0, when az has no profile to read.
        "Azure CLI Authorization Profile was not found",
      ],
      // az's hint when listing accounts, in any quoting (the "to set up account" forms are listed above).
      patterns: ["run [\"'`]?az login[\"'`]? to access your accounts"],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "The CLI answered but could not produce a token: nobody is signed in, the refresh token has expired or been " +
      "revoked, or the account has no access to the requested tenant. The JavaScript credential replaces the CLI's own " +
      "message with this generic one, which can hide an AADSTS code.",
    mitigations: [
      "Sign in to the Azure CLI: run `az login` (add `--tenant <tenant-id>` for a specific tenant), then retry; on a machine without a browser use `az login --use-device-code`. Scripts and automation must run an `az login` step (a service principal or `--identity`) before they ask az for a token.",
      "Check the signed-in account with `az account show` and that a token can be issued with `az account get-access-token --resource https://management.azure.com/` (the output is a secret).",
      "If `az login` works in your terminal but not for the app, the app reads another CLI profile: services, sudo, IDEs and containers run as another user or HOME. Point AZURE_CONFIG_DIR at the folder you signed in with, or mount ~/.azure into the container.",
      "In Azure Pipelines, az is signed in only inside the AzureCLI@2 task, with that task's service connection; other tasks (the Terraform task, a Bash or PowerShell step, a Terraform local-exec) start az signed out. Run the commands that need az inside AzureCLI@2, or sign az in first in the same step (`az login --service-principal`, or `--federated-token` with workload identity federation).",
      "If the CLI itself prints an AADSTS code, follow that code's entry.",
    ],
    docs: [CLI_AUTH],
  },
  {
    id: "terraform-fell-back-to-azure-cli",
    title:
      "Terraform's azurerm provider found no other authentication settings and fell back to the Azure CLI",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["could not configure AzureCli Authorizer"],
      patterns: ["unable to build authorizer for [\\w ]{1,40}: could not configure AzureCli"],
    },
    cause:
      "The provider (or its backend) tries service principal, OIDC and managed identity settings first and uses the " +
      "Azure CLI last. It reached the CLI, so none of the others was configured for this run; in a pipeline the CLI is " +
      "usually not signed in either.",
    mitigations: [
      "In a pipeline with workload identity federation, pass the OIDC settings to Terraform: use_oidc = true (ARM_USE_OIDC), ARM_CLIENT_ID, ARM_TENANT_ID, ARM_SUBSCRIPTION_ID, and on Azure DevOps the service connection's ID (ARM_OIDC_AZURE_SERVICE_CONNECTION_ID) with the system access token, or let the Terraform task fill them from its service connection input.",
      "For the backend, set the same settings in the backend block or its environment (use_oidc, use_azuread_auth); they are separate from the provider's.",
      "For a local run, sign in to the Azure CLI with `az login` first (and `az account set --subscription <id>`).",
    ],
    docs: [
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/service_principal_oidc",
    ],
  },
  {
    id: "azure-cli-subscription-invalid-characters",
    title: "The subscription given to AzureCliCredential contains characters unsafe on a command line",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["contains invalid characters. If this is the name of a subscription, use its ID instead"],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "The credential passes the subscription to the az command line and refuses values that could be interpreted by " +
      "the shell; subscription names with spaces or punctuation fall into that category.",
    mitigations: [
      'Pass the subscription ID (a GUID) instead of its display name; `az account show --name "<name>" --query id -o tsv` prints it.',
    ],
    docs: ["https://learn.microsoft.com/azure/azure-portal/get-subscription-tenant-id"],
  },
  {
    id: "azure-cli-subscription-not-found",
    title: "The Azure CLI does not know the subscription it was asked to use",
    category: "not-configured",
    retryable: false,
    match: {
      patterns: ["ERROR: Subscription '[^'\\n]{1,200}' not found"],
      // `az account set` names the subscription it could not find this way.
      text: ["doesn't exist in cloud 'Azure"],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "The signed-in CLI account cannot see the named subscription: wrong ID, another tenant, or no access.",
    mitigations: [
      "List what the account can see with `az account list -o table` and pass one of those IDs.",
      "If the value in the message looks like a variable name or a placeholder, the pipeline variable (e.g. ARM_SUBSCRIPTION_ID) holding the subscription was not defined or not passed to this step; define it.",
      "A service principal sees only subscriptions where it holds a role: create a role assignment for it on the subscription (or a resource group in it).",
      "If it lives in another tenant, run `az login --tenant <tenant-id>` first.",
    ],
    docs: [CLI_AUTH],
  },
  {
    id: "azure-cli-tenant-without-subscriptions",
    title: "The Azure CLI signed in to a tenant that holds no subscription this account can use",
    category: "multi-tenant",
    retryable: false,
    match: {
      text: ["don't contain accessible subscriptions"],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "The sign-in worked, but the tenant it landed in (often a B2C directory, a personal account's own tenant, or a " +
      "tenant you are only a guest in) has no subscription where this account holds a role.",
    mitigations: [
      "Sign in to the tenant that owns the subscription: `az login --tenant <tenant-id>`.",
      "For work inside that tenant that needs no subscription (Microsoft Graph, B2C, directory tasks), use `az login --tenant <tenant-id> --allow-no-subscriptions`.",
      "If you expected a subscription there, ask its owner for a role on it.",
    ],
    docs: [CLI_AUTH],
  },
  {
    id: "azure-cli-no-subscriptions",
    title: "The signed-in Azure CLI identity has access to no subscription",
    category: "permission-denied",
    retryable: false,
    match: {
      // az with an account but no subscription it may select.
      text: ["No subscriptions found for", "No subscription found. Run 'az account set'"],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "The sign-in itself worked, but the account or service principal holds no role on any subscription, so az has " +
      "nothing to select. Common right after creating a service principal without a role assignment.",
    mitigations: [
      "Create a role assignment for the identity (for example Reader or Contributor) on the subscription or resource group it works on; a service principal sees only subscriptions where it holds a role.",
      "For work that needs no subscription (Microsoft Graph, tenant-level calls), sign in with `az login --allow-no-subscriptions`.",
      "If the identity does hold a role but no subscription is selected, list them with `az account list -o table` and pick one with `az account set --subscription <id>`.",
    ],
    docs: [CLI_AUTH],
  },
  {
    id: "visual-studio-token-provider-unavailable",
    title: "Visual Studio has no signed-in Azure account to lend its token provider",
    category: "tool-missing",
    retryable: false,
    match: {
      text: [
        "Visual Studio Token provider can't be accessed",
        "Visual Studio Token provider can not be accessed",
        "Visual Studio Token provider file not found",
      ],
      credentials: ["VisualStudioCredential"],
    },
    cause:
      "The .NET VisualStudioCredential reads a token-provider file that Visual Studio writes once an Azure account is " +
      "added under Tools > Options > Azure Service Authentication. On machines without Visual Studio, or before that " +
      "sign-in, the file is missing and the credential steps aside.",
    mitigations: [
      "Outside Visual Studio (servers, containers, CI) nothing is needed: another credential in the chain is meant to work there.",
      "On a developer machine, sign in under Tools > Options > Azure Service Authentication, or use `az login` instead.",
    ],
    docs: ["https://aka.ms/azsdk/net/identity/vscredential/troubleshoot"],
  },
  {
    id: "azure-cli-process-timeout",
    title: "The az process was stopped before it returned a token",
    category: "tool-missing",
    retryable: true,
    match: {
      text: [
        "Unexpected end of JSON input",
        "Unexpected response from Azure CLI when getting token",
        // .NET's wording when its process timeout stops az.
        "Azure CLI authentication timed out",
      ],
      context: ["AzureCliCredential", "Azure CLI", "expiresOn"],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "The credential could not parse what az printed. Usually the process was killed by processTimeoutInMs (slow " +
      "first start, an interactive prompt, an update check) or it printed something other than the token JSON.",
    mitigations: [
      "Run `az account get-access-token` by hand and look for prompts or warnings; answer or silence them.",
      "Raise processTimeoutInMs, or upgrade the Azure CLI if its output format is old.",
    ],
    docs: [CLI_AUTH],
  },
  {
    id: "developer-tool-claims-challenge",
    title:
      "A developer tool credential cannot answer a claims challenge and needs a fresh interactive sign-in",
    category: "conditional-access-mfa",
    retryable: false,
    match: {
      text: ["This credential doesn't support claims challenges"],
      credentials: ["AzureCliCredential", "AzureDeveloperCliCredential", "AzurePowerShellCredential"],
    },
    cause:
      "A resource or Conditional Access policy asked for extra claims (for example MFA). CLI-based credentials cannot " +
      "pass them through, so the tool has to be signed in again with the claims itself.",
    mitigations: [
      "Run the command printed in the message (az login --claims-challenge …, azd auth login --scope …, or Connect-AzAccount -ClaimsChallenge …) and complete the prompt.",
      "Retry the operation afterwards.",
    ],
    docs: ["https://learn.microsoft.com/entra/identity-platform/claims-challenge"],
  },
  {
    id: "azd-not-installed",
    title: "The Azure Developer CLI (azd) is not installed or not on the PATH",
    category: "tool-missing",
    retryable: false,
    match: {
      text: [
        "Azure Developer CLI couldn't be found",
        "Azure Developer CLI could not be found",
        "Azure Developer CLI not found on path",
        "Azure Developer CLI not installed",
      ],
      credentials: ["AzureDeveloperCliCredential"],
    },
    cause:
      "AzureDeveloperCliCredential runs `azd auth token`, and the azd executable could not be started from this process.",
    mitigations: [
      "Install azd, then sign in with `azd auth login`.",
      "Check that azd's folder is on the PATH of the process running your code.",
      "If you do not use azd, ignore this member and look at the credential you intended.",
    ],
    docs: [AZD_INSTALL, AZD_TROUBLESHOOT],
  },
  {
    id: "azd-not-logged-in",
    title: "The Azure Developer CLI has no signed-in account, or its sign-in expired",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: [
        "Please run 'azd auth login'",
        'Please run "azd auth login"',
        "not logged in, run `azd auth login` to login",
        // azd's first releases, which relied on the Azure CLI's sign-in.
        "cli is not logged in",
        // A stored sign-in azd can no longer use (its refresh token expired or was revoked).
        "reauthentication required",
      ],
      // Any quoting; azd before 1.0 said `azd login`.
      patterns: [
        "run [`'\"]azd (?:auth )?login[`'\"] to log ?in",
        "try running [`'\"]?azd (?:auth )?login",
        "please run [`'\"]azd (?:auth )?login",
      ],
      credentials: ["AzureDeveloperCliCredential"],
    },
    cause:
      "azd is installed but could not issue a token: nobody is signed in, or the stored sign-in is no longer valid.",
    mitigations: [
      "Sign in with `azd auth login` (with `--tenant-id` when needed); azd versions before 1.0 named the command `azd login`.",
      "'Reauthentication required' means azd's stored refresh token can no longer be used (it expired after a period without use, or a password change or policy revoked it): run `azd auth login` again.",
      "If it keeps asking to re-authenticate after a sign-in, the stored token cache is stale (often after an azd upgrade): run `azd auth logout`, then `azd auth login`; as a last resort delete ~/.azd/auth.",
      "In CI, azd has its own sign-in: run `azd auth login --client-id <app-id> --tenant-id <tenant-id>` with `--federated-credential-provider github` (or a client secret or certificate) before `azd provision` / `azd deploy`.",
      "Check that `azd auth token --output json` returns a token (the output is a secret).",
    ],
    docs: [
      AZD_TROUBLESHOOT,
      "https://learn.microsoft.com/azure/developer/azure-developer-cli/reference#azd-auth-login",
    ],
  },
  {
    id: "powershell-not-installed",
    title: "PowerShell could not be started for AzurePowerShellCredential",
    category: "tool-missing",
    retryable: false,
    match: {
      text: ["Unable to execute PowerShell", "PowerShell is not installed", "PowerShell isn't installed"],
      credentials: ["AzurePowerShellCredential"],
    },
    cause:
      "The credential runs pwsh (or powershell.exe on Windows) to call Get-AzAccessToken, and neither could be launched.",
    mitigations: [
      "Install PowerShell 7 (pwsh) and make sure it is on the PATH of this process.",
      "Then install the Az module and run Connect-AzAccount.",
    ],
    docs: [PS_INSTALL, PS_TROUBLESHOOT],
  },
  {
    id: "powershell-az-module-missing",
    title: "The Az.Accounts PowerShell module (2.2.0 or newer) is not installed",
    category: "tool-missing",
    retryable: false,
    match: {
      text: [
        "module >= 2.2.0 is not installed",
        "module >= 2.2.0 isn't installed",
        // What PowerShell itself says when no Az module provides the cmdlet.
        "The term 'Get-AzAccessToken' is not recognized",
        "The term 'Connect-AzAccount' is not recognized",
      ],
      credentials: ["AzurePowerShellCredential"],
    },
    cause:
      "PowerShell runs, but it cannot load Az.Accounts, which provides the sign-in and Get-AzAccessToken.",
    mitigations: [
      "Run Install-Module -Name Az -Scope CurrentUser -Repository PSGallery -Force (or Update-Module Az for an old one).",
      "Install it for the same PowerShell edition the credential starts (pwsh vs Windows PowerShell).",
    ],
    docs: [AZ_PS_INSTALL, PS_TROUBLESHOOT],
  },
  {
    id: "powershell-not-logged-in",
    title: "Azure PowerShell has no signed-in account",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: [
        "Please run 'Connect-AzAccount'",
        "Run Connect-AzAccount to login",
        "Your Azure credentials have not been set up or have expired, please run Connect-AzAccount",
        "Please login using Connect-AzAccount",
        "No account found in the context",
        "Your Azure credentials have not been set up or have expired",
      ],
      // The retired AzureRM module's wordings ("please run Connect-AzureRmAccount", "Run Login-AzureRmAccount to login").
      patterns: ["run (?:connect|login|add)-azurermaccount"],
      credentials: ["AzurePowerShellCredential"],
    },
    cause: "The Az module is present but has no context to issue tokens from, or its sign-in expired.",
    mitigations: [
      "Sign in with Connect-AzAccount (with -Tenant when needed); a script that runs unattended must sign in itself first. With the retired AzureRM module the command is Connect-AzureRmAccount (Login-AzureRmAccount); a context saved to a file (Save-AzContext, Import-AzContext) holds a sign-in that expires too, so sign in again rather than importing an old one.",
      "In Azure-hosted scripts (Automation runbooks, deployment scripts, Functions), sign in with the managed identity: `Connect-AzAccount -Identity` at the start of the script, and check it succeeded before calling other cmdlets.",
      "Check with Get-AzContext and Get-AzAccessToken -ResourceUrl https://management.azure.com/ (the token is a secret).",
    ],
    docs: [PS_AUTH, PS_TROUBLESHOOT],
  },
  {
    id: "powershell-tenant-interaction-required",
    title: "Azure PowerShell needs an interactive sign-in for one tenant (MFA or Conditional Access)",
    category: "conditional-access-mfa",
    retryable: false,
    match: {
      text: ["User interaction is required. This may be due to the conditional access policy settings"],
      patterns: ["Authentication failed against tenant [^.\\n]{1,120}\\. User interaction is required"],
      credentials: ["AzurePowerShellCredential"],
    },
    cause:
      "Connect-AzAccount signed in to the home tenant, but another tenant demands MFA or another Conditional Access " +
      "control that the silent token request could not satisfy, so Az has no usable sign-in for that tenant's subscriptions.",
    mitigations: [
      "Sign in to that tenant interactively: `Connect-AzAccount -TenantId <tenant-id>` (the message names it) and complete the MFA prompt.",
      "For automation, use a service principal or managed identity that the tenant's policies allow instead of a user account.",
    ],
    docs: [
      PS_AUTH,
      "https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access",
    ],
  },
  {
    id: "interactive-browser-unavailable",
    title: "An interactive sign-in could not open a web browser on this machine",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        // MSAL.NET (Azure PowerShell, .NET), MSAL Python (Azure CLI, Python), Node's browser launcher.
        "Unable to open a web page using xdg-open",
        "Found no browser in current environment",
        "spawn xdg-open ENOENT",
      ],
      credentials: ["InteractiveBrowserCredential"],
    },
    cause:
      "Browser sign-in starts the system browser and waits for it to return to a local port. On a server, a container, " +
      "an SSH session or WSL without a browser launcher there is nothing to open, so the sign-in stops before it " +
      "reaches Microsoft Entra ID.",
    mitigations: [
      "Use the device code sign-in, which shows a code to enter in a browser on any other device: `az login --use-device-code`, `Connect-AzAccount -UseDeviceAuthentication`, `azd auth login --use-device-code`, or DeviceCodeCredential in code.",
      "For unattended work on that machine, sign in with a service principal or managed identity instead of a user.",
      "If a desktop is available (WSL, a Linux desktop), install a browser launcher (xdg-utils, or wslu for wslview in WSL) so the browser can open.",
    ],
    docs: [CLI_AUTH, PS_AUTH],
  },
  {
    id: "azure-cli-tenant-interaction-required",
    title:
      "The Azure CLI signed in, but one tenant's MFA or Conditional Access policy blocked a silent sign-in to it",
    category: "conditional-access-mfa",
    retryable: false,
    match: {
      // Conditional Access and MFA codes only: other codes in the same az output have their own entries.
      stsCodes: [
        "AADSTS50076",
        "AADSTS50079",
        "AADSTS50158",
        "AADSTS50072",
        "AADSTS53000",
        "AADSTS53001",
        "AADSTS53003",
        "AADSTS530032",
      ],
      // az's advice after listing the tenants it could not sign in to.
      context: ["az login --tenant"],
    },
    cause:
      "az login signs in to the home tenant, then silently to every other tenant the account belongs to, to list their " +
      "subscriptions. A tenant whose Conditional Access policy demands MFA, a compliant device or a location the " +
      "silent request cannot satisfy refuses it, so its subscriptions are missing; the home tenant's sign-in is fine.",
    mitigations: [
      "If you need that tenant, sign in to it explicitly: `az login --tenant <tenant-id>` (the message lists the IDs) and complete the MFA or device prompt; with AADSTS53003 the tenant's Conditional Access policy may block this device or location entirely, so sign in from one it allows.",
      "If you do not need that tenant's subscriptions, ignore the warning: the other tenants are signed in.",
      "For automation, use a service principal or managed identity that the tenant's Conditional Access policies allow instead of a user account.",
    ],
    docs: [
      CLI_AUTH,
      "https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access",
    ],
  },
  {
    id: "powershell-assembly-conflict",
    title: "Azure PowerShell loaded a different version of an identity assembly than it needs",
    category: "other",
    retryable: false,
    match: {
      text: [
        "Could not load file or assembly 'Microsoft.Identity.Client",
        "Could not load file or assembly 'Azure.Identity",
        "Could not load file or assembly 'Azure.Core",
      ],
      patterns: ["Method not found: '[^'\\n]{0,200}(?:Azure\\.Identity|Microsoft\\.Identity\\.Client)\\."],
    },
    cause:
      "A PowerShell session holds one version of each .NET assembly. Another module (Microsoft Graph, Exchange, PnP, an " +
      "older Az) loaded its own Azure.Identity or MSAL first, or the PowerShell version is one Az.Accounts does not " +
      "support, so the cmdlet fails before any sign-in happens.",
    mitigations: [
      "Start a new PowerShell session and import Az.Accounts before other modules that ship Azure.Identity or Microsoft.Identity.Client; the assembly loaded first wins.",
      "Update Az.Accounts and the conflicting module to versions built against the same assembly version (Update-Module), and remove duplicate old versions (Get-Module -ListAvailable Az.Accounts).",
      "Use a PowerShell version that Az.Accounts supports (a current 7.x LTS) rather than a preview.",
    ],
    docs: [AZ_PS_INSTALL, "https://learn.microsoft.com/powershell/azure/troubleshooting"],
  },
  {
    id: "powershell-unexpected-output",
    title: "Azure PowerShell printed an error or no token",
    category: "tool-missing",
    retryable: false,
    match: {
      // identity 4.0 words the same failure "Unable to parse the output of PowerShell".
      text: ["No access token found in the output", "Unable to parse the output of PowerShell"],
      credentials: ["AzurePowerShellCredential"],
    },
    cause:
      "The credential treats any output on stderr, or output without a token, as a failure. Profile scripts, warnings " +
      "about module versions, or a broken Az install commonly cause it.",
    mitigations: [
      "Run pwsh -NoProfile -Command Get-AzAccessToken by hand and fix whatever it prints besides the token.",
      "Update the Az module; remove noisy commands from the PowerShell profile.",
    ],
    docs: [PS_TROUBLESHOOT],
  },
  {
    id: "vscode-credential-not-available",
    title: "VisualStudioCodeCredential has no usable VS Code sign-in",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: [
        "Visual Studio Code Authentication is not available",
        "Visual Studio Code Authentication failed to initialize",
        "Cannot load authentication record in Visual Studio Code",
        "No implementation of `VisualStudioCodeCredential` is available",
      ],
      credentials: ["VisualStudioCodeCredential"],
    },
    cause:
      "The current JavaScript credential reads the account VS Code's Azure Resources extension signed in with, through " +
      "the @azure/identity-vscode plugin and the broker. The plugin is not registered, or nobody signed in from VS Code.",
    mitigations: [
      "Install @azure/identity-vscode and register it with useIdentityPlugin(vsCodePlugin) before creating the credential.",
      "In VS Code, sign in with the Azure Resources extension ('Azure: Sign In').",
      "Or use AzureCliCredential (az login) instead, which needs no plugin.",
    ],
    docs: [VSCODE_PLUGIN, JS_GUIDE],
  },
  {
    id: "vscode-azure-account-extension-unsupported",
    title: "The VS Code credential cannot read sign-ins of Azure Account extension versions after 0.9.11",
    category: "tool-missing",
    retryable: false,
    match: {
      text: ["newer than 0.9.11", "Azure Account extension versions newer than"],
      credentials: ["VisualStudioCodeCredential"],
    },
    cause:
      "Older VisualStudioCodeCredential versions read the token cache of the Azure Account extension; later extension " +
      "versions changed how they store it, so the credential finds nothing to use.",
    mitigations: [
      "Use AzureCliCredential (az login) or the newer broker-based VS Code credential instead.",
      "Upgrade the identity library; the old Azure Account extension itself is retired.",
    ],
    docs: ["https://github.com/Azure/azure-sdk-for-js/issues/20500"],
  },
  {
    id: "vscode-credentials-unreadable",
    title: "No Azure account could be read from VS Code's settings or cache",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: [
        "Failed To Read VS Code Credentials",
        "Authenticate via Azure Tools plugin in VS Code",
        "Failed To Read Credentials",
        // .NET's wording.
        "Stored credentials not found. Need to authenticate user in VSCode Azure Account",
      ],
      credentials: ["VisualStudioCodeCredential"],
    },
    cause: "VisualStudioCodeCredential looked for a signed-in Azure account in VS Code and found none.",
    mitigations: [
      "In VS Code, open the Command Palette and run 'Azure: Sign In'.",
      "Or switch to AzureCliCredential.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "vscode-cached-token-expired",
    title: "The token cached by VS Code is too old and needs an interactive sign-in",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: ["MSAL Interaction Required", "Interaction required"],
      context: ["Visual Studio Code", "VS Code", "VisualStudioCodeCredential", "VSCode"],
      credentials: ["VisualStudioCodeCredential"],
    },
    cause:
      "The credential found VS Code's cached sign-in, but its refresh token is expired or needs new consent or MFA.",
    mitigations: [
      "Sign in again in VS Code ('Azure: Sign In' from the Command Palette).",
      "Or use AzureCliCredential with a fresh az login.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "vscode-adfs-not-supported",
    title: "The VS Code credential cannot sign in to an ADFS tenant",
    category: "tenant-invalid",
    retryable: false,
    match: {
      text: ["does not support authentication with ADFS tenants", "ADFS tenant not supported"],
      credentials: ["VisualStudioCodeCredential"],
    },
    cause:
      "Tokens from Active Directory Federation Services (on-premises, tenant 'adfs') are outside what this credential handles.",
    mitigations: [
      "Use a Microsoft Entra ID tenant, or another credential (for example a service principal) against ADFS-backed Azure Stack.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "broker-redirect-uri-missing",
    title: "The app registration lacks the redirect URI the Windows broker (WAM) uses",
    category: "not-configured",
    retryable: false,
    match: {
      stsCodes: ["AADSTS50011"],
      text: ["does not match the redirect URIs configured for the application"],
      context: ["Microsoft.AAD.BrokerPlugin", "broker"],
      credentials: ["InteractiveBrowserCredential", "BrokerCredential"],
    },
    cause:
      "Signing in through the Windows broker returns to a redirect URI specific to the app; the app registration " +
      "does not list it, so Microsoft Entra ID refuses to send the result there.",
    mitigations: [
      "Register ms-appx-web://Microsoft.AAD.BrokerPlugin/<your app's client ID> as a redirect URI under Authentication (Mobile and desktop applications).",
    ],
    docs: [BROKER, "https://learn.microsoft.com/javascript/api/overview/azure/identity-broker-readme"],
  },
  {
    id: "broker-personal-account-passthrough",
    title: "A personal Microsoft account cannot sign in through the Windows broker without MSA passthrough",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["enable_msa_passthrough", "msaPassthrough", "MSA passthrough"],
      credentials: ["InteractiveBrowserCredential", "BrokerCredential"],
    },
    cause:
      "By default the broker lists only work or school accounts for the app; personal (outlook.com, live.com) accounts " +
      "signed in to Windows are hidden and typing one in fails.",
    mitigations: [
      "Turn on MSA passthrough in the broker options (brokerOptions.legacyEnableMsaPassthrough in JavaScript, enable_msa_passthrough in Python).",
      "Make sure the app registration accepts personal Microsoft accounts.",
    ],
    docs: [BROKER, "https://learn.microsoft.com/javascript/api/overview/azure/identity-broker-readme"],
  },
  {
    id: "broker-plugin-missing",
    title: "Sign-in through the Windows broker was requested but the broker plugin is not available",
    category: "tool-missing",
    retryable: false,
    match: {
      text: [
        "Broker for WAM was requested, but no plugin was configured",
        "but the broker is unavailable",
        "Failed to acquire token using broker authentication",
        "ERR_DLOPEN_FAILED",
      ],
      credentials: ["InteractiveBrowserCredential", "BrokerCredential", "VisualStudioCodeCredential"],
    },
    cause:
      "Broker sign-in needs @azure/identity-broker (and its native module) registered with useIdentityPlugin; it is " +
      "missing, failed to load on this OS, or no default broker account exists.",
    mitigations: [
      "Install @azure/identity-broker and call useIdentityPlugin(nativeBrokerPlugin) before creating the credential.",
      "Use it on a supported platform (Windows, or macOS/Linux where the broker is supported) and reinstall if the native module fails to load.",
    ],
    docs: ["https://learn.microsoft.com/javascript/api/overview/azure/identity-broker-readme"],
  },
  {
    id: "shared-token-cache-no-account",
    title: "No account was found in the shared developer token cache",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: [
        "SharedTokenCacheCredential authentication unavailable",
        "No accounts were found in the cache",
        "No cached token found",
        "IntelliJ Authentication not available",
        "IntelliJ authentication unavailable",
      ],
      credentials: ["SharedTokenCacheCredential", "IntelliJCredential"],
    },
    cause:
      "SharedTokenCacheCredential and IntelliJCredential reuse an account that another tool (Visual Studio, the " +
      "Azure Toolkit for IntelliJ) signed in with. Nobody signed in there, the sign-in expired, or several accounts " +
      "are cached and none was chosen.",
    mitigations: [
      "Sign in again in the tool that owns the cache (Visual Studio's Azure Service Authentication, or Azure Toolkit for IntelliJ's Azure Sign In).",
      "With several cached accounts, name one (AZURE_USERNAME or the credential's username option).",
      "Prefer `az login` with AzureCliCredential: these cache-based credentials are legacy and dropped from newer chains.",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "persistent-token-cache-unavailable",
    title: "The encrypted token cache could not be opened on this machine",
    category: "not-configured",
    retryable: false,
    match: {
      text: [
        "Persistence check failed",
        "libsecret-1.so.0",
        "Failed to unlock the keyring",
        "Could not find the keychain",
        "persistence is not supported on this platform",
        "Unable to load native module for persistence",
      ],
    },
    cause:
      "A persistent token cache stores tokens encrypted by the operating system: the Keychain on macOS, DPAPI on " +
      "Windows, libsecret with an unlocked keyring on Linux. On a headless Linux machine or container there is " +
      "usually no keyring, and without the native module the cache cannot be used.",
    mitigations: [
      "The token cache persistence check failed: on Linux, install libsecret (e.g. libsecret-1-0) and run inside an unlocked keyring session (gnome-keyring), or use a credential that needs no cache there.",
      "In Azure PowerShell, `Disable-AzContextAutosave` keeps the token cache in memory for the session, so no encrypted persistence is needed.",
      "Where no keyring can exist (containers, CI), allow an unencrypted cache only if the file is protected (unsafeAllowUnencryptedStorage), or turn the persistent cache off.",
      "On macOS, make sure the login Keychain is unlocked and the process may use it.",
    ],
    docs: [JS_GUIDE, "https://www.npmjs.com/package/@azure/identity-cache-persistence"],
  },
  {
    id: "powershell-service-principal-sign-in-failed",
    title:
      "Azure PowerShell could not sign in as the service principal and reported it as a tenant it could not find",
    category: "credential-expired",
    retryable: false,
    match: {
      text: ["Could not find tenant id for provided tenant domain"],
      credentials: ["ClientSecretCredential", "ClientCertificateCredential", "ClientAssertionCredential"],
    },
    cause:
      "Connect-AzAccount -ServicePrincipal asks Microsoft Entra ID for a token in the given tenant and, when that " +
      "request fails for any reason, words the failure as a tenant lookup. Behind it is usually the service " +
      "principal's own material: a client secret that has expired (the most common case in automation that worked " +
      "before), a wrong secret value, or an application ID that does not exist in that tenant. An AADSTS code printed " +
      "next to it names the real cause.",
    mitigations: [
      "Open the app registration (Certificates & secrets) and check the end date of the client secret the script or workflow uses; if it has expired, create a new client secret and update every place that stores it (the pipeline secret, the service connection, the key vault).",
      "If it has not expired, check that the stored value is the secret's Value (not its Secret ID), that the application (client) ID is the one of that app, and that -Tenant is the Directory (tenant) ID where the app lives.",
      "Reproduce with `az login --service-principal -u <app-id> -p <secret> --tenant <tenant-id>` or Connect-AzAccount -Debug: they print the AADSTS code the message hides.",
      "If an AADSTS code appears in the same output, follow that code's entry instead.",
    ],
    docs: [
      PS_AUTH,
      "https://learn.microsoft.com/entra/identity-platform/howto-create-service-principal-portal",
    ],
  },
  {
    id: "powershell-access-token-expired",
    title: "Azure PowerShell kept using an access token that has expired",
    category: "token-expired",
    retryable: false,
    match: {
      text: ["The access token expiry UTC time", "is earlier than current UTC time"],
      // Az cmdlets print their name before the message.
      context: [
        "Get-Az",
        "Set-Az",
        "New-Az",
        "Remove-Az",
        "Invoke-Az",
        "Connect-AzAccount",
        "AzContext",
        "Az.Accounts",
      ],
    },
    cause:
      "A context created with Connect-AzAccount -AccessToken holds only that token: Az cannot refresh it, so every " +
      "cmdlet fails once the token's lifetime (about an hour) is over. A saved or imported context whose sign-in " +
      "lapsed behaves the same way.",
    mitigations: [
      "Get a fresh access token (`az account get-access-token`, Get-AzAccessToken, or your own token request) and run Connect-AzAccount -AccessToken <token> -AccountId <id> again before the next cmdlets.",
      "For scripts that run longer than the token lives, sign in with a credential Az can refresh instead: Connect-AzAccount as a user, -ServicePrincipal with a secret or certificate, -FederatedToken, or -Identity for a managed identity.",
      "Check the machine clock (NTP) if the times in the message are close together.",
    ],
    docs: [PS_AUTH, "https://learn.microsoft.com/powershell/module/az.accounts/connect-azaccount"],
  },
  {
    id: "powershell-credential-value-empty",
    title:
      "A PowerShell script built its sign-in from an empty value (a secret, user name, tenant or application ID)",
    category: "not-configured",
    retryable: false,
    match: {
      text: ['value of argument "password" is null', 'value of argument "userName" is null'],
      patterns: [
        // ConvertTo-SecureString given an unset variable.
        "ConvertTo-SecureString\\s?: Cannot bind argument to parameter 'String' because it is (?:null|an empty string)",
        // A sign-in cmdlet's own parameters (Connect-AzAccount, Set-AzContext) given an unset variable.
        "Cannot bind argument to parameter '(?:Password|Credential|Tenant|TenantId|ApplicationId|CertificateThumbprint|CertificatePath|FederatedToken|AccessToken|Subscription|SubscriptionId)' because it is (?:null|an empty string)",
      ],
    },
    cause:
      "The script turns a secret into a PSCredential (New-Object PSCredential, ConvertTo-SecureString) for " +
      "Connect-AzAccount -ServicePrincipal or another sign-in, or passes a tenant, application or subscription ID to " +
      "it, and the variable holding that value was empty: a pipeline secret variable that is not mapped into the step, a property that carries no secret " +
      "(a service principal read back with Get-AzADServicePrincipal has none), or a misspelt variable name.",
    mitigations: [
      "Print whether the variable is set (never its value) just before building the PSCredential, and trace where it should come from.",
      "A service principal's secret is only shown when it is created (New-AzADServicePrincipal, New-AzADSpCredential, or the portal's Certificates & secrets): store it then, or create a new secret; Get-AzADServicePrincipal and Get-AzADApplication never return it.",
      "In Azure Pipelines, secret variables are not exposed to scripts automatically: map them in the step's env section (env: CLIENT_SECRET: $(clientSecret)) and read $env:CLIENT_SECRET; in GitHub Actions, check the secret exists in this repository or environment.",
    ],
    docs: [PS_AUTH, "https://learn.microsoft.com/azure/devops/pipelines/process/set-secret-variables"],
  },
  {
    id: "powershell-key-vault-not-visible",
    title: "Azure PowerShell cannot see the key vault in the current subscription",
    category: "permission-denied",
    retryable: false,
    match: {
      text: ["does not exist in current"],
      context: ["vault"],
    },
    cause:
      "Az.KeyVault cmdlets (Set-AzKeyVaultAccessPolicy, Get-AzKeyVault…) look the vault up in the subscription of " +
      "the current context. The signed-in identity cannot read it there: in a pipeline, the service principal behind " +
      "the service connection holds no role on the vault or its resource group, or the context points to another " +
      "subscription.",
    mitigations: [
      "Give the identity that runs the script (in a pipeline, the service connection's service principal) read access on the Key Vault's resource group or the vault itself, and a role that may change it for access-policy work (Key Vault Contributor, or Contributor), then retry.",
      "Check the context with Get-AzContext and select the vault's subscription with Set-AzContext -Subscription <id> if it is another one.",
      "If the vault was created moments ago, wait for the role assignment and the resource to propagate.",
    ],
    docs: [
      "https://learn.microsoft.com/azure/key-vault/general/rbac-guide",
      "https://learn.microsoft.com/azure/key-vault/general/assign-access-policy",
    ],
  },
  {
    id: "azure-cli-tenant-not-found",
    title: "The Azure CLI could not find the tenant it was asked to sign in to",
    category: "tenant-invalid",
    retryable: false,
    match: {
      text: ["Unable to get authority configuration for"],
      // az's own framing of the failure, or the command that caused it.
      context: ["az login", "The command failed with an unexpected error", "az account"],
    },
    cause:
      "Before signing in, az downloads the OpenID configuration of <authority host>/<tenant>. It was not found: the " +
      "tenant ID or domain passed with --tenant (or stored in the profile) is mistyped or belongs to nothing, or the " +
      "CLI is set to another cloud whose authority host holds no such tenant.",
    mitigations: [
      "Run `az login --tenant <tenant ID>` with the Directory (tenant) ID, a GUID, from the portal's Microsoft Entra ID overview, or a verified domain of that tenant; check for stray characters.",
      "If the authority host in the message is not login.microsoftonline.com, the CLI is set to another cloud: check with `az cloud show` and switch with `az cloud set --name AzureCloud` (retired clouds such as Azure Germany hold no tenants any more).",
      "Test https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration in a browser: an error there confirms the tenant value is wrong.",
    ],
    docs: [CLI_AUTH, "https://learn.microsoft.com/entra/fundamentals/how-to-find-tenant"],
  },
  {
    id: "azure-cli-managed-identity-refused",
    title: "az login --identity reached the managed identity endpoint, which refused to issue a token",
    category: "managed-identity-unavailable",
    retryable: false,
    match: {
      // az's wording when no identity answers to the ID given with --identity.
      text: ["MSI: Failed to retrieve a token from", "check your managed service identity id"],
      // The endpoint answered with a 4xx status.
      patterns: ["get token request returned(?: http error: 4\\d\\d, reason|: <Response \\[4\\d\\d\\]>)"],
    },
    cause:
      "The Azure CLI asked the host's managed identity endpoint for a token (az login --identity, or a CLI session " +
      "that signed in that way) and the endpoint answered with an error: the host (an Azure ML compute instance or " +
      "cluster, a VM, an App Service or container) has no managed identity enabled, the user-assigned identity asked " +
      "for is not assigned to it, or the identity given does not exist.",
    mitigations: [
      "Enable a system-assigned managed identity on the compute (Azure ML compute instance or cluster, VM, App Service) or assign the user-assigned identity to it, then retry `az login --identity`.",
      "For a user-assigned identity, name it: `az login --identity --client-id <client-id>` (older CLI versions: `--username <client-id>`), and check the ID belongs to an identity assigned to this host.",
      "Give that identity a role on the subscription or resource it works on; without one the sign-in finds no subscription.",
    ],
    docs: [
      "https://learn.microsoft.com/cli/azure/authenticate-azure-cli-managed-identity",
      "https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/overview",
    ],
  },
  {
    id: "azure-cli-managed-identity-session-unusable",
    title:
      "A tool asked the Azure CLI for a token, but az is signed in with a managed identity it cannot reach",
    category: "not-logged-in",
    retryable: false,
    match: {
      text: ["Failed to connect to MSI"],
      // A tool that relays az's answer, rather than someone running az login --identity.
      context: ["AzureCliCredential", "kubelogin", "cloud shell", "get-access-token"],
      credentials: ["AzureCliCredential"],
    },
    cause:
      "The Azure CLI's saved sign-in is a managed identity one (from `az login --identity`, or Cloud Shell's automatic " +
      "sign-in), so every token it hands out comes from the managed identity endpoint. That endpoint did not answer " +
      "here, so the tool that relies on az (kubelogin, Terraform, an SDK's AzureCliCredential) gets no token.",
    mitigations: [
      "Sign the Azure CLI in with your own account: run `az login` (or `az login --use-device-code`), then retry; in Cloud Shell an explicit `az login` replaces the automatic sign-in.",
      "If az is meant to use the host's managed identity, check on that host that managed identity is enabled and `az account get-access-token` works.",
    ],
    docs: [CLI_AUTH],
  },
  {
    id: "developer-tool-personal-account",
    title:
      "A developer credential picked a personal Microsoft account where a work or school account is needed",
    category: "multi-tenant",
    retryable: false,
    match: {
      stsCodes: ["AADSTS70002"],
      text: ["is not enabled for consumers"],
      context: [
        "SharedTokenCacheCredential",
        "VisualStudioCredential",
        "IntelliJCredential",
        "AzureCliCredential",
        "AzurePowerShellCredential",
      ],
      credentials: ["SharedTokenCacheCredential", "VisualStudioCredential", "IntelliJCredential"],
    },
    cause:
      "Developer credentials reuse an account a tool signed in with. The account found was a personal Microsoft " +
      "account (outlook.com, live.com…), whose requests go to the consumer tenant, where the tool's client " +
      "application is not enabled; your resources live in an organisation's tenant.",
    mitigations: [
      "Sign in with the work or school account that has access to the resources, and make it the one the credential uses: in Visual Studio pick it under Azure Service Authentication; for the shared cache set the username or tenant (AZURE_USERNAME, AZURE_TENANT_ID, or the credential's TenantId option).",
      "Or leave the cached account out and use AzureCliCredential after `az login --tenant <tenant-id>` with the work account (exclude the shared token cache in DefaultAzureCredential's options).",
      "A personal account can use Azure resources only as a guest or owner in a directory: pass that directory's tenant ID so the request does not go to the consumer tenant.",
    ],
    docs: ["https://learn.microsoft.com/entra/identity-platform/supported-accounts-validation", JS_GUIDE],
  },
  {
    id: "terraform-azure-cli-user-only",
    title: "Terraform's azurerm provider refused an Azure CLI session signed in as a service principal",
    category: "not-configured",
    retryable: false,
    match: {
      text: ["Authenticating using the Azure CLI is only supported as a User"],
    },
    cause:
      "Older azurerm provider versions use the Azure CLI session only when a user signed in. After a pipeline step " +
      "signed az in as a service principal (azure/login, AzureCLI@2), the provider refuses that session instead of " +
      "falling back to it, so it needs its own service principal settings.",
    mitigations: [
      "Configure the provider's own service principal authentication: ARM_CLIENT_ID, ARM_TENANT_ID and ARM_SUBSCRIPTION_ID, with ARM_CLIENT_SECRET (or a certificate), or with workload identity federation use_oidc = true (ARM_USE_OIDC=true) and the OIDC token variables the CI system provides.",
      "For a local run, sign the Azure CLI in as yourself (`az login`) and unset any ARM_* variables left from CI; keep service principal settings for pipelines.",
    ],
    docs: [
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/service_principal_oidc",
      "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/azure_cli",
    ],
  },
];
