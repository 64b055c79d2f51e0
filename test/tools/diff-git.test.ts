import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Diff } from "../../tools/diff/compare";
import { main } from "../../tools/diff";
import { captureIo } from "../support/tools";

/**
 * A throwaway git repository whose `npm run synth` is a tiny script writing one stack to
 * CDKTF_OUTDIR, the way a cdktf App does; no cdktf, network or credentials involved.
 */
const SYNTH = `
const fs = require('fs');
const path = require('path');
const out = process.env.CDKTF_OUTDIR;
const stack = JSON.parse(fs.readFileSync('stack.json', 'utf8'));
// The local backend writes the project's absolute path, which differs in a temporary worktree.
stack.terraform = { backend: { local: { path: path.join(process.cwd(), 'terraform.app.tfstate') } } };
fs.mkdirSync(path.join(out, 'stacks', 'app'), { recursive: true });
fs.writeFileSync(path.join(out, 'stacks', 'app', 'cdk.tf.json'), JSON.stringify(stack));
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({
  stacks: { app: { synthesizedStackPath: 'stacks/app/cdk.tf.json', dependencies: [] } },
}));
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], {
    cwd,
    encoding: "utf8",
  }).trim();
}

function writeStack(repo: string, resources: Record<string, unknown>): void {
  fs.writeFileSync(path.join(repo, "stack.json"), JSON.stringify({ resource: { okta_group: resources } }));
}

let repo: string;

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), "diff-git-test-"));
  git(repo, "init", "-q", "-b", "main");
  fs.writeFileSync(path.join(repo, ".gitignore"), "node_modules/\ncdktf.out/\n");
  fs.writeFileSync(path.join(repo, "package.json"), JSON.stringify({ scripts: { synth: "node synth.js" } }));
  fs.writeFileSync(path.join(repo, "synth.js"), SYNTH);
  fs.mkdirSync(path.join(repo, "node_modules"));
  writeStack(repo, { admins: { name: "Admins" } });
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "before the config file");
  git(repo, "tag", "no-config");
  // The config file the synth reads (OKTA_CLOUDFLARE_CONFIG, default config/example.json).
  fs.mkdirSync(path.join(repo, "config"));
  fs.writeFileSync(path.join(repo, "config", "example.json"), "{}");
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "base");
  git(repo, "tag", "base");
  // A commit whose synth fails, to check cleanup after a failure.
  fs.writeFileSync(path.join(repo, "synth.js"), 'console.error("boom: config invalid"); process.exit(3);');
  git(repo, "commit", "-q", "-am", "broken synth");
  git(repo, "tag", "broken");
  fs.writeFileSync(path.join(repo, "synth.js"), SYNTH);
  git(repo, "commit", "-q", "-am", "fixed synth");
  // The working tree adds a resource on top.
  writeStack(repo, { admins: { name: "Admins" }, readers: { name: "Readers" } });
}, 30_000);

afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

function worktrees(): string[] {
  return git(repo, "worktree", "list", "--porcelain")
    .split("\n")
    .filter((l) => l.startsWith("worktree "));
}

async function run(...argv: string[]) {
  const io = captureIo(repo);
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe("diff against a git ref", () => {
  it("synthesizes the ref in a temporary worktree and the working tree, then cleans up", async () => {
    const { code, out, err } = await run("--base", "base", "--json", "--exit-code");
    expect(err).toBe("");
    expect(code).toBe(3);
    const diff = JSON.parse(out) as Diff;
    expect(diff.base).toBe("base");
    expect(diff.head).toBe("working tree");
    // Only the new resource: the absolute local-backend paths of the two checkouts are not a change.
    expect(diff.summary.resources).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(diff.summary.settings).toBe(0);
    expect(diff.stacks[0].resources.added[0].name).toBe("okta_group.readers");
    expect(worktrees()).toHaveLength(1);
  }, 30_000);

  it("can reuse an already-synthesized head", async () => {
    const { code, out } = await run("--base", "HEAD", "--head-dir", "cdktf.out", "--exit-code");
    expect(code).toBe(3);
    expect(out).toContain("- added `okta_group.readers`");
  }, 30_000);

  it("compares against no stacks, everything added, when the config file does not exist at the base", async () => {
    const { code, out, err } = await run("--base", "no-config", "--json", "--exit-code");
    expect(err).toBe(
      "note: config/example.json does not exist at no-config; comparing against no stacks (everything is added)\n",
    );
    expect(code).toBe(3);
    const diff = JSON.parse(out) as Diff;
    expect(diff.stacks.map((s) => [s.name, s.status])).toEqual([["app", "added"]]);
    expect(worktrees()).toHaveLength(1);
  }, 30_000);

  it("exits 1 with one line for an unknown ref", async () => {
    const { code, err } = await run("--base", "no-such-branch");
    expect(code).toBe(1);
    expect(err).toBe(
      'diff: unknown git ref "no-such-branch": fetch it first (e.g. git fetch origin main) or name an existing branch, tag or commit\n',
    );
  });

  it("shows the synth output and one error line when the base fails to synthesize, and still cleans up", async () => {
    const { code, err } = await run("--base", "broken");
    expect(code).toBe(1);
    expect(err).toContain("boom: config invalid");
    expect(err.trimEnd().split("\n").pop()).toBe(
      "diff: `npm run synth` failed for broken (exit 3): fix the error shown above",
    );
    expect(worktrees()).toHaveLength(1);
  }, 30_000);
});
