import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { App } from "../src/cdktf";
import { loadConfig } from "../src/config/load";
import { Config } from "../src/config/schema";
import { renderMarkdown } from "../src/runbook/render-markdown";
import { buildStacks } from "../stacks/app";
import { projectRunbook } from "../stacks/runbook";
import { exitCode, exitQuietlyOnClosedPipe, wantsHelp } from "./cli";

const usage = `Usage: npm run runbook [-- --json]

Prints the steps a person still does for the config in OKTA_CLOUDFLARE_CONFIG (default
config/example.json): provisioning of the Okta SCIM apps, pushed groups, checks. Markdown by default.

  --json   The same steps as JSON: { format: 1, name, apps: [{ id, label, app, stack,
           steps: [{ id, title, where, action, value?, command?, done, notes? }] }] }
           (documented in src/runbook/model.ts; fields are only added under format 1).

Commands in the steps read cdktf.out/, or CDKTF_OUTDIR when set. No secret is printed.
After deploy and these steps, npm run check verifies them against the live APIs.
Exit status: 0 printed; 1 the config or stacks cannot be built; 2 bad arguments.
`;

/** Where the CLI writes. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * The flags both the runbook and the check take: `--json`, and `--help`. Returns the exit code when
 * the command should stop here (0 after the help, 2 on an unknown argument).
 */
export function handleFlags(argv: readonly string[], usage: string, io: Io): number | undefined {
  if (wantsHelp(argv)) {
    io.stdout(usage);
    return exitCode.ok;
  }
  const unknown = argv.filter((a) => a !== "--json");
  if (unknown.length > 0) {
    io.stderr(`Unknown argument ${unknown.map((a) => `"${a}"`).join(", ")}.\n\n${usage}`);
    return exitCode.usage;
  }
  return undefined;
}

/** `npm run runbook`: 0 printed, 1 the config or stacks cannot be built, 2 bad arguments. */
export function main(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io): number {
  const stop = handleFlags(argv, usage, io);
  if (stop !== undefined) return stop;
  try {
    const rb = withProject(env, (app, config) => projectRunbook(app, config, { outdir: env.CDKTF_OUTDIR ?? "cdktf.out" }));
    io.stdout(argv.includes("--json") ? `${JSON.stringify(rb, null, 2)}\n` : renderMarkdown(rb));
    return exitCode.ok;
  } catch (e) {
    // One message, no stack trace: ConfigError and ValidationErrors already say what to change.
    io.stderr(`${(e as Error).message}\n`);
    return exitCode.failure;
  }
}

/** Runs a CLI's `main` on this process (its arguments, environment and streams) and exits with the code it returns. */
export function startCli(main: (argv: readonly string[], env: NodeJS.ProcessEnv, io: Io) => number | Promise<number>): void {
  exitQuietlyOnClosedPipe();
  const io: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  void Promise.resolve(main(process.argv.slice(2), process.env, io)).then((code) => (process.exitCode = code));
}

/**
 * Builds the stacks of the config in OKTA_CLOUDFLARE_CONFIG (default config/example.json) and hands
 * them to `use`. Throws ConfigError and ValidationErrors, whose messages say what to change.
 */
export function withProject<T>(env: NodeJS.ProcessEnv, use: (app: App, config: Config) => T): T {
  const config = loadConfig(env.OKTA_CLOUDFLARE_CONFIG ?? "config/example.json");
  // App writes its outdir as it starts; keep that away from the real cdktf.out.
  const outdir = mkdtempSync(join(tmpdir(), "okta-cloudflare-runbook-"));
  try {
    const app = new App({ outdir, stackTraces: false });
    buildStacks(app, config);
    return use(app, config);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (require.main === module) startCli(main);
