import { mkdirSync } from "fs";
import { App } from "../src/cdktf";
import { ConfigError, loadConfig } from "../src/config/load";
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
    const outdir = env.CDKTF_OUTDIR || "cdktf.out";
    // cdktf creates only the last directory of the outdir; a pipeline may point it deeper.
    mkdirSync(outdir, { recursive: true });
    // No stack traces in metadata: they hold this machine's paths and change between runs.
    const app = new App({ outdir, stackTraces: false });
    buildStacks(app, config);
    app.synth();
    return 0;
  } catch (e) {
    if (e instanceof ConfigError) {
      stderr.write(`${e.message}\n`);
    } else if (e instanceof ValidationErrors) {
      stderr.write(`Config file ${file} has errors:\n${e.message}\n`);
    } else {
      const detail = env.OKTA_CLOUDFLARE_DEBUG ? (e as Error).stack : (e as Error).message;
      stderr.write(`Synth failed: ${detail}\nThis is a bug if the config is valid; set OKTA_CLOUDFLARE_DEBUG=1 for the stack trace.\n`);
    }
    return 1;
  }
}
