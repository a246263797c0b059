/**
 * The projected service-account token a workload identity webhook mounts into a pod, as a temp file for
 * WorkloadIdentityCredential (`tokenFilePath` or `AZURE_FEDERATED_TOKEN_FILE`).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeFederatedToken } from "./tokens.js";

export type FederatedTokenClaims = NonNullable<Parameters<typeof makeFederatedToken>[0]>;

export interface FederatedTokenFile {
  readonly path: string;
  /** What the file holds. */
  readonly content: string;
  /** Removes the file and its directory; safe to call twice. */
  cleanup(): Promise<void>;
}

/**
 * Writes `content` (default: a fresh `makeFederatedToken(claims)` assertion) to a new temp directory, under the
 * file name AKS uses. Pass `""` for an empty file.
 */
export async function writeFederatedTokenFile(
  options: { content?: string; claims?: FederatedTokenClaims } = {},
): Promise<FederatedTokenFile> {
  const directory = await mkdtemp(join(tmpdir(), "lab-federated-token-"));
  const path = join(directory, "azure-identity-token");
  const content = options.content ?? makeFederatedToken(options.claims);
  await writeFile(path, content, "utf8");
  return {
    path,
    content,
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
}
