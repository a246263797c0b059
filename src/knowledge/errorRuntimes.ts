/** Where a pasted or thrown message most likely came from; `unknown` when nothing says. */
export const ERROR_RUNTIMES = [
  "javascript",
  "python",
  "go",
  "dotnet",
  "java",
  "azure-cli",
  "azd",
  "azure-powershell",
  "azure-devops",
  "unknown",
] as const;

/** One of {@link ERROR_RUNTIMES}. */
export type ErrorRuntime = (typeof ERROR_RUNTIMES)[number];
