import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

let root: string | undefined;

/** A fresh directory under the system temp dir, removed after the test file (test/jest.after-env.ts). */
export function tempDir(): string {
  root ??= mkdtempSync(join(tmpdir(), "okta-cf-test-"));
  return mkdtempSync(join(root, "d"));
}

/** Removes every directory `tempDir` made in this test file. */
export function removeTempDirs(): void {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
}
