import { spawnSync } from "child_process";

/** What a command did: its exit status (null when killed, e.g. by the timeout) and its output. */
export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Why it did not run or finish, e.g. "spawnSync go ENOENT" or "spawnSync go ETIMEDOUT". */
  readonly error?: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/** Runs a command to completion; tests pass their own to check the harness without Go or Terraform. */
export type Run = (command: string, args: readonly string[], options?: RunOptions) => RunResult;

export const run: Run = (command, args, options = {}) => {
  const r = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    timeout: options.timeoutMs,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.error ? null : r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", error: r.error?.message };
};
