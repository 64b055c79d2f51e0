import { Construct } from "constructs";
import { DataOktaGroups } from "@cdktf/provider-okta/lib/data-okta-groups";
import * as z from "zod";
import { Fn, TerraformLocal, Token } from "../cdktf";
import { parseOrThrow } from "../private/validation";
import { fnStringArgument, hclQuoted, terraformLiteral } from "../private/terraform-literal";
import {
  GROUPS_PER_SEARCH,
  groupSearchExpression,
  isOktaGroupId,
  OKTA_GROUP,
  searchBatches,
} from "./private/group-search";
import { groupNameSchema } from "./private/groups-schema";

/** HCL: the names of the Okta groups (not app groups) in a list of `okta_groups` results. */
function oktaGroupNames(groups: string): string {
  return `[for g in ${groups} : g.name if g.type == "${OKTA_GROUP}"]`;
}

/**
 * Okta groups by name: turns a group's name (or ID) into an ID Terraform can use. An
 * {@link OktaGroups}, or its view from another stack (`OktaGroups.forStack`).
 */
export interface IOktaGroups {
  /** The group's ID: the value itself when it is already an ID, else a reference resolved at plan time. */
  idOf(nameOrId: string): string;
}

const propsSchema = z.strictObject({
  names: z.array(groupNameSchema),
  chunkSize: z.number().int().min(1).max(GROUPS_PER_SEARCH).optional(),
});

/** Props of {@link OktaGroups}. */
export interface OktaGroupsProps {
  /** Group names (or IDs, which need no lookup) that `idOf` will be asked for. */
  readonly names: string[];
  /**
   * Most names looked up by one `okta_groups` search. One search of up to 200 names is one API call
   * (pages of 200), so 1,000 groups cost 5 calls instead of 1,000 `okta_group` reads; more with long
   * names, as a search also ends before its URL-encoded expression passes 8,000 characters.
   * @default 200
   */
  readonly chunkSize?: number;
}

/**
 * Existing Okta groups named in the config, resolved to IDs with as few API calls as possible.
 * Plan fails with the missing names when a group does not exist. Feeds the seed's group assignments
 * ("Choose the desired Assignment option"; "You can add users in batches by assigning a group").
 */
export class OktaGroups extends Construct implements IOktaGroups {
  /** The names these groups resolve, in the order given, without duplicates. */
  public readonly names: string[];
  private readonly ids?: TerraformLocal;
  private readonly lookup: GroupIdLookup;

  constructor(scope: Construct, id: string, props: OktaGroupsProps) {
    super(scope, id);
    const { names, chunkSize = GROUPS_PER_SEARCH } = parseOrThrow(propsSchema, props, id);
    this.names = [...new Set(names)];
    // IDs and references (a company's own okta_group) need no lookup.
    const lookups = this.names.filter((n) => !isOktaGroupId(n) && !Token.isUnresolved(n));
    const searches = searchBatches(lookups, chunkSize).map((batch, i) => {
      const names = oktaGroupNames("self.groups");
      return new DataOktaGroups(this, `search-${i}`, {
        search: terraformLiteral(groupSearchExpression(batch)),
        lifecycle: {
          postcondition: [
            {
              condition: `\${length(setsubtract(${hcl(batch)}, ${names})) == 0}`,
              errorMessage: `Okta groups not found (check the names in the config): \${join(", ", setsubtract(${hcl(batch)}, ${names}))}`,
            },
            {
              // Checked here, where it can be named: the ID map would only fail with "Duplicate object key".
              condition: `\${length(${names}) == length(distinct(${names}))}`,
              errorMessage:
                `Several Okta groups share each of these names, so a name cannot say which group is meant: ` +
                `\${join(", ", distinct([for n in ${names} : n if length([for m in ${names} : m if m == n]) > 1]))}. ` +
                "Rename all but one in Okta, or list the group by its ID (00g...) in the config.",
            },
          ],
        },
      });
    });
    if (searches.length > 0) {
      const all = searches.map((s) => `data.${s.terraformResourceType}.${s.friendlyUniqueId}.groups`).join(", ");
      this.ids = new TerraformLocal(
        this,
        "ids",
        `\${{ for g in concat(${all}) : g.name => g.id if g.type == "${OKTA_GROUP}" }}`,
      );
    }
    this.lookup = new GroupIdLookup(this.names, this.ids?.asAnyMap, this.node.path);
  }

  public idOf(nameOrId: string): string {
    return this.lookup.idOf(nameOrId);
  }

  /**
   * These groups for constructs in another stack (e.g. the SCIM app's assignments): the name -> ID
   * map crosses stacks once, into a local of `scope`. Resolving each ID across stacks instead makes
   * cdktf build a remote-state reference per group, which triples synth time at 1,000 groups.
   */
  public forStack(scope: Construct, id: string): IOktaGroups {
    const local = this.ids ? new TerraformLocal(scope, id, this.ids.asAnyMap) : undefined;
    return new GroupIdLookup(this.names, local?.asAnyMap, this.node.path);
  }
}

/** Name -> ID through a map of looked-up groups; IDs and unresolved tokens pass through. */
class GroupIdLookup implements IOktaGroups {
  private readonly known: Set<string>;
  private readonly cache = new Map<string, string>();

  constructor(
    names: readonly string[],
    private readonly map: unknown,
    private readonly owner: string,
  ) {
    this.known = new Set(names);
  }

  public idOf(nameOrId: string): string {
    if (isOktaGroupId(nameOrId) || Token.isUnresolved(nameOrId)) return nameOrId;
    if (!this.known.has(nameOrId) || this.map === undefined) {
      throw new Error(`Okta group "${nameOrId}" was not given to ${this.owner}: add it to its names.`);
    }
    let id = this.cache.get(nameOrId);
    if (!id) {
      id = Token.asString(Fn.lookup(this.map, fnStringArgument(nameOrId)));
      this.cache.set(nameOrId, id);
    }
    return id;
  }
}

/** A list of strings as an HCL literal inside an interpolation. */
function hcl(values: string[]): string {
  return `[${values.map(hclQuoted).join(", ")}]`;
}
