/** The sources and example messages (each runtime's wording) of the entries in ../entries/developerTools.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";
import { IDS, jsSts } from "./samples.js";

export const developerToolExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "azure-cli-not-installed": {
    sources: ["CLI-01", "js-guide"],
    examples: [
      {
        text: "CredentialUnavailableError: Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "AzureCLICredential: Azure CLI not found on path",
        runtime: "go",
        source: "CLI-01",
      },
    ],
  },
  "azure-cli-not-logged-in": {
    sources: ["CLI-02", "js-guide"],
    examples: [
      {
        text: "CredentialUnavailableError: Please run 'az login' from a command prompt to authenticate before using this credential.",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: Please run 'az login' to set up an account",
        runtime: "python",
        source: "CLI-02",
      },
      {
        text: "running Azure CLI: exit status 1: ERROR: Account has previously been signed out of this application. Please explicitly log in with:\naz login --scope https://management.core.windows.net//.default",
        runtime: "go",
        source: "written",
      },
      {
        text: "Error: Error building AzureRM Client: Azure CLI Authorization Profile was not found. Please ensure the Azure CLI is installed and then log-in with `az login`.",
        runtime: "go",
        source: "written",
      },
      {
        text: "Command failed: az account list --output json\nWARNING: Please run 'az login' to access your accounts.",
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "azure-cli-subscription-invalid-characters": {
    sources: ["CLI-03", "js-guide"],
    examples: [
      {
        text: "Error: Subscription 'My Dev & Test' contains invalid characters. If this is the name of a subscription, use its ID instead. You can locate your subscription by following the instructions listed here: https://learn.microsoft.com/azure/azure-portal/get-subscription-tenant-id",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "azure-cli-subscription-not-found": {
    sources: ["CLI-03", "js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: ERROR: Subscription '22222222-3333-4444-5555-666666666666' not found. Check the spelling and casing and try again.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "azure-cli-no-subscriptions": {
    sources: ["azure-cli"],
    examples: [
      {
        text: "ERROR: No subscriptions found for 3f1c2b7a-8d4e-4b61-9a0c-5e2d7f8b1c94.",
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "visual-studio-token-provider-unavailable": {
    sources: ["net-guide"],
    examples: [
      {
        text: "- Visual Studio Token provider can't be accessed at C:\\Users\\dev\\AppData\\Local\\.IdentityService\\AzureServiceAuth\\tokenprovider.json",
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "azure-cli-process-timeout": {
    sources: ["js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: Unexpected end of JSON input (AzureCliCredential)",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "developer-tool-claims-challenge": {
    sources: ["js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: This credential doesn't support claims challenges. To authenticate with the required claims, please run the following command: az login --claims-challenge eyJhY2Nlc3NfdG9rZW4iOnt9fQ== --scope https://management.azure.com/.default",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "azd-not-installed": {
    sources: ["AZD-01", "js-guide"],
    examples: [
      {
        text: "CredentialUnavailableError: Azure Developer CLI couldn't be found. To mitigate this issue, see the troubleshooting guidelines at https://aka.ms/azsdk/js/identity/azdevclicredential/troubleshoot.",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "AzureDeveloperCLICredential: Azure Developer CLI not found on path",
        runtime: "go",
        source: "AZD-01",
      },
    ],
  },
  "azd-not-logged-in": {
    sources: ["AZD-02", "js-guide"],
    examples: [
      {
        text: "CredentialUnavailableError: Please run 'azd auth login' from a command prompt to authenticate before using this credential. For more information, see the troubleshooting guidelines at https://aka.ms/azsdk/js/identity/azdevclicredential/troubleshoot.",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "ERROR: deploying service 'web': fetching access token: reauthentication required, run `azd auth login --scope https://management.azure.com//.default` to log in",
        runtime: "azd",
        source: "written",
      },
      {
        text: 'Error: provisioning infrastructure: listing subscriptions: cli is not logged in. Try running "azd login" to fix',
        runtime: "azd",
        source: "written",
      },
    ],
  },
  "powershell-not-installed": {
    sources: ["PS-01", "js-guide"],
    examples: [
      {
        text: "CredentialUnavailableError: Error: Unable to execute PowerShell. Ensure that it is installed in your system. To troubleshoot, visit https://aka.ms/azsdk/js/identity/powershellcredential/troubleshoot.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "powershell-az-module-missing": {
    sources: ["PS-02", "js-guide"],
    examples: [
      {
        text: "CredentialUnavailableError: The 'Az.Account' module >= 2.2.0 is not installed. Install the Azure Az PowerShell module with: \"Install-Module -Name Az -Scope CurrentUser -Repository PSGallery -Force\".",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "powershell-not-logged-in": {
    sources: ["PS-03", "js-guide"],
    examples: [
      {
        text: "CredentialUnavailableError: Please run 'Connect-AzAccount' from PowerShell to authenticate before using this credential.",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "Get-AzureRmResourceGroup : Run Login-AzureRmAccount to login.\nAt C:\\scripts\\nightly.ps1:12 char:1",
        runtime: "azure-powershell",
        source: "written",
      },
    ],
  },
  "powershell-unexpected-output": {
    sources: ["js-lab"],
    examples: [
      {
        text: "CredentialUnavailableError: Error: No access token found in the output. Received output: WARNING: Upcoming breaking changes in the cmdlet. To troubleshoot, visit https://aka.ms/azsdk/js/identity/powershellcredential/troubleshoot.",
        runtime: "javascript",
        source: "lab",
      },
      {
        text: "CredentialUnavailableError: Error: Unable to parse the output of PowerShell. Received output: WARNING: Upcoming breaking changes in the cmdlet 'Get-AzAccessToken'\n. To troubleshoot, visit https://aka.ms/azsdk/js/identity/powershellcredential/troubleshoot.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "vscode-credential-not-available": {
    sources: ["VSC-02", "js-guide"],
    examples: [
      {
        text: "CredentialUnavailableError: Visual Studio Code Authentication is not available. Ensure you have have Azure Resources Extension installed in VS Code, signed into Azure via VS Code, installed the @azure/identity-vscode package, and properly configured the extension.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "vscode-azure-account-extension-unsupported": {
    sources: ["VSC-01"],
    examples: [
      {
        text: "VisualStudioCodeCredential: the credential doesn't work with Azure Account extension versions newer than 0.9.11; authenticate via the Azure CLI instead",
        runtime: "python",
        source: "VSC-01",
      },
    ],
  },
  "vscode-credentials-unreadable": {
    sources: ["VSC-02"],
    examples: [
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: Failed To Read VS Code Credentials",
        runtime: "python",
        source: "VSC-02",
      },
    ],
  },
  "vscode-cached-token-expired": {
    sources: ["VSC-03"],
    examples: [
      {
        text: "azure.core.exceptions.ClientAuthenticationError: VisualStudioCodeCredential: MSAL Interaction Required Error",
        runtime: "python",
        source: "VSC-03",
      },
    ],
  },
  "vscode-adfs-not-supported": {
    sources: ["VSC-04"],
    examples: [
      {
        text: "CredentialUnavailableError: The VisualStudioCodeCredential does not support authentication with ADFS tenants.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "broker-redirect-uri-missing": {
    sources: ["WAM-01"],
    examples: [
      {
        text: jsSts(
          "invalid_request",
          "50011",
          `The redirect URI 'ms-appx-web://Microsoft.AAD.BrokerPlugin/${IDS.client}' specified in the request does not match the redirect URIs configured for the application '${IDS.client}'.`,
        ),
        runtime: "javascript",
        source: "WAM-01",
      },
    ],
  },
  "broker-personal-account-passthrough": {
    sources: ["WAM-02"],
    examples: [
      {
        text: "Microsoft account sign-in failed through the Windows broker: set enable_msa_passthrough=True on InteractiveBrowserBrokerCredential to list MSA accounts",
        runtime: "python",
        source: "WAM-02",
      },
    ],
  },
  "broker-plugin-missing": {
    sources: ["js-guide"],
    examples: [
      {
        text: "Error: Broker for WAM was requested, but no plugin was configured or no authentication record was found. You must install the @azure/identity-broker plugin package (npm install --save @azure/identity-broker) and enable it by importing `useIdentityPlugin` from `@azure/identity` and calling `useIdentityPlugin(createNativeBrokerPlugin())` before using enableBroker.",
        runtime: "javascript",
        source: "lab",
      },
    ],
  },
  "shared-token-cache-no-account": {
    sources: ["GEN-02"],
    examples: [
      {
        text: "CredentialUnavailableError: SharedTokenCacheCredential authentication unavailable. No accounts were found in the cache.",
        runtime: "python",
        source: "GEN-02",
      },
    ],
  },
  "persistent-token-cache-unavailable": {
    sources: ["written"],
    examples: [
      {
        text: "Error: Persistence check failed. Reason: libsecret-1.so.0: cannot open shared object file: No such file or directory",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "azure-cli-tenant-without-subscriptions": {
    sources: ["azure-cli"],
    examples: [
      {
        text: `The following tenants don't contain accessible subscriptions. Use 'az login --allow-no-subscriptions' to have tenant level access.\n${IDS.tenant} 'Contoso B2C'\nNo subscriptions found for dev@contoso.com.`,
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "terraform-fell-back-to-azure-cli": {
    sources: ["terraform"],
    examples: [
      {
        text: 'Error: unable to build authorizer for Resource Manager API: could not configure AzureCli Authorizer: could not parse Azure CLI version: launching Azure CLI: exec: "az": executable file not found in $PATH',
        runtime: "go",
        source: "written",
      },
    ],
  },
  "powershell-tenant-interaction-required": {
    sources: ["azure-powershell"],
    examples: [
      {
        text: `WARNING: Authentication failed against tenant ${IDS.tenant}. User interaction is required. This may be due to the conditional access policy settings such as multi-factor authentication (MFA). If you need to access subscriptions in that tenant, please rerun 'Connect-AzAccount' with additional parameter '-TenantId ${IDS.tenant}'.`,
        runtime: "azure-powershell",
        source: "written",
      },
    ],
  },
  "interactive-browser-unavailable": {
    sources: ["azure-powershell", "azure-cli"],
    examples: [
      {
        text: "Connect-AzAccount: InteractiveBrowserCredential authentication failed: Unable to open a web page using xdg-open, gnome-open, kfmclient or wslview tools. See inner exception for details.",
        runtime: "azure-powershell",
        source: "written",
      },
      {
        text: "azure.identity._exceptions.CredentialUnavailableError: InteractiveBrowserCredential.get_token failed: Found no browser in current environment.",
        runtime: "python",
        source: "written",
      },
    ],
  },
  "azure-cli-tenant-interaction-required": {
    sources: ["azure-cli"],
    examples: [
      {
        text: `Authentication failed against tenant ${IDS.tenant} 'Example Partner': SubError: basic_action V2Error: invalid_grant AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication. Trace ID: ${IDS.trace} Correlation ID: ${IDS.correlation} Timestamp: ${IDS.timestamp}.\nIf you need to access subscriptions in the following tenants, please use \`az login --tenant TENANT_ID\`.\n${IDS.tenant} 'Example Partner'`,
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "powershell-assembly-conflict": {
    sources: ["azure-powershell"],
    examples: [
      {
        text: "Connect-AzAccount: Could not load file or assembly 'Azure.Identity, Version=1.10.3.0, Culture=neutral, PublicKeyToken=92742159e12e44c8'. Could not find or load a specific file. (0x80131621)",
        runtime: "azure-powershell",
        source: "written",
      },
      {
        text: "Get-AzAccessToken: Method not found: 'Microsoft.Identity.Client.AcquireTokenSilentParameterBuilder Microsoft.Identity.Client.AcquireTokenSilentParameterBuilder.WithProofOfPossession(System.String, System.Net.Http.HttpMethod, System.Uri)'.",
        runtime: "azure-powershell",
        source: "written",
      },
    ],
  },
  "powershell-service-principal-sign-in-failed": {
    sources: ["azure-powershell"],
    examples: [
      {
        text: `Connect-AzAccount : ClientSecretCredential authentication failed: Could not find tenant id for provided tenant domain '${IDS.tenant}'. Please ensure that the provided service principal '${IDS.client}' is found in the provided tenant domain.`,
        runtime: "azure-powershell",
        source: "written",
      },
    ],
  },
  "powershell-access-token-expired": {
    sources: ["azure-powershell"],
    examples: [
      {
        text: "New-AzResourceGroup : The access token expiry UTC time '11/22/2026 9:00:00 AM' is earlier than current UTC time '11/22/2026 10:05:00 AM'.",
        runtime: "azure-powershell",
        source: "written",
      },
    ],
  },
  "powershell-credential-value-empty": {
    sources: ["azure-powershell"],
    examples: [
      {
        text: 'New-Object : Exception calling ".ctor" with "2" argument(s): "Cannot process argument because the value of argument "password" is null. Change the value of argument "password" to a non-null value."',
        runtime: "azure-powershell",
        source: "written",
      },
      {
        text: "ConvertTo-SecureString : Cannot bind argument to parameter 'String' because it is an empty string.\nAt D:\\a\\_temp\\deploy.ps1:4 char:40",
        runtime: "azure-powershell",
        source: "written",
      },
      {
        text: "Connect-AzAccount : Cannot bind argument to parameter 'Tenant' because it is an empty string.\nAt D:\\a\\_temp\\login.ps1:7 char:58",
        runtime: "azure-powershell",
        source: "written",
      },
    ],
  },
  "powershell-key-vault-not-visible": {
    sources: ["azure-powershell"],
    examples: [
      {
        text: "Set-AzKeyVaultAccessPolicy: Vault 'kv-example-test' does not exist in current subscription. If this vault exists in your tenant, please switch to the correct subscription in order to modify the Access Policies of this vault.",
        runtime: "azure-powershell",
        source: "written",
      },
    ],
  },
  "azure-cli-tenant-not-found": {
    sources: ["azure-cli"],
    examples: [
      {
        text: "The command failed with an unexpected error. Here is the traceback:\nUnable to get authority configuration for https://login.microsoftonline.com/contoso-typo.onmicrosoft.com. Authority would typically be in a format of https://login.microsoftonline.com/your_tenant Also please double check your tenant name or GUID is correct.",
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "azure-cli-managed-identity-refused": {
    sources: ["azure-cli"],
    examples: [
      {
        text: "MSI: Failed to retrieve a token from 'http://127.0.0.1:41000/MSI/auth/?resource=https://management.core.windows.net/&api-version=2017-09-01' with an error of 'No managed identity is assigned to this compute'.",
        runtime: "azure-cli",
        source: "written",
      },
      {
        text: "Failed to connect to MSI. Please make sure MSI is configured correctly.\nGet Token request returned http error: 404, reason: Not Found",
        runtime: "azure-cli",
        source: "written",
      },
      {
        text: "ERROR: Failed to connect to MSI, check your managed service identity id.",
        runtime: "azure-cli",
        source: "written",
      },
    ],
  },
  "azure-cli-managed-identity-session-unusable": {
    sources: ["azure-cli"],
    examples: [
      {
        text: "AzureCliCredential.get_token failed: ERROR: Failed to connect to MSI. Please make sure MSI is configured correctly and check the network connection.",
        runtime: "python",
        source: "written",
      },
    ],
  },
  "developer-tool-personal-account": {
    sources: ["written"],
    examples: [
      {
        text: `Azure.Identity.AuthenticationFailedException: VisualStudioCredential authentication failed: AADSTS70002: The client does not exist or is not enabled for consumers.\nTrace ID: ${IDS.trace}`,
        runtime: "dotnet",
        source: "written",
      },
    ],
  },
  "terraform-azure-cli-user-only": {
    sources: ["terraform"],
    examples: [
      {
        text: "Error: building AzureRM Client: Authenticating using the Azure CLI is only supported as a User (not a Service Principal).",
        runtime: "go",
        source: "written",
      },
    ],
  },
};
