// Hand-written binding of the okta provider block at the version that has okta_push_group.
// @cdktf/provider-okta 14.1.1 is generated from okta provider 4.20.0 and its OktaProvider pins
// required_providers.okta to "4.20.0"; cdktf is archived, so a newer prebuilt package is unlikely.
import type { Construct } from "constructs";
import * as z from "zod";
import { TerraformProvider } from "../cdktf";
import { tokenOr } from "../private/validation";
import { oktaBindingMetadata } from "./private/okta-provider-version";
import { settingsInEffect } from "./private/okta-provider-settings";
import { Attributes, check, toHcl, toJson } from "./private/terraform-attributes";

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
