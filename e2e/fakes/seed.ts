import { Config } from "../../app/config/schema";
import { isOktaGroupId } from "../../src/okta/private/group-search";
import { FakeCloudflareOptions } from "./cloudflare";
import { FakeOktaOptions } from "./okta";

/** Credentials the fakes accept; cloudflare's provider wants 40 characters of [A-Za-z0-9-_]. */
export const FAKE_OKTA_API_TOKEN = "00fakeE2eOktaApiToken0000000000000000000";
export const FAKE_CLOUDFLARE_API_TOKEN = "fakeE2eCloudflareApiToken000000000000000";

/** Every Okta group a config names (IDs excepted: they name no group to create). */
export function configGroupNames(config: Config): string[] {
  const login = config.accessLogin;
  const dashboard = config.dashboardScim;
  const names = [
    ...login.assignedGroups,
    ...(login.scim?.assignedGroups ?? []),
    ...(login.scim?.pushGroups ?? []),
    ...(dashboard?.assignedGroups ?? []),
    ...(dashboard?.pushGroups ?? []),
  ];
  return [...new Set(names)].filter((n) => !isOktaGroupId(n));
}

/** The fakes' options for a config: its groups exist in Okta, its account and team in Cloudflare. */
export function seedFor(config: Config): { okta: FakeOktaOptions; cloudflare: FakeCloudflareOptions } {
  return {
    okta: { apiToken: FAKE_OKTA_API_TOKEN, groups: configGroupNames(config).map((name) => ({ name })) },
    cloudflare: {
      apiToken: FAKE_CLOUDFLARE_API_TOKEN,
      accountId: config.cloudflare.accountId,
      teamName: config.cloudflare.teamName,
    },
  };
}
