import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { App, Testing } from "../../src/cdktf";
import { parseConfig } from "../../src/config/load";
import { Config } from "../../src/config/schema";

/** config/example.json, changed by `edit` (which gets a deep copy), parsed as the app parses it. */
export function exampleConfig(edit: (raw: any) => void = () => undefined): Config {
  const raw = JSON.parse(readFileSync(join(__dirname, "../../config/example.json"), "utf8"));
  edit(raw);
  return parseConfig(raw);
}

/** A fresh app in a temporary outdir. */
export function testApp(): App {
  return Testing.app({ stackTraces: false });
}

/** Synthesizes the whole app (cross-stack references included) and returns each stack's JSON by id. */
export function synthAll(app: App): Record<string, any> {
  app.synth();
  const dir = join(app.outdir, "stacks");
  return Object.fromEntries(readdirSync(dir).map((id) => [id, JSON.parse(readFileSync(join(dir, id, "cdk.tf.json"), "utf8"))]));
}
