/**
 * The local machine rather than identity: a developer tool the process cannot start (not installed, or not on this
 * process's PATH), a tool too old for the credential, the Linux Secret Service a keychain needs, a Node.js runtime
 * older than the library, and a tool's broken keychain module.
 */
import type { KnowledgeEntry } from "../schema.js";

const JS_GUIDE =
  "https://github.com/Azure/azure-sdk-for-js/blob/main/sdk/identity/identity/TROUBLESHOOTING.md";
const CLI_INSTALL = "https://learn.microsoft.com/cli/azure/install-azure-cli";
const AZD_INSTALL = "https://learn.microsoft.com/azure/developer/azure-developer-cli/install-azd";
const PS_INSTALL = "https://learn.microsoft.com/powershell/scripting/install/installing-powershell";

export const localToolEntries = (): readonly KnowledgeEntry[] => [
  {
    id: "developer-tool-not-on-path",
    title:
      "A developer tool (az, azd, pwsh) could not be started by this process: not installed or not on its PATH",
    category: "tool-missing",
    retryable: false,
    match: {
      text: [
        "spawn az ENOENT",
        "spawn az.cmd ENOENT",
        "spawn azd ENOENT",
        "spawn pwsh ENOENT",
        "is not recognized as an internal or external command",
        "az: command not found",
        "azd: command not found",
        "pwsh: command not found",
        // sh's and Go's os/exec wordings.
        "az: not found",
        "azd: not found",
        'exec: "az": executable file not found',
        'exec: "azd": executable file not found',
        'exec: "pwsh": executable file not found',
        "not found on PATH, make sure it is installed",
        "not found on PATH, please make sure it is installed",
      ],
      // The Azure Pipelines task library's wording.
      patterns: ["Unable to locate executable file: '(?:az|azd|pwsh|powershell)'"],
    },
    cause:
      "The process tried to run a command-line tool and the operating system found no such program: it is not " +
      "installed, or the PATH of this particular process (an editor, a service, a CI agent, a container) does not " +
      "contain its folder even though a terminal's does. On Windows, az and azd are batch files, which Node.js cannot " +
      "start without a shell.",
    mitigations: [
      "Install the tool the message names if it is missing: the Azure CLI (az), the Azure Developer CLI (azd) or PowerShell 7 (pwsh).",
      "If it works in a terminal, the failing process has another PATH: restart the editor (all VS Code windows) or terminal after installing so it picks up the new PATH; on macOS, apps started from the Dock do not see Homebrew's /opt/homebrew/bin, so start them from a shell or add that folder to their PATH.",
      "On Windows, az is az.cmd: Node's spawn('az') without a shell fails with ENOENT, so run it through a shell (shell: true) or call az.cmd.",
      "In WSL, containers and CI agents, install the tool inside that environment; a Windows installation is not on the Linux PATH.",
    ],
    docs: [CLI_INSTALL, AZD_INSTALL, PS_INSTALL],
  },
  {
    id: "powershell-too-old",
    title:
      "The PowerShell found is too old for the credential's script (Windows PowerShell 5.1 instead of PowerShell 7)",
    category: "tool-missing",
    retryable: false,
    match: {
      text: ["matches parameter name 'AsPlainText'"],
      credentials: ["AzurePowerShellCredential"],
    },
    cause:
      "AzurePowerShellCredential reads the token with ConvertFrom-SecureString -AsPlainText, which only PowerShell 7 " +
      "has. With only Windows PowerShell 5.1 on the machine, the script fails on that parameter.",
    mitigations: [
      "Install PowerShell 7 (pwsh) and the Az module in it, then sign in with Connect-AzAccount.",
      "If you do not mean to use PowerShell here, ignore this member and fix the credential you intended (for example install the Azure CLI and run az login).",
    ],
    docs: [PS_INSTALL, JS_GUIDE],
  },
  {
    id: "linux-secret-service-missing",
    title:
      "No Secret Service (keyring) runs on this Linux machine, so the tool cannot store or read its sign-in",
    category: "tool-missing",
    retryable: false,
    match: {
      text: [
        "org.freedesktop.secrets was not provided by any .service files",
        "The name org.freedesktop.secrets was not provided",
      ],
    },
    cause:
      "Tools that keep their sign-in in the operating system's keychain use the Secret Service over D-Bus on Linux. " +
      "Headless machines, build agents and containers usually have no keyring daemon, so the call fails before any sign-in.",
    mitigations: [
      "Install a Secret Service provider such as gnome-keyring (with libsecret) and run the tool inside a D-Bus session where the keyring is started and unlocked.",
      "On a build agent or container where no keyring can run, use a sign-in that needs no keychain (a service principal, a managed identity or the tool's own token option).",
    ],
    docs: [JS_GUIDE],
  },
  {
    id: "node-runtime-too-old",
    title: "The Node.js version running the code is older than the Azure library supports",
    category: "other",
    retryable: false,
    match: {
      text: ["AbortController is not defined", "structuredClone is not defined"],
    },
    cause:
      "Current Azure SDK packages use globals (AbortController, structuredClone…) that only newer Node.js versions " +
      "provide. On an older runtime the library fails at the first call, which looks like an authentication failure " +
      "but is a platform mismatch.",
    mitigations: [
      "Upgrade Node.js to a supported LTS version (on App Service or Functions, change the app's Node version setting).",
      "If the runtime cannot change yet, pin the Azure packages to the last versions that supported it.",
    ],
    docs: ["https://github.com/Azure/azure-sdk-for-js/blob/main/SUPPORT.md"],
  },
  {
    id: "keychain-module-mismatch",
    title: "A tool's keychain module does not match the version it expects (a tool bug after an upgrade)",
    category: "other",
    retryable: false,
    match: {
      text: ["keychainCache.findCredentials is not a function"],
    },
    cause:
      "The tool stores its sign-in through a keychain module whose interface changed between versions; the installed " +
      "combination calls a function that no longer exists. No setting of yours causes it.",
    mitigations: [
      "Upgrade the tool to a version with the fix, or go back to the last version that worked, and check its issue tracker for the keychain bug (for the Static Web Apps CLI: `npm install -g @azure/static-web-apps-cli@latest`, or pin the previous release).",
      "Meanwhile sign in another way the tool supports that does not use its keychain: a service principal or a deployment token, or install the Azure CLI and run `az login` first so the tool can reuse that sign-in.",
    ],
    docs: ["https://github.com/Azure/static-web-apps-cli/issues"],
  },
];
