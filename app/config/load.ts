import { readFileSync } from "fs";
import { issueFix } from "../../src/private/zod-error-messages";
import { isOktaBaseDomain } from "../../src/okta/private/org-schema";
import { oktaBaseUrl, oktaOrgUrl } from "../../src/okta/private/org-urls";
import { ValidationError, ValidationErrors, toValidationErrors } from "../../src/private/validation";
import { configDataProblems } from "./config-data";
import { Config, configSchema } from "./schema";
import { decodeUtf8, JsonSyntaxError, parseStrictJson } from "./strict-json";

/** Most problems one message lists; the rest are counted, so a flood of errors stays readable. */
export const MAX_LISTED_PROBLEMS = 50;

/** A config file that cannot be used; the message says what to change. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Reads, parses and validates a config file. */
export function loadConfig(file: string): Config {
  let json: unknown;
  try {
    const text = decodeUtf8(readConfigBytes(file)).replace(/^\uFEFF/, "");
    if (text.trim() === "") throw new ConfigError(`Config file ${file} is empty: start from config/example.json.`);
    json = parseStrictJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new ConfigError(`Config file ${file} is not valid JSON: ${e.message}`);
    throw e;
  }
  try {
    return parseConfig(json);
  } catch (e) {
    if (e instanceof ValidationErrors)
      throw new ConfigError(`Config file ${file} has errors:\n${problemList(e.errors)}`);
    throw e;
  }
}

/** What a valid config still deserves a warning for, one line each (synth and check print them). */
export function configWarnings(config: Config): string[] {
  const baseUrl = oktaBaseUrl(config.okta);
  if (!config.okta.allowUnlistedBaseUrl || isOktaBaseDomain(baseUrl)) return [];
  return [
    `Warning: okta.baseUrl "${baseUrl}" is not an Okta domain (okta.allowUnlistedBaseUrl is set): API tokens will be sent to ${oktaOrgUrl(config.okta)}.`,
  ];
}

/** One line per problem, at most {@link MAX_LISTED_PROBLEMS}, then how many more there are. */
export function problemList(errors: readonly ValidationError[]): string {
  const listed = errors.slice(0, MAX_LISTED_PROBLEMS).map((v) => `- ${v.message}`);
  const more = errors.length - listed.length;
  if (more > 0) listed.push(`- ... and ${more} more problem${more === 1 ? "" : "s"}: fix these first.`);
  return listed.join("\n");
}

function readConfigBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const fix: Record<string, string> = {
      ENOENT: "does not exist: create it (start from config/example.json) or set OKTA_CLOUDFLARE_CONFIG to its path.",
      EISDIR: "is a directory: set OKTA_CLOUDFLARE_CONFIG to the JSON file in it.",
      EACCES: "cannot be read (permission denied): let the pipeline's user read it.",
    };
    throw new ConfigError(`Config file ${file} ${fix[code ?? ""] ?? `cannot be read (${code ?? String(e)}).`}`);
  }
}

/**
 * Validates an already parsed config object; throws ValidationErrors naming each bad field. Values
 * that could reach Terraform as something other than data are refused before the schema runs.
 */
export function parseConfig(input: unknown): Config {
  const refused = configDataProblems(input);
  if (refused.length > 0) throw new ValidationErrors(refused);
  const result = configSchema.safeParse(input, { error: issueFix });
  if (!result.success) throw toValidationErrors(result.error.issues, input, "", configSchema);
  return result.data;
}
