import { TerraformStack, Testing } from "../../../src/cdktf";
import { AccessScimApp } from "../../../src/okta/access-scim-app";
import { ScimAppProps, ScimCatalogApp } from "../../../src/okta/scim-app";
import { OktaGroups } from "../../../src/okta/groups";
import { onlyResource, synthStack } from "../../support/helpers";

const okta = { orgName: "acme" };

function build(props: Partial<ScimAppProps> = {}) {
  let app: AccessScimApp | undefined;
  const stack = synthStack((s) => {
    const groups = new OktaGroups(s, "groups", { names: ["Engineering", "Finance"] });
    app = new AccessScimApp(s, "scim", {
      okta,
      assignedGroups: ["Engineering", "Finance"],
      groups,
      baseUrl: "https://acme.cloudflareaccess.com/scim/abc",
      ...props,
    });
  });
  return { stack, app: app! };
}

describe("AccessScimApp", () => {
  test("is the SCIM 2.0 Test App (Header Auth) from the catalog, hidden from users, with no auto login", () => {
    const saml = onlyResource(build().stack, "okta_app_saml");
    expect(saml).toMatchObject({
      preconfigured_app: "scim2headerauth",
      label: "Cloudflare Access SCIM",
      hide_web: true,
      hide_ios: true,
      auto_submit_toolbar: false,
    });
    expect(saml.admin_note).toContain("https://acme.cloudflareaccess.com/scim/abc");
  });

  test("is the Header Auth catalog app, in the org's admin console on okta.com unless baseUrl says otherwise", () => {
    expect(build().app.catalogApp).toBe(ScimCatalogApp.HEADER_AUTH);
    expect(ScimCatalogApp.HEADER_AUTH).toBe("scim2headerauth");
    expect(ScimCatalogApp.OAUTH_BEARER_TOKEN).toBe("scim2testapp");
    const preview = build({ okta: { orgName: "acme", baseUrl: "oktapreview.com" } }).app.adminUrl;
    expect(preview).toMatch(/^https:\/\/acme-admin\.oktapreview\.com\/admin\/app\/scim2headerauth\/instance\//);
  });

  test("takes a label, and shows its icon when hideIcons is false", () => {
    const saml = onlyResource(build({ label: "Access SCIM", hideIcons: false }).stack, "okta_app_saml");
    expect(saml).toMatchObject({ label: "Access SCIM", hide_web: false, hide_ios: false });
  });

  test("fromScimAppId: an app made elsewhere, by its ID, as the Header Auth app", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const app = AccessScimApp.fromScimAppId(stack, "app", "0oa1b2c3d4E5F6g7h8i9");
    expect(app.scimAppId).toBe("0oa1b2c3d4E5F6g7h8i9");
    expect(app.catalogApp).toBe(ScimCatalogApp.HEADER_AUTH);
  });

  test("refuses to be destroyed unless preventDestroy is false", () => {
    expect(onlyResource(build().stack, "okta_app_saml").lifecycle.prevent_destroy).toBe(true);
    expect(onlyResource(build({ preventDestroy: false }).stack, "okta_app_saml").lifecycle.prevent_destroy).toBe(false);
  });

  test('sends userName as the email: username format "${source.email}", escaped for Terraform, type BUILT_IN', () => {
    const { stack } = build();
    const saml = onlyResource(stack, "okta_app_saml");
    // Escaped: Terraform reads "$${" as a literal "${", so Okta gets the template, not an interpolation.
    expect(saml.user_name_template).toBe("$${source.email}");
    expect(saml.user_name_template_type).toBe("BUILT_IN");
  });

  test("assigns its groups and declares the seed's provisioning for the person's steps", () => {
    const { stack, app } = build({ pushGroups: ["Engineering"] });
    expect(onlyResource(stack, "okta_app_group_assignments").group).toHaveLength(2);
    expect(app.provisioning).toEqual({ createUsers: true, updateUserAttributes: true, deactivateUsers: true });
    expect(app.pushGroups).toEqual(["Engineering"]);
    expect(app.adminUrl).toMatch(/^https:\/\/acme-admin\.okta\.com\/admin\/app\/scim2headerauth\/instance\/\$\{/);
  });

  test("pushes the assigned groups when no push groups are given, and takes provisioning overrides", () => {
    const { app } = build({ provisioning: { updateUserAttributes: false } });
    expect(app.pushGroups).toEqual(["Engineering", "Finance"]);
    expect(app.provisioning.updateUserAttributes).toBe(false);
    expect(app.provisioning.createUsers).toBe(true);
  });

  test("refuses push groups that are not assigned", () => {
    expect(() => build({ pushGroups: ["Engineering", "Sales"] })).toThrow(
      /scim\.pushGroups: .* is not valid\. Push groups must also be assigned groups: add "Sales"/,
    );
  });
});
