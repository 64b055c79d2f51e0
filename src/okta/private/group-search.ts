/**
 * How group names are batched into `okta_groups` searches. Each search is one `GET /api/v1/groups`
 * per page of 200 groups (okta provider 4.20, data_source_okta_groups.go), so fewer, fuller searches
 * mean fewer calls against the org's `/api/v1/groups` rate limit. IDs need no search, and only
 * Okta groups among the results count.
 */

/** Okta's page size for groups: a search of up to this many exact names is one call. */
export const GROUPS_PER_SEARCH = 200;

/**
 * Longest URL-encoded search expression sent. Okta documents no URL limit, but common servers refuse
 * request lines over 8 KiB (HTTP 414); this leaves room for `GET /api/v1/groups?limit=200&search=`.
 */
export const MAX_ENCODED_SEARCH_LENGTH = 8000;

/** The search expression matching exactly these group names. */
export function groupSearchExpression(names: readonly string[]): string {
  return names.map((n) => `profile.name eq ${JSON.stringify(n)}`).join(" or ");
}

/**
 * Length of `value` once query-escaped as the provider's Go client sends it (`url.QueryEscape`):
 * letters, digits, `-_.~` and space (as `+`) stay one character, every other UTF-8 byte becomes `%XX`.
 */
export function encodedQueryLength(value: string): number {
  let length = 0;
  for (const byte of Buffer.from(value, "utf8")) length += /[A-Za-z0-9\-_.~ ]/.test(String.fromCharCode(byte)) ? 1 : 3;
  return length;
}

/**
 * Splits names into searches of at most `maxNames` names whose encoded expression stays within
 * `maxLength`, keeping the given order. One name always fits: names are at most 255 characters.
 */
export function searchBatches(
  names: readonly string[],
  maxNames = GROUPS_PER_SEARCH,
  maxLength = MAX_ENCODED_SEARCH_LENGTH,
): string[][] {
  const separator = encodedQueryLength(" or ");
  const batches: string[][] = [];
  let batch: string[] = [];
  let length = 0;
  for (const name of names) {
    const clause = encodedQueryLength(groupSearchExpression([name]));
    if (batch.length > 0 && (batch.length >= maxNames || length + separator + clause > maxLength)) {
      batches.push(batch);
      batch = [];
      length = 0;
    }
    length += (batch.length > 0 ? separator : 0) + clause;
    batch.push(name);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * The type of the groups an org manages in Okta. The search also finds APP_GROUPs (groups imported
 * from an app, e.g. by Import Groups), which may share a name with an Okta group: never assign those.
 */
export const OKTA_GROUP = "OKTA_GROUP";

/** An Okta group ID (`00g` and 17 more characters): used as is, with no API call. */
export function isOktaGroupId(value: string): boolean {
  return /^00g[A-Za-z0-9]{17}$/.test(value);
}
