import { compareVersions } from "../../app/terraform-version";

/**
 * Whether `version` meets a Terraform version constraint as the stacks write them: "4.20.0",
 * "~> 6.11", ">= 1.2.0", or several joined by commas.
 */
export function satisfies(version: string, constraint: string): boolean {
  return constraint.split(",").every((part) => {
    const m = /^\s*(~>|>=|<=|!=|>|<|=)?\s*v?([0-9][0-9.]*)\s*$/.exec(part);
    if (!m) throw new Error(`unsupported version constraint "${part.trim()}"`);
    const [, op = "=", bound] = m;
    const c = compareVersions(version, bound);
    switch (op) {
      case "~>": {
        // ~> 6.11 allows 6.x from 6.11; ~> 6.11.2 allows 6.11.x from 6.11.2: the last given part may rise.
        const parts = bound.split(".");
        const fixed = parts.slice(0, Math.max(parts.length - 1, 1));
        const prefixMatches = fixed.every((p, i) => Number(version.split(".")[i] ?? 0) === Number(p));
        return c >= 0 && prefixMatches;
      }
      case ">=":
        return c >= 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      case "<":
        return c < 0;
      case "!=":
        return c !== 0;
      default:
        return c === 0;
    }
  });
}
