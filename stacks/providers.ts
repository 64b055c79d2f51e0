import { Construct } from "constructs";
import { OktaProvider } from "@cdktf/provider-okta/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { Config } from "../src/config/schema";
import { OktaProviderSettings } from "../src/config/okta-provider-settings";
import { OktaV6Provider, OktaV6ProviderConfig } from "../src/okta/push-group";

/**
 * The okta provider with the org and retry settings; OKTA_API_TOKEN (or the OAuth variables) comes
 * from the environment, never the config. The groups claim needs an API token: see the README.
 */
export function oktaProvider(scope: Construct, config: Config): OktaProvider {
  return new OktaProvider(scope, "okta", {
    orgName: config.okta.orgName,
    baseUrl: config.okta.baseUrl,
    ...config.okta.provider,
  });
}

/** The cloudflare provider; CLOUDFLARE_API_TOKEN comes from the environment. */
export function cloudflareProvider(scope: Construct): CloudflareProvider {
  return new CloudflareProvider(scope, "cloudflare", {});
}

/**
 * The okta provider at the version that has okta_push_group, for the push-groups stacks only: the
 * same org and retry settings as {@link oktaProvider}, credentials again from the environment.
 */
export function oktaV6Provider(scope: Construct, config: Config): OktaV6Provider {
  return new OktaV6Provider(scope, "okta", {
    orgName: config.okta.orgName,
    baseUrl: config.okta.baseUrl,
    ...oktaV6Settings(config.okta.provider),
  });
}

/**
 * The provider reads `backoff = false` and `max_retries = 0` as unset (it backs off and retries 5
 * times anyway) and its binding rejects them as misleading: leave them out, which is what they mean there.
 */
export function oktaV6Settings(s: OktaProviderSettings): Omit<OktaV6ProviderConfig, "orgName" | "baseUrl" | "alias"> {
  return {
    backoff: s.backoff || undefined,
    maxRetries: s.maxRetries || undefined,
    minWaitSeconds: s.minWaitSeconds,
    maxWaitSeconds: s.maxWaitSeconds,
    maxApiCapacity: s.maxApiCapacity,
    parallelism: s.parallelism,
  };
}
