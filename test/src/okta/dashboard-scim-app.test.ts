import { TerraformStack, Testing } from "../../../src/cdktf";
import { DashboardScimApp } from "../../../src/okta/dashboard-scim-app";
import { reservedGroupNames } from "../../../src/okta/private/dashboard-scim-app-schema";
import { ScimAppProps, ScimCatalogApp } from "../../../src/okta/scim-app";
import { IOktaGroups } from "../../../src/okta/groups";
import { onlyResource, StackJson, synthStack } from "../../support/helpers";

const baseUrl = "https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/scim/v2";
const groups: IOktaGroups = { idOf: (name) => `id-of-${name}` };

function build(props: Partial<ScimAppProps> = {}): { stack: StackJson; app: DashboardScimApp } {
  let app!: DashboardScimApp;
  const stack = synthStack((s: TerraformStack) => {
    app = new DashboardScimApp(s, "dashboard", {
      okta: { orgName: "acme", baseUrl: "okta.com" },
      assignedGroups: ["Cloudflare Admins", "Cloudflare Billing"],
      groups,
      baseUrl,
      ...props,
    });
  });
  return { stack, app };
}

describe("DashboardScimApp", () => {
  test("is the SCIM 2.0 Test App (OAuth Bearer Token), icons hidden, no automatic login, base URL in the admin note", () => {
    const { stack, app } = build();
    expect(onlyResource(stack, "okta_app_saml")).toMatchObject({
      preconfigured_app: "scim2testapp",
      label: "Cloudflare Dashboard SCIM",
      hide_web: true,
      hide_ios: true,
      auto_submit_toolbar: false,
      admin_note: expect.stringContaining(`SCIM base URL: ${baseUrl}.`),
      // Cloudflare's guide: username format Email ("$${" is Terraform's escape for a literal "${").
      user_name_template: "$${source.email}",
      user_name_template_type: "BUILT_IN",
    });
    expect(app.catalogApp).toBe(ScimCatalogApp.OAUTH_BEARER_TOKEN);
    expect(app.adminUrl).toMatch(/^https:\/\/acme-admin\.okta\.com\/admin\/app\/scim2testapp\/instance\//);
  });

  test("fromScimAppId: an app made elsewhere, by its ID, as the OAuth Bearer Token app", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const app = DashboardScimApp.fromScimAppId(stack, "app", "0oa1b2c3d4E5F6g7h8i9");
    expect(app.scimAppId).toBe("0oa1b2c3d4E5F6g7h8i9");
    expect(app.catalogApp).toBe(ScimCatalogApp.OAUTH_BEARER_TOKEN);
  });

  test("assigns the groups; pushes them all unless told which", () => {
    const { stack, app } = build();
    expect(onlyResource(stack, "okta_app_group_assignments").group).toEqual([
      { id: "id-of-Cloudflare Admins" },
      { id: "id-of-Cloudflare Billing" },
    ]);
    expect(app.pushGroups).toEqual(["Cloudflare Admins", "Cloudflare Billing"]);
    expect(build({ pushGroups: ["Cloudflare Admins"] }).app.pushGroups).toEqual(["Cloudflare Admins"]);
  });

  test("declares the seed's provisioning: Create and Deactivate Users on, Update User Attributes and Import Groups off", () => {
    expect(build().app.provisioning).toEqual({
      createUsers: true,
      deactivateUsers: true,
      updateUserAttributes: false,
      importGroups: false,
    });
    expect(build({ provisioning: { deactivateUsers: false } }).app.provisioning.deactivateUsers).toBe(false);
  });

  test('Cloudflare reserves names starting with "CF" (case as written)', () => {
    expect(reservedGroupNames(["CF Admins", "CF-0123 - Administrator", "Cfo Office", "Ops CF"])).toEqual([
      "CF Admins",
      "CF-0123 - Administrator",
    ]);
  });

  test('an assigned but not pushed "CF" group is fine: only pushed groups become Cloudflare User Groups', () => {
    expect(() =>
      build({ assignedGroups: ["CF Legacy", "Cloudflare Admins"], pushGroups: ["Cloudflare Admins"] }),
    ).not.toThrow();
  });

  test.each<[string, Partial<ScimAppProps>, RegExp]>([
    [
      "a pushed group that is not assigned",
      { pushGroups: ["Finance"] },
      /dashboard\.pushGroups: .*Push groups must also be assigned groups: add "?Finance"?/,
    ],
    [
      "a pushed group starting with CF",
      { pushGroups: ["CF Admins"], assignedGroups: ["CF Admins"] },
      /dashboard\.pushGroups: .*reserves group names starting with "CF": rename "CF Admins" in Okta or stop pushing it/,
    ],
    [
      "an assigned group starting with CF, pushed by default",
      { assignedGroups: ["CF Admins"] },
      /dashboard\.assignedGroups: .*the assigned groups are pushed: rename "CF Admins" in Okta, or list pushGroups without it/,
    ],
    [
      "no assigned group",
      { assignedGroups: [] },
      /dashboard\.assignedGroups: \[\] is not valid\. Assign at least one Okta group/,
    ],
    ["an empty push list", { pushGroups: [] }, /dashboard\.pushGroups: \[\] is not valid\. Push at least one group/],
    [
      "Update User Attributes on",
      { provisioning: { updateUserAttributes: true } },
      /dashboard\.provisioning\.updateUserAttributes: true is not valid\. .*does not support profile updates/,
    ],
  ])("refuses %s", (_, props, message) => {
    expect(() => build(props)).toThrow(message);
  });
});
