import { Construct, IConstruct } from "constructs";
import { AppSaml } from "@cdktf/provider-okta/lib/app-saml";
import { AppGroupAssignments } from "@cdktf/provider-okta/lib/app-group-assignments";
import { parseOrThrow } from "../private/validation";
import { terraformLiterals } from "../private/terraform-literal";
import { IOktaGroups } from "./groups";
import { OktaOrg } from "./org";
import { ScimCatalogApp } from "./scim-catalog-app";
import { assignGroups } from "./private/group-assignments";
import { oktaAdminAppUrl } from "./private/org-urls";
import { importedScimAppSchema, scimAppPropsSchema } from "./private/scim-app-schema";
import { SCIM_CATALOG, scimProvisioning, scimUserNameTemplate } from "./private/scim-catalog";

/**
 * Provisioning > To App settings of a SCIM app. No Okta API sets them for the SCIM 2.0 Test Apps,
 * so they are declared here and turned into a person's steps (see the runbook).
 */
export interface ScimProvisioning {
  /**
   * Create Users.
   * @default true
   */
  readonly createUsers?: boolean;
  /**
   * Update User Attributes. The OAuth Bearer Token app (dashboard SCIM) refuses `true`.
   * @default - on for Access SCIM; off for dashboard SCIM, which does not support profile updates
   */
  readonly updateUserAttributes?: boolean;
  /**
   * Deactivate Users.
   * @default true
   */
  readonly deactivateUsers?: boolean;
  /**
   * Import Groups (Configure API Integration).
   * @default - off for dashboard SCIM ("Deselect Import Groups"); Access SCIM leaves it as Okta has it
   */
  readonly importGroups?: boolean;
}

/**
 * Props of {@link ScimApp}: which catalog app, name, assignments, pushed groups, provisioning.
 * With `ScimCatalogApp.OAUTH_BEARER_TOKEN` (dashboard SCIM) the pushed groups become Cloudflare User
 * Groups (Manage Account > Members > User Groups), so `pushGroups` must not be empty nor hold a name
 * starting with "CF", and `provisioning.updateUserAttributes` cannot be turned on.
 */
export interface ScimAppProps {
  /**
   * Which catalog app: `HEADER_AUTH` for Access SCIM, `OAUTH_BEARER_TOKEN` for dashboard SCIM.
   * It picks the defaults below and, for dashboard SCIM, the rules above.
   */
  readonly catalogApp: ScimCatalogApp;
  /** The Okta org the app lives in (used for admin links). */
  readonly okta: OktaOrg;
  /**
   * App name shown in Okta (seed: "name your application").
   * @default - "Cloudflare Access SCIM" (HEADER_AUTH) or "Cloudflare Dashboard SCIM" (OAUTH_BEARER_TOKEN)
   */
  readonly label?: string;
  /** Groups whose members are provisioned (seed: "In the Assignments tab, add the users ... by assigning a group"). */
  readonly assignedGroups: string[];
  /**
   * Groups pushed to Cloudflare (seed: "In the Push Groups tab, add the Okta groups"); each must be assigned.
   * @default - the assigned groups
   */
  readonly pushGroups?: string[];
  /** Resolves group names to IDs. */
  readonly groups: IOktaGroups;
  /**
   * What a person enters under Provisioning > Configure API Integration: "Base URL" (Access: the SCIM
   * Endpoint from Zero Trust) or "SCIM 2.0 Base URL" (dashboard:
   * `https://api.cloudflare.com/client/v4/accounts/<id>/scim/v2`). Okta has no API for it: see the runbook.
   */
  readonly baseUrl: string;
  /**
   * Provisioning > To App settings, each over the catalog app's default.
   * @default - what the seed enables for this catalog app (see ScimCatalogApp)
   */
  readonly provisioning?: ScimProvisioning;
  /**
   * Hide the app's icon from users on the web and in the Okta Mobile App: it signs nobody in (seed:
   * "Do not display application icon to users", "Do not display application icon in the Okta Mobile App").
   * @default true
   */
  readonly hideIcons?: boolean;
  /**
   * Refuse to destroy the app: a new one starts without provisioning, which a person must set up
   * again (base URL, token, To App settings, pushed groups; see the runbook).
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * An Okta SCIM 2.0 Test App that provisions Cloudflare: one made here ({@link ScimApp}) or one made
 * elsewhere, imported with `ScimApp.fromScimAppId`.
 */
export interface IScimApp extends IConstruct {
  /** The Okta app ID. */
  readonly scimAppId: string;
  /** The catalog app it is. */
  readonly catalogApp: ScimCatalogApp;
}

/**
 * An Okta "SCIM 2.0 Test App" from the catalog that provisions Cloudflare: a SAML app whose only job is
 * SCIM provisioning ("technically a SAML app but is responsible for sending user and group info via
 * SCIM provisioning"), with its group assignments; icons hidden, no automatic login.
 *
 * - `ScimCatalogApp.HEADER_AUTH`, "SCIM 2.0 Test App (Header Auth)": provisions users and pushes groups
 *   to Cloudflare Access, fed the login method's SCIM Endpoint (Base URL) and SCIM Secret (API Token).
 *   Seed: "2. Configure SCIM in Okta", steps 1-6 (the app) and 14 (Assignments); steps 7-13 and 15 are
 *   a person's (the runbook's).
 * - `ScimCatalogApp.OAUTH_BEARER_TOKEN`, "SCIM 2.0 Test App (OAuth Bearer Token)": creates and
 *   deactivates Cloudflare dashboard members and pushes groups (seed: "Provision with Okta"). Assigned
 *   users become account members with Minimal Account Access; unassigning or deactivating one in Okta
 *   (`active: false`) removes the member. Keep at least one Super Administrator outside these groups.
 *
 * No Okta API configures these apps' provisioning, so a person enters the base URL (also in the app's
 * admin note) and the token (the login method's SCIM secret, or DashboardScimToken.tokenValue; never
 * written here), sets the To App settings and pushes the groups: `provisioning` and `pushGroups`
 * declare those steps for the runbook.
 */
export class ScimApp extends Construct implements IScimApp {
  /** A SCIM app made elsewhere (by hand, or another stack), e.g. for PushGroups. */
  public static fromScimAppId(scope: Construct, id: string, scimAppId: string, catalogApp: ScimCatalogApp): IScimApp {
    return new ImportedScimApp(scope, id, scimAppId, catalogApp);
  }

  /** The `okta_app_saml` resource. */
  public readonly app: AppSaml;
  /** The `okta_app_group_assignments` resource. */
  public readonly assignments: AppGroupAssignments;
  public readonly scimAppId: string;
  public readonly catalogApp: ScimCatalogApp;
  /** The app's page in the Okta admin console. */
  public readonly adminUrl: string;
  /** App name in Okta. */
  public readonly label: string;
  /** SCIM base URL to enter in Okta. */
  public readonly baseUrl: string;
  /** Assigned group names: their members are provisioned (for dashboard SCIM, as account members). */
  public readonly assignedGroups: string[];
  /** Group names to push (for dashboard SCIM, they become Cloudflare User Groups). */
  public readonly pushGroups: string[];
  /** Provisioning > To App settings a person must set, defaults applied. */
  public readonly provisioning: ScimProvisioning;

  constructor(scope: Construct, id: string, props: ScimAppProps) {
    super(scope, id);
    const p = parseOrThrow(scimAppPropsSchema, props, id);
    const hide = p.hideIcons ?? true;
    this.catalogApp = p.catalogApp;
    this.label = p.label ?? SCIM_CATALOG[p.catalogApp].defaultLabel;
    this.app = new AppSaml(
      this,
      "app",
      terraformLiterals({
        label: this.label,
        preconfiguredApp: p.catalogApp,
        hideWeb: hide,
        hideIos: hide,
        autoSubmitToolbar: false,
        userNameTemplate: scimUserNameTemplate,
        userNameTemplateType: "BUILT_IN",
        adminNote: `SCIM base URL: ${p.baseUrl}. Provisioning is set by hand: run npm run runbook.`,
        lifecycle: { preventDestroy: p.preventDestroy ?? true },
      }),
    );
    this.assignments = assignGroups(this, this.app.id, p.assignedGroups, p.groups);
    this.scimAppId = this.app.id;
    this.adminUrl = oktaAdminAppUrl(p.okta, p.catalogApp, this.app.id);
    this.baseUrl = p.baseUrl;
    this.assignedGroups = p.assignedGroups;
    this.pushGroups = p.pushGroups ?? p.assignedGroups;
    this.provisioning = scimProvisioning(p.catalogApp, p.provisioning);
  }
}

class ImportedScimApp extends Construct implements IScimApp {
  public readonly scimAppId: string;
  public readonly catalogApp: ScimCatalogApp;

  constructor(scope: Construct, id: string, scimAppId: string, catalogApp: ScimCatalogApp) {
    super(scope, id);
    ({ scimAppId: this.scimAppId, catalogApp: this.catalogApp } = parseOrThrow(
      importedScimAppSchema,
      { scimAppId, catalogApp },
      id,
    ));
  }
}
