import { TerraformVariable } from "../../../src/cdktf";
import { AccessOidcApp } from "../../../src/okta/access-oidc-app";
import { OktaGroups } from "../../../src/okta/groups";
import { synthStack } from "../../helpers";

function searches(stack: Record<string, any>) { // eslint-disable-line @typescript-eslint/no-explicit-any
  return Object.values(stack.data?.okta_groups ?? {}) as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("OktaGroups", () => {
  test("looks up many names with one okta_groups search per page of 200, not one call per group", () => {
    const names = Array.from({ length: 250 }, (_, i) => `Team ${i}`);
    const stack = synthStack((s) => void new OktaGroups(s, "groups", { names }));
    const found = searches(stack);
    expect(found).toHaveLength(2);
    expect(found[0].search).toContain('profile.name eq "Team 0" or profile.name eq "Team 1"');
    expect(stack.data.okta_group).toBeUndefined();
  });

  test("fails the plan naming the groups that do not exist", () => {
    const [search] = searches(synthStack((s) => void new OktaGroups(s, "groups", { names: ["Engineering"] })));
    const [check] = search.lifecycle.postcondition;
    expect(check.condition).toBe('${length(setsubtract(["Engineering"], self.groups[*].name)) == 0}');
    expect(check.error_message).toContain("Okta groups not found");
  });

  test("resolves a name to a lookup in the ID map and passes IDs through without a lookup", () => {
    let ids: string[] = [];
    const stack = synthStack((s) => {
      const groups = new OktaGroups(s, "groups", { names: ["Engineering", "00g1abcdefghijklmnop"] });
      ids = [groups.idOf("Engineering"), groups.idOf("00g1abcdefghijklmnop")];
    });
    expect(ids[1]).toBe("00g1abcdefghijklmnop");
    expect(searches(stack)[0].search).toBe('profile.name eq "Engineering"');
    const [local] = Object.values(stack.locals) as string[];
    expect(local).toMatch(/^\$\{\{ for g in concat\(data\.okta_groups\.[^)]+\.groups\) : g\.name => g\.id \}\}$/);
  });

  test("passes a reference to a company's own group through without a lookup", () => {
    let id = "";
    const stack = synthStack((s) => {
      const own = new TerraformVariable(s, "own_group_id", { type: "string" });
      const groups = new OktaGroups(s, "groups", { names: [own.stringValue] });
      id = groups.idOf(own.stringValue);
      new AccessOidcApp(s, "oidc", { okta: { orgName: "acme", baseUrl: "okta.com" }, teamName: "acme", assignedGroups: [own.stringValue], groups });
    });
    expect(searches(stack)).toEqual([]);
    expect(id).toMatch(/^\$\{TfToken/);
    expect(Object.values(stack.resource.okta_app_group_assignments)[0]).toMatchObject({ group: [{ id: "${var.own_group_id}" }] });
  });

  test("quotes names with spaces and quotes safely in the search", () => {
    const [search] = searches(synthStack((s) => void new OktaGroups(s, "groups", { names: ['Cloudflare "Admins"'] })));
    expect(search.search).toBe('profile.name eq "Cloudflare \\"Admins\\""');
  });

  test("a name that looks like Terraform is searched for as text", () => {
    const [search] = searches(synthStack((s) => void new OktaGroups(s, "groups", { names: ["50% ${team}"] })));
    expect(search.search).toBe('profile.name eq "50% $${team}"');
    expect(search.lifecycle.postcondition[0].condition).toContain('["50% $${team}"]');
  });

  test("refuses a name it was not given", () => {
    expect(() =>
      synthStack((s) => {
        new OktaGroups(s, "groups", { names: ["Engineering"] }).idOf("Finance");
      }),
    ).toThrow(/Okta group "Finance" was not given/);
  });
});
