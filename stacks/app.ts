import { Construct } from "constructs";
import { Config } from "../src/config/schema";
import { CloudflareAccessStack } from "./cloudflare-access-stack";
import { OktaAccessOidcStack } from "./okta-access-oidc-stack";
import { OktaAccessScimStack } from "./okta-access-scim-stack";
import { addPushGroupsStack, OktaPushGroupsStack } from "./okta-push-groups-stack";
import { addRunbookOutputs } from "./runbook";

/** The stacks of one config, wired so `cdktf deploy '*'` runs them in dependency order. */
export interface ProjectStacks {
  readonly oktaAccessOidc: OktaAccessOidcStack;
  readonly cloudflareAccess: CloudflareAccessStack;
  readonly oktaAccessScim?: OktaAccessScimStack;
  /** Only once a person has configured the SCIM app's provisioning (`provisioningConfigured`). */
  readonly oktaAccessPushGroups?: OktaPushGroupsStack;
}

export function buildStacks(app: Construct, config: Config): ProjectStacks {
  const oktaAccessOidc = new OktaAccessOidcStack(app, "okta-access-oidc", config);
  const cloudflareAccess = new CloudflareAccessStack(app, "cloudflare-access", config, oktaAccessOidc);
  const scim = config.accessLogin.scim;
  const oktaAccessScim =
    scim?.enabled !== false && scim
      ? new OktaAccessScimStack(app, "okta-access-scim", config, scim, oktaAccessOidc, cloudflareAccess)
      : undefined;
  const oktaAccessPushGroups =
    oktaAccessScim && scim?.provisioningConfigured
      ? addPushGroupsStack(app, "okta-access-push-groups", config, oktaAccessScim.scimApp, oktaAccessOidc.groups)
      : undefined;
  // Last: the runbook reads every stack above.
  addRunbookOutputs(app, config);
  return { oktaAccessOidc, cloudflareAccess, oktaAccessScim, oktaAccessPushGroups };
}
