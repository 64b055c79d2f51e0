// Terraform reads every string of its JSON syntax, and every key of an object value, as a template:
// `${` starts an expression and `%{` a directive. Text from a config or a prop must arrive as
// written, so each literal is escaped (`$${`, `%%{`) where it enters Terraform; the references cdktf
// marks in a string (`${TfToken[...]}`) stay references.

const TOKEN_MARKER = /([$#&]\{TfToken\[[a-zA-Z0-9:._-]+\]\})/;

/** `value` as a Terraform string literal: the same text once Terraform has read it; cdktf references kept. */
export function terraformLiteral(value: string): string {
  return value
    .split(TOKEN_MARKER)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\$\{/g, () => "$${").replace(/%\{/g, "%%{")))
    .join("");
}

/**
 * Every string and key in `value`'s plain objects and lists through {@link terraformLiteral}, for a
 * resource's arguments. Class instances (iterators, constructs, resolvables) are left as they are.
 */
export function terraformLiterals<T>(value: T): T {
  if (typeof value === "string") return terraformLiteral(value) as T;
  if (Array.isArray(value)) return value.map((v) => terraformLiterals(v)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terraformLiteral(k), terraformLiterals(v)])) as T;
  }
  return value;
}

/** A double-quoted string inside an expression written by hand (`${...}`): quotes, backslashes and markers escaped. */
export function hclQuoted(value: string): string {
  return terraformLiteral(JSON.stringify(value));
}

/**
 * A string argument of a cdktf `Fn` call. cdktf 0.21 escapes `${` in such arguments itself but
 * writes them between double quotes as they are: quotes, backslashes and `%{` are escaped here.
 */
export function fnStringArgument(value: string): string {
  return JSON.stringify(value).slice(1, -1).replace(/%\{/g, "%%{");
}
