import { Construct, IConstruct } from "constructs";
import { ZeroTrustAccessGroup } from "@cdktf/provider-cloudflare/lib/zero-trust-access-group";
import { ref, TerraformIterator, TerraformResource, TerraformStack, Token } from "../cdktf";
import { parseOrThrow } from "../private/validation";
import { hclQuoted, terraformLiterals } from "../private/terraform-literal";
import { IOktaLoginMethod } from "./okta-login-method";
import { accessGroupName } from "./private/access-group-name";
import { oktaAccessGroupsAttributesSchema, oktaAccessGroupsPropsSchema } from "./private/access-groups-schema";

/** Props of {@link OktaAccessGroups}. */
export interface OktaAccessGroupsProps {
  /**
   * The `okta` login method the groups come through: its account owns the Access groups, and its
   * name prefixes each Access group's name.
   */
  readonly loginMethod: IOktaLoginMethod;
  /** Okta group names synced to Access (the SCIM app's push groups); one Access group each, duplicates ignored. */
  readonly groups: string[];
}

/**
 * Access groups by Okta group name, as Access applications take them: made here
 * ({@link OktaAccessGroups}) or made elsewhere, imported with `OktaAccessGroups.fromAccessGroupIds`.
 */
export interface IOktaAccessGroups extends IConstruct {
  /** Cloudflare account that owns the Access groups. */
  readonly accountId: string;
  /** Access group IDs by Okta group name. */
  readonly accessGroupIds: { readonly [oktaGroup: string]: string };
}

/** Existing Access groups, for {@link OktaAccessGroups.fromAccessGroupIds}. */
export interface OktaAccessGroupsAttributes {
  /** Cloudflare account that owns the Access groups. */
  readonly accountId: string;
  /** Access group IDs by the name of the Okta group each includes. */
  readonly accessGroupIds: { readonly [oktaGroup: string]: string };
}

/**
 * One Zero Trust Access group per synced Okta group, including the members of that group through the
 * Okta login method (seed: "build rules based on user identity and group membership"). Policies then
 * include the Access group instead of repeating the Okta rule.
 *
 * One resource block with `for_each` over the group names: cdktf builds and resolves one construct
 * whatever the number of groups, and each Access group's state address is keyed by its Okta group's
 * name (`cloudflare_zero_trust_access_group.<id>["Engineering"]`), so adding or removing a group leaves
 * the others alone.
 */
export class OktaAccessGroups extends Construct implements IOktaAccessGroups {
  /** Access groups made elsewhere (e.g. in the dashboard), for Access applications. */
  public static fromAccessGroupIds(scope: Construct, id: string, attrs: OktaAccessGroupsAttributes): IOktaAccessGroups {
    const a = parseOrThrow(oktaAccessGroupsAttributesSchema, attrs, id);
    return new ImportedOktaAccessGroups(scope, id, a);
  }

  /** The `cloudflare_zero_trust_access_group` block, one instance per Okta group; undefined without groups. */
  public readonly accessGroup?: ZeroTrustAccessGroup;
  public readonly accountId: string;
  public readonly accessGroupIds: { readonly [oktaGroup: string]: string };
  /** The Okta group names, in the order given, without duplicates. */
  public readonly groups: string[];

  constructor(scope: Construct, id: string, props: OktaAccessGroupsProps) {
    super(scope, id);
    const p = parseOrThrow(oktaAccessGroupsPropsSchema, props, id);
    this.accountId = p.loginMethod.accountId;
    this.groups = [...new Set(p.groups)];
    if (this.groups.length === 0) {
      this.accessGroupIds = {};
      return;
    }
    // Okta group name -> Access group name: the names are known at synth, so Terraform knows every key at plan.
    const each = TerraformIterator.fromMap(
      terraformLiterals(
        Object.fromEntries(this.groups.map((g) => [g, accessGroupName(p.loginMethod.loginMethodName, g)])),
      ),
    );
    const accessGroup = new ZeroTrustAccessGroup(
      this,
      "group",
      terraformLiterals({
        forEach: each,
        accountId: this.accountId,
        name: Token.asString(each.value),
        include: [{ okta: { name: each.key, identityProviderId: p.loginMethod.loginMethodId } }],
      }),
    );
    this.accessGroup = accessGroup;
    this.accessGroupIds = Object.fromEntries(this.groups.map((g) => [g, instanceAttribute(accessGroup, g, "id")]));
  }
}

class ImportedOktaAccessGroups extends Construct implements IOktaAccessGroups {
  public readonly accountId: string;
  public readonly accessGroupIds: { readonly [oktaGroup: string]: string };

  constructor(scope: Construct, id: string, attrs: OktaAccessGroupsAttributes) {
    super(scope, id);
    this.accountId = attrs.accountId;
    this.accessGroupIds = attrs.accessGroupIds;
  }
}

/**
 * `<type>.<name>["<key>"].<attribute>`: one for_each instance's attribute, as a reference cdktf also
 * carries across stacks. (The resource's own getters give the splat `<type>.<name>.*.<attribute>`.)
 */
function instanceAttribute(resource: TerraformResource, key: string, attribute: string): string {
  const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}[${hclQuoted(key)}].${attribute}`;
  return Token.asString(ref(address, TerraformStack.of(resource)));
}
