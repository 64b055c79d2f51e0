import { isOktaGroupId } from "../../src/okta/private/group-search";
import { ApiResult, failed, getJson, HttpOptions, MAX_PAGES, ok, RetryDelay } from "./http";
import { serviceText } from "./redact";

// Read-only calls to Okta's management API, as documented in Okta's OpenAPI spec
// (github.com/okta/okta-management-openapi-spec, dist/current/management-oneOfInheritance.yaml):
// - GET /api/v1/apps/{appId} (getApplication): Application.features, "Enabled app features", an enum
//   with PUSH_NEW_USERS, PUSH_PROFILE_UPDATES, PUSH_USER_DEACTIVATION, GROUP_PUSH, IMPORT_NEW_USERS, ...
// - GET /api/v1/apps/{appId}/group-push/mappings (listGroupPushMappings, GA): GroupPushMapping
//   { id, sourceGroupId, targetGroupId, status: ACTIVE | INACTIVE | ERROR, errorSummary, lastPush },
//   paged with `after`/`limit` (max 1000).
// - GET /api/v1/groups?search=... (listGroups): `search` takes filter expressions such as
//   profile.name eq "West Coast users", joined with `or` (developer.okta.com/docs/api/#filter).
// - GET /api/v1/apps (listApplications): Application { id, name (the catalog name, e.g. "oidc_client",
//   "scim2headerauth"), label, status, signOnMode, credentials.oauthClient.client_id and .pkce_required,
//   credentials.userNameTemplate.template, settings.oauthClient.redirect_uris }, paged with `after`/`limit`
//   (max 200).
// - GET /api/v1/apps/{appId}/groups (listApplicationGroupAssignments): ApplicationGroupAssignment { id }
//   (the group's ID), paged with `after`/`limit` (max 200).
// - GET /api/v1/groups?search=id eq "..." (listGroups): the groups of those IDs, for their names.
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

/** An app as discover reads it: what tells the Access apps apart, and what the config takes from it. */
export interface OktaAppSummary {
  readonly id: string;
  /** Catalog name: "oidc_client", "scim2headerauth", "scim2testapp", ... */
  readonly name: string;
  readonly label: string;
  readonly status: string;
  readonly signOnMode: string;
  readonly clientId?: string;
  readonly pkceRequired?: boolean;
  readonly redirectUris: readonly string[];
  /** Application username format (Sign On tab), e.g. `${source.login}`. */
  readonly userNameTemplate?: string;
}

/** One group pushed to an app. */
export interface GroupPushMapping {
  /** The mapping's ID (what okta_push_group imports by, with the app's). */
  readonly id?: string;
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
    const body = res.value.body as Partial<OktaApp> | null;
    if (!isObject(body))
      return failed(`Okta answered GET /api/v1/apps/${encodeURIComponent(appId)} with something other than an app`);
    return ok({
      id: appId,
      label: typeof body.label === "string" ? body.label : undefined,
      features: Array.isArray(body.features) ? body.features.filter((f) => typeof f === "string") : undefined,
    });
  }

  /** Status and errorSummary are Okta's text, printed by the check: redacted (see redact.ts). */
  public async groupPushMappings(appId: string): Promise<ApiResult<GroupPushMapping[]>> {
    const res = await this.all<Partial<Record<keyof GroupPushMapping, unknown>>>(
      `/api/v1/apps/${encodeURIComponent(appId)}/group-push/mappings?limit=1000`,
    );
    if (!res.ok) return res;
    const text = (v: unknown) => (typeof v === "string" ? serviceText(v, [this.#token]) : undefined);
    return ok(
      res.value.map((m) => ({
        id: typeof m.id === "string" ? m.id : undefined,
        sourceGroupId: String(m.sourceGroupId),
        status: text(m.status) ?? "unknown",
        errorSummary: text(m.errorSummary),
        lastPush: text(m.lastPush),
      })),
    );
  }

  /** Every app of the org, in Okta's order. */
  public async apps(): Promise<ApiResult<OktaAppSummary[]>> {
    const res = await this.all<Json>("/api/v1/apps?limit=200");
    if (!res.ok) return res;
    return ok(res.value.filter((a) => typeof a.id === "string").map(appSummary));
  }

  /** IDs of the groups assigned to an app. */
  public async assignedGroupIds(appId: string): Promise<ApiResult<string[]>> {
    const res = await this.all<{ id?: unknown }>(`/api/v1/apps/${encodeURIComponent(appId)}/groups?limit=200`);
    if (!res.ok) return res;
    return ok(res.value.map((a) => a.id).filter((id): id is string => typeof id === "string"));
  }

  /** Names of the groups of these IDs; an ID Okta does not know is left out. */
  public async groupNames(ids: readonly string[]): Promise<ApiResult<Map<string, string>>> {
    const found = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += SEARCH_CHUNK) {
      const search = unique
        .slice(i, i + SEARCH_CHUNK)
        .map((id) => `id eq ${JSON.stringify(id)}`)
        .join(" or ");
      const res = await this.all<{ id: string; profile?: { name?: string } }>(
        `/api/v1/groups?limit=200&search=${encodeURIComponent(search)}`,
      );
      if (!res.ok) return res;
      for (const g of res.value) if (typeof g.profile?.name === "string") found.set(g.id, g.profile.name);
    }
    return ok(found);
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
      const res = await this.all<{ id: string; profile?: { name?: string } }>(
        `/api/v1/groups?limit=200&search=${encodeURIComponent(search)}`,
      );
      if (!res.ok) return res;
      for (const g of res.value) {
        const name = g.profile?.name;
        if (name !== undefined && names.includes(name)) found.set(name, [...(found.get(name) ?? []), g.id]);
      }
    }
    return ok(found);
  }

  /**
   * Every page of a list, following rel="next" on the org's own host only (the token goes nowhere
   * else). A next page on another host, a page already read, or more than `maxPages` pages: the list
   * could not be read, rather than a part of it taken for the whole.
   */
  private async all<T>(path: string): Promise<ApiResult<T[]>> {
    const { maxPages = MAX_PAGES } = this.http;
    const list = `GET ${path.split("?")[0]}`;
    const items: T[] = [];
    const read = new Set<string>();
    const org = new URL(this.orgUrl).origin;
    let url = new URL(`${this.orgUrl}${path}`).href;
    for (;;) {
      read.add(url);
      const res = await this.getUrl(url);
      if (!res.ok) return res;
      if (!Array.isArray(res.value.body)) return failed(`Okta answered ${list} with something other than a list`);
      items.push(...(res.value.body.filter(isObject) as T[]));
      const link = nextLink(res.value.headers.get("link"));
      if (link === undefined) return ok(items);
      if (!URL.canParse(link, url))
        return failed(`Okta's next page of ${list} is not a URL: the list could not be read`);
      const next = new URL(link, url).href;
      if (new URL(next).origin !== org) {
        return failed(
          `Okta's next page of ${list} is on another host: the check sends the token to the org only, so the list could not be read`,
        );
      }
      if (read.has(next))
        return failed(
          `Okta's next page of ${list} is one already read (its rel="next" links loop): the list could not be read`,
        );
      if (read.size >= maxPages)
        return failed(
          `Okta's ${list} has more than ${maxPages} pages, more than the check reads: the list could not be read`,
        );
      url = next;
    }
  }

  private get(path: string) {
    return this.getUrl(`${this.orgUrl}${path}`);
  }

  private getUrl(url: string) {
    return getJson("Okta", url, { authorization: `SSWS ${this.#token}` }, oktaRetryDelay, this.http);
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Okta's JSON, read field by field where used
type Json = Record<string, any>;

function appSummary(a: Json): OktaAppSummary {
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const uris = a.settings?.oauthClient?.redirect_uris;
  return {
    id: a.id,
    name: text(a.name) ?? "",
    label: text(a.label) ?? "",
    status: text(a.status) ?? "",
    signOnMode: text(a.signOnMode) ?? "",
    clientId: text(a.credentials?.oauthClient?.client_id),
    pkceRequired:
      typeof a.credentials?.oauthClient?.pkce_required === "boolean"
        ? a.credentials.oauthClient.pkce_required
        : undefined,
    redirectUris: Array.isArray(uris) ? uris.filter((u): u is string => typeof u === "string") : [],
    userNameTemplate: text(a.credentials?.userNameTemplate?.template),
  };
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
