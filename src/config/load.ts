import { readFileSync } from "fs";
import { issueFix } from "../issue-fixes";
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
  const text = readConfigText(file);
  if (text.trim() === "") throw new ConfigError(`Config file ${file} is empty: start from config/example.json.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`Config file ${file} is not valid JSON: ${jsonSyntaxProblem(text, (e as Error).message)}`);
  }
  try {
    return parseConfig(json);
  } catch (e) {
    if (e instanceof ValidationErrors) {
      throw new ConfigError(`Config file ${file} has errors:\n${e.errors.map((v) => `- ${v.message}`).join("\n")}`);
    }
    throw e;
  }
}

function readConfigText(file: string): string {
  try {
    // Editors on Windows may save a byte order mark, which JSON.parse rejects.
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
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

/** JSON.parse's complaint, with the line and column it points at and the usual cause. */
export function jsonSyntaxProblem(text: string, parseMessage: string): string {
  const match = /position (\d+)/.exec(parseMessage);
  const position = match ? Number(match[1]) : text.length;
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  const what = parseMessage.replace(/\s*in JSON at position \d+.*$/, "").replace(/ of JSON input$/, "");
  const rest = text.slice(position);
  let hint = "Fix the syntax there.";
  if (/,\s*$/.test(before) && /^[}\]]/.test(rest)) hint = "Remove the trailing comma: JSON allows none.";
  else if (/^\/[/*]/.test(rest)) hint = "Remove the comment: JSON allows none.";
  else if (rest.startsWith("'")) hint = "Use double quotes: JSON allows no single quotes.";
  else if (position >= text.length) hint = "The file ends early: close every { and [.";
  return `${what} at line ${line}, column ${column}. ${hint}`;
}

/** Validates an already parsed config object; throws ValidationErrors naming each bad field. */
export function parseConfig(input: unknown): Config {
  const result = configSchema.safeParse(input, { error: issueFix });
  if (!result.success) throw toValidationErrors(result.error.issues, input, "", configSchema);
  return result.data;
}
