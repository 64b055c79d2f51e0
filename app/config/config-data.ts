import { Token } from "../../src/cdktf";
import { fieldName, ValidationError } from "../../src/private/validation";

// The one gate every value of a config file passes before the schema sees it. A config is data:
// cdktf marks its own references in strings as `${TfToken[...]}` (lists `#{...`, maps `&{...`) and in
// numbers as special doubles, and skips validation for anything that holds one. A marker typed into
// a config would resolve to whatever reference carries that number (e.g. the OIDC client secret read
// from remote state), so a file can never hold one. Text that merely looks like Terraform (`${x}`,
// `%{if}`) is fine: the constructs write every literal escaped (see terraformLiteral).

const MARKER = /[$#&]\{TfToken\[/;

/** Each value or key of `input` that cdktf would read as one of its references, with its field. */
export function configDataProblems(input: unknown): ValidationError[] {
  const problems: ValidationError[] = [];
  walk(input, [], problems);
  return problems;
}

function walk(value: unknown, path: PropertyKey[], problems: ValidationError[]): void {
  if (typeof value === "string" || typeof value === "number") {
    if (isMarker(value)) problems.push(refusal(path, typeof value));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], problems));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (isMarker(key)) problems.push(refusal([...path, "(a key)"], "key"));
      else walk(item, [...path, key], problems);
    }
  }
}

function isMarker(value: string | number): boolean {
  return Token.isUnresolved(value) || (typeof value === "string" && MARKER.test(value));
}

// The value is left out: it is the marker, and naming the reference it would become helps nobody.
function refusal(path: PropertyKey[], kind: string): ValidationError {
  const what =
    kind === "number"
      ? "is a number cdktf reserves for its references"
      : `holds a cdktf reference marker ("\${TfToken[...]}")`;
  return new ValidationError(
    fieldName("", path),
    undefined,
    "A config file holds data only: write the value itself.",
    what,
  );
}
