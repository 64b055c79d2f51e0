import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliError } from "../cli";
import { loadOutdir, type SynthModel } from "./load";

interface Log {
  write(s: string): unknown;
}

/** Lines of a failed synth's output shown before the error, enough to see the cause. */
const TAIL_LINES = 40;

function git(cwd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  return { ok: r.status === 0, out: (r.stdout ?? "").trim() };
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Where cdktf writes: cdktf.json's `output`, else `cdktf.out`; the CLI and App both honour it. */
function outdirOf(projectDir: string): string {
  const config = path.join(projectDir, "cdktf.json");
  const output = fs.existsSync(config)
    ? (JSON.parse(fs.readFileSync(config, "utf8")) as { output?: string }).output
    : undefined;
  return path.resolve(projectDir, output ?? "cdktf.out");
}

function hasSynthScript(projectDir: string): boolean {
  const manifest = path.join(projectDir, "package.json");
  if (!fs.existsSync(manifest)) return false;
  const pkg = JSON.parse(fs.readFileSync(manifest, "utf8")) as { scripts?: Record<string, string> };
  return Boolean(pkg.scripts?.synth);
}

/**
 * Runs `npm run synth` in a project directory and reads what it wrote. CDKTF_OUTDIR is set for apps
 * that run without the cdktf CLI; `cdktf synth` sets it itself from cdktf.json, to the same place.
 */
export async function synthesize(
  projectDir: string,
  label: string,
  log: Log,
  env: NodeJS.ProcessEnv = {},
): Promise<SynthModel> {
  const outdir = outdirOf(projectDir);
  const { code, output } = await run("npm", ["run", "synth"], projectDir, {
    ...process.env,
    ...env,
    CDKTF_OUTDIR: outdir,
  });
  if (code !== 0) {
    log.write(output.trimEnd().split("\n").slice(-TAIL_LINES).join("\n") + "\n");
    throw new CliError(`\`npm run synth\` failed for ${label} (exit ${code}): fix the error shown above`);
  }
  return loadOutdir(outdir, projectDir);
}

/**
 * The config file the base's synth reads: OKTA_CLOUDFLARE_CONFIG (default config/example.json), a
 * relative path taken from the base's project folder, and a path into the checkout moved into the
 * base's worktree, so the base reads its own version of the file, or finds it missing.
 */
function configAtBase(cwd: string, projectDir: string): { name: string; path: string } {
  const name = process.env.OKTA_CLOUDFLARE_CONFIG || "config/example.json";
  if (!path.isAbsolute(name)) return { name, path: path.join(projectDir, name) };
  const inCheckout = path.relative(cwd, name);
  return inCheckout.startsWith("..") || path.isAbsolute(inCheckout)
    ? { name, path: name }
    : { name, path: path.join(projectDir, inCheckout) };
}

/**
 * Synthesizes a git ref in a temporary detached worktree that reuses this project's node_modules
 * (no install), and removes the worktree whatever happens, including Ctrl-C.
 */
export async function synthesizeRef(ref: string, cwd: string, log: Log): Promise<SynthModel> {
  const top = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw new CliError(`${cwd} is not inside a git repository: run the diff from the project checkout`);
  const commit = git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (!commit.ok) {
    throw new CliError(
      `unknown git ref "${ref}": fetch it first (e.g. git fetch origin main) or name an existing branch, tag or commit`,
    );
  }
  const modules = path.join(cwd, "node_modules");
  if (!fs.existsSync(modules)) throw new CliError(`no node_modules in ${cwd}: run \`npm ci\` first`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdktf-diff-"));
  const worktree = path.join(tmp, "base");
  const cleanup = () => {
    git(cwd, ["worktree", "remove", "--force", worktree]);
    fs.rmSync(tmp, { recursive: true, force: true });
    git(cwd, ["worktree", "prune"]);
  };
  const interrupted = () => {
    cleanup();
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const added = spawnSync("git", ["worktree", "add", "--detach", worktree, commit.out], { cwd, encoding: "utf8" });
    if (added.status !== 0)
      throw new CliError(`git worktree add failed for ${ref}: ${added.stderr.trim().split("\n").pop()}`);
    // The project may live in a subdirectory of the repository.
    const projectDir = path.join(worktree, path.relative(fs.realpathSync(top.out), fs.realpathSync(cwd)));
    if (!hasSynthScript(projectDir)) {
      log.write(`note: ${ref} has no synth script; comparing against no stacks\n`);
      return {};
    }
    const config = configAtBase(cwd, projectDir);
    if (!fs.existsSync(config.path)) {
      // The pull request that adds the config (every company's first): nothing was deployed from it.
      log.write(`note: ${config.name} does not exist at ${ref}; comparing against no stacks (everything is added)\n`);
      return {};
    }
    fs.symlinkSync(fs.realpathSync(modules), path.join(projectDir, "node_modules"), "dir");
    return await synthesize(projectDir, ref, log, { OKTA_CLOUDFLARE_CONFIG: config.path });
  } finally {
    process.removeListener("SIGINT", interrupted);
    process.removeListener("SIGTERM", interrupted);
    cleanup();
  }
}
