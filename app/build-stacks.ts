import { Construct } from "constructs";
import { stackIds } from "./stack-ids";
import { accessScim, Config } from "./config/schema";
import { CloudflareAccessPoliciesStack } from "./stacks/cloudflare-access-policies-stack";
import { CloudflareAccessStack } from "./stacks/cloudflare-access-stack";
import { CloudflareDashboardScimStack, DashboardScim } from "./stacks/cloudflare-dashboard-scim-stack";
import { OktaAccessOidcStack } from "./stacks/okta-access-oidc-stack";
import { OktaAccessScimStack } from "./stacks/okta-access-scim-stack";
import { OktaDashboardScimStack } from "./stacks/okta-dashboard-scim-stack";
import { addPushGroupsStack, OktaPushGroupsStack } from "./stacks/okta-push-groups-stack";
import { addRunbookOutputs } from "./runbook/runbook-outputs";

/** The stacks of one config, wired so `cdktf deploy '*'` runs them in dependency order. */
export interface ProjectStacks {
  readonly oktaAccessOidc: OktaAccessOidcStack;
  readonly cloudflareAccess: CloudflareAccessStack;
  readonly oktaAccessScim?: OktaAccessScimStack;
  /** Only with Access SCIM on: Access groups match pushed groups, so with SCIM off it would stay empty. */
  readonly cloudflareAccessPolicies?: CloudflareAccessPoliciesStack;
  /** Only once a person has configured the SCIM app's provisioning (`provisioningConfigured`). */
  readonly oktaAccessPushGroups?: OktaPushGroupsStack;
  readonly cloudflareDashboardScim?: CloudflareDashboardScimStack;
  readonly oktaDashboardScim?: OktaDashboardScimStack;
  /** Only once a person has configured the SCIM app's provisioning (`provisioningConfigured`). */
  readonly oktaDashboardPushGroups?: OktaPushGroupsStack;
}

export function buildStacks(app: Construct, config: Config): ProjectStacks {
  const oktaAccessOidc = new OktaAccessOidcStack(app, stackIds.oktaAccessOidc, config);
  const cloudflareAccess = new CloudflareAccessStack(app, stackIds.cloudflareAccess, config, oktaAccessOidc);
  const scim = accessScim(config);
  const oktaAccessScim = scim
    ? new OktaAccessScimStack(app, stackIds.oktaAccessScim, config, scim, oktaAccessOidc, cloudflareAccess)
    : undefined;
  const cloudflareAccessPolicies = scim
    ? new CloudflareAccessPoliciesStack(app, stackIds.cloudflareAccessPolicies, config, cloudflareAccess)
    : undefined;
  const oktaAccessPushGroups =
    oktaAccessScim && scim?.provisioningConfigured
      ? addPushGroupsStack(app, stackIds.oktaAccessPushGroups, config, oktaAccessScim.scimApp, oktaAccessOidc.groups, {
          appId: config.existing?.accessScimAppId,
          mappingIds: config.existing?.accessPushMappingIds,
        })
      : undefined;
  const dashboard = config.dashboardScim?.enabled ? dashboardScimStacks(app, config, config.dashboardScim) : {};
  // Last: the runbook reads every stack above.
  addRunbookOutputs(app, config);
  return {
    oktaAccessOidc,
    cloudflareAccess,
    oktaAccessScim,
    cloudflareAccessPolicies,
    oktaAccessPushGroups,
    ...dashboard,
  };
}

/** Dashboard SCIM stands apart from Access: its own token, app and group lookup. */
function dashboardScimStacks(app: Construct, config: Config, dashboard: DashboardScim) {
  const cloudflareDashboardScim = new CloudflareDashboardScimStack(
    app,
    stackIds.cloudflareDashboardScim,
    config,
    dashboard,
  );
  const oktaDashboardScim = new OktaDashboardScimStack(
    app,
    stackIds.oktaDashboardScim,
    config,
    dashboard,
    cloudflareDashboardScim,
  );
  const oktaDashboardPushGroups = dashboard.provisioningConfigured
    ? addPushGroupsStack(
        app,
        stackIds.oktaDashboardPushGroups,
        config,
        oktaDashboardScim.scimApp,
        oktaDashboardScim.groups,
        {
          appId: config.existing?.dashboardScimAppId,
          mappingIds: config.existing?.dashboardPushMappingIds,
        },
      )
    : undefined;
  return { cloudflareDashboardScim, oktaDashboardScim, oktaDashboardPushGroups };
}
