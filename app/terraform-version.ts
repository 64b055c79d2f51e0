/**
 * The oldest Terraform that runs a synthesized stack, read from what the stack's JSON uses. A stack
 * states it as `terraform.required_version`, so an older CLI stops at `init` with the version it
 * needs instead of failing later on a block or function it does not know.
 */
import { IConstruct } from "constructs";

/** Synthesized Terraform JSON of a stack. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf's synthesized JSON is untyped
export type TerraformJson = Record<string, any>;

/** A feature of the Terraform language or CLI and the version that brought it. */
export interface TerraformFeature {
  readonly version: string;
  readonly feature: string;
  readonly usedBy: (tf: TerraformJson) => boolean;
}

/** Every lifecycle block of the stack's resources and data sources. */
function lifecycles(tf: TerraformJson): TerraformJson[] {
  return ["resource", "data"].flatMap((kind) =>
    Object.values<TerraformJson>(tf[kind] ?? {}).flatMap((byName) =>
      Object.values<TerraformJson>(byName).map((block) => block.lifecycle ?? {}),
    ),
  );
}

/** The features this project's stacks may use, oldest first. */
export const terraformFeatures: readonly TerraformFeature[] = [
  {
    version: "0.13.0",
    feature: "required_providers with source addresses",
    usedBy: (tf) => Object.keys(tf.terraform?.required_providers ?? {}).length > 0,
  },
  { version: "0.15.0", feature: "the sensitive() function", usedBy: (tf) => JSON.stringify(tf).includes("sensitive(") },
  {
    version: "1.0.0",
    feature: "provider plugin protocol 6 (the cloudflare provider 5.x)",
    usedBy: (tf) => tf.terraform?.required_providers?.cloudflare !== undefined,
  },
  { version: "1.1.0", feature: "the cloud block", usedBy: (tf) => tf.terraform?.cloud !== undefined },
  {
    version: "1.2.0",
    feature: "lifecycle preconditions and postconditions",
    usedBy: (tf) => lifecycles(tf).some((l) => l.precondition !== undefined || l.postcondition !== undefined),
  },
  { version: "1.5.0", feature: "import blocks", usedBy: (tf) => tf.import !== undefined },
  {
    version: "1.10.0",
    feature: "S3 native locking (use_lockfile)",
    usedBy: (tf) => tf.terraform?.backend?.s3?.use_lockfile !== undefined,
  },
];

/** The newest version among the features `tf` uses (versions compared part by part), or undefined. */
export function minimumTerraformVersion(tf: TerraformJson): TerraformFeature | undefined {
  return terraformFeatures.filter((f) => f.usedBy(tf)).sort((a, b) => compareVersions(b.version, a.version))[0];
}

/** `tf` with `terraform.required_version` at its minimum, when it uses any feature above. */
export function withRequiredVersion(tf: TerraformJson): TerraformJson {
  const minimum = minimumTerraformVersion(tf);
  if (minimum) tf.terraform = { ...tf.terraform, required_version: `>= ${minimum.version}` };
  return tf;
}

/** Orders "1.10.0" after "1.2.0": numeric parts, left to right. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Drops cdktf's synth-time `terraform version` check from `c` (the cloud backend and importFrom add
 * one): synth would fail on a machine without Terraform (a synth-only CI job) and spawn it once per
 * construct. The Terraform that matters is the one that plans, so each stack states `required_version`.
 */
export function withoutSynthTimeVersionCheck(c: IConstruct): void {
  // constructs 10 has no API to remove a validation; `_validations` is its list.
  const validations = (c.node as unknown as { _validations?: Array<{ constructor: { name: string } }> })._validations;
  if (!validations) return;
  const kept = validations.filter((v) => v.constructor.name !== "ValidateTerraformVersion");
  validations.splice(0, validations.length, ...kept);
}
