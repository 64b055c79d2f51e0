/** A `${...}` interpolation in a synthesized string: its body and where the body starts. */
export interface Expression {
  readonly body: string;
  readonly start: number;
}

/**
 * The `${...}` interpolations of a string, found the way Terraform reads them: braces counted
 * outside quoted strings, `$${` left alone (an escaped literal). Throws on one that never closes
 * or holds an unterminated string, which Terraform would refuse.
 */
export function expressions(value: string): Expression[] {
  const found: Expression[] = [];
  for (let i = value.indexOf("${"); i !== -1; i = value.indexOf("${", i + 2)) {
    if (i > 0 && value[i - 1] === "$") continue;
    let depth = 1;
    let j = i + 2;
    for (; j < value.length && depth > 0; j++) {
      if (value[j] === '"') j = closingQuote(value, j);
      else if (value[j] === "{") depth++;
      else if (value[j] === "}") depth--;
    }
    if (depth > 0) throw new Error(`Unterminated interpolation in: ${value}`);
    found.push({ body: value.slice(i + 2, j - 1), start: i + 2 });
    i = j - 2;
  }
  return found;
}

function closingQuote(value: string, open: number): number {
  for (let k = open + 1; k < value.length; k++) {
    if (value[k] === "\\") k++;
    else if (value[k] === '"') return k;
  }
  throw new Error(`Unterminated string in: ${value}`);
}
