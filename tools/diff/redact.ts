/** What a redacted value shows as, in markdown and JSON alike. */
export const REDACTED = "(sensitive)";

const SECRET_NAME = /secret|token|password|private_key|client_secret|api_key/i;

/** Names that say how a secret is used rather than hold one, e.g. okta's token_endpoint_auth_method. */
const DESCRIBES_SECRET = /_(method|type)$/;

/** Shapes of real credentials: JWTs, PEM keys, well-known token prefixes. */
const CREDENTIAL_SHAPES = [
  /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/, // JWT
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^AKIA[0-9A-Z]{16}$/, // AWS access key id
  /^(gh[pousr]_|github_pat_|xox[abpr]-|sk-)[\w-]{16,}/,
];

/**
 * Long unbroken mixed-case-and-digit strings are what API tokens look like (Okta SSWS tokens,
 * Cloudflare tokens). Lowercase hex is excluded: Cloudflare account and zone IDs are 32 hex chars
 * and reviewers need to see them.
 */
function looksRandom(value: string): boolean {
  return (
    value.length >= 32 &&
    /^[A-Za-z0-9+/=_.-]+$/.test(value) &&
    /[a-z]/.test(value) &&
    /[A-Z]/.test(value) &&
    /[0-9]/.test(value)
  );
}

/** A Terraform expression such as `${var.x}` names a value; it is not one. */
const EXPRESSION = /^\$\{[^}]*\}$/;

export function looksLikeCredential(value: unknown): boolean {
  if (typeof value !== "string" || EXPRESSION.test(value)) return false;
  return CREDENTIAL_SHAPES.some((shape) => shape.test(value)) || looksRandom(value);
}

export function hasSecretName(attributePath: string): boolean {
  return SECRET_NAME.test(attributePath) && !DESCRIBES_SECRET.test(attributePath);
}

/**
 * Replaces a value with REDACTED when the block is sensitive, the attribute is named like a
 * secret, or the value looks like a credential. Absent values stay absent.
 */
export function redact(value: unknown, attributePath: string, sensitive: boolean): unknown {
  if (value === undefined) return undefined;
  if (sensitive || hasSecretName(attributePath) || looksLikeCredential(value)) return REDACTED;
  return value;
}
