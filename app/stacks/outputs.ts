import { Construct } from "constructs";
import { TerraformOutput } from "../../src/cdktf";
import { terraformLiteral, terraformLiterals } from "../../src/private/terraform-literal";
import type { StackOutput } from "../runbook/model";

type OutputValue = string | Readonly<Record<string, string>>;

/**
 * The output name of a construct attribute: the attribute's name in snake_case (`scimBaseUrl` ->
 * `scim_base_url`), so a value has one name in code, in `terraform output` and in the docs.
 */
export function outputName(attribute: string): string {
  return attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Where `stack` keeps construct `T`'s `attribute` (see {@link attributeOutput}). */
export function stackOutput<T>(stack: string, attribute: keyof T & string): StackOutput {
  return { stack, output: outputName(attribute) };
}

/** A stack output of `construct[attribute]`, named after the attribute ({@link outputName}). */
export function attributeOutput<T extends { readonly [A in K]: OutputValue }, K extends keyof T & string>(
  scope: Construct,
  construct: T,
  attribute: K,
  description: string,
  sensitive = false,
): TerraformOutput {
  return output(scope, outputName(attribute), construct[attribute], description, sensitive);
}

/** A stack output under a stable, snake_case name (what `terraform output -raw <name>` takes; `-json` for a map). */
export function output(
  scope: Construct,
  name: string,
  value: OutputValue,
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
