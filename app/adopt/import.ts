import { Construct } from "constructs";
import { TerraformElement, TerraformResource } from "../../src/cdktf";
import { hclQuoted } from "../../src/private/terraform-literal";
import { withoutSynthTimeVersionCheck } from "../terraform-version";

// Adoption writes Terraform `import` blocks (Terraform >= 1.5, which ProjectStack's required_version
// then states): the first plan reads each existing object into state at the address the stack
// already uses, so nothing is created and nothing moves. An import block whose object is already in
// state is a no-op, so the IDs may stay in the config after the first apply.

/**
 * Imports `id` into `resource` (cdktf's `importFrom`), or does nothing without an ID. cdktf's
 * importFrom also runs `terraform version` during synth to check for >= 1.5: removed, as for the
 * cloud backend (a synth-only machine has no Terraform), since `required_version` says it instead.
 */
export function adopt(resource: TerraformResource, id: string | undefined): void {
  if (id === undefined) return;
  resource.importFrom(id);
  withoutSynthTimeVersionCheck(resource);
}

/**
 * Import blocks for instances of a `for_each` resource, by key: `to = <type>.<name>["<key>"]`.
 * cdktf's importFrom addresses the whole block, which Terraform refuses for a `for_each` resource.
 * Keys not in `ids` are created as usual.
 */
export function adoptInstances(resource: TerraformResource, ids: Readonly<Record<string, string>>): void {
  const blocks = Object.entries(ids).map(([key, id]) => ({ to: instanceAddress(resource, key), id }));
  if (blocks.length > 0) new KeyedImports(resource, "keyed-imports", blocks);
}

/** `<type>.<name>["<key>"]`, the key quoted as HCL reads it. */
export function instanceAddress(resource: TerraformResource, key: string): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}[${hclQuoted(key)}]`;
}

interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

/** Top-level `import` blocks; the stack concatenates every element's list into one. */
class KeyedImports extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly blocks: readonly ImportBlock[],
  ) {
    super(scope, id);
  }

  public override toTerraform(): Record<string, unknown> {
    return { import: this.blocks.map((b) => ({ id: b.id, to: b.to })) };
  }

  public override toHclTerraform(): Record<string, unknown> {
    return {
      import: this.blocks.map((b) => ({
        to: { value: b.to, type: "simple", storageClassType: "reference" },
        id: { value: b.id, type: "simple", storageClassType: "string" },
      })),
    };
  }
}
