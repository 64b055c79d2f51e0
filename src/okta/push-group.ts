// Hand-written binding for okta_push_group: okta provider 4.20.0, which @cdktf/provider-okta 14.1.1 is
// generated from, has no Group Push resource. This file binds only what pushing groups needs.
import type { Construct } from "constructs";
import { type TerraformMetaArguments, TerraformProvider, TerraformResource, TerraformStack } from "../cdktf";
import * as z from "zod";
import { tokenOr } from "../private/validation";
import { OktaProvider } from "./okta-provider";
import { oktaBindingMetadata, PUSH_GROUP_PROVIDER_VERSION } from "./private/okta-provider-version";
import { Attributes, check, toHcl, toJson } from "./private/terraform-attributes";

/** Active Directory settings of a push; Okta needs them only when the app pushes to AD. */
export interface PushGroupAppConfig {
  /**
   * Kind of target, "ACTIVE_DIRECTORY".
   * @default null
   */
  readonly type?: string;
  /**
   * Distinguished name of the AD group, e.g. "CN=Engineers,OU=Groups,DC=example,DC=com".
   * @default null
   */
  readonly distinguishedName?: string;
  /**
   * AD group scope, e.g. "DOMAIN_LOCAL", "GLOBAL" or "UNIVERSAL".
   * @default null
   */
  readonly groupScope?: string;
  /**
   * AD group type, e.g. "SECURITY" or "DISTRIBUTION".
   * @default null
   */
  readonly groupType?: string;
  /**
   * The AD group's sAMAccountName (pre-Windows 2000 name).
   * @default null
   */
  readonly samAccountName?: string;
}

/** Arguments of an `okta_push_group`. */
export interface PushGroupConfig extends TerraformMetaArguments {
  /**
   * ID of the Okta app to push to, e.g. the Cloudflare app's `id`. The app must already have provisioning
   * with Push Groups enabled: Terraform can't check that, and the API call fails at apply otherwise.
   * Changing it replaces the mapping.
   */
  readonly appId: string;
  /** ID of the Okta group whose name and members are pushed. Changing it replaces the mapping. */
  readonly sourceGroupId: string;
  /**
   * Name of the group in the app: links to the app's group of that name, or creates it. Okta honours it
   * only while "Rename app groups to match group name in Okta" is off in the app's Push Groups settings.
   * Okta doesn't return it, so an imported mapping with this set is planned for replacement.
   * @default the source group's name, looked up by the provider
   */
  readonly targetGroupName?: string;
  /**
   * ID of an existing app group to link to, instead of linking or creating one by name.
   * @default chosen by Okta when the mapping is created
   */
  readonly targetGroupId?: string;
  /**
   * "ACTIVE" pushes; "INACTIVE" pauses pushing but keeps the mapping.
   * @default "ACTIVE"
   */
  readonly status?: string;
  /**
   * Delete the app's group when this mapping is destroyed. Read from state at destroy time, so apply a
   * change to it before destroying.
   * @default true
   */
  readonly deleteTargetGroupOnDestroy?: boolean;
  /**
   * Needed only when the app is Active Directory (okta provider 6.11+).
   * @default none
   */
  readonly appConfig?: PushGroupAppConfig;
}

const guardedStacks = new WeakSet<TerraformStack>();

/**
 * With the generated 4.20 OktaProvider in the stack, Terraform would only say "unsupported resource
 * type" at plan time; say which provider to use at synth instead. Once per stack: a stack with
 * thousands of pushed groups would otherwise walk its tree once per group.
 */
function guardProviderVersion(stack: TerraformStack): void {
  if (guardedStacks.has(stack)) return;
  guardedStacks.add(stack);
  stack.node.addValidation({
    validate: () =>
      stack.node
        .findAll()
        .filter((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === "okta")
        .filter((c) => !(c instanceof OktaProvider))
        .map(
          (c) =>
            `${c.node.path}: okta_push_group needs okta provider ${PUSH_GROUP_PROVIDER_VERSION}, ` +
            "which this provider construct can't declare. Use OktaProvider of this library instead.",
        ),
  });
}

/**
 * okta_push_group: pushes one Okta group (its name and members) to an app through Group Push.
 * Destroying it deactivates the mapping, then deletes it (and, unless told otherwise, the app's group).
 * Seed steps: "In the Push Groups tab, add the Okta groups you want to synchronize".
 */
export class PushGroup extends TerraformResource {
  /** The ID `importFrom` needs: okta_push_group imports as "<app_id>/<mapping_id>", not the mapping ID alone. */
  public static importId(appId: string, mappingId: string): string {
    return `${appId}/${mappingId}`;
  }

  private readonly props: PushGroupConfig;

  constructor(scope: Construct, id: string, config: PushGroupConfig) {
    const { provider, dependsOn, count, lifecycle, forEach, provisioners, connection } = config;
    super(scope, id, {
      terraformResourceType: "okta_push_group",
      terraformGeneratorMetadata: oktaBindingMetadata,
      provider,
      dependsOn,
      count,
      lifecycle,
      forEach,
      provisioners,
      connection,
    });
    this.props = config;
    check(pushGroupSchema, config, this.node.path);
    guardProviderVersion(TerraformStack.of(this));
  }

  /** The mapping's ID in Okta. */
  public get id(): string {
    return this.getStringAttribute("id");
  }

  /** ID of the app's group, whether linked or created. */
  public get targetGroupId(): string {
    return this.getStringAttribute("target_group_id");
  }

  /** "ACTIVE" or "INACTIVE", as Okta reports it. */
  public get status(): string {
    return this.getStringAttribute("status");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return toJson(this.attributes());
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return toHcl(this.attributes());
  }

  private attributes(): Attributes {
    const p = this.props;
    return {
      app_id: [p.appId, "string"],
      source_group_id: [p.sourceGroupId, "string"],
      target_group_name: [p.targetGroupName, "string"],
      target_group_id: [p.targetGroupId, "string"],
      status: [p.status, "string"],
      delete_target_group_on_destroy: [p.deleteTargetGroupOnDestroy, "boolean"],
      app_config: [p.appConfig && appConfig(p.appConfig), "object"],
    };
  }
}

// app_config is a Terraform object attribute, not a block: Terraform requires every key, so unset ones go out as null.
function appConfig(c: PushGroupAppConfig): Record<string, string | null> {
  return {
    type: c.type ?? null,
    distinguished_name: c.distinguishedName ?? null,
    group_scope: c.groupScope ?? null,
    group_type: c.groupType ?? null,
    sam_account_name: c.samAccountName ?? null,
  };
}

const oktaId = (of: string) =>
  tokenOr((v) => /^[A-Za-z0-9]+$/.test(v), `Use the ${of}'s Okta ID (letters and digits, e.g. its .id), not its name.`);

const pushGroupSchema = z
  .object({
    appId: oktaId("app"),
    sourceGroupId: oktaId("group"),
    targetGroupName: tokenOr(
      (v) => v.trim() !== "",
      "Use a name, or leave it unset to reuse the source group's.",
    ).optional(),
    targetGroupId: oktaId("app group").optional(),
    status: tokenOr((v) => v === "ACTIVE" || v === "INACTIVE", 'Use "ACTIVE" or "INACTIVE".').optional(),
  })
  .refine((c) => c.targetGroupName === undefined || c.targetGroupId === undefined, {
    path: ["targetGroupId"],
    error: "Set targetGroupName (link or create by name) or targetGroupId (link an existing app group), not both.",
  });
