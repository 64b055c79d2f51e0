import { OktaLoginMethod, OktaLoginMethodProps } from "../../../src/cloudflare/okta-login-method";
import { TerraformVariable } from "../../../src/cdktf";
import { onlyResource, synthStack } from "../../support/helpers";

const accountId = "0123456789abcdef0123456789abcdef";

function build(props: Partial<OktaLoginMethodProps> = {}) {
  let method: OktaLoginMethod | undefined;
  const stack = synthStack((s) => {
    const secret = new TerraformVariable(s, "client_secret", { type: "string", sensitive: true });
    method = new OktaLoginMethod(s, "login", {
      accountId,
      clientId: "0oa123",
      clientSecret: secret.stringValue,
      oktaAccount: "https://acme.okta.com",
      ...props,
    });
  });
  return { stack, method: method!, idp: onlyResource(stack, "cloudflare_zero_trust_access_identity_provider") };
}

describe("OktaLoginMethod", () => {
  test("is an okta login method fed the OIDC app's client ID and secret", () => {
    const { idp } = build();
    expect(idp).toMatchObject({ type: "okta", name: "Okta", account_id: accountId });
    expect(idp.config).toEqual({
      client_id: "0oa123",
      client_secret: "${sensitive(var.client_secret)}",
      okta_account: "https://acme.okta.com",
      pkce_enabled: false,
    });
  });

  test("enables SCIM from the start with deprovisioning and reauthentication on group change", () => {
    expect(build().idp.scim_config).toEqual({
      enabled: true,
      user_deprovision: true,
      seat_deprovision: false,
      identity_update_behavior: "reauth",
    });
  });

  test("passes the authorization server, claims and PKCE", () => {
    const { idp } = build({ authorizationServerId: "aus123", claims: ["department"], pkce: true });
    expect(idp.config).toMatchObject({ authorization_server_id: "aus123", claims: ["department"], pkce_enabled: true });
  });

  test("exposes the SCIM endpoint and secret as references, never values", () => {
    const { method } = build();
    expect(method.scimBaseUrl).toMatch(/^\$\{TfToken/);
    expect(method.scimSecret).toMatch(/^\$\{TfToken/);
  });

  test("is protected from destroy by default and can be unprotected explicitly", () => {
    expect(build().idp.lifecycle.prevent_destroy).toBe(true);
    expect(build({ preventDestroy: false }).idp.lifecycle.prevent_destroy).toBe(false);
  });

  test.each([
    [
      "seat removal without user deprovisioning",
      { scim: { userDeprovision: false, seatDeprovision: true } },
      /login\.scim\.seatDeprovision: true is not valid\. Remove user seat on deprovision needs Enable user deprovisioning/,
    ],
    [
      "an unknown identity update behavior",
      { scim: { identityUpdateBehavior: "reauthenticate" } },
      /login\.scim\.identityUpdateBehavior: "reauthenticate" is not valid\. Use "reauth"/,
    ],
    [
      "a short account ID",
      { accountId: "1234" },
      /login\.accountId: "1234" is not valid\. Use the 32-character hex account ID/,
    ],
    [
      "an Okta account without https",
      { oktaAccount: "acme.okta.com" },
      /login\.oktaAccount: "acme.okta.com" is not valid/,
    ],
  ])("refuses %s", (_name, props, message) => {
    expect(() => build(props as Partial<OktaLoginMethodProps>)).toThrow(message);
  });

  test("refuses a literal client secret, without printing it", () => {
    let message = "";
    try {
      build({ clientSecret: "s3cret-literal" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^login\.clientSecret is not valid \(its value is not printed\)\. Pass a reference/);
    expect(message).not.toContain("s3cret-literal");
  });

  test("marks the client secret sensitive itself, so a reference from another stack's state stays hidden", () => {
    const stack = synthStack((s) => {
      const secret = new TerraformVariable(s, "client_secret", { type: "string" });
      new OktaLoginMethod(s, "login", {
        accountId,
        clientId: "x",
        clientSecret: secret.stringValue,
        oktaAccount: "https://acme.okta.com",
      });
    });
    expect(onlyResource(stack, "cloudflare_zero_trust_access_identity_provider").config.client_secret).toBe(
      "${sensitive(var.client_secret)}",
    );
  });

  test("accepts an account ID that Terraform resolves later", () => {
    const stack = synthStack((s) => {
      const id = new TerraformVariable(s, "account_id", { type: "string" });
      new OktaLoginMethod(s, "login", {
        accountId: id.stringValue,
        clientId: "x",
        clientSecret: new TerraformVariable(s, "client_secret", { type: "string", sensitive: true }).stringValue,
        oktaAccount: "https://acme.okta.com",
      });
    });
    expect(onlyResource(stack, "cloudflare_zero_trust_access_identity_provider").account_id).toBe("${var.account_id}");
  });
});
