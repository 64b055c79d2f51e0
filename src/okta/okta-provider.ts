// Hand-written binding of the okta provider block at the version that has okta_push_group.
// @cdktf/provider-okta 14.1.1 is generated from okta provider 4.20.0 and its OktaProvider pins
// required_providers.okta to "4.20.0"; cdktf is archived, so a newer prebuilt package is unlikely.
import type { Construct } from "constructs";
import * as z from "zod";
import { TerraformProvider, Token } from "../cdktf";
import { tokenOr } from "../private/validation";
import { Attributes, check, toHcl, toJson } from "./private/terraform-attributes";

/**
 * okta/okta releases the hand-written bindings are written against. okta_push_group arrived in 6.6.0,
 * but `app_config.type` (needed to push to Active Directory) only in 6.11.0. `~>` keeps out 7.x, a
 * major release free to change the schema.
 */
export const PUSH_GROUP_PROVIDER_VERSION = "~> 6.11";

/** Generator metadata of the hand-written okta bindings. */
export const oktaBindingMetadata = { providerName: "okta", providerVersionConstraint: PUSH_GROUP_PROVIDER_VERSION };

// The provider's retry and rate-limit settings (okta/config.go and provider.go, 4.20 and 6.x alike).
// Okta limits `/api/v1/apps*` to 100 requests a minute on most orgs, in one-minute buckets shared
// with every other integration and the admin console; these defaults back off and leave room for them.
// The provider reads settings with GetOk, which treats false and 0 as "unset": `backoff = false` and
// `max_retries = 0` would silently keep the provider's defaults, so the schema refuses them.
// This schema validates and defaults them for OktaProvider and for the app's config (`okta.provider`).

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

const connectionSchema = z.object({
  orgName: tokenOr(
    (v) => /^[A-Za-z0-9-]+$/.test(v),
    'Use the subdomain only, e.g. "dev-123456" for dev-123456.okta.com; the domain goes in baseUrl.',
  ).optional(),
  baseUrl: tokenOr(
    (v) => /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v),
    'Use the domain only, without scheme, org or path, e.g. "okta.com" or "oktapreview.com".',
  ).optional(),
  alias: tokenOr(
    (v) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(v),
    "Use a Terraform name: a letter or underscore, then letters, digits, underscores or hyphens.",
  ).optional(),
});

/**
 * Settings of the okta provider block. Credentials are deliberately not props: the provider reads
 * OKTA_API_TOKEN (or OKTA_ACCESS_TOKEN, or OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY + OKTA_API_SCOPES)
 * from the environment, which keeps them out of cdktf.out and Terraform state.
 */
export interface OktaProviderConfig {
  /**
   * The org's subdomain: "dev-123456" for dev-123456.okta.com.
   * @default OKTA_ORG_NAME from the environment
   */
  readonly orgName?: string;
  /**
   * The org's domain without the subdomain: "okta.com", "oktapreview.com", "okta-emea.com".
   * @default OKTA_BASE_URL from the environment
   */
  readonly baseUrl?: string;
  /**
   * Retry rate-limited requests with exponential back-off. Only `true` is accepted: the provider
   * ignores `false` and backs off anyway.
   * @default true
   */
  readonly backoff?: boolean;
  /**
   * First wait, in whole seconds (1 to 300), after a rate-limited request; doubled on each retry.
   * @default 30 (half of Okta's one-minute rate-limit bucket)
   */
  readonly minWaitSeconds?: number;
  /**
   * Longest single wait between retries, in whole seconds (1 to 3600), no shorter than `minWaitSeconds`.
   * @default 300
   */
  readonly maxWaitSeconds?: number;
  /**
   * Retries before an API call fails, 1 to 100 (the provider reads 0 as unset).
   * @default 5
   */
  readonly maxRetries?: number;
  /**
   * Percentage (1 to 100) of each one-minute Okta rate-limit bucket this provider may use; the rest
   * stays with the org's other API clients and admins.
   * @default 50 (the provider's own default, 100, takes the whole bucket)
   */
  readonly maxApiCapacity?: number;
  /**
   * Concurrent requests (1 to 20) within one resource where Okta has no bulk API.
   * @default 1
   */
  readonly parallelism?: number;
  /**
   * Alias for an additional okta provider block (e.g. a second org); pass the instance as `provider`.
   * @default - none: the default okta provider
   */
  readonly alias?: string;
}

/**
 * The okta provider block at okta/okta ~> 6.11, needed by any stack with a PushGroup (seed step: "In
 * the Push Groups tab"). It replaces the OktaProvider of `@cdktf/provider-okta` there: Terraform runs
 * one okta version per configuration, so the stack's other okta resources (4.20 bindings) run on 6.x too.
 * The retry and rate-limit settings are validated and defaulted here (see {@link OktaProviderConfig}).
 */
export class OktaProvider extends TerraformProvider {
  private readonly props: OktaProviderConfig;
  private aliasName?: string;

  constructor(scope: Construct, id: string, config: OktaProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: "okta",
      terraformGeneratorMetadata: oktaBindingMetadata,
      terraformProviderSource: "okta/okta",
    });
    check(connectionSchema, config, this.node.path);
    this.props = { ...config, ...settingsInEffect(config, this.node.path) };
    this.aliasName = config.alias;
  }

  // TerraformProvider's own accessors ignore the alias; overriding them is how it reaches the provider block.
  /** The provider alias, when this is an additional okta provider block. */
  public override get alias(): string | undefined {
    return this.aliasName;
  }

  public override set alias(value: string | undefined) {
    this.aliasName = value;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return toJson(this.attributes());
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return toHcl(this.attributes());
  }

  private attributes(): Attributes {
    const p = this.props;
    return {
      org_name: [p.orgName, "string"],
      base_url: [p.baseUrl, "string"],
      backoff: [p.backoff, "boolean"],
      min_wait_seconds: [p.minWaitSeconds, "number"],
      max_wait_seconds: [p.maxWaitSeconds, "number"],
      max_retries: [p.maxRetries, "number"],
      max_api_capacity: [p.maxApiCapacity, "number"],
      parallelism: [p.parallelism, "number"],
    };
  }
}

/** The settings validated, defaults applied; unresolved tokens pass unchecked, to Terraform. */
function settingsInEffect(config: OktaProviderConfig, path: string): OktaProviderSettings {
  const given = Object.entries(config).filter(
    ([k, v]) => (SETTINGS as readonly string[]).includes(k) && v !== undefined,
  );
  const tokens = Object.fromEntries(given.filter(([, v]) => Token.isUnresolved(v)));
  const literals = Object.fromEntries(given.filter(([, v]) => !Token.isUnresolved(v)));
  check(oktaProviderSettingsSchema, literals, path);
  return { ...oktaProviderSettingsSchema.parse(literals), ...tokens };
}
