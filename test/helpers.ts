import { readFileSync } from "fs";
import { join } from "path";
import { Testing } from "../src/cdktf";
import { parseConfig } from "../src/config/load";
import { buildStacks } from "../stacks/app";

/** A synthesized stack's Terraform JSON. */
export type StackJson = Record<string, any>;

/** Parses `config`, builds every stack and synthesizes them the way `cdktf synth` does. */
export function synthApp(config: unknown): { manifest: StackJson; stack(name: string): StackJson } {
  const app = Testing.app();
  buildStacks(app, parseConfig(config));
  app.synth();
  const read = (file: string) => JSON.parse(readFileSync(join(app.outdir, file), "utf8"));
  const manifest = read("manifest.json");
  return {
    manifest,
    stack(name: string) {
      const entry = manifest.stacks[name];
      if (!entry) throw new Error(`No stack "${name}"; synthesized: ${Object.keys(manifest.stacks).join(", ")}`);
      return read(entry.synthesizedStackPath);
    },
  };
}
