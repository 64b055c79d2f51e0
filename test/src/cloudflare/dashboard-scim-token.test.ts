import { TerraformOutput, TerraformStack } from "../../../src/cdktf";
import { DashboardScimToken, DashboardScimTokenProps } from "../../../src/cloudflare/dashboard-scim-token";
import { accountResources, dashboardScimBaseUrl } from "../../../src/cloudflare/private/account";
import { onlyResource, StackJson, synthStack } from "../../support/helpers";

const accountId = "0123456789abcdef0123456789abcdef";

function build(props: Partial<DashboardScimTokenProps> = {}): { stack: StackJson; token: DashboardScimToken } {
  let token!: DashboardScimToken;
  const stack = synthStack((s: TerraformStack) => {
    token = new DashboardScimToken(s, "dashboard-scim-token", { accountId, ...props });
    new TerraformOutput(s, "base_url", { value: token.scimBaseUrl });
    new TerraformOutput(s, "token_value", { value: token.tokenValue, sensitive: true });
  });
  return { stack, token };
}

const lookupOf = (stack: StackJson) =>
  onlyResource(stack, "cloudflare_account_api_token_permission_groups_list", "data");
const tokenOf = (stack: StackJson) => onlyResource(stack, "cloudflare_account_token");
const lookupAddress = (stack: StackJson) =>
  `data.cloudflare_account_api_token_permission_groups_list.${Object.keys(stack.data.cloudflare_account_api_token_permission_groups_list)[0]}`;

describe("DashboardScimToken", () => {
  test('looks the "SCIM Provisioning" permission group up by its raw name among account-scoped groups', () => {
    const { stack, token } = build();
    // cloudflare-go query-encodes the filter: pre-encoded, it would go out as SCIM%2520Provisioning and match nothing.
    expect(lookupOf(stack)).toMatchObject({
      account_id: accountId,
      name: "SCIM Provisioning",
      scope: "com.cloudflare.api.account",
    });
    expect(token.permissionGroupName).toBe("SCIM Provisioning");
    expect(JSON.stringify(stack)).not.toMatch(/"id":\s*"[0-9a-f]{32}"/);
  });

  test("refuses to be destroyed unless preventDestroy is false", () => {
    expect(tokenOf(build().stack).lifecycle.prevent_destroy).toBe(true);
    expect(tokenOf(build({ preventDestroy: false }).stack).lifecycle.prevent_destroy).toBe(false);
  });

  test("fails the plan with a clear message when no permission group has that name", () => {
    const [check] = lookupOf(build().stack).lifecycle.postcondition;
    expect(check.condition).toBe('${length([for g in self.result : g.id if g.name == "SCIM Provisioning"]) > 0}');
    expect(check.error_message).toMatch(
      /No account API token permission group named "SCIM Provisioning".*set permissionGroupName/,
    );
  });

  test("grants only the looked-up permission group, picked by exact name, on this account only", () => {
    const { stack } = build();
    const policies = tokenOf(stack).policies;
    expect(policies).toHaveLength(1);
    expect(policies[0].effect).toBe("allow");
    expect(policies[0].permission_groups).toEqual([
      { id: `\${[for g in ${lookupAddress(stack)}.result : g.id if g.name == "SCIM Provisioning"][0]}` },
    ]);
    expect(JSON.parse(policies[0].resources)).toEqual({ [`com.cloudflare.api.account.${accountId}`]: "*" });
  });

  test("permissionGroupName changes the name looked up and matched", () => {
    const { stack } = build({ permissionGroupName: "SCIM Provisioning Edit" });
    expect(lookupOf(stack).name).toBe("SCIM Provisioning Edit");
    expect(tokenOf(stack).policies[0].permission_groups[0].id).toContain('g.name == "SCIM Provisioning Edit"');
  });

  test("defaults the token name and sets no expiry; both can be given", () => {
    expect(tokenOf(build().stack)).toMatchObject({ name: "Okta dashboard SCIM", account_id: accountId });
    expect(tokenOf(build().stack).expires_on).toBeUndefined();
    expect(tokenOf(build({ name: "Okta SCIM", expiresOn: "2027-01-01T00:00:00Z" }).stack)).toMatchObject({
      name: "Okta SCIM",
      expires_on: "2027-01-01T00:00:00Z",
    });
  });

  test("the base URL is the account's SCIM v2 endpoint, the token value its computed, sensitive value", () => {
    const { stack } = build();
    const address = `cloudflare_account_token.${Object.keys(stack.resource.cloudflare_account_token)[0]}`;
    expect(stack.output.base_url.value).toBe(
      `https://api.cloudflare.com/client/v4/accounts/\${${address}.account_id}/scim/v2`,
    );
    expect(stack.output.token_value.value).toBe(`\${${address}.value}`);
    expect(dashboardScimBaseUrl(accountId)).toBe(`https://api.cloudflare.com/client/v4/accounts/${accountId}/scim/v2`);
    expect(accountResources(accountId)).toBe(`{"com.cloudflare.api.account.${accountId}":"*"}`);
  });

  test.each([
    [
      { accountId: "acme" },
      /dashboard-scim-token\.accountId: "acme" is not valid\. Use the 32-character hex account ID/,
    ],
    [{ expiresOn: "2027-01-01" }, /dashboard-scim-token\.expiresOn: .*Use an RFC 3339 time/],
    [{ permissionGroupName: "${var.x}" }, /dashboard-scim-token\.permissionGroupName: .*as the API lists it/],
    [{ name: "" }, /dashboard-scim-token\.name: "" is not valid/],
    [
      { permissionGroup: "SCIM Provisioning" },
      /permissionGroup is not a known key\. Did you mean "permissionGroupName"\?/,
    ],
  ])("refuses %j", (props, message) => {
    expect(() => build(props as Partial<DashboardScimTokenProps>)).toThrow(message);
  });
});
