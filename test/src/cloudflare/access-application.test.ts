import { Testing, TerraformStack, TerraformVariable } from "../../../src/cdktf";
import {
  AccessApplication,
  AccessApplicationProps,
  groupsWithoutAccessGroup,
  isAccessDomain,
  isAccessSessionDuration,
} from "../../../src/cloudflare/access-application";
import { OktaAccessGroups } from "../../../src/cloudflare/access-groups";
import { OktaLoginMethod } from "../../../src/cloudflare/okta-login-method";
import { ValidationErrors } from "../../../src/private/validation";

const accountId = "0123456789abcdef0123456789abcdef";

/** A login method, Access groups for Engineering and Finance, and one application, as a company stack would wire them. */
function synth(props: Partial<AccessApplicationProps> = {}) {
  const stack = new TerraformStack(Testing.app(), "test");
  const login = new OktaLoginMethod(stack, "login", {
    accountId,
    clientId: "client",
    clientSecret: new TerraformVariable(stack, "client_secret", { type: "string", sensitive: true }).stringValue,
    oktaAccount: "https://acme.okta.com",
  });
  const groups = new OktaAccessGroups(stack, "groups", {
    accountId,
    loginMethodId: login.loginMethodId,
    loginMethodName: login.name,
    groups: ["Engineering", "Finance"],
  });
  new AccessApplication(stack, "wiki", {
    accountId,
    name: "Wiki",
    domain: "wiki.acme.example",
    loginMethodId: login.loginMethodId,
    accessGroups: groups.ids,
    allowGroups: ["Engineering"],
    ...props,
  });
  const json = JSON.parse(Testing.synth(stack));
  const resources = (type: string) => Object.entries(json.resource[type]) as [string, Record<string, unknown>][];
  const [[, app]] = resources("cloudflare_zero_trust_access_application");
  const [[policyAddress, policy]] = resources("cloudflare_zero_trust_access_policy");
  const [[groupAddress]] = resources("cloudflare_zero_trust_access_group");
  const [loginAddress] = Object.keys(json.resource.cloudflare_zero_trust_access_identity_provider);
  return { app, policy, policyAddress, groupAddress, loginAddress };
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

  it('allows a group named "constructor", like any other name', () => {
    const { policy } = synth({ accessGroups: { constructor: "access-group-id" }, allowGroups: ["constructor"] });
    expect(policy.include).toEqual([{ group: { id: "access-group-id" } }]);
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
    ["a bad account ID", { accountId: "acme" }, "wiki.accountId", "32-character"],
    ["no login method ID", { loginMethodId: "" }, "wiki.loginMethodId", "loginMethodId"],
  ])("rejects %s", (_, props, field, fix) => {
    expect(() => synth(props)).toThrow(ValidationErrors);
    expect(() => synth(props)).toThrow(`${field}: `);
    expect(() => synth(props)).toThrow(fix);
  });
});

describe("isAccessDomain", () => {
  it.each([
    "wiki.acme.example",
    "acme.example/wiki",
    "acme.example/wiki/*",
    "*.acme.example",
    "app-1.eu.acme.example/a/b",
  ])("accepts %s", (domain) => expect(isAccessDomain(domain)).toBe(true));
  it.each([
    "https://wiki.acme.example",
    "wiki",
    "wiki.acme.example:8443",
    "WIKI.acme.example",
    "-wiki.acme.example",
    "wiki..acme",
    "acme.example/a b",
    "acme.example/?q=1",
    "",
  ])("rejects %s", (domain) => expect(isAccessDomain(domain)).toBe(false));
});

describe("isAccessSessionDuration", () => {
  it.each(["24h", "30m", "2h45m", "300ms", "1.5h", "0", "90s", "10µs", "10us"])("accepts %s", (d) =>
    expect(isAccessSessionDuration(d)).toBe(true),
  );
  it.each(["24", "1d", "1 day", "h", "24H", ""])("rejects %s", (d) => expect(isAccessSessionDuration(d)).toBe(false));
});

describe("groupsWithoutAccessGroup", () => {
  it("lists allowed groups that have no Access group", () => {
    expect(groupsWithoutAccessGroup(["Engineering"], ["Engineering", "Sales"])).toEqual(["Sales"]);
  });
});
