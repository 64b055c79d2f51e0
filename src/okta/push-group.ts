// Hand-written binding for okta_push_group. @cdktf/provider-okta 14.1.1 is generated from okta provider 4.20.0,
// which has no Group Push resource, and its OktaProvider pins required_providers.okta to "4.20.0"; cdktf is
// archived, so a newer prebuilt package is unlikely. This file binds only what pushing groups needs.
import type { Construct } from "constructs";
import {
  type IResolvable,
  type TerraformMetaArguments,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Token,
} from "../cdktf";
import * as z from "zod";
import { tokenOr, ValidationError } from "../private/validation";

/**
 * okta/okta releases this file is written against. okta_push_group arrived in 6.6.0, but `app_config.type`
 * (needed to push to Active Directory) only in 6.11.0. `~>` keeps out 7.x, a major release free to
 * change this schema.
 */
export const PUSH_GROUP_PROVIDER_VERSION = "~> 6.11";

const metadata = { providerName: "okta", providerVersionConstraint: PUSH_GROUP_PROVIDER_VERSION };

/**
 * Settings of the okta provider block. Credentials are deliberately not props: the provider reads
 * OKTA_API_TOKEN (or OKTA_ACCESS_TOKEN, or OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY + OKTA_API_SCOPES)
 * from the environment, which keeps them out of cdktf.out and Terraform state.
 */
export interface OktaV6ProviderConfig {
  /**
   * The org's subdomain: "dev-123456" for dev-123456.okta.com.
   * @default OKTA_ORG_NAME from the environment
   */
  readonly orgName?: string;
  /**
   * The org's domain without the subdomain: "okta.com", "oktapreview.com", "okta-emea.com".
   * @default OKTA_BASE_URL from the environment
   */
  readonly baseUrl?: string;
  /**
   * Retry rate-limited requests with exponential back-off. Only `true` is accepted: the provider
   * ignores `false` and backs off anyway.
   * @default true
   */
  readonly backoff?: boolean;
  /**
   * Fewest seconds to wait after hitting a rate limit.
   * @default 30
   */
  readonly minWaitSeconds?: number;
  /**
   * Most seconds to wait after hitting a rate limit.
   * @default 300
   */
  readonly maxWaitSeconds?: number;
  /**
   * Retries before an API call fails, 1 to 100.
   * @default 5
   */
  readonly maxRetries?: number;
  /**
   * Percentage (1 to 100) of each one-minute Okta rate-limit bucket this provider may use; lower it to
   * leave room for other API clients of the org.
   * @default 100, or MAX_API_CAPACITY from the environment
   */
  readonly maxApiCapacity?: number;
  /**
   * Concurrent requests within one resource where Okta has no bulk API.
   * @default 1
   */
  readonly parallelism?: number;
  /**
   * Alias for an additional okta provider block (e.g. a second org); pass the instance as `provider`.
   * @default none: the default okta provider
   */
  readonly alias?: string;
}

/**
 * The okta provider block at okta/okta ~> 6.11, needed by any stack with a PushGroup (seed step: "In
 * the Push Groups tab"). It replaces the OktaProvider of `@cdktf/provider-okta` there: Terraform runs
 * one okta version per configuration, so the stack's other okta resources (4.20 bindings) run on 6.x too.
 */
export class OktaV6Provider extends TerraformProvider {
  private readonly props: OktaV6ProviderConfig;
  private aliasName?: string;

  constructor(scope: Construct, id: string, config: OktaV6ProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: "okta",
      terraformGeneratorMetadata: metadata,
      terraformProviderSource: "okta/okta",
    });
    this.props = config;
    this.aliasName = config.alias;
    check(providerSchema, config, this.node.path);
  }

  // TerraformProvider's own accessors ignore the alias; overriding them is how it reaches the provider block.
  /** The provider alias, when this is an additional okta provider block. */
  public override get alias(): string | undefined {
    return this.aliasName;
  }

  public override set alias(value: string | undefined) {
    this.aliasName = value;
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
      org_name: [p.orgName, "string"],
      base_url: [p.baseUrl, "string"],
      backoff: [p.backoff, "boolean"],
      min_wait_seconds: [p.minWaitSeconds, "number"],
      max_wait_seconds: [p.maxWaitSeconds, "number"],
      max_retries: [p.maxRetries, "number"],
      max_api_capacity: [p.maxApiCapacity, "number"],
      parallelism: [p.parallelism, "number"],
    };
  }
}

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
  readonly deleteTargetGroupOnDestroy?: boolean | IResolvable;
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
        .filter((c) => !(c instanceof OktaV6Provider))
        .map(
          (c) =>
            `${c.node.path}: okta_push_group needs okta provider ${PUSH_GROUP_PROVIDER_VERSION}, ` +
            "which this provider construct can't declare. Use OktaV6Provider instead.",
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
      terraformGeneratorMetadata: metadata,
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

type Kind = "string" | "number" | "boolean" | "object";
type Attributes = Record<string, [value: unknown, kind: Kind]>;

function toJson(attributes: Attributes): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, [value]]) => value !== undefined)
      .map(([name, [value]]) => [name, value]),
  );
}

// HCL output (cdktf synth --hcl) needs each value tagged with how to render it.
const hclTypes = {
  string: ["simple", "string"],
  number: ["simple", "number"],
  boolean: ["simple", "boolean"],
  object: ["map", "stringMap"],
} as const;

function toHcl(attributes: Attributes): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, [value]]) => value !== undefined)
      .map(([name, [value, kind]]) => {
        const [type, storageClassType] = hclTypes[kind];
        return [name, { value, isBlock: false, type, storageClassType }];
      }),
  );
}

/** A whole number from `min` to `max`, or an unresolved token. */
function whole(min: number, max: number, fix: string) {
  return z.number().refine((v) => Token.isUnresolved(v) || (Number.isInteger(v) && v >= min && v <= max), {
    error: fix,
  });
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

// The provider reads its settings with the SDK's GetOk, which skips zero values: 0 or false would silently
// become the default, so they are rejected here.
const providerSchema = z
  .object({
    orgName: tokenOr(
      (v) => /^[A-Za-z0-9-]+$/.test(v),
      'Use the subdomain only, e.g. "dev-123456" for dev-123456.okta.com; the domain goes in baseUrl.',
    ).optional(),
    baseUrl: tokenOr(
      (v) => /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v),
      'Use the domain only, without scheme, org or path, e.g. "okta.com" or "oktapreview.com".',
    ).optional(),
    backoff: z
      .boolean()
      .refine((v) => v, { error: "Leave it unset: the provider ignores false and always backs off." })
      .optional(),
    minWaitSeconds: whole(1, Infinity, "Use whole seconds, 1 or more; the provider reads 0 as unset (30).").optional(),
    maxWaitSeconds: whole(1, Infinity, "Use whole seconds, 1 or more; the provider reads 0 as unset (300).").optional(),
    maxRetries: whole(1, 100, "Use a whole number from 1 to 100; the provider reads 0 as unset (5).").optional(),
    maxApiCapacity: whole(1, 100, "Use a whole percentage from 1 to 100.").optional(),
    parallelism: whole(1, Infinity, "Use a whole number, 1 or more.").optional(),
    alias: tokenOr(
      (v) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(v),
      "Use a Terraform name: a letter or underscore, then letters, digits, underscores or hyphens.",
    ).optional(),
  })
  .refine(
    ({ minWaitSeconds: min, maxWaitSeconds: max }) =>
      min === undefined || max === undefined || Token.isUnresolved(min) || Token.isUnresolved(max) || min <= max,
    { path: ["maxWaitSeconds"], error: "Use a value no smaller than minWaitSeconds." },
  );

/** Throws the first problem as a ValidationError whose field is `${path}.${prop}`. */
function check(schema: z.ZodType, input: object, path: string): void {
  const result = schema.safeParse(input);
  if (result.success) return;
  const [issue] = result.error.issues;
  const value = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], input);
  throw new ValidationError([path, ...issue.path.map(String)].join("."), value, issue.message);
}
