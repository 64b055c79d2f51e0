import { ApiResult, failed, getJson, HttpOptions, MAX_PAGES, ok, RetryDelay } from "./http";

// Read-only calls to Cloudflare's API (https://api.cloudflare.com/client/v4), as documented in
// Cloudflare's OpenAPI schema (github.com/cloudflare/api-schemas openapi.json; per-tag copies read at
// api-evangelist/cloudflare openapi/cloudflare-access-identity-providers-api-openapi.yml and
// openapi/cloudflare-account-user-groups-api-openapi.yml) and the API reference at developers.cloudflare.com/api:
// - GET /accounts/{account_id}/access/identity_providers/{identity_provider_id}/scim/users ("List SCIM
//   User resources"): result[] of { id, externalId, displayName, active, emails }, result_info.total_count;
//   per_page max 100. Token: "Access: Organizations, Identity Providers, and Groups Read".
// - GET .../identity_providers/{identity_provider_id}/scim/groups?name= ("List SCIM Group resources";
//   `name` is the group's display name): result[] of { id, externalId, displayName }. Same permission.
// - GET /accounts/{account_id}/iam/user_groups?name= ("List User Groups"): result[] of
//   { id, name, policies[] }. Token: "Account Settings Read" (or SCIM Provisioning).
// - GET /accounts/{account_id}/scim/v2/Groups?filter=displayName eq "..." ("List SCIM Groups",
//   operationId scim-groups-list; only `displayName eq` filters): a SCIM ListResponse { totalResults,
//   Resources[] of { id, displayName } }. Token: "SCIM Provisioning": the dashboard SCIM token itself.
// - GET /accounts/{account_id}/access/identity_providers ("List Access identity providers"): result[] of
//   { id, name, type, config: { client_id, okta_account, authorization_server_id, claims, pkce_enabled },
//   scim_config: { enabled, user_deprovision, seat_deprovision, identity_update_behavior, scim_base_url } }.
// - GET /accounts/{account_id}/access/groups ("List Access groups"): result[] of { id, name, include[],
//   exclude[], require[] }; an Okta rule is { okta: { name, identity_provider_id } }.
// - GET /accounts/{account_id}/access/policies ("List Access reusable policies"): result[] of { id, name,
//   decision, include[], exclude[], require[] }; an Access group rule is { group: { id } }.
// - GET /accounts/{account_id}/access/apps ("List Access applications"): result[] of { id, name, domain,
//   type, allowed_idps[], session_duration, policies[] of { id, precedence } }.
// Lists page with page/per_page; result_info.total_pages says how many (developers.cloudflare.com/fundamentals/api/how-to/make-api-calls).
// Rate limits: a 429 carries retry-after in seconds (developers.cloudflare.com/fundamentals/api/reference/limits).

export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

/** Waits as retry-after says (seconds). */
export const cloudflareRetryDelay: RetryDelay = (headers) => {
  const seconds = Number(headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds >= 0 && headers.has("retry-after") ? seconds * 1000 : undefined;
};

/** An account User Group and how many permission policies it has. */
export interface UserGroup {
  readonly name: string;
  readonly policies: number;
}

/** A Zero Trust object as a list returns it (fields as Cloudflare names them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Cloudflare's JSON, read field by field where used
export type ZeroTrustObject = Record<string, any>;

/** Items asked for per page of a list. */
const PER_PAGE = 50;

export class CloudflareApi {
  readonly #token: string;

  /** `token`: an API token that reads Access identity providers and account settings. */
  constructor(
    token: string,
    private readonly http: HttpOptions,
    private readonly baseUrl: string = CLOUDFLARE_API,
  ) {
    this.#token = token;
  }

  /** How many SCIM users Access holds for the login method. */
  public async accessScimUserCount(accountId: string, identityProviderId: string): Promise<ApiResult<number>> {
    const res = await this.get(`${idpPath(accountId, identityProviderId)}/scim/users?per_page=100`);
    if (!res.ok) return res;
    const body = res.value.body as null | { result?: unknown; result_info?: { total_count?: unknown } | null };
    if (!Array.isArray(body?.result)) return failed("Cloudflare answered the SCIM users call without a result list");
    const total = body.result_info?.total_count;
    return ok(Number.isSafeInteger(total) ? (total as number) : body.result.length);
  }

  /** Whether Access holds a SCIM group of this display name for the login method. */
  public async accessScimGroupExists(
    accountId: string,
    identityProviderId: string,
    name: string,
  ): Promise<ApiResult<boolean>> {
    const res = await this.get(
      `${idpPath(accountId, identityProviderId)}/scim/groups?name=${encodeURIComponent(name)}`,
    );
    if (!res.ok) return res;
    const result = (res.value.body as null | { result?: Array<{ displayName?: string }> })?.result;
    if (!Array.isArray(result)) return failed("Cloudflare answered the SCIM groups call without a result list");
    return ok(result.some((g) => g?.displayName === name));
  }

  /** The account's User Groups of this name. */
  public async userGroups(accountId: string, name: string): Promise<ApiResult<UserGroup[]>> {
    const res = await this.get(
      `/accounts/${encodeURIComponent(accountId)}/iam/user_groups?name=${encodeURIComponent(name)}`,
    );
    if (!res.ok) return res;
    const result = (res.value.body as null | { result?: Array<{ name?: string; policies?: unknown[] }> })?.result;
    if (!Array.isArray(result)) return failed("Cloudflare answered the User Groups call without a result list");
    return ok(
      result
        .filter((g) => g?.name === name)
        .map((g) => ({ name, policies: Array.isArray(g.policies) ? g.policies.length : 0 })),
    );
  }

  /**
   * Whether the dashboard SCIM API, called with `scimToken` (what Okta sends), holds a group of this
   * name. A refused token comes back as a failed result with status 401 or 403.
   */
  public async dashboardScimGroupExists(
    accountId: string,
    scimToken: string,
    name: string,
  ): Promise<ApiResult<boolean>> {
    const filter = `displayName eq ${JSON.stringify(name)}`;
    const url = `${this.baseUrl}/accounts/${encodeURIComponent(accountId)}/scim/v2/Groups?filter=${encodeURIComponent(filter)}`;
    const res = await getJson(
      "Cloudflare (dashboard SCIM)",
      url,
      { authorization: `Bearer ${scimToken}` },
      cloudflareRetryDelay,
      this.http,
    );
    if (!res.ok) return res;
    const resources = (res.value.body as null | { Resources?: Array<{ displayName?: string }> })?.Resources;
    if (!Array.isArray(resources)) return failed("Cloudflare answered the SCIM Groups call without Resources");
    return ok(resources.some((g) => g?.displayName === name));
  }

  /** Every login method (identity provider) of the account. */
  public identityProviders(accountId: string): Promise<ApiResult<ZeroTrustObject[]>> {
    return this.all(`/accounts/${encodeURIComponent(accountId)}/access/identity_providers`);
  }

  /** Every Access group of the account. */
  public accessGroups(accountId: string): Promise<ApiResult<ZeroTrustObject[]>> {
    return this.all(`/accounts/${encodeURIComponent(accountId)}/access/groups`);
  }

  /** Every reusable Access policy of the account. */
  public accessPolicies(accountId: string): Promise<ApiResult<ZeroTrustObject[]>> {
    return this.all(`/accounts/${encodeURIComponent(accountId)}/access/policies`);
  }

  /** Every Access application of the account. */
  public accessApplications(accountId: string): Promise<ApiResult<ZeroTrustObject[]>> {
    return this.all(`/accounts/${encodeURIComponent(accountId)}/access/apps`);
  }

  /** Every page of a list, at most `maxPages`: more is a failure, never a part taken for the whole. */
  private async all(path: string): Promise<ApiResult<ZeroTrustObject[]>> {
    const { maxPages = MAX_PAGES } = this.http;
    const items: ZeroTrustObject[] = [];
    for (let page = 1; ; page++) {
      const res = await this.get(`${path}?page=${page}&per_page=${PER_PAGE}`);
      if (!res.ok) return res;
      const body = res.value.body as null | { result?: unknown; result_info?: { total_pages?: unknown } | null };
      if (!Array.isArray(body?.result)) return failed(`Cloudflare answered GET ${path} without a result list`);
      items.push(...body.result.filter((i): i is ZeroTrustObject => typeof i === "object" && i !== null));
      const pages = body.result_info?.total_pages;
      const more = Number.isSafeInteger(pages) ? page < (pages as number) : body.result.length === PER_PAGE;
      if (!more) return ok(items);
      if (page >= maxPages)
        return failed(
          `Cloudflare's GET ${path} has more than ${maxPages} pages, more than is read: the list could not be read`,
        );
    }
  }

  private get(path: string) {
    return getJson(
      "Cloudflare",
      `${this.baseUrl}${path}`,
      { authorization: `Bearer ${this.#token}` },
      cloudflareRetryDelay,
      this.http,
    );
  }
}

function idpPath(accountId: string, identityProviderId: string): string {
  return `/accounts/${encodeURIComponent(accountId)}/access/identity_providers/${encodeURIComponent(identityProviderId)}`;
}
