import { Construct } from "constructs";
import { AppGroupAssignments } from "@cdktf/provider-okta/lib/app-group-assignments";
import { IOktaGroups } from "../groups";
import { terraformLiterals } from "../../private/terraform-literal";

/**
 * Assigns groups to an app with the plural `okta_app_group_assignments`: one resource and one paged
 * read (200 a page) per app, where one `okta_app_group_assignment` per group costs a call each.
 */
export function assignGroups(
  scope: Construct,
  appId: string,
  groupNames: readonly string[],
  groups: IOktaGroups,
): AppGroupAssignments {
  return new AppGroupAssignments(
    scope,
    "assignments",
    terraformLiterals({
      appId,
      group: groupNames.map((name) => ({ id: groups.idOf(name) })),
    }),
  );
}
