/** Small, bounded file reads for the files identity itself would read. Never throws. */
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";

/** No certificate, token or profile file is anywhere near this large. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type FileRead =
  | { readonly state: "missing" }
  | { readonly state: "unreadable"; readonly reason: string }
  | { readonly state: "read"; readonly bytes: Buffer };

/** Identity resolves relative paths against the process's working directory. */
export function resolvePath(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

export function readSmallFile(path: string): FileRead {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { state: "unreadable", reason: "it is a directory" };
    if (stat.size > MAX_FILE_BYTES) return { state: "unreadable", reason: "it is larger than 1 MiB" };
    return { state: "read", bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === "ENOENT" || code === "ENOTDIR") return { state: "missing" };
    return {
      state: "unreadable",
      reason: code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? "read failed"),
    };
  }
}

/** Whether `path` exists; false on any error. */
export function fileExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
