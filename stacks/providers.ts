import { Construct } from "constructs";
import { OktaProvider } from "@cdktf/provider-okta/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { Config } from "../src/config/schema";

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
