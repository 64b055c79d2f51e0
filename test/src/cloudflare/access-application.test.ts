import { Construct } from "constructs";
import { Testing, TerraformStack } from "../../../src/cdktf";
import { AccessApplication, AccessApplicationProps } from "../../../src/cloudflare/access-application";
import { OktaAccessGroups } from "../../../src/cloudflare/access-groups";
import { OktaLoginMethod } from "../../../src/cloudflare/okta-login-method";
import { ValidationErrors } from "../../../src/private/validation";
import { oidcAppStandIn } from "../../support/helpers";

const accountId = "0123456789abcdef0123456789abcdef";

/** A login method, Access groups for Engineering and Finance, and one application, as a company stack would wire them. */
function synth(props: Partial<AccessApplicationProps> | ((scope: Construct) => Partial<AccessApplicationProps>) = {}) {
  const stack = new TerraformStack(Testing.app(), "test");
  const loginMethod = new OktaLoginMethod(stack, "login", { accountId, oidcApp: oidcAppStandIn(stack) });
  const accessGroups = new OktaAccessGroups(stack, "groups", { loginMethod, groups: ["Engineering", "Finance"] });
  const application = new AccessApplication(stack, "wiki", {
    name: "Wiki",
    domain: "wiki.acme.example",
    loginMethod,
    accessGroups,
    allowGroups: ["Engineering"],
    ...(typeof props === "function" ? props(stack) : props),
  });
  const json = JSON.parse(Testing.synth(stack));
  const resources = (type: string) => Object.entries(json.resource[type]) as [string, Record<string, unknown>][];
  const [[, app]] = resources("cloudflare_zero_trust_access_application");
  const [[policyAddress, policy]] = resources("cloudflare_zero_trust_access_policy");
  const [[groupAddress]] = resources("cloudflare_zero_trust_access_group");
  const [loginAddress] = Object.keys(json.resource.cloudflare_zero_trust_access_identity_provider);
  return { application, app, policy, policyAddress, groupAddress, loginAddress };
}

describe("AccessApplication", () => {
  it("creates a self-hosted application that sends users straight to the Okta login method", () => {
    const { app, loginAddress } = synth();
    expect(app).toMatchObject({
      account_id: accountId,
      name: "Wiki",
      type: "self_hosted",
      domain: "wiki.acme.example",
      allowed_idps: [`\${cloudflare_zero_trust_access_identity_provider.${loginAddress}.id}`],
      auto_redirect_to_identity: true,
    });
    expect(app.session_duration).toBeUndefined();
  });

  it("attaches one allow policy, by reference, first in precedence", () => {
    const { app, policy, policyAddress } = synth();
    expect(app.policies).toEqual([
      { id: `\${cloudflare_zero_trust_access_policy.${policyAddress}.id}`, precedence: 1 },
    ]);
    expect(policy).toMatchObject({ account_id: accountId, name: "Wiki: allow", decision: "allow" });
  });

  it("includes the allowed groups' Access group resources, not literal IDs", () => {
    const { policy, groupAddress } = synth({ allowGroups: ["Finance", "Engineering", "Finance"] });
    expect(policy.include).toEqual([
      { group: { id: `\${cloudflare_zero_trust_access_group.${groupAddress}["Finance"].id}` } },
      { group: { id: `\${cloudflare_zero_trust_access_group.${groupAddress}["Engineering"].id}` } },
    ]);
  });

  it("sets the session duration on the application and its policy, which would otherwise override it with 24h", () => {
    const { app, policy } = synth({ sessionDuration: "8h" });
    expect(app.session_duration).toBe("8h");
    expect(policy.session_duration).toBe("8h");
  });

  it("exposes the application ID and AUD tag as references", () => {
    const { application } = synth();
    expect(application.applicationId).toMatch(/^\$\{TfToken/);
    expect(application.aud).toMatch(/^\$\{TfToken/);
  });

  it('allows a group named "constructor", like any other name, in Access groups made elsewhere', () => {
    const { policy } = synth((s) => ({
      accessGroups: OktaAccessGroups.fromAccessGroupIds(s, "existing", {
        accountId,
        accessGroupIds: { constructor: "access-group-id" },
      }),
      allowGroups: ["constructor"],
    }));
    expect(policy.include).toEqual([{ group: { id: "access-group-id" } }]);
  });

  it("belongs to the login method's account, made elsewhere too", () => {
    const other = "fedcba9876543210fedcba9876543210";
    const { app, policy } = synth((s) => ({
      loginMethod: OktaLoginMethod.fromLoginMethodAttributes(s, "existing-login", {
        accountId: other,
        loginMethodId: "idp-1",
        loginMethodName: "Okta",
      }),
      accessGroups: OktaAccessGroups.fromAccessGroupIds(s, "existing", {
        accountId: other,
        accessGroupIds: { Engineering: "g1" },
      }),
    }));
    expect(app).toMatchObject({ account_id: other, allowed_idps: ["idp-1"] });
    expect(policy.account_id).toBe(other);
  });

  it("rejects Access groups of another account than the login method's", () => {
    const build = () =>
      synth((s) => ({
        accessGroups: OktaAccessGroups.fromAccessGroupIds(s, "existing", {
          accountId: "fedcba9876543210fedcba9876543210",
          accessGroupIds: { Engineering: "g1" },
        }),
      }));
    expect(build).toThrow(ValidationErrors);
    expect(build).toThrow(
      /wiki\.accessGroups\.accountId: "fedcba9876543210fedcba9876543210" is not valid\. Access groups of account fedcba9876543210fedcba9876543210 cannot be used with a login method of account 0123456789abcdef0123456789abcdef/,
    );
  });

  it("accepts a domain with a path", () => {
    expect(synth({ domain: "acme.example/wiki" }).app.domain).toBe("acme.example/wiki");
  });

  it.each([
    ["a domain with a scheme", { domain: "https://wiki.acme.example" }, "wiki.domain", "without scheme"],
    ["a domain with uppercase letters", { domain: "Wiki.acme.example" }, "wiki.domain", "lowercase hostname"],
    ["a bad session duration", { sessionDuration: "1 day" }, "wiki.sessionDuration", '"24h"'],
    ["no allowed groups", { allowGroups: [] }, "wiki.allowGroups", "at least one Okta group"],
    ["a group without an Access group", { allowGroups: ["Sales"] }, "wiki.allowGroups", '"Sales" has no Access group'],
    ["an Okta group ID", { allowGroups: ["00g1abcdefghijklmnop"] }, "wiki.allowGroups.0", "by name"],
    ["an empty name", { name: "" }, "wiki.name", "App Launcher"],
  ])("rejects %s", (_, props, field, fix) => {
    expect(() => synth(props)).toThrow(ValidationErrors);
    expect(() => synth(props)).toThrow(`${field}: `);
    expect(() => synth(props)).toThrow(fix);
  });

  it.each([
    ["login method", { loginMethod: undefined }, "wiki.loginMethod is missing. Pass an OktaLoginMethod"],
    ["Access groups", { accessGroups: undefined }, "wiki.accessGroups is missing. Pass an OktaAccessGroups"],
  ])("rejects no %s", (_, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
