import { execFile } from "child_process";
import { cpSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "fs";
import { join } from "path";
import { promisify } from "util";
import { exampleConfigFile, readTree, runMain } from "../support/run-main";
import { tempDir } from "../support/temp-dir";

// `node tools/run.js <name>`, the command behind cdktf.json's app and every npm run script: it
// rebundles only when a source's content changed, picks edits up without any other command, and
// every command answers --help with exit 0 and a wrong argument with exit 2.

const repo = join(__dirname, "..", "..");
const run = promisify(execFile);

/** A copy of the project's sources beside the real node_modules, so bundling it touches nothing here. */
function projectCopy(): string {
  const dir = tempDir();
  for (const entry of ["src", "app", "tools", "config", "package.json", "tsconfig.json", "cdktf.json"]) {
    cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

async function launch(
  dir: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(dir, "tools", "run.js"), ...args], {
      cwd: dir,
      env: { ...process.env, CDKTF_OUTDIR: join(dir, "cdktf.out"), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = projectCopy();
});

test("cdktf.json's app command is the launcher, with no npm process and no compile step", () => {
  expect(JSON.parse(readFileSync(join(repo, "cdktf.json"), "utf8")).app).toBe("node tools/run.js app");
});

test("bundles once, not again while no source changed (a touch is no change), and picks an edit up by itself", async () => {
  const bundle = join(dir, "dist", "app.js");
  const first = await launch(dir, ["app"]);
  expect([first.code, first.stderr]).toEqual([0, ""]);
  expect(first.stdout).toMatch(/^Synthesized 6 stacks into cdktf\.out\/stacks: /);
  const bundled = statSync(bundle).mtimeMs;

  // Same bytes, new mtime (a checkout, a copy): decided by content hash, so no rebundle.
  const source = join(dir, "app", "run.ts");
  const later = new Date(Date.now() + 5_000);
  utimesSync(source, later, later);
  expect((await launch(dir, ["app"])).code).toBe(0);
  expect(statSync(bundle).mtimeMs).toBe(bundled);

  writeFileSync(source, readFileSync(source, "utf8").replace("`Synthesized ${", "`Wrote ${"));
  const edited = await launch(dir, ["app"]);
  expect([edited.code, edited.stderr]).toEqual([0, ""]);
  expect(edited.stdout).toMatch(/^Wrote 6 stacks into cdktf\.out\/stacks: /);
  expect(statSync(bundle).mtimeMs).not.toBe(bundled);
}, 60_000);

test("the app runs from its V8 snapshot, which writes the bytes the in-process run writes, and refuses a bad config in one message", async () => {
  const blobs = () => readdirSync(join(dir, "dist", "snapshots")).filter((f) => f.endsWith(".blob"));
  expect(blobs()).toHaveLength(1);
  const outdir = join(tempDir(), "cdktf.out");
  const good = await launch(dir, ["app"], { CDKTF_OUTDIR: outdir, OKTA_CLOUDFLARE_CONFIG: exampleConfigFile });
  expect([good.code, good.stderr]).toEqual([0, ""]);
  const files = readTree(outdir);
  const inProcess = readTree(runMain(exampleConfigFile).outdir);
  expect([...files.keys()]).toEqual([...inProcess.keys()]);
  for (const [path, bytes] of files)
    if (!bytes.equals(inProcess.get(path)!))
      throw new Error(`${path} differs between the snapshot and the in-process run`);

  const bad = await launch(dir, ["app"], {
    OKTA_CLOUDFLARE_CONFIG: join(repo, "test", "fixtures", "bad-configs", "unknown-key-typo.json"),
  });
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('accessLogin.appLable is not a known key. Did you mean "appLabel"?');
  expect(bad.stderr).not.toMatch(/^ {4}at /m);

  // cdktf synth runs the app command with NODE_OPTIONS=--max-old-space-size=16384, and a blob only
  // loads with the V8 options it was built with: that run gets (and builds once) a blob of its own.
  const cdktf = await launch(dir, ["app"], {
    NODE_OPTIONS: "--max-old-space-size=16384",
    CDKTF_OUTDIR: outdir,
    OKTA_CLOUDFLARE_CONFIG: exampleConfigFile,
  });
  expect([cdktf.code, cdktf.stderr]).toEqual([0, ""]);
  expect(blobs()).toHaveLength(2);
}, 60_000);

const commands = ["app", "runbook", "check", "discover", "diff", "stack-order", "schema", "bench"];

test.each(commands)(
  "%s --help prints its usage and exits 0; an unknown flag exits 2",
  async (name) => {
    const help = await launch(dir, [name, "--help"]);
    expect([help.code, help.stderr]).toEqual([0, ""]);
    // Its own usage, only: in a bundle every module is the main module, so an entry's start block in
    // a file another entry imports would run that command as well (check printed the runbook's usage).
    expect(help.stdout).toMatch(new RegExp(`^Usage: npm run (-s )?${name === "app" ? "synth" : name}\\b`));
    expect(help.stdout.match(/^Usage: /gm)).toHaveLength(1);
    const wrong = await launch(dir, [name, "--no-such-flag"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--no-such-flag");
    expect(wrong.stderr).not.toMatch(/^ {4}at /m);
  },
  30_000,
);

test("an unknown command name exits 2 with the names it knows", async () => {
  const result = await launch(dir, ["synth"]);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(`Usage: node tools/run.js <${commands.join("|")}> [args]\n`);
});
