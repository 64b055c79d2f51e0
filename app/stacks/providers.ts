import { Construct } from "constructs";
import { OktaProvider } from "@cdktf/provider-okta/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { Config } from "../config/schema";
import { OktaV6Provider } from "../../src/okta/push-group";

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
  // The config already refuses backoff = false and maxRetries = 0, which okta 6.x reads as unset too.
  return new OktaV6Provider(scope, "okta", {
    orgName: config.okta.orgName,
    baseUrl: config.okta.baseUrl,
    ...config.okta.provider,
  });
}
