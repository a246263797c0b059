import { describe, expect, it } from "vitest";
import { findNamedCredentials } from "../../../src/diagnosis/credentialNames.js";
import { diagnose } from "../../../src/diagnosis/diagnose.js";

describe("the credentials a diagnosis lists", () => {
  it("are the classes the text names, chains included, in order of appearance", () => {
    const pasted = [
      "DefaultAzureCredential failed to retrieve a token from the included credentials.",
      "Attempted credentials:",
      "\tEnvironmentCredential: EnvironmentCredential authentication unavailable.",
      "\tManagedIdentityCredential: ManagedIdentityCredential authentication unavailable.",
    ].join("\n");
    expect(diagnose(pasted).credentials).toEqual([
      "DefaultAzureCredential",
      "EnvironmentCredential",
      "ManagedIdentityCredential",
    ]);
  });

  it("name no credential for a tool's own output, whatever it advises", () => {
    expect(diagnose("ERROR: Please run 'az login' to setup account.").credentials).toEqual([]);
    expect(diagnose("ERROR: not logged in, run `azd auth login` to login").credentials).toEqual([]);
  });

  it("use the JavaScript name for other runtimes' spellings and Go's constructors", () => {
    expect(
      findNamedCredentials(
        "azidentity.NewDefaultAzureCredential: AzureCLICredential: exit status 1; AzureDeveloperCLICredential",
      ),
    ).toEqual(["DefaultAzureCredential", "AzureCliCredential", "AzureDeveloperCliCredential"]);
    expect(findNamedCredentials("azure.identity.CertificateCredential.get_token failed")).toEqual([
      "ClientCertificateCredential",
    ]);
  });

  it("leave out words shaped like credentials that are no identity credential", () => {
    expect(
      findNamedCredentials(
        "Connect-AzAccount -Credential $AzCredential; at TeamsFxTokenCredential.<anonymous>; ImdsCredential.get_token failed",
      ),
    ).toEqual([]);
  });

  it("read names after escaped line breaks", () => {
    expect(
      findNamedCredentials(
        String.raw`failed to acquire a token.\n\tManagedIdentityCredential: no default identity\r\nSharedTokenCacheCredential: no accounts`,
      ),
    ).toEqual(["ManagedIdentityCredential", "SharedTokenCacheCredential"]);
  });

  it("leave out the list of values AZURE_TOKEN_CREDENTIALS accepts", () => {
    expect(
      findNamedCredentials(
        "Invalid value for AZURE_TOKEN_CREDENTIALS = production. Valid values are 'prod' or 'dev' or any of these credentials - EnvironmentCredential, ManagedIdentityCredential, AzureCliCredential.",
      ),
    ).toEqual([]);
  });

  it("name a thrown member by the identity source file in its stack", () => {
    const member = new Error("Azure CLI could not be found.");
    member.name = "CredentialUnavailableError";
    member.stack = `CredentialUnavailableError: Azure CLI could not be found.\n    at /app/node_modules/@azure/identity/dist/commonjs/credentials/azureCliCredential.js:202:25`;
    const aggregate = Object.assign(new Error("ChainedTokenCredential authentication failed."), {
      name: "AggregateAuthenticationError",
      errors: [member],
    });
    expect(diagnose(aggregate).credentials).toEqual(["ChainedTokenCredential", "AzureCliCredential"]);
  });
});
