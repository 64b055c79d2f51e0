import * as z from "zod";

// zod's own messages ("Invalid input: expected string, received number") say what went wrong, not
// what to write instead. These say the fix. Schemas with their own message keep it: zod consults
// this map only for issues that have none (it is passed per parse, so a company's zod is untouched).

/** The fix for a zod issue that has no message of its own; `undefined` keeps zod's. */
export function issueFix(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return typeFix(issue.expected, issue.input);
    case "too_small":
      return boundFix(issue.origin, "at least", issue.inclusive === false ? ">" : ">=", Number(issue.minimum));
    case "too_big":
      return boundFix(issue.origin, "at most", issue.inclusive === false ? "<" : "<=", Number(issue.maximum));
    case "invalid_value":
      return issue.values.length === 1
        ? `Use ${JSON.stringify(issue.values[0])}.`
        : `Use one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
    case "invalid_format":
      return issue.pattern ? `Use a value that matches ${issue.pattern}.` : `Use a valid ${issue.format}.`;
    case "not_multiple_of":
      return `Use a multiple of ${issue.divisor}.`;
    default:
      return undefined;
  }
}

const typeNames: Record<string, string> = {
  string: "a string (text in double quotes)",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list ([...])",
  object: "an object ({...})",
};

function typeName(expected: string): string {
  return typeNames[expected] ?? `a ${expected}`;
}

function typeFix(expected: string, input: unknown): string {
  if (input === undefined) return `Add it: ${typeName(expected)}.`;
  if (typeof input === "string") {
    const trimmed = input.trim();
    if (expected === "boolean" && (trimmed === "true" || trimmed === "false")) return `Use ${trimmed} without quotes.`;
    if ((expected === "number" || expected === "int") && trimmed !== "" && !Number.isNaN(Number(trimmed))) {
      return `Use ${trimmed} without quotes.`;
    }
    if (expected === "array") return `Use a list: [${JSON.stringify(input)}].`;
  }
  if (expected === "int" && typeof input === "number") return "Use a whole number.";
  return `Use ${typeName(expected)}, not ${kindOf(input)}.`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "boolean") return "true/false";
  return typeName(typeof value).replace(/ \(.*\)$/, "");
}

function boundFix(origin: string, words: string, op: string, bound: number): string {
  switch (origin) {
    case "string":
      return bound === 1 && words === "at least" ? "Use a non-empty string." : `Use ${words} ${bound} characters.`;
    case "array":
    case "set":
      return bound === 1 && words === "at least" ? "List at least one item." : `List ${words} ${bound} items.`;
    default:
      return `Use a number ${op} ${bound}.`;
  }
}
