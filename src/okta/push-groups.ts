import { Construct } from "constructs";
import { TerraformIterator, Token } from "../cdktf";
import { parseOrThrow } from "../private/validation";
import { IOktaGroups } from "./groups";
import { pushGroupsPropsSchema } from "./private/push-groups-schema";
import { PushGroup } from "./push-group";
import { IScimApp } from "./scim-app";
import { terraformLiterals } from "../private/terraform-literal";

/** Props of {@link PushGroups}. */
export interface PushGroupsProps {
  /**
   * The SCIM app to push to. Its provisioning must already be on (Provisioning > To App):
   * Okta refuses Group Push on an app without it, and no API turns it on for the SCIM 2.0 Test Apps.
   */
  readonly scimApp: IScimApp;
  /** Okta groups (names or IDs) to push, as on the app's Push Groups tab. */
  readonly groupNames: string[];
  /** Resolves group names to IDs, e.g. an OktaGroups read from another stack's state. */
  readonly groups: IOktaGroups;
}

/**
 * Pushes Okta groups to a SCIM app (seed: "In the Push Groups tab, add the Okta groups"), with one
 * `okta_push_group` block whose `for_each` maps each group, as named in `groupNames`, to its ID: cdktf
 * builds one construct whatever the number of groups, and each mapping's state address is keyed by that
 * name (`okta_push_group.<id>["Engineering"]`), so removing one group leaves the others alone.
 * Each group keeps its Okta name in the app: the provider links to an existing app group of that name,
 * so groups first pushed by hand and then unlinked are taken over. Removing a group from `groupNames`
 * deletes its group in the app (the provider's default), so its members stop getting what it granted
 * there. Needs the okta provider ~> 6.11 in the stack (OktaProvider).
 */
export class PushGroups extends Construct {
  /** The `okta_push_group` block, one instance per group, keyed by the name given. */
  public readonly pushGroup: PushGroup;

  constructor(scope: Construct, id: string, props: PushGroupsProps) {
    super(scope, id);
    const p = parseOrThrow(pushGroupsPropsSchema, props, id);
    // The keys are the literal names, known at plan; the IDs may be references, known only after refresh.
    const each = TerraformIterator.fromMap(
      terraformLiterals(Object.fromEntries(p.groupNames.map((name) => [name, p.groups.idOf(name)]))),
    );
    this.pushGroup = new PushGroup(
      this,
      "push-group",
      terraformLiterals({ forEach: each, appId: p.scimApp.scimAppId, sourceGroupId: Token.asString(each.value) }),
    );
  }
}
