import { Construct } from "constructs";
import { AppSaml } from "@cdktf/provider-okta/lib/app-saml";
import { AppGroupAssignments } from "@cdktf/provider-okta/lib/app-group-assignments";
import { parseOrThrow } from "../private/validation";
import { IScimApp, ScimAppProps, ScimCatalogApp, ScimProvisioning } from "./scim-app";
import { scimAppPropsSchema } from "./private/scim-app-schema";
import { ImportedScimApp, scimAppResources } from "./private/scim-app-resources";

/**
 * The Okta "SCIM 2.0 Test App (Header Auth)" that provisions users and pushes groups to Cloudflare
 * Access, fed the login method's SCIM Endpoint (Base URL) and SCIM Secret (API Token). "This is
 * technically a SAML app but is responsible for sending user and group info via SCIM provisioning."
 * Seed: "2. Configure SCIM in Okta", steps 1-6 (the app) and 14 (Assignments); steps 7-13 and 15 are a
 * person's (the runbook's). Creates the app (icons hidden, no automatic login) and its group
 * assignments; provisioning and pushed groups are declared for the runbook.
 */
export class AccessScimApp extends Construct implements IScimApp {
  /** An Access SCIM app made elsewhere (by hand, or another stack), e.g. for PushGroups. */
  public static fromScimAppId(scope: Construct, id: string, scimAppId: string): IScimApp {
    return new ImportedScimApp(scope, id, scimAppId, ScimCatalogApp.HEADER_AUTH);
  }

  /** The `okta_app_saml` resource. */
  public readonly app: AppSaml;
  /** The `okta_app_group_assignments` resource. */
  public readonly assignments: AppGroupAssignments;
  public readonly scimAppId: string;
  public readonly catalogApp: ScimCatalogApp = ScimCatalogApp.HEADER_AUTH;
  /** The app's page in the Okta admin console. */
  public readonly adminUrl: string;
  /** App name in Okta. */
  public readonly label: string;
  /** SCIM base URL to enter in Okta. */
  public readonly baseUrl: string;
  /** Assigned group names. */
  public readonly assignedGroups: string[];
  /** Group names to push. */
  public readonly pushGroups: string[];
  /** Provisioning > To App settings a person must set, defaults applied. */
  public readonly provisioning: ScimProvisioning;

  constructor(scope: Construct, id: string, props: ScimAppProps) {
    super(scope, id);
    const p = parseOrThrow(scimAppPropsSchema, props, id);
    const r = scimAppResources(this, p, this.catalogApp);
    [this.app, this.assignments, this.adminUrl, this.label] = [r.app, r.assignments, r.adminUrl, r.label];
    [this.pushGroups, this.provisioning] = [r.pushGroups, r.provisioning];
    [this.scimAppId, this.baseUrl, this.assignedGroups] = [r.app.id, p.baseUrl, p.assignedGroups];
  }
}
