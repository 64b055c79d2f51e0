import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { parseArgs } from "util";
import { ApiCallEstimate, appsAndGroupsCalls, estimateApiCalls, StackJson } from "./bench/api-calls";
import { ConfigJson, scaledConfig } from "./bench/configs";
import { Case, runCase, Timing, timeInterleaved } from "./bench/timing";
import { exitCode, type Io, processIo, runCli, UsageError, wantsHelp } from "./cli";

export const targets = { app: 1.2, cli: 1.5, scale: 3, calls: 20 } as const;

const USAGE = `Usage: npm run bench [-- --runs N] [-- --json]

Times, in interleaved rounds (median of N, default 7):
  - the app command in cdktf.json (which runs the app's V8 snapshot) against the floor (node loading
    cdktf and exactly the provider modules the app loads), on config/example.json: target <=
    ${targets.app}x; and, for comparison, the plain bundle (node dist/app.js), which loads them;
  - each CLI (runbook, check, diff, stack-order, schema) as npm runs it (node tools/run.js <cli>)
    against its in-process work (node running the CLI's bundle directly): target <= ${targets.cli}x;
  - synth at 10, 100 and 1,000 groups: target 1,000 groups <= ${targets.scale}x 10 groups;
and estimates the Okta API calls of a plan at each size: target < ${targets.calls} for the largest single plan.
Exit status: 0 every target met; 3 a target missed (named on stderr); 1 a run failed; 2 bad arguments.
`;

const ROOT = resolve(__dirname, "..", "..");
const APP_BUNDLE = join(ROOT, "dist", "app.js");
const SIZES = [10, 100, 1000];

/** A command timed against what it should cost. */
export interface Ratio {
  readonly measured: Timing;
  readonly baseline: Timing;
  readonly ratio: number;
  readonly target: number;
}

export interface Scale {
  readonly groups: number;
  readonly as: "names" | "ids";
  readonly synth?: Timing;
  readonly stacks: string[];
  readonly calls: ApiCallEstimate;
  readonly largestPlan: { stack: string; calls: number };
}

export interface BenchReport {
  readonly node: string;
  readonly runs: number;
  readonly appCommand: string;
  readonly modules: string[];
  readonly app: Ratio;
  /** The app's plain bundle, `node dist/app.js`, which loads the modules the floor loads: no target. */
  readonly appBundle: Ratio;
  readonly clis: Record<string, Ratio>;
  /** `npm run -s stack-order` over `node tools/run.js stack-order`: npm's own start, the same for any script. */
  readonly npm: Ratio;
  /** Synth time at 1,000 groups over 10 groups. */
  readonly scaling: number;
  readonly scales: Scale[];
}

function parse(argv: readonly string[]): { runs: number; json: boolean } {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: { runs: { type: "string", default: "7" }, json: { type: "boolean", default: false } },
      strict: true,
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new UsageError(`--runs takes a whole number of rounds, e.g. --runs 7, not "${values.runs}"`);
  return { runs, json: values.json ?? false };
}

/** `npm run bench`: prints the figures; exit 3 when a target is missed, so a regression shows. */
export function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  return runCli("bench", io, async () => {
    if (wantsHelp(argv)) {
      io.out.write(USAGE);
      return exitCode.ok;
    }
    const { runs, json } = parse(argv);
    const report = measure(runs);
    io.out.write(json ? `${JSON.stringify(report, null, 2)}\n` : markdown(report));
    const missed = targetsMissed(report);
    for (const m of missed) io.err.write(`bench: target missed: ${m}\n`);
    return missed.length > 0 ? exitCode.notDone : exitCode.ok;
  });
}

/** Each target the report misses, as a sentence; empty when all are met. */
export function targetsMissed(r: BenchReport): string[] {
  const missed: string[] = [];
  if (r.app.ratio > r.app.target)
    missed.push(`the app command took ${r.app.ratio.toFixed(2)}x the floor (target <= ${r.app.target}x)`);
  for (const [name, cli] of Object.entries(r.clis)) {
    if (cli.ratio > cli.target)
      missed.push(`${name} took ${cli.ratio.toFixed(2)}x its in-process work (target <= ${cli.target}x)`);
  }
  if (r.scaling > targets.scale)
    missed.push(`synth at 1,000 groups took ${r.scaling.toFixed(2)}x 10 groups (target <= ${targets.scale}x)`);
  for (const s of r.scales.filter((s) => s.groups === SIZES[SIZES.length - 1])) {
    if (s.largestPlan.calls >= targets.calls)
      missed.push(`a plan at 1,000 groups makes ${s.largestPlan.calls} Okta calls (target < ${targets.calls})`);
  }
  return missed;
}

function measure(runs: number): BenchReport {
  const tmp = mkdtempSync(join(tmpdir(), "okta-cloudflare-bench-"));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  process.once("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    const example = join(ROOT, "config", "example.json");
    const exampleOut = join(tmp, "out-example");
    const modules = appModules();
    const appCommand = (JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")) as { app: string }).app;
    const [program, ...appArgs] = appCommand.split(" ");
    if (program !== "node") throw new Error(`cdktf.json's app command is not a node command: ${appCommand}`);

    const base = JSON.parse(readFileSync(example, "utf8")) as ConfigJson;
    const configs = [
      ...SIZES.map((n) => ({ groups: n, as: "names" as const })),
      { groups: SIZES[SIZES.length - 1], as: "ids" as const },
    ];
    const envs = configs.map(({ groups, as }) => {
      const config = join(tmp, `config-${groups}-${as}.json`);
      writeFileSync(config, JSON.stringify(scaledConfig(base, groups, as)));
      return { CDKTF_OUTDIR: join(tmp, `out-${groups}-${as}`), OKTA_CLOUDFLARE_CONFIG: config };
    });
    const exampleEnv = { CDKTF_OUTDIR: exampleOut, OKTA_CLOUDFLARE_CONFIG: example };
    mkdirSync(join(tmp, "config"));
    const clis = cliCases(exampleEnv, tmp);
    const stackOrder = clis.find(([name]) => name === "stack-order")![1];

    const timings = timeInterleaved(runs, [
      {
        label: `floor: node loading cdktf + the ${modules.length} provider modules the app loads`,
        args: ["-e", modules.map((m) => `require(${JSON.stringify(m)});`).join("")],
        cwd: ROOT,
      },
      { label: `app command (${appCommand}), config/example.json`, args: appArgs, env: exampleEnv, cwd: ROOT },
      { label: "node dist/app.js, config/example.json", args: [APP_BUNDLE], env: exampleEnv, cwd: ROOT },
      ...SIZES.map((n, i) => ({
        label: `synth ${n} groups (node dist/app.js)`,
        args: [APP_BUNDLE],
        env: envs[i],
        cwd: ROOT,
      })),
      ...clis.flatMap(([, command, inProcess]) => [command, inProcess]),
      {
        ...stackOrder,
        label: "npm run -s stack-order",
        command: "npm",
        args: ["run", "-s", "stack-order", "--", ...stackOrder.args.slice(2)],
      },
    ]);
    const [floor, app, appBundle, ...rest] = timings;
    const synths = rest.slice(0, SIZES.length);
    const cliTimings = rest.slice(SIZES.length, -1);
    const npmTiming = rest[rest.length - 1];
    runCase({ label: "synth 1,000 groups by ID", args: [APP_BUNDLE], env: envs[envs.length - 1], cwd: ROOT });
    return {
      node: process.version,
      runs,
      appCommand,
      modules: modules.slice(1),
      app: ratio(app, floor, targets.app),
      appBundle: ratio(appBundle, floor, Infinity),
      clis: Object.fromEntries(
        clis.map(([name], i) => [name, ratio(cliTimings[2 * i], cliTimings[2 * i + 1], targets.cli)]),
      ),
      npm: ratio(npmTiming, cliTimings[2 * clis.findIndex(([name]) => name === "stack-order")], Infinity),
      scaling: synths[synths.length - 1].medianMs / synths[0].medianMs,
      scales: configs.map((c, i) => ({ ...c, synth: synths[i], ...apiCalls(envs[i].CDKTF_OUTDIR) })),
    };
  } finally {
    cleanup();
  }
}

const ratio = (measured: Timing, baseline: Timing, target: number): Ratio => ({
  measured,
  baseline,
  ratio: measured.medianMs / baseline.medianMs,
  target,
});

/**
 * Each CLI as `npm run <cli>` runs it, and its in-process work: node running its bundle directly.
 * check runs without credentials, so it builds the stacks and stops before any API call (exit 1).
 */
function cliCases(exampleEnv: NodeJS.ProcessEnv, tmp: string): Array<[string, Case, Case]> {
  const out = exampleEnv.CDKTF_OUTDIR as string;
  const noCredentials = { OKTA_API_TOKEN: "", CLOUDFLARE_API_TOKEN: "" };
  const runs: Array<[string, string[], NodeJS.ProcessEnv, string, number]> = [
    ["runbook", [], exampleEnv, ROOT, 0],
    ["check", [], { ...exampleEnv, ...noCredentials }, ROOT, 1],
    ["diff", ["--base-dir", out, "--head-dir", out], exampleEnv, ROOT, 0],
    ["stack-order", [out], exampleEnv, ROOT, 0],
    // Writes config/config.schema.json under its working directory: a scratch one.
    ["schema", [], exampleEnv, tmp, 0],
  ];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundle.js is CommonJS without types
  const bundles = require(join(ROOT, "tools", "bundle.js")) as { bundlePath(name: string): string };
  return runs.map(([name, args, env, cwd, status]) => [
    name,
    {
      label: `${name}: node tools/run.js ${name}`,
      args: [join(ROOT, "tools", "run.js"), name, ...args],
      env,
      cwd,
      status,
    },
    {
      label: `${name}: in-process (node ${bundles.bundlePath(name).slice(ROOT.length + 1)})`,
      args: [bundles.bundlePath(name), ...args],
      env,
      cwd,
      status,
    },
  ]);
}

/** cdktf and the `@cdktf/provider-*` modules the app bundle requires: exactly what the app loads. */
function appModules(): string[] {
  const bundle = readFileSync(APP_BUNDLE, "utf8");
  const providers = new Set([...bundle.matchAll(/require\("(@cdktf\/provider-[^"]+)"\)/g)].map((m) => m[1]));
  return ["cdktf", ...[...providers].sort()];
}

/** The Okta API calls of the stacks last synthesized into `outdir`. */
function apiCalls(outdir: string): {
  stacks: string[];
  calls: ApiCallEstimate;
  largestPlan: { stack: string; calls: number };
} {
  const dir = join(outdir, "stacks");
  const stacks = readdirSync(dir).sort();
  const json = stacks.map((s) => JSON.parse(readFileSync(join(dir, s, "cdk.tf.json"), "utf8")) as StackJson);
  // cdktf plans one stack at a time: the largest single plan is what meets Okta's per-minute limit at once.
  const perStack = json.map((s, i) => ({ stack: stacks[i], calls: appsAndGroupsCalls(estimateApiCalls([s])) }));
  const largestPlan = perStack.reduce((a, b) => (b.calls > a.calls ? b : a));
  return { stacks, calls: estimateApiCalls(json), largestPlan };
}

const ms = (t: Timing) => `${Math.round(t.medianMs)} ms`;
const met = (ok: boolean) => (ok ? "yes" : "**no**");

/** The report as the Markdown tables the README quotes. */
export function markdown(r: BenchReport): string {
  const timed = r.scales.filter((s) => s.synth);
  const first = timed[0].synth!;
  const last = timed[timed.length - 1];
  const row = (label: string, x: Ratio, of: string) =>
    `| ${label} | ${ms(x.measured)} | ${ms(x.baseline)} | ${x.ratio.toFixed(2)}x ${of} | <= ${x.target}x: ${met(x.ratio <= x.target)} |`;
  const lines = [
    `Median of ${r.runs} interleaved rounds, node ${r.node}.`,
    "",
    "| command | time | baseline | ratio | target |",
    "| --- | ---: | ---: | ---: | --- |",
    row(
      `app command \`${r.appCommand}\`, config/example.json`,
      r.app,
      `floor (cdktf + ${r.modules.length} provider modules)`,
    ),
    `| the app's plain bundle \`node dist/app.js\` (no snapshot), config/example.json | ${ms(r.appBundle.measured)} | ${ms(r.appBundle.baseline)} | ${r.appBundle.ratio.toFixed(2)}x floor | none |`,
    ...Object.entries(r.clis).map(([name, x]) =>
      row(`\`npm run ${name}\` (\`node tools/run.js ${name}\`)`, x, "in-process"),
    ),
    "",
    `npm's own start, outside the ratios (the same for every \`npm run\`): \`npm run -s stack-order\` took ${ms(r.npm.measured)}, ` +
      `${Math.round(r.npm.measured.medianMs - r.npm.baseline.medianMs)} ms more than \`node tools/run.js stack-order\`.`,
    "",
    "| synth | time | ratio | target |",
    "| --- | ---: | ---: | --- |",
    ...timed.map((s) => {
      const x = s.synth!.medianMs / first.medianMs;
      return `| ${s.groups} groups | ${ms(s.synth!)} | ${x.toFixed(2)}x 10 groups | ${s === last ? `<= ${targets.scale}x: ${met(r.scaling <= targets.scale)}` : ""} |`;
    }),
    "",
    "Okta API calls of a plan (refresh), estimated from the synthesized JSON (tools/bench/api-calls.ts):",
    "",
    "| groups | stacks | /api/v1/groups | /api/v1/apps | apps + groups, all stacks | largest stack plan | target (one plan) | push-group mapping reads (apps bucket) | other |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |",
    ...r.scales.map((s) => {
      const b = s.calls.buckets;
      const others = Object.entries(b).filter(([k, n]) => n > 0 && k !== "/api/v1/apps" && k !== "/api/v1/groups");
      const target = s.groups === last.groups ? `< ${targets.calls}: ${met(s.largestPlan.calls < targets.calls)}` : "";
      return `| ${s.groups}${s.as === "ids" ? " (by ID)" : ""} | ${s.stacks.length} | ${b["/api/v1/groups"]} | ${b["/api/v1/apps"]} | ${appsAndGroupsCalls(s.calls)} | ${s.largestPlan.calls} (${s.largestPlan.stack}) | ${target} | ${s.calls.pushGroupMappings} | ${others.map(([k, n]) => `${k} ${n}`).join(", ")} |`;
    }),
  ];
  const unmodelled = [...new Set(r.scales.flatMap((s) => s.calls.unmodelled))];
  if (unmodelled.length > 0) lines.push("", `Not modelled (estimate too low): ${unmodelled.join(", ")}`);
  lines.push("", `Provider modules in the floor: ${r.modules.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
