import { TerraformStack, Testing } from "../../../src/cdktf";
import { OktaProvider } from "@cdktf/provider-okta/lib/provider";
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { OktaLoginMethod } from "../../../src/cloudflare/okta-login-method";
import { AccessOidcApp } from "../../../src/okta/access-oidc-app";
import { OktaGroups } from "../../../src/okta/groups";
import { ScimApp } from "../../../src/okta/scim-app";
import { ScimCatalogApp } from "../../../src/okta/scim-catalog-app";
import { onlyResource } from "../../support/helpers";

describe("the constructs in one stack", () => {
  test("wire by direct references, with no remote state", () => {
    const stack = new TerraformStack(Testing.app(), "company");
    new OktaProvider(stack, "okta", { orgName: "acme" });
    new CloudflareProvider(stack, "cloudflare", {});
    const okta = { orgName: "acme", baseUrl: "okta.com" };
    const groups = new OktaGroups(stack, "groups", { names: ["Engineering"] });
    const oidc = new AccessOidcApp(stack, "oidc", { okta, teamName: "acme", assignedGroups: ["Engineering"], groups });
    const login = new OktaLoginMethod(stack, "login", { accountId: "0123456789abcdef0123456789abcdef", oidcApp: oidc });
    new ScimApp(stack, "scim", {
      catalogApp: ScimCatalogApp.HEADER_AUTH,
      okta,
      assignedGroups: ["Engineering"],
      groups,
      baseUrl: login.scimBaseUrl,
    });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.data.terraform_remote_state).toBeUndefined();
    const config = onlyResource(json, "cloudflare_zero_trust_access_identity_provider").config;
    expect(config.client_id).toMatch(/^\$\{okta_app_oauth\.[^.]+\.client_id\}$/);
    expect(config.client_secret).toMatch(/^\$\{sensitive\(okta_app_oauth\.[^.]+\.client_secret\)\}$/);
    expect(config.okta_account).toBe("https://acme.okta.com");
    expect(onlyResource(json, "okta_app_saml").admin_note).toMatch(/scim_config\.scim_base_url\}/);
  });
});
