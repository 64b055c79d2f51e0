import * as z from "zod";
import { isJsonKey } from "../../private/validation";
import { accountIdSchema } from "./account";
import { oktaLoginMethodRefSchema } from "./okta-login-method-schema";

/**
 * An Okta group as an Access rule names it. Access compares the name with the groups in the user's
 * identity (what Access SCIM pushed), so an Okta group ID (`00g...`) would never match anyone.
 */
export const accessOktaGroupSchema = z
  .string()
  .min(1, { message: "Use the Okta group's name as Access SCIM pushes it." })
  .refine(isJsonKey, {
    message:
      'Access groups are keyed by Okta group name in the synthesized JSON, where cdktf cannot write "__proto__" or "toString" as a key: rename the group in Okta.',
  })
  .refine((v) => !/^00g[A-Za-z0-9]{17}$/.test(v), {
    message: "Access matches Okta groups by name, and this is an Okta group ID: use the group's name as shown in Okta.",
  });

/** `OktaAccessGroupsProps`, checked by the `OktaAccessGroups` constructor. */
export const oktaAccessGroupsPropsSchema = z.strictObject({
  loginMethod: oktaLoginMethodRefSchema,
  groups: z.array(accessOktaGroupSchema),
});

/** Access group IDs by Okta group name: an object of non-empty strings. */
const accessGroupIdsSchema = z.custom<{ readonly [oktaGroup: string]: string }>(
  // Not z.record: its plain-object check reads `.constructor`, so a group named "constructor" failed it.
  (v) =>
    v !== null &&
    typeof v === "object" &&
    !Array.isArray(v) &&
    Object.values(v).every((id) => typeof id === "string" && id !== ""),
  { message: "Pass the Access group IDs by Okta group name, e.g. OktaAccessGroups.accessGroupIds." },
);

const accessGroupsAttributes = { accountId: accountIdSchema, accessGroupIds: accessGroupIdsSchema };

/** `OktaAccessGroupsAttributes`, for `OktaAccessGroups.fromAccessGroupIds`. */
export const oktaAccessGroupsAttributesSchema = z.strictObject(accessGroupsAttributes);

/** Access groups as an Access application takes them (`IOktaAccessGroups`), checked field by field. */
export const oktaAccessGroupsRefSchema = z.object(accessGroupsAttributes, {
  message: "Pass an OktaAccessGroups, or one from OktaAccessGroups.fromAccessGroupIds.",
});
