import { Testing, TerraformOutput, TerraformStack } from "../../../src/cdktf";
import { IOktaAccessGroups, OktaAccessGroups, OktaAccessGroupsProps } from "../../../src/cloudflare/access-groups";
import { accessGroupName } from "../../../src/cloudflare/private/access-group-name";
import { OktaLoginMethod, OktaLoginMethodAttributes } from "../../../src/cloudflare/okta-login-method";
import { ValidationErrors } from "../../../src/private/validation";

const accountId = "0123456789abcdef0123456789abcdef";

/** Access groups on a login method made elsewhere (`login`: its attributes changed). */
function synth(props: Partial<OktaAccessGroupsProps>, login: Partial<OktaLoginMethodAttributes> = {}) {
  const stack = new TerraformStack(Testing.app(), "test");
  const loginMethod = OktaLoginMethod.fromLoginMethodAttributes(stack, "login", {
    accountId,
    loginMethodId: "idp-1",
    loginMethodName: "Okta",
    ...login,
  });
  const groups = new OktaAccessGroups(stack, "access-groups", {
    loginMethod,
    groups: ["Engineering", "Finance"],
    ...props,
  });
  new TerraformOutput(stack, "ids", { value: groups.accessGroupIds });
  return { groups, json: JSON.parse(Testing.synth(stack)) };
}

describe("OktaAccessGroups", () => {
  it("creates one Access group per Okta group with one for_each block, including it through the Okta login method", () => {
    const { json } = synth({});
    expect(Object.values(json.resource.cloudflare_zero_trust_access_group)).toEqual([
      expect.objectContaining({
        for_each: { Engineering: "Okta: Engineering", Finance: "Okta: Finance" },
        account_id: accountId,
        name: "${each.value}",
        include: [{ okta: { name: "${each.key}", identity_provider_id: "idp-1" } }],
      }),
    ]);
  });

  it("names Access groups after the login method and the Okta group", () => {
    expect(accessGroupName("Okta SSO", "Sales Team")).toBe("Okta SSO: Sales Team");
    const { json } = synth({ groups: ["Sales Team"] }, { loginMethodName: "Okta SSO" });
    const [block] = Object.values(json.resource.cloudflare_zero_trust_access_group) as { for_each: object }[];
    expect(block.for_each).toEqual({ "Sales Team": "Okta SSO: Sales Team" });
  });

  it("belongs to the login method's account", () => {
    expect(synth({}).groups.accountId).toBe(accountId);
  });

  it("maps each Okta group to its Access group instance's id reference, once per group", () => {
    const { groups, json } = synth({ groups: ["Engineering", "Engineering", 'Say "hi"'] });
    expect(groups.groups).toEqual(["Engineering", 'Say "hi"']);
    const [address] = Object.keys(json.resource.cloudflare_zero_trust_access_group);
    expect(json.output.ids.value).toEqual({
      Engineering: `\${cloudflare_zero_trust_access_group.${address}["Engineering"].id}`,
      'Say "hi"': `\${cloudflare_zero_trust_access_group.${address}["Say \\"hi\\""].id}`,
    });
  });

  it("keys instances by Okta group name, so the block's address stays when groups come and go", () => {
    const both = synth({}).json.resource.cloudflare_zero_trust_access_group;
    const one = synth({ groups: ["Finance"] }).json.resource.cloudflare_zero_trust_access_group;
    expect(Object.keys(one)).toEqual(Object.keys(both));
    expect(Object.values(one)).toEqual([expect.objectContaining({ for_each: { Finance: "Okta: Finance" } })]);
  });

  it("writes a group name that looks like Terraform as text, in the key, the name and the Okta rule", () => {
    const { json } = synth({ groups: ["50% ${team} %{if}"] });
    const group = Object.values(json.resource.cloudflare_zero_trust_access_group)[0] as {
      for_each: Record<string, string>;
    };
    expect(group.for_each).toEqual({ "50% $${team} %%{if}": "Okta: 50% $${team} %%{if}" });
  });

  it("creates nothing for no groups", () => {
    const { json, groups } = synth({ groups: [] });
    expect(json.resource).toBeUndefined();
    expect(groups.accessGroup).toBeUndefined();
    expect(groups.accessGroupIds).toEqual({});
  });

  it.each([
    ["an Okta group ID", { groups: ["00g1abcdefghijklmnop"] }, "access-groups.groups.0", "by name"],
    ["an empty group name", { groups: [""] }, "access-groups.groups.0", "group's name"],
    [
      "a group cdktf cannot key by",
      { groups: ["Finance", "toString"] },
      "access-groups.groups.1",
      "rename the group in Okta",
    ],
  ])("rejects %s", (_, props, field, fix) => {
    expect(() => synth(props)).toThrow(ValidationErrors);
    expect(() => synth(props)).toThrow(new RegExp(`${field.replace(/\./g, "\\.")}: .*${fix}`));
  });

  it.each([
    ["a bad account ID", { accountId: "acme" }, "access-groups.loginMethod.accountId: .*32-character"],
    ["no login method ID", { loginMethodId: "" }, "access-groups.loginMethod.loginMethodId: .*login method's ID"],
    [
      "no login method name",
      { loginMethodName: "" },
      "access-groups.loginMethod.loginMethodName: .*login method's name",
    ],
  ])("rejects a login method with %s", (_, login, message) => {
    const loginMethod = { accountId, loginMethodId: "idp-1", loginMethodName: "Okta", ...login };
    const build = () =>
      new OktaAccessGroups(new TerraformStack(Testing.app(), "test"), "access-groups", {
        loginMethod: loginMethod as unknown as OktaAccessGroupsProps["loginMethod"],
        groups: ["Engineering"],
      });
    expect(build).toThrow(ValidationErrors);
    expect(build).toThrow(new RegExp(message));
  });

  it("rejects no login method", () => {
    expect(() => synth({ loginMethod: undefined })).toThrow(
      /access-groups\.loginMethod is missing\. Pass an OktaLoginMethod, or one from OktaLoginMethod\.fromLoginMethodAttributes/,
    );
  });
});

describe("OktaAccessGroups.fromAccessGroupIds", () => {
  const accessGroupIds = { Engineering: "a1", constructor: "a2" };

  it("gives Access groups made elsewhere, with the IDs as given and no resource", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const groups: IOktaAccessGroups = OktaAccessGroups.fromAccessGroupIds(stack, "existing", {
      accountId,
      accessGroupIds,
    });
    expect(groups.accountId).toBe(accountId);
    expect(groups.accessGroupIds).toEqual(accessGroupIds);
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });

  it.each([
    ["a bad account ID", { accountId: "acme", accessGroupIds }, /existing\.accountId: "acme" is not valid/],
    [
      "an empty ID",
      { accountId, accessGroupIds: { Engineering: "" } },
      /existing\.accessGroupIds: .* Pass the Access group IDs by Okta group name/,
    ],
    ["a list of IDs", { accountId, accessGroupIds: ["a1"] }, /existing\.accessGroupIds: \["a1"\] is not valid/],
  ])("rejects %s", (_, attrs, message) => {
    const stack = new TerraformStack(Testing.app(), "test");
    expect(() => OktaAccessGroups.fromAccessGroupIds(stack, "existing", attrs as never)).toThrow(message);
  });
});
