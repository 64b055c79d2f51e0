// Synthesis of the hand-written okta bindings (OktaProvider, PushGroup): each argument with its
// Terraform name and kind, unset ones left out so the provider applies its own defaults.
import * as z from "zod";
import { ValidationError } from "../../private/validation";
import { issueFix } from "../../private/zod-error-messages";

type Kind = "string" | "number" | "boolean" | "object";
export type Attributes = Record<string, [value: unknown, kind: Kind]>;

export function toJson(attributes: Attributes): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, [value]]) => value !== undefined)
      .map(([name, [value]]) => [name, value]),
  );
}

// HCL output (cdktf synth --hcl) needs each value tagged with how to render it.
const hclTypes = {
  string: ["simple", "string"],
  number: ["simple", "number"],
  boolean: ["simple", "boolean"],
  object: ["map", "stringMap"],
} as const;

export function toHcl(attributes: Attributes): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, [value]]) => value !== undefined)
      .map(([name, [value, kind]]) => {
        const [type, storageClassType] = hclTypes[kind];
        return [name, { value, isBlock: false, type, storageClassType }];
      }),
  );
}

/** Throws the first problem as a ValidationError whose field is `${path}.${prop}`. */
export function check(schema: z.ZodType, input: object, path: string): void {
  const result = schema.safeParse(input, { error: issueFix });
  if (result.success) return;
  const [issue] = result.error.issues;
  const value = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], input);
  throw new ValidationError([path, ...issue.path.map(String)].join("."), value, issue.message);
}
