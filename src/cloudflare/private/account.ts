import { tokenOr } from "../../private/validation";

/** Cloudflare account ID: 32 hex characters (or a token resolved by Terraform). */
export const accountIdSchema = tokenOr(
  (v) => /^[0-9a-f]{32}$/.test(v),
  "Use the 32-character hex account ID from the Cloudflare dashboard URL or Account Home.",
).meta({ description: "Cloudflare account ID: 32 hex characters, in the dashboard URL." });
