import * as z from "zod";

// What a schema accepts at a path: the keys (for "did you mean") and the description (for the fix of
// a missing or mistyped field). Looks through optional, default, pipe and union wrappers.

type Def = { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; options?: z.core.$ZodType[] };

/** The schema and every schema it wraps (optional, default, nullable, pipe input, union options). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType[] {
  const def = schema._zod.def as unknown as Def;
  const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
  if (inner) return [schema, ...unwrap(inner)];
  if (def.type === "union") return [schema, ...(def.options ?? []).flatMap(unwrap)];
  return [schema];
}

function child(schema: z.core.$ZodType, key: PropertyKey): z.core.$ZodType[] {
  const def = schema._zod.def as unknown as {
    type: string;
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
  };
  if (def.type === "object") return def.shape?.[String(key)] ? [def.shape[String(key)]] : [];
  if (def.type === "array" && typeof key === "number") return def.element ? [def.element] : [];
  return [];
}

/** Every schema that may apply to the value at `path`. */
export function schemasAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType[] {
  return path
    .reduce<z.core.$ZodType[]>((found, key) => found.flatMap(unwrap).flatMap((s) => child(s, key)), [schema])
    .flatMap(unwrap);
}

function shapeOf(schema: z.core.$ZodType): Record<string, z.core.$ZodType> | undefined {
  const def = schema._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType> };
  return def.type === "object" ? def.shape : undefined;
}

/** Keys an object schema accepts at `path`. */
export function knownKeys(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  return [...new Set(schemasAt(schema, path).flatMap((s) => Object.keys(shapeOf(s) ?? {})))];
}

/** The `.meta({ description })` of the field at `path`, if it has one. */
export function descriptionAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string | undefined {
  for (const s of schemasAt(schema, path)) {
    const description = z.globalRegistry.get(s)?.description;
    if (description) return description;
  }
  return undefined;
}

/** Dotted paths of every object key in the schema, e.g. `cloudflare.teamName` (list items as `[]`). */
export function keyPaths(schema: z.core.$ZodType, prefix = ""): string[] {
  return unwrap(schema).flatMap((s) => {
    const def = s._zod.def as unknown as { type: string; element?: z.core.$ZodType };
    if (def.type === "array" && def.element) return keyPaths(def.element, `${prefix}[]`);
    return Object.entries(shapeOf(s) ?? {}).flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...keyPaths(value, path)];
    });
  });
}

/** The known key nearest to a misspelled one, if it is near enough to be a typo. */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
