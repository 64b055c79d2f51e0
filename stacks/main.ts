import { App } from "../src/cdktf";
import { ConfigError, loadConfig } from "../src/config/load";
import { buildStacks } from "./app";

/** Entry point of `cdktf synth` / `npm run synth`: config file -> stacks -> cdktf.out/. */
function main(): number {
  const file = process.env.OKTA_CLOUDFLARE_CONFIG ?? "config/example.json";
  try {
    const config = loadConfig(file);
    // No stack traces in metadata: they hold this machine's paths and change between runs.
    const app = new App({ stackTraces: false });
    buildStacks(app, config);
    app.synth();
    return 0;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    process.stderr.write(`Synth failed: ${(e as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
