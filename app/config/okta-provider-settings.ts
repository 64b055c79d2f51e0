import * as z from "zod";

// The okta provider's retry and rate-limit settings (okta 4.20, okta/config.go and provider.go).
// Okta limits `/api/v1/apps*` to 100 requests a minute on most orgs, in one-minute buckets shared
// with every other integration and the admin console; these defaults back off and leave room for them.
// The provider reads settings with GetOk, which treats false and 0 as "unset": `backoff = false` and
// `max_retries = 0` would silently keep the provider's defaults, so the schema refuses them.

/** okta provider `max_retries`. @default 5 (the provider's; 0 is not "no retries" there) */
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

/** okta provider `backoff`. @default true (the provider cannot turn it off) */
const backoff = z
  .literal(true, { message: "The okta provider treats false as unset and backs off anyway: remove backoff." })
  .default(true)
  .meta({
    description:
      "okta provider backoff: exponential back-off on HTTP 429. Default true, and only true: the provider ignores false.",
  });

/** okta provider `min_wait_seconds`. @default 30 (the provider's: the next retry lands in the next one-minute bucket) */
const minWaitSeconds = z.number().int().min(1).max(300).default(30).meta({
  description:
    "okta provider min_wait_seconds: first wait after a rate-limited request, doubled on each retry. Default 30, the provider's: half of Okta's one-minute bucket.",
});

/** okta provider `max_wait_seconds`. @default 300 (the provider's) */
const maxWaitSeconds = z.number().int().min(1).max(3600).default(300).meta({
  description: "okta provider max_wait_seconds: longest single wait between retries. Default 300, the provider's.",
});

/** okta provider `max_api_capacity`. @default 50 (half of each bucket stays with the org's other clients) */
const maxApiCapacity = z.number().int().min(1).max(100).default(50).meta({
  description:
    "okta provider max_api_capacity: percentage (1-100) of each rate-limit bucket the provider may use before it waits for the next minute; below 100 the provider counts its calls per endpoint. Default 50: the other half stays with the org's other integrations and admins (the provider's own default, 100, takes it all).",
});

/** okta provider `parallelism`. @default 1 (the provider's; unused by okta 4.20 resources) */
const parallelism = z.number().int().min(1).max(20).default(1).meta({
  description:
    "okta provider parallelism: concurrent requests within one resource where Okta has no bulk API. Default 1, the provider's. okta 4.20 reads it but no resource uses it; terraform -parallelism bounds concurrency across resources.",
});

/** `okta.provider` in the config: passed as is to the okta provider block. */
export const oktaProviderSettingsSchema = z
  .strictObject({ maxRetries, backoff, minWaitSeconds, maxWaitSeconds, maxApiCapacity, parallelism })
  .superRefine((s, ctx) => {
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

export type OktaProviderSettings = z.output<typeof oktaProviderSettingsSchema>;
