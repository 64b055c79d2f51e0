import { TerraformStack, Testing } from "../../../src/cdktf";
import { ScimApp, ScimAppProps } from "../../../src/okta/scim-app";
import { ScimCatalogApp } from "../../../src/okta/scim-catalog-app";
import { reservedGroupNames } from "../../../src/okta/private/dashboard-scim-rules";
import { IOktaGroups } from "../../../src/okta/groups";
import { onlyResource, StackJson, synthStack } from "../../support/helpers";

const { HEADER_AUTH, OAUTH_BEARER_TOKEN } = ScimCatalogApp;
/** Each catalog choice with its name, for test titles. */
const both: [string, ScimCatalogApp][] = [
  ["HEADER_AUTH", HEADER_AUTH],
  ["OAUTH_BEARER_TOKEN", OAUTH_BEARER_TOKEN],
];
const accessBaseUrl = "https://acme.cloudflareaccess.com/scim/abc";
const dashboardBaseUrl = "https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/scim/v2";
const groups: IOktaGroups = { idOf: (name) => `id-of-${name}` };

function build(catalogApp: ScimCatalogApp, props: Partial<ScimAppProps> = {}): { stack: StackJson; app: ScimApp } {
  let app!: ScimApp;
  const stack = synthStack((s: TerraformStack) => {
    app = new ScimApp(s, "scim", {
      catalogApp,
      okta: { orgName: "acme" },
      assignedGroups: ["Engineering", "Finance"],
      groups,
      baseUrl: catalogApp === HEADER_AUTH ? accessBaseUrl : dashboardBaseUrl,
      ...props,
    });
  });
  return { stack, app };
}
const access = (props: Partial<ScimAppProps> = {}) => build(HEADER_AUTH, props);
const dashboard = (props: Partial<ScimAppProps> = {}) => build(OAUTH_BEARER_TOKEN, props);

describe("ScimApp, either catalog app", () => {
  test.each([
    ["HEADER_AUTH", HEADER_AUTH, "scim2headerauth", "Cloudflare Access SCIM"],
    ["OAUTH_BEARER_TOKEN", OAUTH_BEARER_TOKEN, "scim2testapp", "Cloudflare Dashboard SCIM"],
  ])("%s is that catalog app, with its default label and admin console page", (_, catalogApp, preconfigured, label) => {
    const { stack, app } = build(catalogApp);
    expect(onlyResource(stack, "okta_app_saml")).toMatchObject({ preconfigured_app: preconfigured, label });
    expect([app.catalogApp, app.label]).toEqual([catalogApp, label]);
    expect(app.adminUrl).toMatch(
      new RegExp(`^https://acme-admin\\.okta\\.com/admin/app/${preconfigured}/instance/\\$\\{`),
    );
  });

  test.each(both)("%s is hidden from users, has no auto login, and the base URL in its admin note", (_, catalogApp) => {
    const { stack, app } = build(catalogApp);
    const saml = onlyResource(stack, "okta_app_saml");
    expect(saml).toMatchObject({ hide_web: true, hide_ios: true, auto_submit_toolbar: false });
    expect(saml.admin_note).toContain(`SCIM base URL: ${app.baseUrl}.`);
  });

  test('sends userName as the email: username format "${source.email}", escaped for Terraform, type BUILT_IN', () => {
    const saml = onlyResource(dashboard().stack, "okta_app_saml");
    // Escaped: Terraform reads "$${" as a literal "${", so Okta gets the template, not an interpolation.
    expect(saml.user_name_template).toBe("$${source.email}");
    expect(saml.user_name_template_type).toBe("BUILT_IN");
  });

  test("the enum values are Okta's preconfigured_app names", () => {
    expect(HEADER_AUTH).toBe("scim2headerauth");
    expect(OAUTH_BEARER_TOKEN).toBe("scim2testapp");
  });

  test("takes a label, and shows its icon when hideIcons is false", () => {
    const saml = onlyResource(access({ label: "Access SCIM", hideIcons: false }).stack, "okta_app_saml");
    expect(saml).toMatchObject({ label: "Access SCIM", hide_web: false, hide_ios: false });
  });

  test("is in the org's admin console on okta.com unless the org's baseUrl says otherwise", () => {
    const preview = access({ okta: { orgName: "acme", baseUrl: "oktapreview.com" } }).app.adminUrl;
    expect(preview).toMatch(/^https:\/\/acme-admin\.oktapreview\.com\/admin\/app\/scim2headerauth\/instance\//);
  });

  test("refuses to be destroyed unless preventDestroy is false", () => {
    expect(onlyResource(access().stack, "okta_app_saml").lifecycle.prevent_destroy).toBe(true);
    expect(onlyResource(access({ preventDestroy: false }).stack, "okta_app_saml").lifecycle.prevent_destroy).toBe(
      false,
    );
  });

  test("assigns the groups; pushes them all unless told which", () => {
    const { stack, app } = dashboard();
    expect(onlyResource(stack, "okta_app_group_assignments").group).toEqual([
      { id: "id-of-Engineering" },
      { id: "id-of-Finance" },
    ]);
    expect(app.assignedGroups).toEqual(["Engineering", "Finance"]);
    expect(app.pushGroups).toEqual(["Engineering", "Finance"]);
    expect(access({ pushGroups: ["Engineering"] }).app.pushGroups).toEqual(["Engineering"]);
  });

  test.each(both)("%s refuses push groups that are not assigned", (_, catalogApp) => {
    expect(() => build(catalogApp, { pushGroups: ["Engineering", "Sales"] })).toThrow(
      /scim\.pushGroups: .* is not valid\. Push groups must also be assigned groups: add "Sales"/,
    );
  });

  test("refuses no assigned group", () => {
    expect(() => access({ assignedGroups: [] })).toThrow(
      /scim\.assignedGroups: \[\] is not valid\. Assign at least one Okta group/,
    );
  });

  test("refuses a missing or unknown catalogApp (a caller without TypeScript's checks), naming both choices", () => {
    const fix = /Use ScimCatalogApp\.HEADER_AUTH \(Access SCIM\) or ScimCatalogApp\.OAUTH_BEARER_TOKEN/;
    expect(() => build(undefined as unknown as ScimCatalogApp)).toThrow(/scim\.catalogApp is missing/);
    expect(() => build("SCIM 2.0 Test App (Header Auth)" as ScimCatalogApp)).toThrow(fix);
  });
});

describe("ScimApp with HEADER_AUTH (Access SCIM)", () => {
  test("declares the seed's provisioning: Create Users, Update User Attributes and Deactivate Users on", () => {
    expect(access().app.provisioning).toEqual({ createUsers: true, updateUserAttributes: true, deactivateUsers: true });
  });

  test("takes provisioning overrides, keeping the other defaults", () => {
    const { provisioning } = access({ provisioning: { updateUserAttributes: false } }).app;
    expect(provisioning.updateUserAttributes).toBe(false);
    expect(provisioning.createUsers).toBe(true);
  });

  test("is not held to the dashboard rules: its groups do not become Cloudflare User Groups", () => {
    expect(() =>
      access({
        assignedGroups: ["CF Admins"],
        pushGroups: [],
        provisioning: { updateUserAttributes: true },
      }),
    ).not.toThrow();
  });
});

describe("ScimApp with OAUTH_BEARER_TOKEN (dashboard SCIM)", () => {
  test("declares the seed's provisioning: Create and Deactivate Users on, Update User Attributes and Import Groups off", () => {
    expect(dashboard().app.provisioning).toEqual({
      createUsers: true,
      deactivateUsers: true,
      updateUserAttributes: false,
      importGroups: false,
    });
    expect(dashboard({ provisioning: { deactivateUsers: false } }).app.provisioning.deactivateUsers).toBe(false);
  });

  test('Cloudflare reserves names starting with "CF" (case as written)', () => {
    expect(reservedGroupNames(["CF Admins", "CF-0123 - Administrator", "Cfo Office", "Ops CF"])).toEqual([
      "CF Admins",
      "CF-0123 - Administrator",
    ]);
  });

  test('an assigned but not pushed "CF" group is fine: only pushed groups become Cloudflare User Groups', () => {
    expect(() =>
      dashboard({ assignedGroups: ["CF Legacy", "Engineering"], pushGroups: ["Engineering"] }),
    ).not.toThrow();
  });

  test.each<[string, Partial<ScimAppProps>, RegExp]>([
    [
      "a pushed group starting with CF",
      { pushGroups: ["CF Admins"], assignedGroups: ["CF Admins"] },
      /scim\.pushGroups: .*reserves group names starting with "CF": rename "CF Admins" in Okta or stop pushing it/,
    ],
    [
      "an assigned group starting with CF, pushed by default",
      { assignedGroups: ["CF Admins"] },
      /scim\.assignedGroups: .*the assigned groups are pushed: rename "CF Admins" in Okta, or list pushGroups without it/,
    ],
    ["an empty push list", { pushGroups: [] }, /scim\.pushGroups: \[\] is not valid\. Push at least one group/],
    [
      "Update User Attributes on",
      { provisioning: { updateUserAttributes: true } },
      /scim\.provisioning\.updateUserAttributes: true is not valid\. .*does not support profile updates/,
    ],
  ])("refuses %s", (_, props, message) => {
    expect(() => dashboard(props)).toThrow(message);
  });
});

describe("ScimApp.fromScimAppId", () => {
  test.each(both)("an app made elsewhere, by its ID, as the %s app", (_, catalogApp) => {
    const stack = new TerraformStack(Testing.app(), "test");
    const app = ScimApp.fromScimAppId(stack, "app", "0oa1b2c3d4E5F6g7h8i9", catalogApp);
    expect(app.scimAppId).toBe("0oa1b2c3d4E5F6g7h8i9");
    expect(app.catalogApp).toBe(catalogApp);
  });

  test("refuses a SCIM app ID that is not an Okta app ID, naming the field", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    expect(() => ScimApp.fromScimAppId(stack, "app", "Cloudflare Access SCIM", HEADER_AUTH)).toThrow(
      /app\.scimAppId: "Cloudflare Access SCIM" is not valid\. Use the app's ID from its Okta admin URL/,
    );
  });

  test("refuses an unknown catalog app", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    expect(() => ScimApp.fromScimAppId(stack, "app", "0oa1b2c3d4E5F6g7h8i9", "scim2" as ScimCatalogApp)).toThrow(
      /app\.catalogApp: "scim2" is not valid\. Use ScimCatalogApp\.HEADER_AUTH/,
    );
  });
});
