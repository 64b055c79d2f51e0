import { Construct } from "constructs";
import { AppSaml } from "@cdktf/provider-okta/lib/app-saml";
import { AppGroupAssignments } from "@cdktf/provider-okta/lib/app-group-assignments";
import * as z from "zod";
import { parseOrThrow } from "../private/validation";
import { assignedGroupsSchema } from "./access-oidc-app";
import { groupNameSchema, IOktaGroupResolver } from "./groups";
import { OktaOrg, oktaAdminAppUrl, oktaOrgSchema } from "./org";
import { assignGroups } from "./private/group-assignments";
import { terraformLiterals } from "../private/terraform-literal";

/**
 * Provisioning > To App settings of a SCIM app. No Okta API sets them for the SCIM 2.0 Test Apps,
 * so they are declared here and turned into a person's steps (see the runbook).
 */
export interface ScimProvisioning {
  /** Create Users. */
  readonly createUsers: boolean;
  /** Update User Attributes. */
  readonly updateUserAttributes: boolean;
  /** Deactivate Users. */
  readonly deactivateUsers: boolean;
  /**
   * Import Groups (Configure API Integration); `undefined` when the seed says nothing of it.
   * @default - the app kind's choice: off for dashboard SCIM ("Deselect Import Groups"), unset for Access SCIM
   */
  readonly importGroups?: boolean;
}

export const scimProvisioningSchema = z.strictObject({
  createUsers: z.boolean().optional(),
  updateUserAttributes: z.boolean().optional(),
  deactivateUsers: z.boolean().optional(),
  importGroups: z.boolean().optional(),
});

/** Push groups must be assigned: Okta only pushes groups whose members it provisions. */
export function pushGroupsOutsideAssigned(assigned: readonly string[], push: readonly string[]): string[] {
  return push.filter((g) => !assigned.includes(g));
}

/** The zod refinement of that rule, shared by construct props and the config file. */
export function checkPushGroupsAssigned(
  p: { assignedGroups: string[]; pushGroups?: string[] },
  ctx: z.RefinementCtx,
): void {
  const outside = pushGroupsOutsideAssigned(p.assignedGroups, p.pushGroups ?? []);
  if (outside.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["pushGroups"],
      message: `Push groups must also be assigned groups: add ${outside.map((g) => `"${g}"`).join(", ")} to assignedGroups or remove it from pushGroups.`,
    });
  }
}

export const scimAppPropsSchema = z
  .strictObject({
    okta: oktaOrgSchema,
    label: z.string().min(1).optional(),
    assignedGroups: assignedGroupsSchema,
    pushGroups: z.array(groupNameSchema).optional(),
    groups: z.custom<IOktaGroupResolver>((v) => typeof (v as IOktaGroupResolver)?.idOf === "function", {
      message: "Pass an OktaGroups (or any object with idOf(name)).",
    }),
    baseUrl: z.string().min(1),
    provisioning: scimProvisioningSchema.optional(),
    hideIcons: z.boolean().optional(),
    preventDestroy: z.boolean().optional(),
  })
  .superRefine(checkPushGroupsAssigned);

/** Props of the SCIM 2.0 Test Apps ({@link AccessScimApp}): name, assignments, pushed groups, provisioning. */
export interface ScimAppProps {
  /** The Okta org the app lives in (used for admin links). */
  readonly okta: OktaOrg;
  /**
   * App name shown in Okta (seed: "name your application").
   * @default - "Cloudflare Access SCIM" or "Cloudflare Dashboard SCIM"
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
  readonly groups: IOktaGroupResolver;
  /**
   * What a person enters under Provisioning > Configure API Integration: "Base URL" (Access: the SCIM
   * Endpoint from Zero Trust) or "SCIM 2.0 Base URL" (dashboard). Okta has no API for it: see the runbook.
   */
  readonly baseUrl: string;
  /**
   * Provisioning > To App settings, over the app's defaults.
   * @default - what the seed enables for this app
   */
  readonly provisioning?: Partial<ScimProvisioning>;
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
 * The app's "Application username format" (Sign On tab): Email. SCIM `userName` must be the user's
 * email, and the provider's default (`${source.login}`) would revert a person's change on each
 * deploy. Written as Okta's template; terraformLiteral escapes it (`$${`), so it reaches Okta as written.
 */
export const scimUserNameTemplate = "${source.email}";

/** Which catalog app and what the seed asks of it. */
export interface ScimAppKind {
  /** Okta catalog name (`preconfigured_app`). */
  readonly preconfiguredApp: string;
  /** The app's name in the Okta catalog, for people. */
  readonly catalogName: string;
  /** App name in Okta when the props give no `label`. */
  readonly defaultLabel: string;
  /** Provisioning > To App settings the seed asks for with this app. */
  readonly defaultProvisioning: ScimProvisioning;
}

/**
 * An Okta "SCIM 2.0 Test App" from the catalog: a SAML app whose only job is SCIM provisioning.
 * Creates the app and its group assignments; provisioning and pushed groups are declared for the runbook.
 */
export class ScimApp extends Construct {
  /** The `okta_app_saml` resource. */
  public readonly app: AppSaml;
  /** The `okta_app_group_assignments` resource. */
  public readonly assignments: AppGroupAssignments;
  /** Okta app ID. */
  public readonly appId: string;
  /** The app's page in the Okta admin console. */
  public readonly adminUrl: string;
  /** App name in Okta. */
  public readonly label: string;
  /** The catalog app this is. */
  public readonly kind: ScimAppKind;
  /** SCIM base URL to enter in Okta. */
  public readonly baseUrl: string;
  /** Assigned group names. */
  public readonly assignedGroups: string[];
  /** Group names to push. */
  public readonly pushGroups: string[];
  /** Provisioning > To App settings a person must set. */
  public readonly provisioning: ScimProvisioning;

  constructor(scope: Construct, id: string, props: ScimAppProps, kind: ScimAppKind) {
    super(scope, id);
    const p = parseOrThrow(scimAppPropsSchema, props, id);
    this.kind = kind;
    this.label = p.label ?? kind.defaultLabel;
    this.baseUrl = p.baseUrl;
    this.assignedGroups = p.assignedGroups;
    this.pushGroups = p.pushGroups ?? p.assignedGroups;
    this.provisioning = { ...kind.defaultProvisioning, ...stripUndefined(p.provisioning ?? {}) };
    const hide = p.hideIcons ?? true;
    this.app = new AppSaml(
      this,
      "app",
      terraformLiterals({
        label: this.label,
        preconfiguredApp: kind.preconfiguredApp,
        hideWeb: hide,
        hideIos: hide,
        autoSubmitToolbar: false,
        userNameTemplate: scimUserNameTemplate,
        userNameTemplateType: "BUILT_IN",
        adminNote: `SCIM base URL: ${p.baseUrl}. Provisioning is set by hand: run npm run runbook.`,
        lifecycle: { preventDestroy: p.preventDestroy ?? true },
      }),
    );
    this.assignments = assignGroups(this, this.app.id, this.assignedGroups, p.groups);
    this.appId = this.app.id;
    this.adminUrl = oktaAdminAppUrl(p.okta, kind.preconfiguredApp, this.app.id);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** "SCIM 2.0 Test App (Header Auth)": Access SCIM (seed: "2. Configure SCIM in Okta"). */
export const headerAuthScimApp: ScimAppKind = {
  preconfiguredApp: "scim2headerauth",
  catalogName: "SCIM 2.0 Test App (Header Auth)",
  defaultLabel: "Cloudflare Access SCIM",
  defaultProvisioning: { createUsers: true, updateUserAttributes: true, deactivateUsers: true },
};

/**
 * The Okta "SCIM 2.0 Test App (Header Auth)" that provisions users and pushes groups to Cloudflare
 * Access, fed the login method's SCIM Endpoint (Base URL) and SCIM Secret (API Token). "This is
 * technically a SAML app but is responsible for sending user and group info via SCIM provisioning."
 * Seed: "2. Configure SCIM in Okta", steps 1-6 (the app) and 14 (Assignments); steps 7-13 and 15 are a
 * person's (the runbook's).
 */
export class AccessScimApp extends ScimApp {
  constructor(scope: Construct, id: string, props: ScimAppProps) {
    super(scope, id, props, headerAuthScimApp);
  }
}

/** "SCIM 2.0 Test App (OAuth Bearer Token)": dashboard SCIM. Cloudflare does not support profile updates. */
export const oauthBearerScimApp: ScimAppKind = {
  preconfiguredApp: "scim2testapp",
  catalogName: "SCIM 2.0 Test App (OAuth Bearer Token)",
  defaultLabel: "Cloudflare Dashboard SCIM",
  defaultProvisioning: { createUsers: true, updateUserAttributes: false, deactivateUsers: true, importGroups: false },
};
