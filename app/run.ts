import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "fs";
import { isAbsolute, join, relative, resolve } from "path";
import { App } from "../src/cdktf";
import { ConfigError, configWarnings, loadConfig, problemList } from "./config/load";
import { ValidationErrors } from "../src/private/validation";
import { buildStacks } from "./build-stacks";

/** Where the entry point writes messages: `process.stderr`, or a test's buffer. */
export interface MessageSink {
  write(text: string): unknown;
}

/** The config file `main` reads when OKTA_CLOUDFLARE_CONFIG is unset. */
export const defaultConfigFile = "config/example.json";

const usage = `Usage: npm run synth   (cdktf synth runs the same app command)

Synthesizes the config in OKTA_CLOUDFLARE_CONFIG (default config/example.json) into CDKTF_OUTDIR
(default cdktf.out): one folder per stack under stacks/, and manifest.json. Folders of stacks the
config no longer makes are removed. Offline, no credentials. Takes no arguments.
Exit status: 0 written; 1 the config or a stack is refused (nothing written); 2 bad arguments.
`;

/** What the entry point prints the one summary line on (`process.stdout`); none in tests. */
export interface RunOptions {
  readonly argv?: readonly string[];
  readonly stdout?: MessageSink;
}

/**
 * `cdktf synth` / `npm run synth`: config file -> stacks -> outdir. Returns the exit code. A bad
 * config prints one message naming each field, its value and the fix, never a stack trace: the
 * reader is a pipeline log, and the trace would only show this project's internals.
 */
export function main(env: NodeJS.ProcessEnv, stderr: MessageSink, { argv = [], stdout }: RunOptions = {}): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    stdout?.write(usage);
    return 0;
  }
  if (argv.length > 0) {
    stderr.write(`Unknown argument ${argv.map((a) => `"${a}"`).join(", ")}: synth takes none.\n\n${usage}`);
    return 2;
  }
  const file = env.OKTA_CLOUDFLARE_CONFIG || defaultConfigFile;
  try {
    const config = loadConfig(file);
    for (const warning of configWarnings(config)) stderr.write(`${warning}\n`);
    const outdir = env.CDKTF_OUTDIR || "cdktf.out";
    // cdktf creates only the last directory of the outdir; a pipeline may point it deeper.
    mkdirSync(outdir, { recursive: true });
    // No stack traces in metadata: they hold this machine's paths and change between runs.
    const app = new App({ outdir, stackTraces: false });
    buildStacks(app, config);
    app.synth();
    const stacks = removeStaleStacks(outdir);
    stdout?.write(
      `Synthesized ${stacks.length} stack${stacks.length === 1 ? "" : "s"} into ${shortPath(join(outdir, "stacks"))}: ${stacks.join(", ")}.\n`,
    );
    return 0;
  } catch (e) {
    stderr.write(`${failureMessage(e, file, Boolean(env.OKTA_CLOUDFLARE_DEBUG))}\n`);
    return 1;
  }
}

/** `path` relative to the working directory when it lies inside it, else absolute. */
function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? resolve(path) : rel;
}

/**
 * Removes the folders under `<outdir>/stacks` of stacks the manifest no longer lists (a push-groups
 * stack after provisioningConfigured went back to false), as `cdktf synth` does, so no tool plans
 * a stack the app stopped making. Returns the stacks synthesized, by name.
 */
export function removeStaleStacks(outdir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, unknown>;
  };
  const stacks = Object.keys(manifest.stacks);
  const dir = join(outdir, "stacks");
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !stacks.includes(entry.name))
        rmSync(join(dir, entry.name), { recursive: true, force: true });
    }
  }
  return stacks;
}

/** What a person reads when synth fails: the config's problems, or the error without its stack. */
function failureMessage(e: unknown, file: string, debug: boolean): string {
  if (e instanceof ConfigError) return e.message;
  // A construct refusing a value the config check let through: still the config's field and fix.
  if (e instanceof ValidationErrors)
    return `Config file ${file} has a value the stacks refuse:\n${problemList(e.errors)}`;
  // Duck-typed: errors from another realm (Node's fs under a test runner) fail `instanceof Error`.
  const { message = String(e), stack = message } = (e ?? {}) as Partial<Error>;
  return debug
    ? `Synth failed: ${stack}`
    : `Synth failed: ${message}\nSet OKTA_CLOUDFLARE_DEBUG=1 for the stack trace.`;
}
