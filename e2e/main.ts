import { ConfigError, loadConfig } from "../app/config/load";
import { defaultConfigFile } from "../app/run";
import { runAdoptE2e } from "./harness/adopt";
import { runE2e } from "./harness/e2e";
import { EXIT } from "./harness/report";
import { run } from "./harness/run";

/**
 * `npm run test:e2e`: the config named by OKTA_CLOUDFLARE_CONFIG (default the example), synthesized
 * and run stack by stack through the real Terraform CLI and provider binaries against fake Okta and
 * Cloudflare APIs on 127.0.0.1. With `--adopt`: a setup made by hand in the fakes, adopted through
 * npm run discover (e2e/harness/adopt.ts). Exit 0 passed, 1 failed, 3 providers unavailable.
 */
async function main(): Promise<number> {
  const file = process.env.OKTA_CLOUDFLARE_CONFIG || defaultConfigFile;
  const log = (line: string) => void process.stdout.write(`${line}\n`);
  try {
    if (process.argv.includes("--adopt")) {
      log("e2e adopt: a setup made by hand, discovered and imported");
      return await runAdoptE2e({ env: process.env, run, log });
    }
    log(`e2e config: ${file}`);
    return await runE2e({ config: loadConfig(file), env: process.env, run, log });
  } catch (e) {
    process.stderr.write(`e2e failed: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
    return EXIT.FAILED;
  }
}

void main().then((code) => (process.exitCode = code));
