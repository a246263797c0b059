/**
 * `OWNER/REPO` of a GitHub repository, from `--repo` or the local git configuration (`remote.origin.url`). Reads
 * the configuration only: no fetch, no network.
 */
import { execFileSync } from "node:child_process";

/** `OWNER/REPO` from a GitHub remote URL (https, ssh or scp-like), or `null`. */
export function parseGithubRemote(url: string): string | null {
  const match =
    /^(?:https?:\/\/(?:[^@/\s]+@)?|ssh:\/\/git@|git@)github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(
      url.trim(),
    );
  return match?.[1] === undefined || match[2] === undefined ? null : `${match[1]}/${match[2]}`;
}

/** Whether `value` is a valid `OWNER/REPO`. */
export function isRepoName(value: string): boolean {
  return /^[\w.-]{1,100}\/[\w.-]{1,100}$/.test(value);
}

/** The origin remote's `OWNER/REPO` for the repository around `dir`, or `null`. Never throws. */
export function gitRemoteRepo(dir: string): string | null {
  try {
    const url = execFileSync("git", ["config", "--get", "remote.origin.url"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 3000,
      stdio: ["ignore", "pipe", "ignore"],
      // Only the local configuration is read; keep git from prompting or paging.
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat" },
    });
    return parseGithubRemote(url);
  } catch {
    return null;
  }
}
