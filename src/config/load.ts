import { readFileSync } from "fs";
import { z } from "zod";
import { ValidationErrors, toValidationErrors } from "../validation";
import { Config, configSchema } from "./schema";

/** A config file that cannot be used; the message says what to change. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Reads, parses and validates a config file. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === "ENOENT"
        ? `Config file ${file} does not exist: create it (see config/example.json) or set OKTA_CLOUDFLARE_CONFIG to its path.`
        : `Config file ${file} cannot be read (${code ?? String(e)}): check its permissions.`,
    );
  }
  if (text.trim() === "") throw new ConfigError(`Config file ${file} is empty: start from config/example.json.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`Config file ${file} is not valid JSON (${(e as Error).message}): fix the syntax at that position.`);
  }
  try {
    return parseConfig(json);
  } catch (e) {
    if (e instanceof ValidationErrors) throw new ConfigError(`Config file ${file} has errors:\n${e.message}`);
    throw e;
  }
}

/** Validates an already parsed config object; throws ValidationErrors naming each bad field. */
export function parseConfig(input: unknown): Config {
  const result = configSchema.safeParse(input);
  if (!result.success) {
    throw toValidationErrors(result.error.issues, input, "", (path, key) => closest(key, knownKeys(configSchema, path)));
  }
  return result.data;
}

/** Keys an object schema accepts at `path`, looking through optional, default and union wrappers. */
function knownKeys(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
      return knownKeys(def.innerType as z.core.$ZodType, path);
    case "pipe":
      return knownKeys(def.in as z.core.$ZodType, path);
    case "union":
      return [...new Set((def.options as z.core.$ZodType[]).flatMap((o) => knownKeys(o, path)))];
    case "array":
      return path.length > 0 ? knownKeys(def.element as z.core.$ZodType, path.slice(1)) : [];
    case "object": {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      if (path.length === 0) return Object.keys(shape);
      const next = shape[String(path[0])];
      return next ? knownKeys(next, path.slice(1)) : [];
    }
    default:
      return [];
  }
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
