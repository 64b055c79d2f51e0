import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { delimiter, join } from "path";
import { stackOrder } from "../../tools/stack-order";
import { App } from "../../src/cdktf";
import { Config } from "../../app/config/schema";
import { compareVersions, TerraformJson } from "../../app/terraform-version";
import { buildStacks } from "../../app/build-stacks";
import { FakeCloudflare } from "../fakes/cloudflare";
import { FakeOkta } from "../fakes/okta";
import { FAKE_CLOUDFLARE_API_TOKEN, FAKE_OKTA_API_TOKEN, seedFor } from "../fakes/seed";
import { probeModule } from "./go-module";
import { ProviderRelease, releasesFor } from "./providers";
import { EXIT, StackResult, summaryLine, unavailableLine, Unavailable } from "./report";
import { Run } from "./run";
import { runStack } from "./stack-run";
import { buildProvider, cachedProvider, Cli, resolveCli, toolsCacheDir, writeCliConfig } from "./tools";

/** A synthesized app: each stack's directory and JSON, in deploy order. */
export interface SynthesizedStacks {
  /** Holds `cdktf.out` and the state files: where the runbook's `cd cdktf.out/...` commands run. */
  readonly projectDir: string;
  readonly order: string[];
  readonly dependencies: Record<string, string[]>;
  readonly dir: Record<string, string>;
  readonly json: Record<string, TerraformJson>;
}

/**
 * Synthesizes `config` into `workDir/cdktf.out` with the local backend, whatever the config says:
 * the state files land in `workDir`, and each consumer's `terraform_remote_state` reads its
 * producer's real state.
 */
export function synthesizeLocal(config: Config, workDir: string): SynthesizedStacks {
  const outdir = join(workDir, "cdktf.out");
  const app = new App({ outdir, stackTraces: false });
  buildStacks(app, { ...config, backend: { type: "local", directory: ".", allowOutsideProject: false } });
  app.synth();
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")).stacks as Record<
    string,
    { dependencies?: string[]; synthesizedStackPath: string }
  >;
  const dependencies = Object.fromEntries(Object.entries(manifest).map(([name, s]) => [name, s.dependencies ?? []]));
  const dir = Object.fromEntries(
    Object.entries(manifest).map(([name, s]) => [name, join(outdir, s.synthesizedStackPath, "..")]),
  );
  const json = Object.fromEntries(
    Object.keys(manifest).map((name) => [name, JSON.parse(readFileSync(join(dir[name], "cdk.tf.json"), "utf8"))]),
  );
  return { projectDir: workDir, order: stackOrder(dependencies), dependencies, dir, json };
}

/** The newest `required_version` minimum among the stacks (they write ">= X.Y.Z"). */
export function minimumCliVersion(stacks: readonly TerraformJson[]): string {
  const minimums = stacks.map((tf) => /^>=\s*(\S+)$/.exec(tf.terraform?.required_version ?? "")?.[1] ?? "0.0.0");
  return minimums.sort(compareVersions).slice(-1)[0] ?? "0.0.0";
}

/** Probes the releases missing from the cache; those the proxy will not serve, with its error. */
export function unavailableProviders(
  run: Run,
  releases: readonly ProviderRelease[],
  mirror: string,
  env: NodeJS.ProcessEnv,
): { unavailable: Unavailable[]; toBuild: Array<{ release: ProviderRelease; goMod: string }> } {
  const unavailable: Unavailable[] = [];
  const toBuild: Array<{ release: ProviderRelease; goMod: string }> = [];
  for (const release of releases) {
    if (cachedProvider(mirror, release)) continue;
    const probe = probeModule(run, release.module, release.version, env);
    if (probe.ok) toBuild.push({ release, goMod: probe.goMod });
    else unavailable.push({ release, error: probe.error });
  }
  return { unavailable, toBuild };
}

/** The environment Terraform runs in: the fakes' addresses and credentials, nothing real. */
export function terraformEnv(
  base: NodeJS.ProcessEnv,
  cliConfigFile: string,
  oktaUrl: string,
  cloudflareUrl: string,
): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(
    Object.entries(base).filter(([k]) => !/^(OKTA_|CLOUDFLARE_|TF_|HTTPS?_PROXY$|https?_proxy$)/.test(k)),
  );
  return {
    ...kept,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
    NO_PROXY: "127.0.0.1",
    // okta: an http:// proxy URL becomes the org URL and turns off the provider's HTTPS check.
    OKTA_HTTP_PROXY: oktaUrl,
    OKTA_API_TOKEN: FAKE_OKTA_API_TOKEN,
    CLOUDFLARE_BASE_URL: `${cloudflareUrl}/client/v4`,
    CLOUDFLARE_API_TOKEN: FAKE_CLOUDFLARE_API_TOKEN,
  };
}

export interface E2eOptions {
  readonly config: Config;
  readonly env: NodeJS.ProcessEnv;
  readonly run: Run;
  readonly log: (line: string) => void;
}

/** The whole e2e for one config; resolves to its exit code (see EXIT). */
export async function runE2e({ config, env, run, log }: E2eOptions): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), "okta-cf-e2e-"));
  try {
    const stacks = synthesizeLocal(config, workDir);
    const tools = prepareTools(stacks, workDir, run, env, log);
    if (tools === EXIT.PROVIDERS_UNAVAILABLE) return tools;
    return await againstFakes(config, stacks, tools.cli, tools.cliConfigFile, run, env, log);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * The providers the stacks need (built once, cached) and the CLI that runs them, with a CLI config
 * in `workDir` whose only installation method is their mirror; PROVIDERS_UNAVAILABLE, after one line
 * per provider, when the Go module proxy will not serve one.
 */
export function prepareTools(
  stacks: SynthesizedStacks,
  workDir: string,
  run: Run,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): { cli: Cli; cliConfigFile: string } | typeof EXIT.PROVIDERS_UNAVAILABLE {
  const all = stacks.order.map((s) => stacks.json[s]);
  const releases = releasesFor(all);
  const cache = toolsCacheDir(env);
  const mirror = join(cache, "mirror");
  const { unavailable, toBuild } = unavailableProviders(run, releases, mirror, env);
  if (unavailable.length > 0) {
    for (const u of unavailable) log(unavailableLine(u));
    return EXIT.PROVIDERS_UNAVAILABLE;
  }
  for (const { release, goMod } of toBuild) {
    log(`e2e building ${release.source} ${release.release} from ${release.module}@${release.version}`);
    buildProvider(run, release, goMod, cache, env);
  }
  const cli = resolveCli(run, minimumCliVersion(all), cache, env, (line) => log(`e2e ${line}`));
  log(
    `e2e tools: ${cli.label}; ${releases.map((r) => `${r.source} ${r.release}`).join(", ")} (built from their Go modules, cached in ${cache})`,
  );
  const cliConfigFile = join(workDir, "terraformrc");
  writeCliConfig(cliConfigFile, mirror, releases);
  return { cli, cliConfigFile };
}

async function againstFakes(
  config: Config,
  stacks: SynthesizedStacks,
  cli: Cli,
  cliConfigFile: string,
  run: Run,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<number> {
  const seed = seedFor(config);
  const okta = new FakeOkta(seed.okta);
  const cloudflare = new FakeCloudflare(seed.cloudflare);
  try {
    const tfEnv = withTerraformCommand(
      terraformEnv(env, cliConfigFile, await okta.start(), await cloudflare.start()),
      cli,
      stacks.projectDir,
    );
    const deletedMapping = {
      projectDir: stacks.projectDir,
      deletePushMapping: (app: string, id: string) => okta.deletePushMapping(app, id),
    };
    const results = runInOrder(stacks, (stack) =>
      runStack(run, cli.command, stack, stacks.dir[stack], stacks.json[stack], tfEnv, deletedMapping),
    );
    for (const r of results) log(summaryLine(r));
    const unimplemented = [...okta.api.failures, ...cloudflare.api.failures];
    for (const f of unimplemented) log(`e2e ${f}`);
    return results.some((r) => r.failure) || unimplemented.length > 0 ? EXIT.FAILED : EXIT.PASSED;
  } finally {
    await Promise.all([okta.stop(), cloudflare.stop()]);
  }
}

/** The runbook's commands say `terraform`: on PATH, that is the CLI under test (OpenTofu included). */
export function withTerraformCommand(env: NodeJS.ProcessEnv, cli: Cli, dir: string): NodeJS.ProcessEnv {
  if (cli.command === "terraform") return env;
  const bin = join(dir, "bin");
  mkdirSync(bin, { recursive: true });
  symlinkSync(cli.command, join(bin, "terraform"));
  return { ...env, PATH: `${bin}${delimiter}${env.PATH ?? ""}` };
}

/** Runs each stack after its producers; a stack whose producer failed is reported, not run. */
export function runInOrder(
  stacks: Pick<SynthesizedStacks, "order" | "dependencies">,
  runOne: (stack: string) => StackResult,
): StackResult[] {
  const failed = new Set<string>();
  return stacks.order.map((stack) => {
    const blocker = stacks.dependencies[stack].find((d) => failed.has(d));
    const result: StackResult = blocker
      ? { stack, failure: { step: "init", reason: `not run: ${blocker} failed` } }
      : runOne(stack);
    if (result.failure) failed.add(stack);
    return result;
  });
}
