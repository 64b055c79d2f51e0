import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, resolve } from "path";
import { run } from "../../e2e/harness/run";
import { companyCompilerOptions, readSynthesized, synthesisProblems } from "./checks";
import { cacheDir, npm, prepare, readManifest, RegistryUnreachable, Versions, versionsOf } from "./project";

/**
 * `npm run test:cdktn`: the packed library in a cdktn project. The project and cdktn-cli come from
 * a cache (installed from the npm registry once per set of versions); the test copies the project,
 * installs the tarball offline, compiles examples/company-stack/main.ts with tsc and synthesizes it
 * under this Node (20) and with `cdktn synth` under Node 22. One line per check.
 * Exit 0 passed, 1 failed, 3 the registry could not be reached to prepare the cache.
 */
const EXIT = { PASSED: 0, FAILED: 1, REGISTRY_UNREACHABLE: 3 } as const;
const ROOT = resolve(__dirname, "..", "..", "..");
const STACK = "access-login";

function main(): number {
  const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
  const log = (line: string) => void process.stdout.write(`${line}\n`);
  const versions = versionsOf(readManifest(ROOT));
  const cache = cacheDir(versions, env);
  try {
    prepare(run, versions, cache, env, log);
  } catch (e) {
    if (!(e instanceof RegistryUnreachable)) {
      log(`cdktn FAIL prepare: ${(e as Error).message}`);
      return EXIT.FAILED;
    }
    log(
      `cdktn SKIPPED: the npm registry cannot be reached to install cdktn ${versions.cdktn} and cdktn-cli into ${cache}`,
    );
    log(e.message);
    return EXIT.REGISTRY_UNREACHABLE;
  }
  const work = mkdtempSync(join(tmpdir(), "okta-cf-cdktn-"));
  try {
    return checks(versions, cache, work, env, log) ? EXIT.PASSED : EXIT.FAILED;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs each check in turn, logging PASS or FAIL; stops at the first failure. */
function checks(
  versions: Versions,
  cache: string,
  work: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): boolean {
  const project = join(work, "company");
  const steps: [string, () => string[]][] = [
    [
      `install: the packed library, offline, into a cdktn ${versions.cdktn} project (cdktf overridden by cdktn)`,
      () => install(cache, work, project, env),
    ],
    [
      "compile: examples/company-stack/main.ts unchanged, and as main-cdktn.ts importing App from cdktn, with tsc",
      () => compile(project),
    ],
    [`synth: both apps run under Node ${process.version}`, () => synthNode20(project, versions, env)],
    [
      `cdktn synth: cdktn-cli ${versions.cli} under Node ${versions.node}, the same stack as under Node ${process.version}`,
      () => cdktnSynth(cache, project, versions, env),
    ],
  ];
  for (const [name, check] of steps) {
    let problems: string[];
    try {
      problems = check();
    } catch (e) {
      problems = [(e as Error).message];
    }
    if (problems.length > 0) {
      log(`cdktn FAIL ${name}`);
      for (const p of problems) log(`  ${p}`);
      return false;
    }
    log(`cdktn PASS ${name}`);
  }
  return true;
}

function install(cache: string, work: string, project: string, env: NodeJS.ProcessEnv): string[] {
  cpSync(join(cache, "project"), project, { recursive: true, verbatimSymlinks: true });
  // --ignore-scripts=false: the prepack build must run even when the environment turns scripts off.
  const pack = run("npm", ["pack", "--pack-destination", work, "--ignore-scripts=false"], { cwd: ROOT, env });
  if (pack.status !== 0) return [`npm pack failed: ${pack.stderr.trim()}`];
  const tarball = join(
    work,
    readdirSync(work).find((f) => f.endsWith(".tgz"))!,
  );
  npm(run, project, env, "install", "--offline", tarball);
  // Exit 0 only when every peer is installed at a version its range accepts (after the overrides).
  const ls = run("npm", ["ls", "--all"], { cwd: project, env });
  return ls.status === 0
    ? []
    : [
        `npm ls --all: ${
          ls.stdout
            .split("\n")
            .filter((l) => /invalid|missing|UNMET/i.test(l))
            .join("; ") || ls.stderr.trim()
        }`,
      ];
}

function compile(project: string): string[] {
  const example = readFileSync(join(ROOT, "examples/company-stack/main.ts"), "utf8");
  const fromCdktn = example.replace(/ from "cdktf";/, ' from "cdktn";');
  if (fromCdktn === example) return ['examples/company-stack/main.ts no longer imports from "cdktf"'];
  writeFileSync(join(project, "main.ts"), example);
  writeFileSync(join(project, "main-cdktn.ts"), fromCdktn);
  writeFileSync(
    join(project, "tsconfig.json"),
    `${JSON.stringify({ compilerOptions: companyCompilerOptions, files: ["main.ts", "main-cdktn.ts"] }, null, 2)}\n`,
  );
  const tsc = run(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", project], {
    cwd: project,
  });
  return tsc.status === 0 ? [] : [`tsc: ${tsc.stdout.trim()}${tsc.stderr.trim()}`];
}

function synthNode20(project: string, versions: Versions, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const app of ["main", "main-cdktn"]) {
    const outdir = join(project, `out-${app}`);
    const r = run(process.execPath, [`${app}.js`], { cwd: project, env: { ...env, CDKTF_OUTDIR: outdir } });
    if (r.status !== 0) problems.push(`node ${app}.js: exit ${r.status}: ${r.stderr.trim()}`);
    else
      problems.push(...synthesisProblems(readSynthesized(outdir, STACK), versions.cdktn).map((p) => `${app}.js: ${p}`));
  }
  const [a, b] = ["main", "main-cdktn"].map((app) =>
    JSON.stringify(readSynthesized(join(project, `out-${app}`), STACK)),
  );
  if (problems.length === 0 && a !== b) problems.push("main.js and main-cdktn.js synthesize different stacks");
  return problems;
}

function cdktnSynth(cache: string, project: string, versions: Versions, env: NodeJS.ProcessEnv): string[] {
  const node22 = join(cache, "cli/node_modules/node/bin/node");
  const version = run(node22, ["--version"]).stdout.trim();
  if (version !== `v${versions.node}`)
    return [`${node22} --version: ${version || "did not run"} (expected v${versions.node})`];
  // The app a cdktn project runs, through the `node` first on PATH: Node 22, like the CLI.
  const cdktfJson = {
    language: "typescript",
    app: "node main-cdktn.js",
    projectId: "company",
    sendCrashReports: "false",
    terraformProviders: [],
    terraformModules: [],
    context: {},
  };
  writeFileSync(join(project, "cdktf.json"), `${JSON.stringify(cdktfJson, null, 2)}\n`);
  // No telemetry (CHECKPOINT_DISABLE, set in main), no version check, no spinner, no writes to ~/.cdktf.
  const cliEnv = {
    ...env,
    PATH: `${dirname(node22)}:${env.PATH}`,
    DISABLE_VERSION_CHECK: "1",
    CI: "1",
    CDKTF_HOME: join(project, ".cdktn-home"),
  };
  const r = run(node22, [join(cache, "cli/node_modules/cdktn-cli/bin/cdktn"), "synth"], {
    cwd: project,
    env: cliEnv,
    timeoutMs: 5 * 60_000,
  });
  if (r.status !== 0) return [`cdktn synth: exit ${r.status}: ${r.stdout.trim()} ${r.stderr.trim()}`];
  const out = readSynthesized(join(project, "cdktf.out"), STACK);
  const problems = synthesisProblems(out, versions.cdktn);
  if (
    problems.length === 0 &&
    JSON.stringify(out) !== JSON.stringify(readSynthesized(join(project, "out-main"), STACK))
  ) {
    problems.push(`cdktf.out/stacks/${STACK}/cdk.tf.json differs from the Node ${process.version} synthesis`);
  }
  return problems;
}

process.exitCode = main();
