import { readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { join, relative } from "path";
import { main } from "../../app/run";
import { StackJson } from "./helpers";
import { tempDir } from "./temp-dir";

/** What one run of the synth entry point left behind. */
export interface RunResult {
  readonly code: number;
  readonly stderr: string;
  readonly outdir: string;
}

/** Runs the synth entry point in-process on a config file, into a fresh outdir. */
export function runMain(configFile: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const outdir = join(tempDir(), "cdktf.out");
  let stderr = "";
  const code = main(
    { ...env, OKTA_CLOUDFLARE_CONFIG: configFile, CDKTF_OUTDIR: outdir },
    { write: (t: string) => (stderr += t) },
  );
  return { code, stderr, outdir };
}

/** Writes `config` as a JSON file in a fresh directory and returns its path. */
export function writeConfig(config: unknown): string {
  const file = join(tempDir(), "config.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Every file under `dir`, by path relative to it (forward slashes), with its bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split("\\").join("/"), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** The synthesized `cdk.tf.json` of each stack, by stack name. */
export function readStacks(outdir: string): Record<string, StackJson> {
  const stacks: Record<string, StackJson> = {};
  for (const [path, bytes] of readTree(outdir)) {
    const match = /^stacks\/([^/]+)\/cdk\.tf\.json$/.exec(path);
    if (match) stacks[match[1]] = JSON.parse(bytes.toString("utf8")) as StackJson;
  }
  return stacks;
}

/** The repository's example config. */
export const exampleConfigFile = join(__dirname, "..", "..", "config", "example.json");
