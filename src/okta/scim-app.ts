import { IConstruct } from "constructs";
import * as z from "zod";
import { assignedGroupsSchema } from "./access-oidc-app";
import { groupNameSchema, IOktaGroups, oktaGroupsSchema } from "./groups";
import { OktaOrg, oktaOrgSchema } from "./org";

/** Which Okta catalog app provisions Cloudflare: the `preconfigured_app` of an `okta_app_saml`. */
export enum ScimCatalogApp {
  /** "SCIM 2.0 Test App (Header Auth)": Access SCIM, fed the login method's SCIM Endpoint and Secret. */
  HEADER_AUTH = "scim2headerauth",
  /** "SCIM 2.0 Test App (OAuth Bearer Token)": dashboard SCIM, fed an account SCIM token. */
  OAUTH_BEARER_TOKEN = "scim2testapp",
}

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
   * Update User Attributes.
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

/** What the seed asks of each catalog app. */
export interface ScimCatalogEntry {
  /** The app's name in the Okta catalog, for people. */
  readonly catalogName: string;
  /** App name in Okta when the props give no `label`. */
  readonly defaultLabel: string;
  /** Provisioning > To App settings the seed asks for with this app. */
  readonly defaultProvisioning: ScimProvisioning;
}

export const SCIM_CATALOG: Readonly<Record<ScimCatalogApp, ScimCatalogEntry>> = {
  // Seed: "2. Configure SCIM in Okta".
  [ScimCatalogApp.HEADER_AUTH]: {
    catalogName: "SCIM 2.0 Test App (Header Auth)",
    defaultLabel: "Cloudflare Access SCIM",
    defaultProvisioning: { createUsers: true, updateUserAttributes: true, deactivateUsers: true },
  },
  // Seed: "Provision with Okta". Cloudflare does not support profile updates.
  [ScimCatalogApp.OAUTH_BEARER_TOKEN]: {
    catalogName: "SCIM 2.0 Test App (OAuth Bearer Token)",
    defaultLabel: "Cloudflare Dashboard SCIM",
    defaultProvisioning: { createUsers: true, updateUserAttributes: false, deactivateUsers: true, importGroups: false },
  },
};

/**
 * The app's "Application username format" (Sign On tab): Email. SCIM `userName` must be the user's
 * email, and the provider's default (`${source.login}`) would revert a person's change on each
 * deploy. Written as Okta's template; terraformLiteral escapes it (`$${`), so it reaches Okta as written.
 */
export const scimUserNameTemplate = "${source.email}";

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
    groups: oktaGroupsSchema,
    baseUrl: z.string().min(1),
    provisioning: scimProvisioningSchema.optional(),
    hideIcons: z.boolean().optional(),
    preventDestroy: z.boolean().optional(),
  })
  .superRefine(checkPushGroupsAssigned);

/**
 * Props of the SCIM 2.0 Test Apps ({@link AccessScimApp}, {@link DashboardScimApp}): name,
 * assignments, pushed groups, provisioning.
 */
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
  readonly groups: IOktaGroups;
  /**
   * What a person enters under Provisioning > Configure API Integration: "Base URL" (Access: the SCIM
   * Endpoint from Zero Trust) or "SCIM 2.0 Base URL" (dashboard). Okta has no API for it: see the runbook.
   */
  readonly baseUrl: string;
  /**
   * Provisioning > To App settings, each over the catalog app's default.
   * @default - what the seed enables for this app
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
 * An Okta SCIM 2.0 Test App that provisions Cloudflare: one made here ({@link AccessScimApp},
 * {@link DashboardScimApp}) or one made elsewhere, imported with their `fromScimAppId`.
 */
export interface IScimApp extends IConstruct {
  /** The Okta app ID. */
  readonly scimAppId: string;
  /** The catalog app it is. */
  readonly catalogApp: ScimCatalogApp;
}
