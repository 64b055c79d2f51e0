import { isOktaGroupId } from "../okta/groups";
import { ApiResult, failed, getJson, HttpOptions, ok, RetryDelay } from "./http";

// Read-only calls to Okta's management API, as documented in Okta's OpenAPI spec
// (github.com/okta/okta-management-openapi-spec, dist/current/management-oneOfInheritance.yaml):
// - GET /api/v1/apps/{appId} (getApplication): Application.features, "Enabled app features", an enum
//   with PUSH_NEW_USERS, PUSH_PROFILE_UPDATES, PUSH_USER_DEACTIVATION, GROUP_PUSH, IMPORT_NEW_USERS, ...
// - GET /api/v1/apps/{appId}/group-push/mappings (listGroupPushMappings, GA): GroupPushMapping
//   { id, sourceGroupId, targetGroupId, status: ACTIVE | INACTIVE | ERROR, errorSummary, lastPush },
//   paged with `after`/`limit` (max 1000).
// - GET /api/v1/groups?search=... (listGroups): `search` takes filter expressions such as
//   profile.name eq "West Coast users", joined with `or` (developer.okta.com/docs/api/#filter).
// Paging follows the Link header's rel="next" (developer.okta.com design principles). Authorization is
// `SSWS {API token}` (the spec's apiToken scheme); OAuth access tokens are not supported here.
// Rate limits: X-Rate-Limit-Reset is the UTC epoch second the limit resets
// (developer.okta.com/docs/reference/rl-best-practices/).

/** The fields of an Okta app the check reads. */
export interface OktaApp {
  readonly id: string;
  readonly label?: string;
  /** Absent when Okta leaves it out: then the toggles cannot be read. */
  readonly features?: readonly string[];
}

/** One group pushed to an app. */
export interface GroupPushMapping {
  readonly sourceGroupId: string;
  readonly status: string;
  readonly errorSummary?: string;
  readonly lastPush?: string;
}

/** Waits until X-Rate-Limit-Reset (epoch seconds), plus a second for clock skew. */
export const oktaRetryDelay: RetryDelay = (headers, now) => {
  const reset = Number(headers.get("x-rate-limit-reset"));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) + 1000 : undefined;
};

/** Names per `search` call: keeps URLs short, as OktaGroups does for Terraform. */
const SEARCH_CHUNK = 20;

export class OktaApi {
  readonly #token: string;

  /** `orgUrl` is `https://<org>.<baseUrl>`; `token` an SSWS API token (read-only is enough). */
  constructor(
    private readonly orgUrl: string,
    token: string,
    private readonly http: HttpOptions,
  ) {
    this.#token = token;
  }

  public async app(appId: string): Promise<ApiResult<OktaApp>> {
    const res = await this.get(`/api/v1/apps/${encodeURIComponent(appId)}`);
    if (!res.ok) return res;
    const body = res.value.body as OktaApp;
    return ok({ id: body.id, label: body.label, features: Array.isArray(body.features) ? body.features : undefined });
  }

  public async groupPushMappings(appId: string): Promise<ApiResult<GroupPushMapping[]>> {
    return this.all<GroupPushMapping>(`/api/v1/apps/${encodeURIComponent(appId)}/group-push/mappings?limit=1000`);
  }

  /** IDs of the groups of each name (several groups may share one); IDs given stand for themselves. */
  public async groupIds(namesOrIds: readonly string[]): Promise<ApiResult<Map<string, string[]>>> {
    const found = new Map<string, string[]>(namesOrIds.filter(isOktaGroupId).map((id) => [id, [id]]));
    const names = [...new Set(namesOrIds.filter((n) => !isOktaGroupId(n)))];
    for (let i = 0; i < names.length; i += SEARCH_CHUNK) {
      const search = names
        .slice(i, i + SEARCH_CHUNK)
        .map((n) => `profile.name eq ${JSON.stringify(n)}`)
        .join(" or ");
      const res = await this.all<{ id: string; profile?: { name?: string } }>(`/api/v1/groups?limit=200&search=${encodeURIComponent(search)}`);
      if (!res.ok) return res;
      for (const g of res.value) {
        const name = g.profile?.name;
        if (name !== undefined && names.includes(name)) found.set(name, [...(found.get(name) ?? []), g.id]);
      }
    }
    return ok(found);
  }

  /** Every page of a list, following rel="next" on the org's own host only (the token goes nowhere else). */
  private async all<T>(path: string): Promise<ApiResult<T[]>> {
    const items: T[] = [];
    let url: string | undefined = `${this.orgUrl}${path}`;
    while (url) {
      const res = await getJson("Okta", url, { authorization: `SSWS ${this.#token}` }, oktaRetryDelay, this.http);
      if (!res.ok) return res;
      if (!Array.isArray(res.value.body)) return failed(`Okta answered GET ${new URL(url).pathname} with something other than a list`);
      items.push(...(res.value.body as T[]));
      url = nextLink(res.value.headers.get("link"));
      if (url && new URL(url).origin !== new URL(this.orgUrl).origin) url = undefined;
    }
    return ok(items);
  }

  private get(path: string) {
    return getJson("Okta", `${this.orgUrl}${path}`, { authorization: `SSWS ${this.#token}` }, oktaRetryDelay, this.http);
  }
}

/** The rel="next" target of a Link header (Okta sends one link per rel, comma-separated). */
export function nextLink(link: string | null): string | undefined {
  for (const part of (link ?? "").split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}
