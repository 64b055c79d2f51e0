// The provider's retry and rate-limit settings (okta/config.go and provider.go, 4.20 and 6.x alike).
// Okta limits `/api/v1/apps*` to 100 requests a minute on most orgs, in one-minute buckets shared
// with every other integration and the admin console; these defaults back off and leave room for them.
// The provider reads settings with GetOk, which treats false and 0 as "unset": `backoff = false` and
// `max_retries = 0` would silently keep the provider's defaults, so the schema refuses them.
// This schema validates and defaults them for OktaProvider and for the app's config (`okta.provider`).
import * as z from "zod";
import { Token } from "../../cdktf";
import type { OktaProviderConfig } from "../okta-provider";
import { check } from "./terraform-attributes";

const maxRetries = z
  .number()
  .int()
  .min(1, { message: "The okta provider treats 0 as unset and retries 5 times anyway: use 1 or more." })
  .max(100)
  .default(5)
  .meta({
    description:
      "okta provider max_retries: retries of a rate-limited or failed request before the run fails (1-100). Default 5, the provider's: with the waits below, about 12 minutes of patience.",
  });

const backoff = z
  .literal(true, { message: "The okta provider treats false as unset and backs off anyway: remove backoff." })
  .default(true)
  .meta({
    description:
      "okta provider backoff: exponential back-off on HTTP 429. Default true, and only true: the provider ignores false.",
  });

const minWaitSeconds = z.number().int().min(1).max(300).default(30).meta({
  description:
    "okta provider min_wait_seconds: first wait after a rate-limited request, doubled on each retry. Default 30, the provider's: half of Okta's one-minute bucket.",
});

const maxWaitSeconds = z.number().int().min(1).max(3600).default(300).meta({
  description: "okta provider max_wait_seconds: longest single wait between retries. Default 300, the provider's.",
});

const maxApiCapacity = z.number().int().min(1).max(100).default(50).meta({
  description:
    "okta provider max_api_capacity: percentage (1-100) of each rate-limit bucket the provider may use before it waits for the next minute; below 100 the provider counts its calls per endpoint. Default 50: the other half stays with the org's other integrations and admins (the provider's own default, 100, takes it all).",
});

const parallelism = z.number().int().min(1).max(20).default(1).meta({
  description:
    "okta provider parallelism: concurrent requests within one resource where Okta has no bulk API. Default 1, the provider's. okta 4.20 reads it but no resource uses it; terraform -parallelism bounds concurrency across resources.",
});

/** The retry and rate-limit settings, defaults applied; the app's `okta.provider` is parsed with it. */
export const oktaProviderSettingsSchema = z
  .strictObject({ maxRetries, backoff, minWaitSeconds, maxWaitSeconds, maxApiCapacity, parallelism })
  .superRefine((s, ctx) => {
    if (Token.isUnresolved(s.minWaitSeconds) || Token.isUnresolved(s.maxWaitSeconds)) return;
    if (s.maxWaitSeconds < s.minWaitSeconds) {
      ctx.addIssue({
        code: "custom",
        path: ["maxWaitSeconds"],
        message: `The longest wait cannot be shorter than the first (minWaitSeconds ${s.minWaitSeconds}): raise maxWaitSeconds or lower minWaitSeconds.`,
      });
    }
  })
  .meta({
    description:
      "Retry and rate-limit settings of the okta provider. The defaults suit a large org sharing its rate limits.",
  });

/** The retry and rate-limit settings in effect. */
export type OktaProviderSettings = z.output<typeof oktaProviderSettingsSchema>;

const SETTINGS = [
  "maxRetries",
  "backoff",
  "minWaitSeconds",
  "maxWaitSeconds",
  "maxApiCapacity",
  "parallelism",
] as const;

/** The settings validated, defaults applied; unresolved tokens pass unchecked, to Terraform. */
export function settingsInEffect(config: OktaProviderConfig, path: string): OktaProviderSettings {
  const given = Object.entries(config).filter(
    ([k, v]) => (SETTINGS as readonly string[]).includes(k) && v !== undefined,
  );
  const tokens = Object.fromEntries(given.filter(([, v]) => Token.isUnresolved(v)));
  const literals = Object.fromEntries(given.filter(([, v]) => !Token.isUnresolved(v)));
  check(oktaProviderSettingsSchema, literals, path);
  return { ...oktaProviderSettingsSchema.parse(literals), ...tokens };
}
