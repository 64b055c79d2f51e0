import { spawnSync } from "child_process";
import { builtinModules } from "module";
import { readFileSync } from "fs";
import { join } from "path";
import { exampleConfigFile, readTree, runMain } from "../support/run-main";
import { tempDir } from "../support/temp-dir";
import { fakeCredentials } from "../support/secrets";

// The app's plain bundle, `node dist/app.js` (tools/bundle.js; the app command runs it where no V8
// snapshot can be built, and test/tools/launcher.spec.ts tests the snapshot), in its own process:
// exit code, stderr, and that a second process in another directory writes the very bytes the
// in-process run of the TypeScript sources wrote.

const repo = join(__dirname, "..", "..");
const nodeModules = join(repo, "node_modules");
let entry: string;
beforeAll(() => {
  entry = join(tempDir(), "app.js");
  const bundled = spawnSync(process.execPath, [join(repo, "tools", "bundle.js"), entry], { encoding: "utf8" });
  if (bundled.status !== 0) throw new Error(`tools/bundle.js failed: ${bundled.stderr}`);
});

/** Runs the bundle the way `npm run synth:app` does, with only the given environment. */
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

test("the bundle loads only Node's own modules and the peer dependencies, from beside it", () => {
  // Peer dependencies stay external so the app shares the consumer's cdktf and providers (and the
  // bench's floor, which loads exactly those, stays a fair comparison).
  const { peerDependencies } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as {
    peerDependencies: Record<string, string>;
  };
  const required = [...readFileSync(entry, "utf8").matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
  const packageOf = (id: string) =>
    id
      .split("/")
      .slice(0, id.startsWith("@") ? 2 : 1)
      .join("/");
  const outside = required.filter(
    (id) => !builtinModules.includes(id.replace(/^node:/, "")) && !(packageOf(id) in peerDependencies),
  );
  expect(outside).toEqual([]);
  expect(required).toContain("cdktf");
  expect(required).toContain("@cdktf/provider-okta/lib/app-oauth");
});
