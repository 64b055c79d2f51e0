import * as z from "zod";
import { Token } from "../cdktf";
import { issueFix } from "./zod-error-messages";
import { closest, descriptionAt, keyPaths, knownKeys } from "./zod-schema-keys";

/**
 * Bad input: names the field, the value and the fix, so a pipeline log says what to change.
 * `problem` replaces "<value> is not valid" where the value is not the point (an unknown key).
 */
export class ValidationError extends Error {
  constructor(
    /** Dotted path of the bad field, under the construct ID or config root, e.g. `access-oidc-app.teamName`. */
    public readonly field: string,
    /** The value given (`undefined` when missing). */
    public readonly value: unknown,
    /** What to change. */
    public readonly fix: string,
    problem?: string,
  ) {
    super(`${headline(field, value, problem)}. ${fix}`);
    this.name = "ValidationError";
  }
}

/** Several problems found at once; the message lists each on its own line. */
export class ValidationErrors extends Error {
  constructor(
    /** Each problem found. */
    public readonly errors: ValidationError[],
  ) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "ValidationErrors";
  }
}

function headline(field: string, value: unknown, problem?: string): string {
  if (problem) return `${field} ${problem}`;
  return value === undefined ? `${field} is missing` : `${field}: ${describe(value)} is not valid`;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A string that is either an unresolved token (checked by Terraform later) or passes `check`. */
export function tokenOr(check: (value: string) => boolean, fix: string) {
  return z.string().refine((v) => Token.isUnresolved(v) || check(v), { message: fix });
}

/** A secret prop: a reference (`example`) or a sensitive variable, never the secret itself. */
export function secretReference(example: string) {
  return z.string().refine((v) => Token.isUnresolved(v), {
    message: `Pass a reference (e.g. ${example}) or a sensitive variable, never the secret itself: a literal would be written into the synthesized JSON.`,
  });
}

/** Non-empty text (names, labels). Whatever it holds reaches Terraform as written: see terraformLiteral. */
export function literalText() {
  return z.string().min(1, { message: "Use a non-empty string." });
}

/** True when `pattern` compiles as a regular expression (Okta's filter is Java-like; this catches the common errors). */
export function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * False for the keys cdktf 0.21 cannot write in a for_each map: its resolver drops "__proto__" (the
 * entry would silently vanish) and fails on "toString" (it turns the map into a string).
 */
export function isJsonKey(key: string): boolean {
  return key !== "__proto__" && key !== "toString";
}

/** Lists values that appear more than once. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.has(v) || !seen.add(v)))];
}

/**
 * Turns zod issues into ValidationErrors with dotted field paths under `prefix`. Given the schema,
 * unknown keys get a "did you mean", and missing or mistyped fields the field's description.
 */
export function toValidationErrors(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: string,
  schema?: z.core.$ZodType,
): ValidationErrors {
  return new ValidationErrors(
    issues.flatMap((issue) => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => unknownKey(prefix, [...issue.path, key], schema));
      }
      const description = issue.code === "invalid_type" && schema ? descriptionAt(schema, issue.path) : undefined;
      const fix = description ? `${issue.message} ${description}` : issue.message;
      const field = fieldName(prefix, issue.path);
      // A secret's value never reaches a message, even a wrong one: it may be the real secret.
      if (SECRET_NAME.test(String(issue.path[issue.path.length - 1] ?? "")))
        return [new ValidationError(field, undefined, fix, "is not valid (its value is not printed)")];
      return [new ValidationError(field, at(input, issue.path), fix)];
    }),
  );
}

/** Names of fields whose values are secrets. */
const SECRET_NAME = /secret|token|password|private_?key|api_?key/i;

// The value of an unknown key is left out of the message: it may be a credential pasted by mistake.
function unknownKey(prefix: string, path: PropertyKey[], schema?: z.core.$ZodType): ValidationError {
  const key = String(path[path.length - 1]);
  const field = fieldName(prefix, path);
  const problem = "is not a known key";
  const siblings = schema ? knownKeys(schema, path.slice(0, -1)) : [];
  const typo = closest(key, siblings);
  if (typo)
    return new ValidationError(field, undefined, `Did you mean "${typo}"? Fix the spelling, or remove it.`, problem);
  if (SECRET_NAME.test(key)) {
    const fix =
      "Credentials never go in the config file: remove it, and set the provider's environment variable instead (see the README, Credentials and secrets).";
    return new ValidationError(field, undefined, fix, problem);
  }
  const elsewhere = schema
    ? keyPaths(schema).filter((p) => p.split(".").pop()?.toLowerCase() === key.toLowerCase())
    : [];
  if (elsewhere.length > 0) {
    return new ValidationError(
      field,
      undefined,
      `It belongs elsewhere: move it to ${elsewhere.join(" or ")}.`,
      problem,
    );
  }
  const known = siblings.length > 0 ? ` Keys allowed here: ${siblings.join(", ")}.` : "";
  return new ValidationError(field, undefined, `Remove it.${known}`, problem);
}

/** Parses `input` with `schema`, throwing ValidationErrors that name fields under `prefix`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(input, { error: issueFix });
  if (!result.success) throw toValidationErrors(result.error.issues, input, prefix, schema);
  return result.data;
}

/** `accessLogin.scim.pushGroups.2`, `backend["my key"]` (a key that is not a plain word is quoted). */
export function fieldName(prefix: string, path: readonly PropertyKey[]): string {
  const name = path.reduce<string>((name, key) => {
    const text = typeof key === "number" || /^[A-Za-z_$][\w$-]*$/.test(String(key)) ? String(key) : undefined;
    if (text === undefined) return `${name}[${JSON.stringify(String(key))}]`;
    return name ? `${name}.${text}` : text;
  }, prefix);
  return name || "(root)";
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );
}
