/**
 * When a change to an attribute makes Terraform replace (destroy and re-create) a resource.
 * - `changed`: any difference, setting or removing included (plugin framework RequiresReplace,
 *   SDK ForceNew on a plain attribute).
 * - `set`: only when the new configuration sets a value that differs; removing it changes nothing
 *   (SDK ForceNew on an Optional+Computed attribute, or with a DiffSuppressFunc for an empty value).
 * - `true-to-false`: only when it turns from true to false or unset (unset is false).
 */
export type ForceNewWhen = "changed" | "set" | "true-to-false";

export interface ForceNew {
  attribute: string;
  when: ForceNewWhen;
}

/**
 * The attributes that force replacement of the resources whose replacement a reviewer must not
 * miss, read from the providers' source at the versions the stacks pin (okta 4.20.0 at
 * 1924ec5199ea, cloudflare 5.14.0 at 262c3ddc4869). Check them again when a pin moves.
 */
export const FORCE_NEW: Record<string, ForceNew[]> = {
  // okta okta/resource_okta_app_oauth.go: `type` ForceNew (line 151); `client_id` Optional+Computed
  // ForceNew (line 161); CustomizeDiff forces new when `omit_secret` goes from true to false (136).
  okta_app_oauth: [
    { attribute: "type", when: "changed" },
    { attribute: "client_id", when: "set" },
    { attribute: "omit_secret", when: "true-to-false" },
  ],
  // okta okta/resource_okta_app_saml.go: `preconfigured_app` ForceNew, with a DiffSuppressFunc
  // that ignores an empty new value (lines 79-82). Nothing in the base app schema (app.go) is ForceNew.
  okta_app_saml: [{ attribute: "preconfigured_app", when: "set" }],
  // cloudflare internal/services/zero_trust_access_identity_provider/schema.go: RequiresReplace on
  // `account_id` (line 38), `zone_id` (43), `type` (52). `name` and `config` update in place.
  cloudflare_zero_trust_access_identity_provider: [
    { attribute: "account_id", when: "changed" },
    { attribute: "zone_id", when: "changed" },
    { attribute: "type", when: "changed" },
  ],
  // cloudflare internal/services/account_token/schema.go: RequiresReplace on `account_id` (line 57).
  cloudflare_account_token: [{ attribute: "account_id", when: "changed" }],
  // cloudflare internal/services/zero_trust_access_application/schema.go: RequiresReplace on
  // `account_id` (line 38) and `zone_id` (43) only; `aud` is Computed with UseStateForUnknown
  // (1772-1777), so a new name or domain updates in place and keeps the AUD tag.
  cloudflare_zero_trust_access_application: [
    { attribute: "account_id", when: "changed" },
    { attribute: "zone_id", when: "changed" },
  ],
};

/** The attributes of `FORCE_NEW[type]` whose change from `old` to `now` replaces the resource. */
export function forcesReplacement(type: string, old: Record<string, unknown>, now: Record<string, unknown>): string[] {
  return (FORCE_NEW[type] ?? [])
    .filter(({ attribute, when }) => {
      const [before, after] = [old[attribute], now[attribute]];
      if (when === "true-to-false") return before === true && after !== true;
      if (when === "set" && (after === undefined || after === "")) return false;
      return JSON.stringify(before) !== JSON.stringify(after);
    })
    .map((f) => f.attribute);
}
