import * as fs from "fs";
import * as path from "path";
import { CliError } from "../cli";
import { stripMetadata } from "./flatten";

/** One named Terraform block (resource, data source, output, variable) without cdktf metadata. */
export interface Block {
  attributes: Record<string, unknown>;
  /** The construct path cdktf recorded in `//.metadata.path`, kept to explain moves. */
  constructPath?: string;
}

export interface StackModel {
  name: string;
  /** Keyed by Terraform address: `type.name`, data sources as `data.type.name`. */
  resources: Record<string, Block>;
  outputs: Record<string, Block>;
  variables: Record<string, Block>;
  /** `terraform` (backend, required_providers), `provider` and the manifest's stack dependencies. */
  settings: Record<string, unknown>;
  /** `moved` blocks: the resource at `from` now lives at `to`, kept rather than re-created. */
  moved?: Moved[];
}

export interface Moved {
  from: string;
  to: string;
}

/** A synthesized app: stacks by name. */
export type SynthModel = Record<string, StackModel>;

export interface ManifestStack {
  synthesizedStackPath: string;
  dependencies?: string[];
}

type Json = Record<string, unknown>;

function readJson(file: string, what: string): Json {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new CliError(`${what} not found at ${file}: run \`npm run synth\` first or pass the outdir cdktf wrote`);
  }
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw new CliError(`${what} at ${file} is not valid JSON (${(e as Error).message}): synthesize it again`);
  }
}

export function readManifest(outdir: string): Record<string, ManifestStack> {
  const manifest = readJson(path.join(outdir, "manifest.json"), "manifest.json");
  if (!manifest.stacks || typeof manifest.stacks !== "object") {
    throw new CliError(`${path.join(outdir, "manifest.json")} has no "stacks": is it a cdktf outdir?`);
  }
  return manifest.stacks as Record<string, ManifestStack>;
}

/**
 * The local backend writes absolute paths (the project's directory) into the JSON; a base ref
 * synthesized in a temporary worktree would otherwise differ everywhere. Replace that prefix.
 */
function relativize(value: unknown, root: string): unknown {
  if (typeof value === "string") return value.split(root + path.sep).join("<root>" + path.sep);
  if (Array.isArray(value)) return value.map((v) => relativize(v, root));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relativize(v, root)]));
  }
  return value;
}

function blocks(byName: unknown, prefix: string): Record<string, Block> {
  const result: Record<string, Block> = {};
  for (const [name, raw] of Object.entries((byName ?? {}) as Json)) {
    const meta = (raw as Json)["//"] as { metadata?: { path?: string } } | undefined;
    result[prefix + name] = {
      attributes: stripMetadata(raw) as Record<string, unknown>,
      ...(meta?.metadata?.path ? { constructPath: meta.metadata.path } : {}),
    };
  }
  return result;
}

/** Resources and data sources are nested by type, then by name. */
function byType(section: unknown, prefix: string): Record<string, Block> {
  const result: Record<string, Block> = {};
  for (const [type, byName] of Object.entries((section ?? {}) as Json)) {
    Object.assign(result, blocks(byName, `${prefix}${type}.`));
  }
  return result;
}

/**
 * Reads a cdktf outdir (manifest.json + stacks/<name>/cdk.tf.json) into a model.
 * `root` is the project directory the synth ran in; by default the outdir's parent, where
 * cdktf puts `cdktf.out`.
 */
export function loadOutdir(outdir: string, root = path.dirname(path.resolve(outdir))): SynthModel {
  const model: SynthModel = {};
  const realRoot = fs.existsSync(root) ? fs.realpathSync(root) : root;
  for (const [name, entry] of Object.entries(readManifest(outdir))) {
    const file = path.join(outdir, entry.synthesizedStackPath);
    const tf = relativize(readJson(file, `stack ${name}`), realRoot) as Json;
    model[name] = {
      name,
      resources: { ...byType(tf.resource, ""), ...byType(tf.data, "data.") },
      outputs: blocks(tf.output, ""),
      variables: blocks(tf.variable, ""),
      settings: stripMetadata({
        terraform: tf.terraform ?? {},
        provider: tf.provider ?? {},
        dependencies: [...(entry.dependencies ?? [])].sort(),
      }) as Record<string, unknown>,
      moved: (tf.moved ?? []) as Moved[],
    };
  }
  return model;
}
