import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

// Every temp folder a test run makes (cdktf's Testing.app outdirs, the specs' mkdtemp, the diff's git
// worktrees) lands under one folder, removed when the run ends: os.tmpdir() follows TMPDIR, and
// jest's workers, started after the global setup, inherit it. A run used to leave ~217 folders.

/** Where the run's temp folder sits, kept to restore TMPDIR afterwards. */
const PARENT = "OKTA_CF_TEST_TMPDIR_PARENT";

/** jest globalSetup: points TMPDIR at a fresh folder for this run. */
export function useRunTempDir(env: NodeJS.ProcessEnv = process.env): string {
  const root = mkdtempSync(join(tmpdir(), "okta-cf-test-run-"));
  env[PARENT] = env.TMPDIR ?? "";
  env.TMPDIR = root;
  return root;
}

/** jest globalTeardown: removes the run's folder with all in it, and restores TMPDIR. */
export function removeRunTempDir(env: NodeJS.ProcessEnv = process.env): void {
  const root = env.TMPDIR;
  const parent = env[PARENT];
  if (parent === undefined || !root) return;
  rmSync(root, { recursive: true, force: true });
  if (parent === "") delete env.TMPDIR;
  else env.TMPDIR = parent;
  delete env[PARENT];
}
