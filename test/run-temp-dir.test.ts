import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { removeRunTempDir, useRunTempDir } from "./support/run-temp-dir";

// A test run leaves nothing in the temp directory: everything goes under one folder per run, which
// the global teardown removes.

test("this worker's temp directory is the run's own folder (set by the global setup, inherited)", () => {
  expect(tmpdir()).toMatch(/okta-cf-test-run-[^/\\]+$/);
});

test("the run's folder takes every temp folder made during the run, and goes with all of it at the end", () => {
  const env: NodeJS.ProcessEnv = { TMPDIR: "/original/tmp" };
  const root = useRunTempDir(env);
  expect(env.TMPDIR).toBe(root);
  expect(dirname(root)).toBe(tmpdir());
  // What cdktf's Testing.app does for each synth, under the TMPDIR a worker inherits.
  const outdir = mkdtempSync(join(env.TMPDIR!, "cdktf.outdir."));
  writeFileSync(join(outdir, "manifest.json"), "{}");
  removeRunTempDir(env);
  expect(existsSync(root)).toBe(false);
  expect(env).toEqual({ TMPDIR: "/original/tmp" });
});

test("an unset TMPDIR is unset again afterwards", () => {
  const env: NodeJS.ProcessEnv = {};
  const root = useRunTempDir(env);
  removeRunTempDir(env);
  expect(existsSync(root)).toBe(false);
  expect(env).toEqual({});
});
