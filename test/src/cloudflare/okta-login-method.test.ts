import { Construct } from "constructs";
import { IdentityUpdateBehavior } from "../../../src/cloudflare/identity-update-behavior";
import { IOktaLoginMethod, OktaLoginMethod, OktaLoginMethodProps } from "../../../src/cloudflare/okta-login-method";
import { TerraformVariable } from "../../../src/cdktf";
import type { IAccessOidcApp } from "../../../src/okta/access-oidc-app";
import { oidcAppStandIn, onlyResource, synthStack } from "../../support/helpers";

const accountId = "0123456789abcdef0123456789abcdef";

function build(props: Partial<OktaLoginMethodProps> = {}, app: Partial<Omit<IAccessOidcApp, "node">> = {}) {
  let method: OktaLoginMethod | undefined;
  const stack = synthStack((s) => {
    method = new OktaLoginMethod(s, "login", { accountId, oidcApp: oidcAppStandIn(s, app), ...props });
  });
  return { stack, method: method!, idp: onlyResource(stack, "cloudflare_zero_trust_access_identity_provider") };
}

/** The first error message of `run`, or "" when it throws none. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  return "";
}

describe("OktaLoginMethod", () => {
  test("is an okta login method named Okta, fed the OIDC app's client ID, secret and org URL", () => {
    const { idp, method } = build();
    expect(idp).toMatchObject({ type: "okta", name: "Okta", account_id: accountId });
    expect(idp.config).toEqual({
      client_id: "0oa123",
      client_secret: "${sensitive(var.client_secret)}",
      okta_account: "https://acme.okta.com",
      pkce_enabled: false,
    });
    expect(method.loginMethodName).toBe("Okta");
    expect(method.accountId).toBe(accountId);
  });

  test("takes its name from props, and says it as loginMethodName", () => {
    const { idp, method } = build({ name: "Okta SSO" });
    expect(idp.name).toBe("Okta SSO");
    expect(method.loginMethodName).toBe("Okta SSO");
  });

  test("enables SCIM from the start with deprovisioning and reauthentication on group change", () => {
    const { idp, method } = build();
    expect(idp.scim_config).toEqual({
      enabled: true,
      user_deprovision: true,
      seat_deprovision: false,
      identity_update_behavior: "reauth",
    });
    expect(method.scim).toEqual({
      enabled: true,
      userDeprovision: true,
      seatDeprovision: false,
      identityUpdateBehavior: IdentityUpdateBehavior.REAUTH,
    });
  });

  test("keeps the SCIM defaults a partial setting leaves out", () => {
    const { idp } = build({ scim: { identityUpdateBehavior: IdentityUpdateBehavior.NO_ACTION } });
    expect(idp.scim_config).toEqual({
      enabled: true,
      user_deprovision: true,
      seat_deprovision: false,
      identity_update_behavior: "no_action",
    });
  });

  test.each([
    [IdentityUpdateBehavior.AUTOMATIC, "automatic"],
    [IdentityUpdateBehavior.REAUTH, "reauth"],
    [IdentityUpdateBehavior.NO_ACTION, "no_action"],
  ])("writes IdentityUpdateBehavior %s as the API's %s", (behavior, api) => {
    expect(build({ scim: { identityUpdateBehavior: behavior } }).idp.scim_config.identity_update_behavior).toBe(api);
  });

  test("IdentityUpdateBehavior has exactly the API's three values", () => {
    expect(Object.values(IdentityUpdateBehavior).sort()).toEqual(["automatic", "no_action", "reauth"]);
  });

  test("passes the authorization server's ID, claims and PKCE", () => {
    const { idp } = synthWith((s) => ({
      authorizationServer: Object.assign(new Construct(s, "server"), { authorizationServerId: "aus123" }),
      claims: ["department"],
      pkce: true,
    }));
    expect(idp.config).toMatchObject({ authorization_server_id: "aus123", claims: ["department"], pkce_enabled: true });
  });

  test("uses the org authorization server by default", () => {
    expect(build().idp.config.authorization_server_id).toBeUndefined();
  });

  test("exposes the login method ID, SCIM endpoint and secret as references, never values", () => {
    const { method } = build();
    expect(method.loginMethodId).toMatch(/^\$\{TfToken/);
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
    ["an empty name", { name: "" }, /login\.name: "" is not valid/],
    ["no OIDC app", { oidcApp: undefined }, /login\.oidcApp is missing\. Pass an AccessOidcApp/],
  ])("refuses %s", (_name, props, message) => {
    expect(() => build(props as Partial<OktaLoginMethodProps>)).toThrow(message);
  });

  test("refuses an OIDC app whose org URL is not https", () => {
    expect(() => build({}, { orgUrl: "acme.okta.com" })).toThrow(
      /login\.oidcApp\.orgUrl: "acme.okta.com" is not valid\. Use the Okta org URL/,
    );
  });

  test("refuses an authorization server without an ID", () => {
    expect(() =>
      synthWith((s) => ({
        authorizationServer: Object.assign(new Construct(s, "server"), { authorizationServerId: "" }),
      })),
    ).toThrow(/login\.authorizationServer\.authorizationServerId: "" is not valid/);
  });

  test("refuses an OIDC app with a literal client secret (not from an AccessOidcApp or fromOidcAppAttributes), without printing it", () => {
    const message = errorOf(() => build({}, { clientSecret: "s3cret-literal" }));
    expect(message).toMatch(
      /^login\.oidcApp\.clientSecret is not valid \(its value is not printed\)\. Pass an AccessOidcApp, or an app made elsewhere through AccessOidcApp\.fromOidcAppAttributes/,
    );
    expect(message).not.toContain("s3cret-literal");
  });

  test("marks the client secret sensitive itself, so a reference from another stack's state stays hidden", () => {
    const { idp } = synthWith((s) => ({
      oidcApp: oidcAppStandIn(s, {
        clientSecret: new TerraformVariable(s, "plain_secret", { type: "string" }).stringValue,
      }),
    }));
    expect(idp.config.client_secret).toBe("${sensitive(var.plain_secret)}");
  });

  test("accepts an account ID that Terraform resolves later", () => {
    const { idp } = synthWith((s) => ({
      accountId: new TerraformVariable(s, "account_id", { type: "string" }).stringValue,
    }));
    expect(idp.account_id).toBe("${var.account_id}");
  });
});

describe("OktaLoginMethod.fromLoginMethodAttributes", () => {
  const attrs = { accountId, loginMethodId: "f174e90a-fafe-4643-bbbc-4a0ed4fc8415", loginMethodName: "Okta SSO" };

  test("gives a login method made elsewhere, with the attributes as given and no resource", () => {
    let method: IOktaLoginMethod | undefined;
    const stack = synthStack((s) => {
      method = OktaLoginMethod.fromLoginMethodAttributes(s, "existing", attrs);
    });
    expect(method).toMatchObject(attrs);
    expect(method!.node.id).toBe("existing");
    expect(stack.resource).toBeUndefined();
  });

  test.each([
    ["a bad account ID", { accountId: "acme" }, /existing\.accountId: "acme" is not valid\. Use the 32-character/],
    ["an empty ID", { loginMethodId: "" }, /existing\.loginMethodId: "" is not valid\. Use the login method's ID/],
    [
      "an empty name",
      { loginMethodName: "" },
      /existing\.loginMethodName: "" is not valid\. Use the login method's name/,
    ],
    ["an unknown attribute", { clientSecret: "x" }, /existing\.clientSecret is not a known key/],
  ])("refuses %s", (_name, change, message) => {
    expect(() =>
      synthStack((s) => OktaLoginMethod.fromLoginMethodAttributes(s, "existing", { ...attrs, ...change })),
    ).toThrow(message);
  });
});

/** The login method with props computed in its stack (for props that are constructs or variables). */
function synthWith(props: (scope: Construct) => Partial<OktaLoginMethodProps>) {
  const stack = synthStack((s) => {
    const given = props(s);
    new OktaLoginMethod(s, "login", { accountId, oidcApp: given.oidcApp ?? oidcAppStandIn(s), ...given });
  });
  return { idp: onlyResource(stack, "cloudflare_zero_trust_access_identity_provider") };
}
