/**
 * Developer tool credentials running the lab's fake `az`, `azd` and `pwsh` (first on an otherwise empty PATH),
 * which print the real tools' failure texts.
 */
import { describe } from "vitest";
import { AzureCliCredential, AzureDeveloperCliCredential, AzurePowerShellCredential } from "@azure/identity";
import { azBehaviour, azdBehaviour, pwshBehaviour, rawBehaviour } from "../harness/fakeTools.js";
import { skipBefore } from "../harness/identityVersion.js";
import { useLab, useLabTools } from "./lab.js";
import { defineScenarios } from "./scenario.js";

const lab = useLab();
const tools = useLabTools(lab);

describe("AzureCliCredential", () => {
  defineScenarios(lab, [
    {
      name: "az not installed",
      arrange: () => {
        tools.remove("az");
        return () => new AzureCliCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "azure-cli-not-installed",
        category: "tool-missing",
        credentials: ["AzureCliCredential"],
      },
    },
    {
      name: "az not logged in",
      arrange: () => {
        tools.az(azBehaviour.notLoggedIn());
        return () => new AzureCliCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "azure-cli-not-logged-in",
        category: "not-logged-in",
        credentials: ["AzureCliCredential"],
      },
    },
    {
      name: "az sign-in expired: AADSTS700082",
      arrange: () => {
        tools.az(azBehaviour.expiredLogin());
        return () => new AzureCliCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "session-expired-sign-in-again",
        category: "not-logged-in",
        credentials: ["AzureCliCredential"],
        facts: { stsCode: "AADSTS700082", runtime: "azure-cli" } as never,
      },
    },
    {
      name: "az subscription not found",
      skip: skipBefore("4.13", "has no subscription option"),
      arrange: () => {
        tools.az(azBehaviour.subscriptionNotFound());
        return () => new AzureCliCredential({ subscription: "lab-subscription-that-does-not-exist" });
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "azure-cli-subscription-not-found",
        category: "not-configured",
        credentials: ["AzureCliCredential"],
      },
    },
  ]);
});

describe("AzureDeveloperCliCredential", () => {
  defineScenarios(lab, [
    {
      name: "azd not installed",
      arrange: () => {
        tools.remove("azd");
        return () => new AzureDeveloperCliCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "azd-not-installed",
        category: "tool-missing",
        credentials: ["AzureDeveloperCliCredential"],
      },
    },
    {
      name: "azd not logged in",
      arrange: () => {
        tools.azd(azdBehaviour.notLoggedIn());
        return () => new AzureDeveloperCliCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "azd-not-logged-in",
        category: "not-logged-in",
        credentials: ["AzureDeveloperCliCredential"],
      },
    },
  ]);
});

// pwsh last: once identity finds PowerShell missing it never looks for it again in this process.
describe("AzurePowerShellCredential", () => {
  defineScenarios(lab, [
    {
      name: "Az.Accounts module missing",
      arrange: () => {
        tools.pwsh(pwshBehaviour.moduleMissing());
        return () => new AzurePowerShellCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "powershell-az-module-missing",
        category: "tool-missing",
        credentials: ["AzurePowerShellCredential"],
      },
    },
    {
      name: "Azure PowerShell not logged in",
      arrange: () => {
        tools.pwsh(pwshBehaviour.notLoggedIn());
        return () => new AzurePowerShellCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "powershell-not-logged-in",
        category: "not-logged-in",
        credentials: ["AzurePowerShellCredential"],
      },
    },
    {
      // Windows PowerShell 5.1's ConvertFrom-SecureString has no -AsPlainText (added in PowerShell 7).
      name: "PowerShell too old for the token script's -AsPlainText",
      arrange: () => {
        tools.pwsh(
          rawBehaviour({
            stderr:
              "ConvertFrom-SecureString : A parameter cannot be found that matches parameter name 'AsPlainText'.\n" +
              "At line:1 char:95\n" +
              "+ CategoryInfo          : InvalidArgument: (:) [ConvertFrom-SecureString], ParameterBindingException\n",
            exitCode: 1,
          }),
        );
        return () => new AzurePowerShellCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "powershell-too-old",
        category: "tool-missing",
        credentials: ["AzurePowerShellCredential"],
        bareErrorNamesCredential: false,
      },
    },
    {
      name: "PowerShell not installed",
      arrange: () => {
        tools.remove("pwsh");
        return () => new AzurePowerShellCredential();
      },
      expect: {
        errorName: "CredentialUnavailableError",
        topEntry: "powershell-not-installed",
        category: "tool-missing",
        credentials: ["AzurePowerShellCredential"],
      },
    },
  ]);
});
