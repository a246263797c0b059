import { explainAuthError } from "../src/index.js";
const probes: string[] = [
  "Failed to connect to MSI. Please make sure MSI is configured correctly.\nGet Token request returned: <Response [400]>",
  "ERROR: This command requires you to be logged in. Please run `azd auth login`.",
  "Error: unable to build authorizer for Resource Manager API: could not configure AzureCli Authorizer: could not parse Azure CLI version: launching Azure CLI: exec: \"az\": executable file not found in $PATH",
  "##[error]Script failed with error: Error: Unable to locate executable file: 'pwsh'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable.",
  "##[error]Input required: azureSubscription",
  "Error: Login failed with Error: The process '/usr/bin/az' failed with exit code 1. Double check if the 'auth-type' is correct. Refer to https://github.com/Azure/login#readme for more information.",
  "ERROR: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on 2024-01-01 and the maximum allowed lifetime for this request is 86400. AADSTS70043",
  "ERROR: No subscription found. Run 'az account set' to select a subscription.",
  "Connect-AzAccount: InteractiveBrowserCredential authentication failed: Unable to open a web page using xdg-open, gnome-open, kfmclient or wslview tools.",
  "ERROR: An error occurred while getting token: AzureCliCredential authentication failed: ERROR: Please run 'az login' to setup account.",
  "Error: building account: could not acquire access token to parse claims: running Azure CLI: exit status 1: ERROR: AADSTS700082: The refresh token has expired due to inactivity.",
  "##[error]Failed to get federated token from Azure DevOps: Status code 401",
  "##[error]Error: Failed to obtain the JSON Web Token (JWT) using service principal client ID. Exception message: An exception occurred while trying to get OIDC token",
  "Login failed with Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable. Please make sure to give write permissions to id-token in the workflow.",
  "ERROR: Subscription 'abc' not found. Check the spelling and casing and try again.",
  "ERROR: (SubscriptionNotFound) The subscription 'x' could not be found.",
  "azd: ERROR: failed to authenticate: no account is logged in, run `azd auth login` to log in",
  "Error: Unable to get Azure CLI access token: az account get-access-token failed",
  "The term 'az' is not recognized as the name of a cmdlet, function, script file, or operable program.",
  "ERROR: Failed to retrieve a token from the managed identity endpoint",
  "ERROR: AADSTS50020: User account 'a@b.com' from identity provider 'live.com' does not exist in tenant 'Contoso'",
  "Connect-AzAccount : The provided account x@y.com does not have access to subscription ID 'abc'. Please try logging in with different credentials or a different subscription ID.",
  "Set-AzContext: Please provide a valid tenant or a valid subscription.",
  "Get-AzKeyVaultSecret : Operation returned an invalid status code 'Forbidden'",
];
for (const text of probes) {
  const d = explainAuthError(text);
  console.log(d.category.padEnd(30), (d.matches[0]?.id ?? "-").padEnd(45), text.slice(0, 80).replace(/\n/g, " "));
}
