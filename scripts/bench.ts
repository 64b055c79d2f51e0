import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative, resolve } from "path";
import { performance } from "perf_hooks";
import { ApiCallEstimate, appsAndGroupsCalls, estimateApiCalls, StackJson } from "./bench/api-calls";
import { ConfigJson, scaledConfig } from "./bench/configs";

/**
 * `npm run bench`: synth time of the app command (`node dist/app.js`, the bundle `npm run synth` runs)
 * against the floor (node loading cdktf and the provider modules the project imports), synth time at
 * 10, 100 and 1,000 groups, and the Okta API calls of a plan at each size.
 * Prints markdown tables, or JSON with --json. Options: --runs N (rounds, median taken; default 7).
 */

const ROOT = resolve(__dirname, "..", "..");
const MAIN = join(ROOT, "dist", "app.js");
const SIZES = [10, 100, 1000];
const TARGET_RATIO = 1.5;
const TARGET_SCALE = 3;
const TARGET_CALLS = 20;

interface Timing {
  readonly label: string;
  readonly medianMs: number;
  readonly runs: number;
}

interface Scale {
  readonly groups: number;
  readonly as: "names" | "ids";
  readonly synth?: Timing;
  readonly stacks: string[];
  readonly calls: ApiCallEstimate;
  readonly largestPlan: { stack: string; calls: number };
}

/** A problem the user can fix; printed without a stack trace. */
class BenchError extends Error {}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
  if (!Number.isInteger(runs) || runs < 1) fail("--runs takes a whole number of repetitions, e.g. --runs 7.");
  if (!existsSync(MAIN)) fail(`${relative(process.cwd(), MAIN)} is missing: bundle the app first (npm run bundle), or use npm run bench, which does.`);

  const tmp = mkdtempSync(join(tmpdir(), "okta-cloudflare-bench-"));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  process.once("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    const modules = providerModules();
    const base = JSON.parse(readFileSync(join(ROOT, "config", "example.json"), "utf8")) as ConfigJson;
    const configs = [...SIZES.map((n) => ({ groups: n, as: "names" as const })), { groups: SIZES[SIZES.length - 1], as: "ids" as const }];
    const envs = configs.map(({ groups, as }) => {
      const name = `${groups}-${as}`;
      const config = join(tmp, `config-${name}.json`);
      writeFileSync(config, JSON.stringify(scaledConfig(base, groups, as)));
      return synthEnv(tmp, name, config);
    });
    const [floor, example, ...synths] = timeInterleaved(runs, [
      { label: `node loading cdktf + ${modules.length} provider modules`, args: floorArgs(modules), env: {} },
      { label: "synth config/example.json", args: [MAIN], env: synthEnv(tmp, "example", join(ROOT, "config", "example.json")) },
      ...SIZES.map((n, i) => ({ label: `synth ${n} groups`, args: [MAIN], env: envs[i] })),
    ]);
    run([MAIN], envs[envs.length - 1]);
    const scales: Scale[] = configs.map((c, i) => ({ ...c, synth: synths[i], ...apiCalls(envs[i]) }));
    const report = { floor, example, ratio: example.medianMs / floor.medianMs, modules, scales };
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : markdown(report));
  } finally {
    cleanup();
  }
}

/** The `@cdktf/provider-*` modules src/ and stacks/ import, read from the source so the floor stays honest. */
function providerModules(): string[] {
  const found = new Set<string>();
  for (const dir of ["src", "stacks"]) {
    for (const file of tsFiles(join(ROOT, dir))) {
      for (const m of readFileSync(file, "utf8").matchAll(/(?:from|require\()\s*"(@cdktf\/provider-[^"]+)"/g)) found.add(m[1]);
    }
  }
  return [...found].sort();
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

function floorArgs(modules: string[]): string[] {
  return ["-e", ["cdktf", ...modules].map((m) => `require(${JSON.stringify(m)});`).join("")];
}

function synthEnv(tmp: string, name: string, config: string): NodeJS.ProcessEnv {
  return { CDKTF_OUTDIR: join(tmp, `out-${name}`), OKTA_CLOUDFLARE_CONFIG: config };
}

/** The Okta API calls of the stacks last synthesized with `env`. */
function apiCalls(env: NodeJS.ProcessEnv): { stacks: string[]; calls: ApiCallEstimate; largestPlan: { stack: string; calls: number } } {
  const dir = join(env.CDKTF_OUTDIR as string, "stacks");
  const stacks = readdirSync(dir).sort();
  const json = stacks.map((s) => JSON.parse(readFileSync(join(dir, s, "cdk.tf.json"), "utf8")) as StackJson);
  // cdktf plans one stack at a time: the largest single plan is what meets Okta's per-minute limit at once.
  const perStack = json.map((s, i) => ({ stack: stacks[i], calls: appsAndGroupsCalls(estimateApiCalls([s])) }));
  const largestPlan = perStack.reduce((a, b) => (b.calls > a.calls ? b : a));
  return { stacks, calls: estimateApiCalls(json), largestPlan };
}

interface Case {
  readonly label: string;
  readonly args: string[];
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Median wall time of each case over `runs` rounds, after one unmeasured round that warms the file
 * cache. Rounds run every case in turn, so load from other processes falls on all cases alike.
 */
function timeInterleaved(runs: number, cases: Case[]): Timing[] {
  for (const c of cases) run(c.args, c.env);
  const samples = cases.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    cases.forEach((c, i) => {
      const start = performance.now();
      run(c.args, c.env);
      samples[i].push(performance.now() - start);
    });
  }
  return cases.map((c, i) => ({ label: c.label, runs, medianMs: median(samples[i]) }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function run(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status === 0) return;
  const why = r.error?.message ?? (r.signal ? `killed by ${r.signal}` : `exit ${r.status}`);
  fail(`node ${args[0] === "-e" ? "-e <floor>" : relative(ROOT, args[0])} failed (${why}):\n${r.stderr}`);
}

function fail(message: string): never {
  throw new BenchError(message);
}

const ms = (t: Timing) => `${Math.round(t.medianMs)} ms`;
const check = (ok: boolean) => (ok ? "yes" : "**no**");

function markdown(r: { floor: Timing; example: Timing; ratio: number; modules: string[]; scales: Scale[] }): string {
  const timed = r.scales.filter((s) => s.synth);
  const first = timed[0].synth!;
  const last = timed[timed.length - 1];
  const lines = [
    `Synth (median of ${r.floor.runs} interleaved rounds, node ${process.version}):`,
    "",
    "| run | time | ratio | target |",
    "| --- | ---: | ---: | --- |",
    `| floor: ${r.floor.label} | ${ms(r.floor)} | 1.00x | |`,
    `| ${r.example.label} | ${ms(r.example)} | ${r.ratio.toFixed(2)}x floor | <= ${TARGET_RATIO}x: ${check(r.ratio <= TARGET_RATIO)} |`,
    ...timed.map((s) => {
      const x = s.synth!.medianMs / first.medianMs;
      const target = s === last ? `<= ${TARGET_SCALE}x: ${check(x <= TARGET_SCALE)}` : "";
      return `| ${s.synth!.label} | ${ms(s.synth!)} | ${x.toFixed(2)}x ${first.label.replace("synth ", "")} | ${target} |`;
    }),
    "",
    "Okta API calls of a plan (refresh), estimated from the synthesized JSON (scripts/bench/api-calls.ts):",
    "",
    "| groups | stacks | /api/v1/groups | /api/v1/apps | apps + groups, all stacks | largest stack plan | target (one plan) | push-group mapping reads (apps bucket) | other |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |",
    ...r.scales.map((s) => {
      const b = s.calls.buckets;
      const total = appsAndGroupsCalls(s.calls);
      const others = Object.entries(b).filter(([k, n]) => n > 0 && k !== "/api/v1/apps" && k !== "/api/v1/groups");
      const target = s.groups === last.groups ? `< ${TARGET_CALLS}: ${check(s.largestPlan.calls < TARGET_CALLS)}` : "";
      return `| ${s.groups}${s.as === "ids" ? " (by ID)" : ""} | ${s.stacks.length} | ${b["/api/v1/groups"]} | ${b["/api/v1/apps"]} | ${total} | ${s.largestPlan.calls} (${s.largestPlan.stack}) | ${target} | ${s.calls.pushGroupMappings} | ${others.map(([k, n]) => `${k} ${n}`).join(", ")} |`;
    }),
  ];
  const unmodelled = [...new Set(r.scales.flatMap((s) => s.calls.unmodelled))];
  if (unmodelled.length > 0) lines.push("", `Not modelled (estimate too low): ${unmodelled.join(", ")}`);
  lines.push("", `Provider modules in the floor: ${r.modules.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

try {
  main();
} catch (e) {
  if (!(e instanceof BenchError)) throw e;
  process.stderr.write(`bench: ${e.message}\n`);
  process.exitCode = 1;
}
