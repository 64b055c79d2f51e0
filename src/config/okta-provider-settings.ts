import { z } from "zod";

/**
 * The okta provider's retry and rate-limit settings. Okta limits `/api/v1/apps*` to 100 requests a
 * minute on most orgs, shared with every other integration; these defaults back off instead of failing.
 */
export const oktaProviderSettingsSchema = z.strictObject({
  maxRetries: z.number().int().min(0).max(100).default(5),
  backoff: z.boolean().default(true),
  minWaitSeconds: z.number().int().min(1).default(30),
  maxWaitSeconds: z.number().int().min(1).default(300),
  maxApiCapacity: z.number().int().min(1).max(100).default(50),
  parallelism: z.number().int().min(1).max(20).default(1),
});

export type OktaProviderSettings = z.output<typeof oktaProviderSettingsSchema>;
