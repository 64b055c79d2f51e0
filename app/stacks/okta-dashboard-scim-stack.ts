import { Construct } from "constructs";
import { adoptOktaApp } from "../adopt/adopt";
import { Config, oktaOrg } from "../config/schema";
import { ScimApp } from "../../src/okta/scim-app";
import { ScimCatalogApp } from "../../src/okta/scim-catalog-app";
import { OktaGroups } from "../../src/okta/groups";
import { ProjectStack } from "./project-stack";
import { CloudflareDashboardScimStack, DashboardScim } from "./cloudflare-dashboard-scim-stack";
import { attributeOutput } from "./outputs";
import { oktaProvider } from "./providers";

/**
 * Okta side of dashboard SCIM: the SCIM 2.0 Test App (OAuth Bearer Token) and its assignments.
 * Only the base URL crosses from the Cloudflare stack (into the admin note): no Okta API takes
 * the token, so it stays in the Cloudflare stack's state and its sensitive `token_value` output.
 */
export class OktaDashboardScimStack extends ProjectStack {
  public readonly groups: OktaGroups;
  public readonly scimApp: ScimApp;

  constructor(
    scope: Construct,
    id: string,
    config: Config,
    dashboard: DashboardScim,
    cloudflare: CloudflareDashboardScimStack,
  ) {
    super(scope, id, config);
    oktaProvider(this, config);
    this.groups = new OktaGroups(this, "groups", {
      names: [...dashboard.assignedGroups, ...(dashboard.pushGroups ?? [])],
    });
    this.scimApp = new ScimApp(this, "dashboard-scim-app", {
      catalogApp: ScimCatalogApp.OAUTH_BEARER_TOKEN,
      okta: oktaOrg(config),
      label: dashboard.appLabel,
      assignedGroups: dashboard.assignedGroups,
      pushGroups: dashboard.pushGroups,
      groups: this.groups,
      baseUrl: cloudflare.token.scimBaseUrl,
      provisioning: dashboard.provisioning,
      preventDestroy: dashboard.preventDestroy,
    });
    adoptOktaApp(this.scimApp, config.existing?.dashboardScimAppId);
    attributeOutput(
      this,
      this.scimApp,
      "scimAppId",
      "Okta SCIM 2.0 Test App (OAuth Bearer Token) for the Cloudflare dashboard",
    );
    attributeOutput(this, this.scimApp, "adminUrl", "The dashboard SCIM app in the Okta admin console");
  }
}
