import { Construct } from "constructs";
import { adoptPushGroups } from "../adopt/adopt";
import { Config } from "../config/schema";
import { OktaGroups } from "../../src/okta/groups";
import { PushGroups } from "../../src/okta/push-groups";
import { ScimApp } from "../../src/okta/scim-app";
import { ProjectStack } from "./project-stack";
import { oktaPushGroupsProvider } from "./providers";

/**
 * Pushes a SCIM app's groups with `okta_push_group`, which exists only in okta provider >= 6.6.
 * A stack of its own because Terraform runs one okta version per configuration: the other okta
 * stacks stay on the generated 4.20 bindings. The app ID and group IDs come from the other stacks'
 * state (cdktf's cross-stack references), so this stack makes no lookups of its own.
 */
export class OktaPushGroupsStack extends ProjectStack {
  /** The app whose groups this stack pushes. */
  public readonly scimApp: ScimApp;
  public readonly pushGroups: PushGroups;

  constructor(
    scope: Construct,
    id: string,
    config: Config,
    scimApp: ScimApp,
    groups: OktaGroups,
    adopted: AdoptedPushGroups = {},
  ) {
    super(scope, id, config);
    oktaPushGroupsProvider(this, config);
    this.scimApp = scimApp;
    this.pushGroups = new PushGroups(this, "push-groups", {
      scimApp,
      groupNames: scimApp.pushGroups,
      // One map crosses stacks, not one remote-state reference per group.
      groups: groups.forStack(this, "group-ids"),
    });
    adoptPushGroups(this.pushGroups, adopted.appId, adopted.mappingIds);
  }
}

/** An adopted SCIM app's ID and its Group Push mapping IDs by pushed group name (the config's `existing`). */
export interface AdoptedPushGroups {
  readonly appId?: string;
  readonly mappingIds?: Readonly<Record<string, string>>;
}

/**
 * Adds the stack that pushes `scimApp`'s groups, for a SCIM app whose provisioning a person has
 * turned on (`provisioningConfigured` in the config). `groups` is the lookup of the stack that
 * assigns them; its IDs are read from that stack's state. No groups to push: no stack.
 */
export function addPushGroupsStack(
  ...args: ConstructorParameters<typeof OktaPushGroupsStack>
): OktaPushGroupsStack | undefined {
  const [, , , scimApp] = args; // (scope, id, config, scimApp, groups, adopted), as the stack takes them
  return scimApp.pushGroups.length > 0 ? new OktaPushGroupsStack(...args) : undefined;
}
