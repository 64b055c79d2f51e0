// Validation of PushGroups' props.
import * as z from "zod";
import type { IScimApp } from "../scim-app";
import { groupNamesSchema, oktaGroupsSchema } from "./groups-schema";

export const pushGroupsPropsSchema = z.strictObject({
  scimApp: z.custom<IScimApp>((v) => typeof (v as IScimApp)?.scimAppId === "string", {
    message: "Pass a ScimApp, or one imported with ScimApp.fromScimAppId.",
  }),
  groupNames: groupNamesSchema("Name at least one group to push, or do not create PushGroups."),
  groups: oktaGroupsSchema,
});
