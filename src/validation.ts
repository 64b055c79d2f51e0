import { z } from "zod";
import { Token } from "./cdktf";

/**
 * Bad input: names the field, the value and the fix, so a pipeline log says what to change.
 */
export class ValidationError extends Error {
  constructor(
    /** Dotted path of the bad field, under the construct ID or config root, e.g. `access-oidc-app.teamName`. */
    public readonly field: string,
    /** The value given (`undefined` when missing). */
    public readonly value: unknown,
    /** What to change. */
    public readonly fix: string,
  ) {
    super(`${field}: ${describe(value)} is not valid. ${fix}`);
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

function describe(value: unknown): string {
  if (value === undefined) return "(missing)";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A string that is either an unresolved token (checked by Terraform later) or passes `check`. */
export function tokenOr(check: (value: string) => boolean, fix: string) {
  return z.string().refine((v) => Token.isUnresolved(v) || check(v), { message: fix });
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

/** Lists values that appear more than once. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.has(v) || !seen.add(v)))];
}

/** Turns zod issues into ValidationErrors with dotted field paths under `prefix`. */
export function toValidationErrors(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: string,
  suggest?: (path: PropertyKey[], key: string) => string | undefined,
): ValidationErrors {
  return new ValidationErrors(
    issues.map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const keys = issue.keys.map((k) => {
          const hint = suggest?.(issue.path, k);
          return hint ? `"${k}" (did you mean "${hint}"?)` : `"${k}"`;
        });
        return new ValidationError(
          fieldName(prefix, issue.path),
          at(input, issue.path) === undefined ? undefined : Object.keys(at(input, issue.path) as object),
          `Unknown key ${keys.join(", ")}: remove it or fix its spelling.`,
        );
      }
      return new ValidationError(fieldName(prefix, issue.path), at(input, issue.path), issue.message);
    }),
  );
}

/** Parses `input` with `schema`, throwing ValidationErrors that name fields under `prefix`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw toValidationErrors(result.error.issues, input, prefix);
  return result.data;
}

export function fieldName(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter((p) => p !== "").join(".") || "(root)";
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );
}
