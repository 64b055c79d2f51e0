/** Drops cdktf's `//` metadata keys at every depth: they change without meaning for Terraform. */
export function stripMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "//")
        .map(([key, v]) => [key, stripMetadata(v)]),
    );
  }
  return value;
}

const IDENTIFIER = /^[A-Za-z_][\w-]*$/;

function join(prefix: string, key: string | number): string {
  if (typeof key === "number") return `${prefix}[${key}]`;
  if (IDENTIFIER.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${JSON.stringify(key)}]`;
}

/**
 * Flattens nested values into leaf paths (`scim_config.enabled`, `redirect_uris[0]`), so a change
 * deep inside a block is reported at the attribute that changed. Empty objects and arrays are
 * leaves, so adding the first element still shows up.
 */
export function flatten(value: unknown, prefix = "", into = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => flatten(v, join(prefix, i), into));
  } else if (value !== null && typeof value === "object" && Object.keys(value).length > 0) {
    for (const [key, v] of Object.entries(value)) flatten(v, join(prefix, key), into);
  } else {
    into.set(prefix, value);
  }
  return into;
}
