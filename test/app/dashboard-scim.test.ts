import { parseConfig } from "../../app/config/load";
import { exampleConfigInput, onlyResource, synthApp } from "../support/helpers";

describe("dashboard SCIM stacks", () => {
  const app = synthApp(exampleConfigInput());
  const cloudflare = app.stack("cloudflare-dashboard-scim");
  const okta = app.stack("okta-dashboard-scim");
  const tokenAddress = `cloudflare_account_token.${Object.keys(cloudflare.resource.cloudflare_account_token)[0]}`;

  test("the Okta stack runs after the Cloudflare stack and depends on nothing else", () => {
    expect(app.manifest.stacks["cloudflare-dashboard-scim"].dependencies).toEqual([]);
    expect(app.manifest.stacks["okta-dashboard-scim"].dependencies).toEqual(["cloudflare-dashboard-scim"]);
  });

  test("the Cloudflare stack outputs the base URL, the token (sensitive) and its ID", () => {
    expect(cloudflare.output.scim_base_url).toMatchObject({
      sensitive: false,
      value: `https://api.cloudflare.com/client/v4/accounts/\${${tokenAddress}.account_id}/scim/v2`,
    });
    expect(cloudflare.output.token_value).toMatchObject({ sensitive: true, value: `\${${tokenAddress}.value}` });
    expect(cloudflare.output.token_id).toMatchObject({ value: `\${${tokenAddress}.id}` });
  });

  test("the token value appears only in sensitive outputs, never in the Okta stack", () => {
    const valueRef = `${tokenAddress}.value`;
    for (const [name, out] of Object.entries(cloudflare.output) as Array<
      [string, { value: string; sensitive: boolean }]
    >) {
      if (out.value.includes(valueRef)) expect({ name, sensitive: out.sensitive }).toEqual({ name, sensitive: true });
    }
    const { output: _outputs, ...rest } = cloudflare;
    expect(JSON.stringify(rest)).not.toContain(valueRef);
    // References only: the `runbook` output names the command that prints token_value, which is fine.
    const references = app.text("okta-dashboard-scim").match(/\$\{[^}]*\}/g) ?? [];
    expect(references.filter((r) => /\.value\b|token_value/.test(r))).toEqual([]);
  });

  test("the app's admin note carries the base URL read from the Cloudflare stack's state", () => {
    expect(okta.data.terraform_remote_state["cross-stack-reference-input-cloudflare-dashboard-scim"]).toMatchObject({
      backend: "local",
    });
    expect(onlyResource(okta, "okta_app_saml")).toMatchObject({
      preconfigured_app: "scim2testapp",
      admin_note: expect.stringMatching(
        /^SCIM base URL: https:\/\/api\.cloudflare\.com\/client\/v4\/accounts\/\$\{data\.terraform_remote_state\.cross-stack-reference-input-cloudflare-dashboard-scim\.outputs\.[^}]+\}\/scim\/v2\./,
      ),
    });
  });

  test("the Okta stack looks its own groups up and outputs the app ID and admin URL", () => {
    expect(onlyResource(okta, "okta_groups", "data").search).toBe('profile.name eq "Cloudflare Admins"');
    expect(okta.output.scim_app_id.value).toMatch(/^\$\{okta_app_saml\./);
    expect(okta.output.admin_url.value).toContain("/admin/app/scim2testapp/instance/");
  });

  test("token settings in the config reach the token", () => {
    const input = exampleConfigInput();
    input.dashboardScim!.token = {
      name: "Okta SCIM",
      expiresOn: "2027-01-01T00:00:00Z",
      permissionGroupName: "SCIM Provisioning Edit",
    };
    const stack = synthApp(input).stack("cloudflare-dashboard-scim");
    expect(onlyResource(stack, "cloudflare_account_token")).toMatchObject({
      name: "Okta SCIM",
      expires_on: "2027-01-01T00:00:00Z",
    });
    expect(onlyResource(stack, "cloudflare_account_api_token_permission_groups_list", "data").name).toBe(
      "SCIM Provisioning Edit",
    );
  });

  test.each([
    ["absent", undefined],
    ["disabled", { enabled: false, assignedGroups: ["Cloudflare Admins"] }],
  ])("no dashboard SCIM stacks when the section is %s", (_, section) => {
    const input = exampleConfigInput();
    if (section) input.dashboardScim = section;
    else delete input.dashboardScim;
    const stacks = Object.keys(synthApp(input).manifest.stacks);
    expect(stacks).not.toEqual(expect.arrayContaining([expect.stringMatching(/dashboard/)]));
    expect(stacks).toContain("okta-access-oidc");
  });
});

describe("dashboardScim config rules", () => {
  function withDashboard(section: Record<string, unknown>) {
    const input = exampleConfigInput();
    input.dashboardScim = { assignedGroups: ["Cloudflare Admins"], ...section } as typeof input.dashboardScim;
    return () => parseConfig(input);
  }

  test("the example's section is valid and defaults to enabled", () => {
    const input = exampleConfigInput();
    delete input.dashboardScim!.enabled;
    expect(parseConfig(input).dashboardScim).toMatchObject({ enabled: true, provisioningConfigured: false });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "a pushed group that is not assigned",
      { pushGroups: ["Finance"] },
      /dashboardScim\.pushGroups: .*add "?Finance"? to assignedGroups/,
    ],
    [
      "a pushed group starting with CF",
      { assignedGroups: ["CF Admins"], pushGroups: ["CF Admins"] },
      /dashboardScim\.pushGroups: .*reserves group names starting with "CF": rename "CF Admins"/,
    ],
    [
      "an assigned group starting with CF, pushed by default",
      { assignedGroups: ["CF Admins"] },
      /dashboardScim\.assignedGroups: .*the assigned groups are pushed/,
    ],
    [
      "no assigned group",
      { assignedGroups: [] },
      /dashboardScim\.assignedGroups: \[\] is not valid\. Assign at least one Okta group/,
    ],
    [
      "an empty push list",
      { pushGroups: [] },
      /dashboardScim\.pushGroups: \[\] is not valid\. Push at least one group/,
    ],
    [
      "Update User Attributes on",
      { provisioning: { updateUserAttributes: true } },
      /dashboardScim\.provisioning\.updateUserAttributes: true is not valid\. .*does not support profile updates/,
    ],
    [
      "a token expiry that is not RFC 3339",
      { token: { expiresOn: "next year" } },
      /dashboardScim\.token\.expiresOn: .*RFC 3339/,
    ],
  ])("refuses %s", (_, section, message) => {
    expect(withDashboard(section)).toThrow(message);
  });

  test('an assigned but not pushed "CF" group is accepted', () => {
    expect(
      withDashboard({ assignedGroups: ["CF Legacy", "Cloudflare Admins"], pushGroups: ["Cloudflare Admins"] }),
    ).not.toThrow();
  });
});
