import { Testing, TerraformOutput, TerraformStack } from "../../../src/cdktf";
import { accessGroupName, OktaAccessGroups, OktaAccessGroupsProps } from "../../../src/cloudflare/access-groups";
import { ValidationErrors } from "../../../src/validation";

const accountId = "0123456789abcdef0123456789abcdef";

function synth(props: Partial<OktaAccessGroupsProps>) {
  const stack = new TerraformStack(Testing.app(), "test");
  const groups = new OktaAccessGroups(stack, "access-groups", {
    accountId,
    loginMethodId: "idp-1",
    loginMethodName: "Okta",
    groups: ["Engineering", "Finance"],
    ...props,
  });
  new TerraformOutput(stack, "ids", { value: groups.ids });
  return { groups, json: JSON.parse(Testing.synth(stack)) };
}

describe("OktaAccessGroups", () => {
  it("creates one Access group per Okta group, including it through the Okta login method", () => {
    const { json } = synth({});
    const resources = Object.values(json.resource.cloudflare_zero_trust_access_group);
    expect(resources).toEqual([
      expect.objectContaining({
        account_id: accountId,
        name: "Okta: Engineering",
        include: [{ okta: { name: "Engineering", identity_provider_id: "idp-1" } }],
      }),
      expect.objectContaining({ name: "Okta: Finance", include: [{ okta: { name: "Finance", identity_provider_id: "idp-1" } }] }),
    ]);
  });

  it("names Access groups after the login method and the Okta group", () => {
    expect(accessGroupName("Okta SSO", "Sales Team")).toBe("Okta SSO: Sales Team");
    const { json } = synth({ loginMethodName: "Okta SSO", groups: ["Sales Team"] });
    expect(Object.values(json.resource.cloudflare_zero_trust_access_group)).toEqual([expect.objectContaining({ name: "Okta SSO: Sales Team" })]);
  });

  it("maps each Okta group to its Access group's id reference, once per group", () => {
    const { groups, json } = synth({ groups: ["Engineering", "Engineering"] });
    expect(groups.groups).toEqual(["Engineering"]);
    const [address] = Object.keys(json.resource.cloudflare_zero_trust_access_group);
    expect(json.output.ids.value).toEqual({ Engineering: `\${cloudflare_zero_trust_access_group.${address}.id}` });
  });

  it("creates nothing for no groups", () => {
    const { json, groups } = synth({ groups: [] });
    expect(json.resource).toBeUndefined();
    expect(groups.ids).toEqual({});
  });

  it.each([
    ["an Okta group ID", { groups: ["00g1abcdefghijklmnop"] }, "access-groups.groups.0", "by name"],
    ["a Terraform template", { groups: ["${evil}"] }, "access-groups.groups.0", "Terraform expressions"],
    ["an empty group name", { groups: [""] }, "access-groups.groups.0", "group's name"],
    ["a bad account ID", { accountId: "acme" }, "access-groups.accountId", "32-character"],
    ["no login method ID", { loginMethodId: "" }, "access-groups.loginMethodId", "loginMethodId"],
    ["no login method name", { loginMethodName: "" }, "access-groups.loginMethodName", "login method's name"],
  ])("rejects %s", (_, props, field, fix) => {
    expect(() => synth(props)).toThrow(ValidationErrors);
    expect(() => synth(props)).toThrow(new RegExp(`${field.replace(/\./g, "\\.")}: .*${fix}`));
  });
});
