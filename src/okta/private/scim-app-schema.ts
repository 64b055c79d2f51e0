// Validation of the SCIM apps' props, shared by AccessScimApp, DashboardScimApp and the config file.
import * as z from "zod";
import { assignedGroupsSchema } from "./access-oidc-app-schema";
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
