// Validation of ScimApp's props and imports; the config file shares the provisioning and push group rules.
import * as z from "zod";
import { tokenOr } from "../../private/validation";
import { ScimCatalogApp } from "../scim-catalog-app";
import { assignedGroupsSchema } from "./access-oidc-app-schema";
import { refineDashboardScim } from "./dashboard-scim-rules";
import { groupNameSchema, oktaGroupsSchema } from "./groups-schema";
import { oktaOrgSchema } from "./org-schema";

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

const catalogAppSchema = z.enum(ScimCatalogApp, {
  message: "Use ScimCatalogApp.HEADER_AUTH (Access SCIM) or ScimCatalogApp.OAUTH_BEARER_TOKEN (dashboard SCIM).",
});

export const scimAppPropsSchema = z
  .strictObject({
    catalogApp: catalogAppSchema,
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
  .superRefine(checkPushGroupsAssigned)
  .superRefine((p, ctx) => {
    if (p.catalogApp === ScimCatalogApp.OAUTH_BEARER_TOKEN) refineDashboardScim(p, ctx);
  });

/** What ScimApp.fromScimAppId takes: the app's ID and which catalog app it is. */
export const importedScimAppSchema = z.strictObject({
  scimAppId: tokenOr(
    (v) => /^0oa[A-Za-z0-9]{17}$/.test(v),
    'Use the app\'s ID from its Okta admin URL (20 characters starting with "0oa").',
  ),
  catalogApp: catalogAppSchema,
});
