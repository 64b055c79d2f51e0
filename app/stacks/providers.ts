import { Construct } from "constructs";
import { OktaProvider as OktaProvider420 } from "@cdktf/provider-okta/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { Config } from "../config/schema";
import { OktaProvider } from "../../src/okta/okta-provider";
import { oktaBaseUrl } from "../../src/okta/private/org-urls";

/**
 * The okta provider (the generated 4.20 binding) with the org and retry settings, the latter
 * validated and defaulted by the library's schema as the config was parsed; OKTA_API_TOKEN (or
 * the OAuth variables) comes from the environment, never the config. The groups claim needs an
 * API token: see the README.
 */
export function oktaProvider(scope: Construct, config: Config): OktaProvider420 {
  return new OktaProvider420(scope, "okta", oktaProviderArguments(config));
}

/** The cloudflare provider; CLOUDFLARE_API_TOKEN comes from the environment. */
export function cloudflareProvider(scope: Construct): CloudflareProvider {
  return new CloudflareProvider(scope, "cloudflare", {});
}

/**
 * The okta provider at the version that has okta_push_group, for the push-groups stacks only: the
 * same org and retry settings as {@link oktaProvider}, credentials again from the environment.
 */
export function oktaPushGroupsProvider(scope: Construct, config: Config): OktaProvider {
  return new OktaProvider(scope, "okta", oktaProviderArguments(config));
}

/** The org and the retry and rate-limit settings, alike for both okta provider versions. */
function oktaProviderArguments(config: Config) {
  return { orgName: config.okta.orgName, baseUrl: oktaBaseUrl(config.okta), ...config.okta.provider };
}
