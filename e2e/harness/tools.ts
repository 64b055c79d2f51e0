import { existsSync, linkSync, mkdirSync, copyFileSync, rmSync, writeFileSync } from "fs";
import { homedir } from "os";
import { dirname, join } from "path";
import { buildFromModule, GoBinary, probeModule } from "./go-module";
import { ProviderRelease } from "./providers";
import { Run } from "./run";
import { satisfies } from "./versions";

/** Where built tools live, outside the repository, so a clean clone reuses them. */
export function toolsCacheDir(env: NodeJS.ProcessEnv): string {
  return env.E2E_TOOLS_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "cdktf-okta-cloudflare", "tools");
}

/** OpenTofu, built when no suitable `terraform` is on PATH. */
export const openTofu: GoBinary & { release: string } = {
  module: "github.com/opentofu/opentofu",
  version: "v1.12.6",
  release: "1.12.6",
  pkg: "github.com/opentofu/opentofu/cmd/tofu",
  // Without it the binary calls itself 1.12.6-dev.
  ldflags: ["-X github.com/opentofu/opentofu/version.dev=no"],
};

/** The Terraform CLI the e2e runs: its command, and what to print about it. */
export interface Cli {
  readonly command: string;
  readonly label: string;
}

/** `terraform version -json` (OpenTofu answers the same), or undefined when it does not run. */
export function cliVersion(run: Run, command: string): string | undefined {
  const r = run(command, ["version", "-json"], {
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" },
  });
  if (r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout).terraform_version;
  } catch {
    return undefined;
  }
}

/** The platform directory of a filesystem mirror, e.g. linux_amd64. */
export function platform(os = process.platform, arch = process.arch): string {
  return `${os}_${({ x64: "amd64", ia32: "386" } as Record<string, string>)[arch] ?? arch}`;
}

/**
 * `terraform` from PATH when it is at least `minimum`; else OpenTofu from the cache, built from its
 * Go module (a wrapper module repeating its hcl/v2 replace) the first time. `log` says which and why.
 */
export function resolveCli(
  run: Run,
  minimum: string,
  cache: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Cli {
  const onPath = cliVersion(run, "terraform");
  if (onPath && satisfies(onPath, `>= ${minimum}`))
    return { command: "terraform", label: `Terraform ${onPath} (PATH)` };
  log(
    onPath
      ? `terraform on PATH is ${onPath}; the stacks need >= ${minimum}: using OpenTofu`
      : "no terraform on PATH: using OpenTofu",
  );
  const tofu = join(cache, "opentofu", openTofu.release, "tofu");
  if (!existsSync(tofu)) {
    log(`building OpenTofu ${openTofu.release} from its Go module into ${tofu} (about 11 minutes the first time)`);
    const probe = probeModule(run, openTofu.module, openTofu.version, env);
    if (!probe.ok) throw new Error(`OpenTofu ${openTofu.module}@${openTofu.version}: ${probe.error}`);
    buildFromModule(run, openTofu, probe.goMod, join(cache, "work", `opentofu-${openTofu.release}`), tofu, env);
  }
  return { command: tofu, label: `OpenTofu ${cliVersion(run, tofu) ?? openTofu.release} (built)` };
}

/** Registry hostnames a mirror answers for: Terraform's, and OpenTofu's (which it uses for okta/okta). */
export const registryHosts = ["registry.terraform.io", "registry.opentofu.org"] as const;

/** Where a provider binary sits in the mirror (Terraform reads the version from the directory name). */
export function mirrorPath(mirror: string, host: string, release: ProviderRelease, os_arch = platform()): string {
  const type = release.source.split("/")[1];
  return join(mirror, host, release.source, release.release, os_arch, `terraform-provider-${type}_v${release.release}`);
}

/** The cached binary of a release, if it was built before. */
export function cachedProvider(mirror: string, release: ProviderRelease): string | undefined {
  const path = mirrorPath(mirror, registryHosts[0], release);
  return existsSync(path) ? path : undefined;
}

/** Builds a provider into the mirror under the first hostname and links it under the others. */
export function buildProvider(
  run: Run,
  release: ProviderRelease,
  goMod: string,
  cache: string,
  env: NodeJS.ProcessEnv,
): void {
  const [first, ...others] = registryHosts.map((h) => mirrorPath(join(cache, "mirror"), h, release));
  buildFromModule(
    run,
    release,
    goMod,
    join(cache, "work", `${release.source.replace("/", "-")}-${release.release}`),
    first,
    env,
  );
  for (const path of others) {
    mkdirSync(dirname(path), { recursive: true });
    rmSync(path, { force: true });
    try {
      linkSync(first, path);
    } catch {
      copyFileSync(first, path);
    }
  }
}

/**
 * A CLI config whose only installation method is the mirror, for exactly these providers: nothing
 * is fetched from a registry (none is reachable), and a provider missing from it fails `init`.
 */
export function cliConfig(mirror: string, releases: readonly ProviderRelease[]): string {
  const include = [...new Set(releases.map((r) => r.source))].flatMap((s) => registryHosts.map((h) => `"${h}/${s}"`));
  return [
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirror)}`,
    `    include = [${include.join(", ")}]`,
    "  }",
    "}",
    "",
  ].join("\n");
}

export function writeCliConfig(file: string, mirror: string, releases: readonly ProviderRelease[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, cliConfig(mirror, releases));
}
