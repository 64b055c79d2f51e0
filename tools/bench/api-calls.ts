/**
 * Okta API calls of one `terraform plan` (refresh) of synthesized stacks, from what the okta provider's
 * Read functions call. Each number cites the provider file it comes from; unless a version is named,
 * the file is okta/<file> at tag v4.20.0 of github.com/okta/terraform-provider-okta (the pinned
 * provider). Assumes every resource exists in state, no assignment was made outside Terraform, and
 * a list whose last page is exactly full ends there (were Okta to link an empty next page, one call more).
 */

/** Okta rate-limit buckets, by the path prefix of the calls counted in them. */
export const BUCKETS = [
  "/api/v1/apps",
  "/api/v1/groups",
  "/api/v1/authorizationServers",
  "/api/v1/internal/apps",
  "/api/v1/users",
  "/.well-known/okta-organization",
] as const;
export type Bucket = (typeof BUCKETS)[number];

/** One Terraform block of synthesized JSON. */
export type Block = Record<string, unknown>;
/** One synthesized stack (cdk.tf.json). */
export interface StackJson {
  readonly provider?: Record<string, unknown>;
  readonly resource?: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
}

export interface ApiCallEstimate {
  /** Calls by bucket, push-group mapping reads left out (see `pushGroupMappings`). */
  readonly buckets: Record<Bucket, number>;
  /** `GET /api/v1/apps/{appId}/group-push/mappings/{mappingId}`, one per `okta_push_group` instance (a for_each block counts each key), in the apps bucket. */
  readonly pushGroupMappings: number;
  /** Calls by Terraform type (`data.` prefix for data sources), push-group mappings included. */
  readonly byType: Record<string, number>;
  /** okta_* types with no cost here: the estimate is too low until they are modelled. */
  readonly unmodelled: string[];
}

/** The provider's `defaultPaginationLimit` (utils.go): page size of every list the Reads below page through. */
export const PAGE_SIZE = 200;

type Calls = Partial<Record<Bucket, number>>;
type Cost = (block: Block) => Calls;

const pages = (items: number): number => Math.max(1, Math.ceil(items / PAGE_SIZE));

/** Refresh cost of one instance of each modelled okta_* type. */
const COSTS: Record<string, Cost> = {
  // data_source_okta_groups.go dataSourceGroupsRead: GroupAPI.ListGroups with `search` and Limit 200,
  // following every next page. Each `profile.name eq` clause matches at most one group (names are
  // unique among Okta groups), so a search of n names is ceil(n / 200) calls, at least one.
  "data.okta_groups": (b) => ({
    "/api/v1/groups": pages(String(b.search ?? "").split('profile.name eq "').length - 1),
  }),
  // resource_okta_app_group_assignments.go Read -> app.go listApplicationGroupAssignments:
  // GET /api/v1/apps/{id}/groups with Limit 200, every page: one call per 200 assigned groups.
  okta_app_group_assignments: (b) => ({ "/api/v1/apps": pages(Array.isArray(b.group) ? b.group.length : 0) }),
  // resource_okta_app_oauth.go resourceAppOAuthRead: GET /api/v1/apps/{id} (app.go fetchAppByID), then
  // flattenGroupsClaim: GET /api/v1/internal/apps/{id}/settings/oauth/idToken (sdk/app_oauth_group_claim.go;
  // skipped under OAuth 2.0 API auth, kept here as the project needs an API token for the groups claim).
  okta_app_oauth: () => ({ "/api/v1/apps": 1, "/api/v1/internal/apps": 1 }),
  // resource_okta_app_saml.go resourceAppSamlRead: GET /api/v1/apps/{id}; GET /api/v1/apps/{id}/sso/saml/metadata
  // (sdk/metadata.go, when the app has a signing key and is active); GET /api/v1/apps/{id}/credentials/keys
  // (app.go fetchAppKeys).
  okta_app_saml: () => ({ "/api/v1/apps": 3 }),
  // resource_okta_auth_server*.go Reads: one GET of the object each under /api/v1/authorizationServers/{id}.
  okta_auth_server: () => ({ "/api/v1/authorizationServers": 1 }),
  okta_auth_server_claim: () => ({ "/api/v1/authorizationServers": 1 }),
  okta_auth_server_policy: () => ({ "/api/v1/authorizationServers": 1 }),
  okta_auth_server_policy_rule: () => ({ "/api/v1/authorizationServers": 1 }),
  okta_auth_server_scope: () => ({ "/api/v1/authorizationServers": 1 }),
  // okta/services/idaas/resource_okta_push_group.go at v6.6.0 (the type needs okta >= 6.6), Read:
  // GroupPushMappingAPI.GetGroupPushMapping, GET /api/v1/apps/{appId}/group-push/mappings/{mappingId}.
  okta_push_group: () => ({ "/api/v1/apps": 1 }),
};

/** Types whose calls are reported as `pushGroupMappings`, outside the buckets. */
const PUSH_GROUP_TYPES = new Set(["okta_push_group"]);

// Per okta provider, i.e. per stack (each stack is its own Terraform run):
// config.go verifyCredentials: GET /api/v1/users/me with the v3 and the v2 client when an API token is used;
// config.go IsClassicOrg: GET /.well-known/okta-organization once, on the first app Read
// (app_authentication_policy.go setAuthenticationPolicy).
const PROVIDER_CALLS: Calls = { "/api/v1/users": 2 };
const FIRST_APP_READ_CALLS: Calls = { "/.well-known/okta-organization": 1 };
const APP_TYPES = new Set(["okta_app_oauth", "okta_app_saml"]);

/** Estimated Okta API calls of a plan of these stacks. */
export function estimateApiCalls(stacks: readonly StackJson[]): ApiCallEstimate {
  const buckets = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;
  const byType: Record<string, number> = {};
  const unmodelled = new Set<string>();
  let pushGroupMappings = 0;
  const add = (calls: Calls, times: number, type?: string) => {
    for (const [bucket, n] of Object.entries(calls) as [Bucket, number][]) {
      if (type) byType[type] = (byType[type] ?? 0) + n * times;
      if (type && PUSH_GROUP_TYPES.has(type)) pushGroupMappings += n * times;
      else buckets[bucket] += n * times;
    }
  };
  for (const stack of stacks) {
    if (stack.provider?.okta === undefined) continue;
    add(PROVIDER_CALLS, 1);
    let appRead = false;
    for (const [kind, prefix] of [
      ["data", "data."],
      ["resource", ""],
    ] as const) {
      for (const [type, blocks] of Object.entries(stack[kind] ?? {})) {
        if (!type.startsWith("okta_")) continue;
        const cost = COSTS[prefix + type];
        if (!cost) {
          unmodelled.add(prefix + type);
          continue;
        }
        for (const block of Object.values(blocks)) {
          const times = instances(block);
          if (times === undefined) unmodelled.add(`${prefix}${type} (count/for_each not known at synth)`);
          add(cost(block), times ?? 1, prefix + type);
          appRead ||= APP_TYPES.has(type);
        }
      }
    }
    if (appRead) add(FIRST_APP_READ_CALLS, 1);
  }
  return { buckets, pushGroupMappings, byType, unmodelled: [...unmodelled].sort() };
}

/** Calls in the two buckets the project's scale target is about: apps and groups. */
export function appsAndGroupsCalls(estimate: ApiCallEstimate): number {
  return estimate.buckets["/api/v1/apps"] + estimate.buckets["/api/v1/groups"];
}

/** How many instances a block stands for, or undefined when `count`/`for_each` is only known at plan. */
function instances(block: Block): number | undefined {
  const { count, for_each: forEach } = block;
  if (count === undefined && forEach === undefined) return 1;
  if (typeof count === "number") return count;
  if (Array.isArray(forEach)) return forEach.length;
  if (forEach !== null && typeof forEach === "object") return Object.keys(forEach).length;
  return undefined;
}
