// Validation of group names and of props taking an IOktaGroups.
import * as z from "zod";
import { duplicates, isJsonKey } from "../../private/validation";
import type { IOktaGroups } from "../groups";

export const groupNameSchema = z
  .string()
  .min(1, { message: "Use the Okta group's name as shown in Okta, or its ID (00g...)." })
  .max(255, { message: "Okta group names are at most 255 characters." })
  .refine(isJsonKey, {
    message:
      'Pushed groups are keyed by name in the synthesized JSON, where cdktf cannot write "__proto__" or "toString" as a key: rename the group or use its ID (00g...).',
  });

/** A list of group names, at least one, each once; `emptyMessage` says what an empty list means there. */
export function groupNamesSchema(emptyMessage: string) {
  return z
    .array(groupNameSchema)
    .min(1, { message: emptyMessage })
    .superRefine((names, ctx) => {
      const repeated = duplicates(names);
      if (repeated.length > 0)
        ctx.addIssue({ code: "custom", message: `Remove the duplicate group(s): ${repeated.join(", ")}.` });
    });
}

/** A prop taking {@link IOktaGroups}. */
export const oktaGroupsSchema = z.custom<IOktaGroups>((v) => typeof (v as IOktaGroups)?.idOf === "function", {
  message: "Pass an OktaGroups (or any object with idOf(name)).",
});
