import { tokenOr } from "../../private/validation";

/** Cloudflare account ID: 32 hex characters (or a token resolved by Terraform). */
export const accountIdSchema = tokenOr(
  (v) => /^[0-9a-f]{32}$/.test(v),
  "Use the 32-character hex account ID from the Cloudflare dashboard URL or Account Home.",
).meta({ description: "Cloudflare account ID: 32 hex characters, in the dashboard URL." });

/** Permission groups that apply to a whole account (not zones, not users). */
export const accountScope = "com.cloudflare.api.account";

/** A token policy's `resources`: a JSON object string naming the one account. */
export function accountResources(accountId: string): string {
  return JSON.stringify({ [`${accountScope}.${accountId}`]: "*" });
}

/** SCIM 2.0 Base URL of an account (seed: "In SCIM 2.0 Base URL, enter ..."). */
export function dashboardScimBaseUrl(accountId: string): string {
  return `https://api.cloudflare.com/client/v4/accounts/${accountId}/scim/v2`;
}
