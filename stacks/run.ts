import { mkdirSync } from "fs";
import { App } from "../src/cdktf";
import { ConfigError, configWarnings, loadConfig, problemList } from "../src/config/load";
import { ValidationErrors } from "../src/validation";
import { buildStacks } from "./app";

/** Where the entry point writes messages: `process.stderr`, or a test's buffer. */
export interface MessageSink {
  write(text: string): unknown;
}

/** The config file `main` reads when OKTA_CLOUDFLARE_CONFIG is unset. */
export const defaultConfigFile = "config/example.json";

/**
 * `cdktf synth` / `npm run synth`: config file -> stacks -> outdir. Returns the exit code. A bad
 * config prints one message naming each field, its value and the fix, never a stack trace: the
 * reader is a pipeline log, and the trace would only show this project's internals.
 */
export function main(env: NodeJS.ProcessEnv, stderr: MessageSink): number {
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
    return 0;
  } catch (e) {
    stderr.write(`${failureMessage(e, file, Boolean(env.OKTA_CLOUDFLARE_DEBUG))}\n`);
    return 1;
  }
}

/** What a person reads when synth fails: the config's problems, or the error without its stack. */
function failureMessage(e: unknown, file: string, debug: boolean): string {
  if (e instanceof ConfigError) return e.message;
  // A construct refusing a value the config check let through: still the config's field and fix.
  if (e instanceof ValidationErrors) return `Config file ${file} has a value the stacks refuse:\n${problemList(e.errors)}`;
  // Duck-typed: errors from another realm (Node's fs under a test runner) fail `instanceof Error`.
  const { message = String(e), stack = message } = (e ?? {}) as Partial<Error>;
  return debug ? `Synth failed: ${stack}` : `Synth failed: ${message}\nSet OKTA_CLOUDFLARE_DEBUG=1 for the stack trace.`;
}
