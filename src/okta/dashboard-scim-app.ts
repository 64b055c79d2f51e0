import { Construct } from "constructs";
import { AppSaml } from "@cdktf/provider-okta/lib/app-saml";
import { AppGroupAssignments } from "@cdktf/provider-okta/lib/app-group-assignments";
import { parseOrThrow } from "../private/validation";
import { IScimApp, ScimAppProps, ScimCatalogApp, ScimProvisioning } from "./scim-app";
import { dashboardScimAppPropsSchema } from "./private/dashboard-scim-app-schema";
import { ImportedScimApp, scimAppResources } from "./private/scim-app-resources";

/**
 * The Okta "SCIM 2.0 Test App (OAuth Bearer Token)" that creates and deactivates Cloudflare
 * dashboard members and pushes groups (seed: "Provision with Okta"). Creates the app (icons hidden
 * on the web and in Okta Mobile, no automatic login) and its group assignments. Assigned users
 * become account members with Minimal Account Access; unassigning or deactivating one in Okta
 * (`active: false`) removes the member. Keep at least one Super Administrator outside these groups.
 *
 * No Okta API configures this app's provisioning, so a person enters the SCIM 2.0 Base URL (also
 * in the app's admin note) and the OAuth Bearer Token (DashboardScimToken.tokenValue, never
 * written here), deselects Import Groups, enables Create Users and Deactivate Users, and pushes
 * the groups: `provisioning` and `pushGroups` declare those steps for the runbook.
 */
export class DashboardScimApp extends Construct implements IScimApp {
  /** A dashboard SCIM app made elsewhere (by hand, or another stack), e.g. for PushGroups. */
  public static fromScimAppId(scope: Construct, id: string, scimAppId: string): IScimApp {
    return new ImportedScimApp(scope, id, scimAppId, ScimCatalogApp.OAUTH_BEARER_TOKEN);
  }

  /** The `okta_app_saml` resource. */
  public readonly app: AppSaml;
  /** The `okta_app_group_assignments` resource. */
  public readonly assignments: AppGroupAssignments;
  public readonly scimAppId: string;
  public readonly catalogApp: ScimCatalogApp = ScimCatalogApp.OAUTH_BEARER_TOKEN;
  /** The app's page in the Okta admin console. */
  public readonly adminUrl: string;
  /** App name in Okta. */
  public readonly label: string;
  /** SCIM 2.0 Base URL to enter in Okta: `https://api.cloudflare.com/client/v4/accounts/<id>/scim/v2`. */
  public readonly baseUrl: string;
  /** Assigned group names: their members become account members. */
  public readonly assignedGroups: string[];
  /** Group names to push: they become Cloudflare User Groups. */
  public readonly pushGroups: string[];
  /** Provisioning > To App settings a person must set, defaults applied. */
  public readonly provisioning: ScimProvisioning;

  /**
   * `pushGroups` become Cloudflare User Groups (Manage Account > Members > User Groups): names must not
   * start with "CF", and Cloudflare does not create a group for an empty Okta group.
   * `provisioning.updateUserAttributes` cannot be turned on.
   */
  constructor(scope: Construct, id: string, props: ScimAppProps) {
    super(scope, id);
    const p = parseOrThrow(dashboardScimAppPropsSchema, props, id);
    const r = scimAppResources(this, p, this.catalogApp);
    [this.app, this.assignments, this.adminUrl, this.label] = [r.app, r.assignments, r.adminUrl, r.label];
    [this.pushGroups, this.provisioning] = [r.pushGroups, r.provisioning];
    [this.scimAppId, this.baseUrl, this.assignedGroups] = [r.app.id, p.baseUrl, p.assignedGroups];
  }
}
