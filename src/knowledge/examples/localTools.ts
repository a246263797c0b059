/** The sources and example messages (each runtime's wording) of the entries in ../entries/localTools.ts, by entry id. */
import type { KnowledgeEvidence } from "../schema.js";

export const localToolExamples: Readonly<Record<string, KnowledgeEvidence>> = {
  "developer-tool-not-on-path": {
    sources: ["node-errors", "written"],
    examples: [
      {
        text: "Error: spawn az ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:284:19)",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "Process 'azd env list --output json' exited with code 1\nError: 'azd' is not recognized as an internal or external command,\noperable program or batch file.",
        runtime: "javascript",
        source: "written",
      },
      {
        text: "##[error]Unable to locate executable file: 'pwsh'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable.",
        runtime: "azure-devops",
        source: "written",
      },
      {
        text: "/bin/sh: 1: az: command not found",
        runtime: "unknown",
        source: "written",
      },
      {
        text: 'AzureCLICredential: exec: "az": executable file not found in $PATH',
        runtime: "go",
        source: "written",
      },
    ],
  },
  "powershell-too-old": {
    sources: ["written"],
    examples: [
      {
        text: "CredentialUnavailableError: Error: ConvertFrom-SecureString : A parameter cannot be found that matches parameter name 'AsPlainText'.",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "linux-secret-service-missing": {
    sources: ["written"],
    examples: [
      {
        text: "Error: Cannot get password: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "node-runtime-too-old": {
    sources: ["written"],
    examples: [
      {
        text: "ReferenceError: AbortController is not defined\n    at DefaultAzureCredential.getToken (/home/site/wwwroot/node_modules/@azure/identity/dist/index.js:1:1)",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
  "keychain-module-mismatch": {
    sources: ["written"],
    examples: [
      {
        text: "TypeError: this.keychainCache.findCredentials is not a function",
        runtime: "javascript",
        source: "written",
      },
    ],
  },
};
