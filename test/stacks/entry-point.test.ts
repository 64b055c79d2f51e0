import { spawnSync } from "child_process";
import { join } from "path";
import { compileEntry, nodeModules } from "../support/compile-entry";
import { exampleConfigFile, readTree, runMain, tempDir } from "../support/run-main";
import { fakeCredentials } from "../support/secrets";

// The one test of the compiled entry point in its own process: exit code, stderr, and that a second
// process in another directory writes the very bytes the in-process run wrote.

let entry: string;
beforeAll(() => {
  entry = compileEntry(tempDir());
});

/** Runs `node stacks/main.js` the way `npm run synth:app` does, with only the given environment. */
function spawnEntry(env: Record<string, string>) {
  const outdir = join(tempDir(), "cdktf.out");
  const result = spawnSync(process.execPath, [entry], {
    cwd: tempDir(),
    env: { NODE_PATH: nodeModules, CDKTF_OUTDIR: outdir, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { ...result, outdir };
}

test("a bad config exits 1 with the message on stderr and no stack trace", () => {
  const config = join(__dirname, "..", "fixtures", "bad-configs", "unknown-key-typo.json");
  const { status, stdout, stderr } = spawnEntry({ OKTA_CLOUDFLARE_CONFIG: config });
  expect(status).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toContain('accessLogin.appLable is not a known key. Did you mean "appLabel"?');
  expect(stderr).not.toMatch(/^ {4}at /m);
});

test("a good config exits 0, writes what the in-process run writes, and no credential", () => {
  const spawned = spawnEntry({ OKTA_CLOUDFLARE_CONFIG: exampleConfigFile, ...fakeCredentials });
  expect(spawned.stderr).toBe("");
  expect(spawned.status).toBe(0);
  const files = readTree(spawned.outdir);
  const inProcess = readTree(runMain(exampleConfigFile).outdir);
  expect([...files.keys()]).toEqual([...inProcess.keys()]);
  for (const [path, bytes] of files) {
    if (!bytes.equals(inProcess.get(path)!)) throw new Error(`${path} differs between processes`);
    for (const value of Object.values(fakeCredentials)) expect(bytes.includes(value)).toBe(false);
  }
});
