import { Construct } from "constructs";
import { TerraformOutput } from "../../src/cdktf";
import { terraformLiteral, terraformLiterals } from "../../src/private/terraform-literal";

/** A stack output under a stable, snake_case name (what `terraform output -raw <name>` takes; `-json` for a map). */
export function output(
  scope: Construct,
  name: string,
  value: string | Readonly<Record<string, string>>,
  description: string,
  sensitive = false,
): TerraformOutput {
  const out = new TerraformOutput(scope, name, {
    value: terraformLiterals(value),
    description: terraformLiteral(description),
    sensitive,
  });
  out.overrideLogicalId(name);
  return out;
}
