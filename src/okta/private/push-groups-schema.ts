// Validation of PushGroups' props.
import * as z from "zod";
import { duplicates } from "../../private/validation";
import type { IScimApp } from "../scim-app";
import { groupNameSchema, oktaGroupsSchema } from "./groups-schema";

export const pushGroupsPropsSchema = z.strictObject({
  scimApp: z.custom<IScimApp>((v) => typeof (v as IScimApp)?.scimAppId === "string", {
    message: "Pass an AccessScimApp or a DashboardScimApp, or one imported with their fromScimAppId.",
  }),
  groupNames: z
    .array(groupNameSchema)
    .min(1, { message: "Name at least one group to push, or do not create PushGroups." })
    .superRefine((names, ctx) => {
      const repeated = duplicates(names);
      if (repeated.length > 0)
        ctx.addIssue({ code: "custom", message: `Remove the duplicate group(s): ${repeated.join(", ")}.` });
    }),
  groups: oktaGroupsSchema,
});
