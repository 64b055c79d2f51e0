// Text a service sent (an error message, a path it paged to) is printed by `npm run check`, into
// terminals and the deploy job's summary. A service may echo the request's Authorization header, so
// nothing token-shaped goes through.

/** Characters a token never has: controls, spaces and anything outside ASCII. */
const NOT_TOKEN = /[^\x21-\x7e]/;

/** Whether `value` can be a token: printable ASCII without spaces (no CR/LF to split a header). */
export function isTokenShaped(value: string): boolean {
  return value !== "" && !NOT_TOKEN.test(value);
}

/** An auth scheme and its credential: `SSWS 00ab...`, `Bearer eyJ...`, `Basic dXNl...`. */
const SCHEME_CREDENTIAL = /\b(SSWS|Bearer|Basic)(\s+)[\w\-.~+/=]{8,}/gi;

/** A run of 24+ token characters. */
const OPAQUE = /[\w\-~+=]{24,}/g;

/** Longest service text kept. */
const MAX_SERVICE_TEXT = 200;

/**
 * `text` safe to print: each of `secrets` (the call's own credentials), any `SSWS`/`Bearer`/`Basic`
 * credential and any long opaque string that mixes upper case, lower case and digits (as API tokens
 * do; IDs in hex or UUIDs stay readable) become `[redacted]`; control characters become spaces
 * (no line of the job summary can be forged); at most 200 characters.
 */
export function serviceText(text: string, secrets: readonly string[]): string {
  let safe = text;
  for (const secret of secrets) if (secret !== "") safe = safe.split(secret).join("[redacted]");
  safe = safe
    .replace(SCHEME_CREDENTIAL, "$1$2[redacted]")
    .replace(OPAQUE, (run) => (/[a-z]/.test(run) && /[A-Z]/.test(run) && /\d/.test(run) ? "[redacted]" : run))
    .replace(/[\p{Cc}\u2028\u2029]/gu, " ");
  return safe.length > MAX_SERVICE_TEXT ? `${safe.slice(0, MAX_SERVICE_TEXT)}…` : safe;
}
