import { Construct } from "constructs";
import { TerraformOutput } from "../src/cdktf";

/** A stack output under a stable, snake_case name (what `terraform output -raw <name>` takes; `-json` for a map). */
export function output(
  scope: Construct,
  name: string,
  value: string | Readonly<Record<string, string>>,
  description: string,
  sensitive = false,
): TerraformOutput {
  const out = new TerraformOutput(scope, name, { value, description, sensitive });
  out.overrideLogicalId(name);
  return out;
}
