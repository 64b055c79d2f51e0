// Validation of AccessOidcApp's props and attributes; the config file reuses its group rules.
import * as z from "zod";
import { isValidRegex, tokenOr, secretReference } from "../../private/validation";
import { teamNameSchema } from "../../private/team";
import { groupNamesSchema, oktaGroupsSchema } from "./groups-schema";
import { oktaOrgSchema } from "./org-schema";

export const groupsClaimRegexSchema = tokenOr(
  isValidRegex,
  'The groups claim filter must be a valid regular expression; ".*" sends every group.',
);

/** Assigned groups: at least one, each once. */
export const assignedGroupsSchema = groupNamesSchema(
  "Assign at least one Okta group, or nobody can sign in through this app.",
);

export const accessOidcAppPropsSchema = z.strictObject({
  okta: oktaOrgSchema,
  teamName: teamNameSchema,
  label: z.string().min(1).optional(),
  groupsClaimRegex: groupsClaimRegexSchema.optional(),
  pkce: z.boolean().optional(),
  assignedGroups: assignedGroupsSchema,
  groups: oktaGroupsSchema,
  preventDestroy: z.boolean().optional(),
});

export const attributesSchema = z.strictObject({
  oidcAppId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: secretReference("an okta_app_oauth's clientSecret"),
  okta: oktaOrgSchema,
});
