import { expressions } from "./hcl";
import { StackJson } from "./helpers";

// Checks over synthesized stacks that keep secrets out of plan output and logs:
// - an output whose value holds a secret is `sensitive: true` (Terraform insists only when the value is
//   already marked sensitive, which a value read from terraform_remote_state is not);
// - a secret read from another stack's state is wrapped in `sensitive(...)`, because
//   terraform_remote_state drops the producer's sensitivity.
// A value is a secret when the attribute it reads is named like one (client_secret, scim_config.secret,
// api_token, password, private_key) or is the `value` of a token resource (cloudflare_account_token).

const secretName = /secret|token|password|private_key/i;

/** A reference in a Terraform expression, split into resource type, name and attribute path. */
interface Reference {
  readonly text: string;
  readonly index: number;
  readonly type: string;
  readonly attributes: string[];
}

/** The references to resources and data sources inside the `${...}` parts of a string. */
export function references(value: string): Reference[] {
  const found: Reference[] = [];
  for (const expr of expressions(value)) {
    // Blank out string literals (e.g. lookup keys) so their text is not read as a reference.
    const body = expr.body.replace(/"(?:[^"\\]|\\.)*"/g, (s) => " ".repeat(s.length));
    for (const ref of body.matchAll(/(?<![\w.-])[A-Za-z_][\w-]*(?:\.[\w-]+)+/g)) {
      const parts = ref[0].split(".");
      const [type, ...rest] = parts[0] === "data" ? parts.slice(1) : parts;
      if (["local", "var", "self", "terraform", "each", "count", "path"].includes(type)) continue;
      found.push({ text: ref[0], index: expr.start + ref.index, type, attributes: rest.slice(1) });
    }
  }
  return found;
}

/** True when a reference reads a secret; remote-state outputs are judged by what the producer put in them. */
function isSecret(ref: Reference, producerOutputs: Map<string, unknown>): boolean {
  if (ref.type === "terraform_remote_state" && ref.attributes[0] === "outputs") {
    const produced = producerOutputs.get(ref.attributes[1]);
    if (typeof produced === "string") return references(produced).some((r) => isSecret(r, new Map()));
    return secretName.test(ref.attributes[1] ?? "");
  }
  return ref.attributes.some((a) => secretName.test(a)) || (/token/i.test(ref.type) && ref.attributes[0] === "value");
}

/** Where `sensitive(...)` calls start and end in a string. */
function sensitiveSpans(value: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const call of value.matchAll(/\bsensitive\(/g)) {
    let depth = 1;
    let i = call.index + call[0].length;
    for (; i < value.length && depth > 0; i++) depth += value[i] === "(" ? 1 : value[i] === ")" ? -1 : 0;
    spans.push([call.index, i]);
  }
  return spans;
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** Problems with secrets in synthesized stacks (by stack name); empty when all is well. */
export function secretProblems(stacks: Record<string, StackJson>): string[] {
  const producerOutputs = new Map<string, unknown>();
  for (const stack of Object.values(stacks)) {
    for (const [name, out] of Object.entries<{ value: unknown }>(stack.output ?? {}))
      producerOutputs.set(name, out.value);
  }
  const problems: string[] = [];
  for (const [stackName, stack] of Object.entries(stacks)) {
    for (const [name, out] of Object.entries<{ value: unknown; sensitive?: boolean }>(stack.output ?? {})) {
      const secret = strings(out.value)
        .flatMap(references)
        .find((r) => isSecret(r, producerOutputs));
      if (secret && out.sensitive !== true)
        problems.push(`${stackName}: output ${name} holds ${secret.text} but is not sensitive`);
    }
    for (const value of strings(stack)) {
      const spans = sensitiveSpans(value);
      for (const ref of references(value)) {
        if (ref.type !== "terraform_remote_state" || !isSecret(ref, producerOutputs)) continue;
        if (!spans.some(([start, end]) => ref.index >= start && ref.index < end)) {
          problems.push(`${stackName}: ${ref.text} reads a secret from another stack without sensitive(...)`);
        }
      }
    }
  }
  return problems;
}
