import { TerraformVariable } from "../../../src/cdktf";
import { AccessOidcApp } from "../../../src/okta/access-oidc-app";
import { OktaGroups } from "../../../src/okta/groups";
import { synthStack } from "../../support/helpers";
import { applyStandIn, evaluate, terraformOnPath } from "../../support/terraform-console";

function searches(stack: Record<string, any>) {
  return Object.values(stack.data?.okta_groups ?? {}) as Array<Record<string, any>>;
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
    expect(check.condition).toBe(
      '${length(setsubtract(["Engineering"], [for g in self.groups : g.name if g.type == "OKTA_GROUP"])) == 0}',
    );
    expect(check.error_message).toContain("Okta groups not found");
  });

  test("maps names to IDs of Okta groups only (type OKTA_GROUP), and checks that no two share a name", () => {
    const stack = synthStack((s) => void new OktaGroups(s, "groups", { names: ["Engineering"] }));
    const [local] = Object.values(stack.locals) as string[];
    expect(local).toMatch(/ : g\.name => g\.id if g\.type == "OKTA_GROUP" \}\}$/);
    const [, unique] = searches(stack)[0].lifecycle.postcondition;
    expect(unique.condition).toBe(
      '${length([for g in self.groups : g.name if g.type == "OKTA_GROUP"]) == length(distinct([for g in self.groups : g.name if g.type == "OKTA_GROUP"]))}',
    );
  });

  // The expressions as Terraform itself evaluates them, on what okta_groups returns for an org where an
  // imported APP_GROUP shares a name with an Okta group (which broke the map: "Duplicate object key").
  (terraformOnPath ? describe : describe.skip)("evaluated by terraform console (skipped: no terraform on PATH)", () => {
    function run(groups: Array<{ name: string; id: string; type: string }>) {
      const stack = synthStack((s) => void new OktaGroups(s, "groups", { names: ["Engineering", "Finance"] }));
      const [search] = searches(stack);
      const [found, unique] = search.lifecycle.postcondition;
      const asLocal = (v: string) =>
        v.replace(/self\.groups/g, "local.groups").replace(/data\.okta_groups\.[^.]+\.groups/g, "local.groups");
      const [ids] = Object.values(stack.locals) as string[];
      const r = evaluate(
        { groups },
        {
          ids: asLocal(ids),
          found: asLocal(found.condition),
          unique: asLocal(unique.condition),
          unique_message: asLocal(unique.error_message),
        },
      );
      return { map: r.ids, foundOk: r.found, uniqueOk: r.unique, uniqueMessage: r.unique_message };
    }

    test("an APP_GROUP sharing an Okta group's name is ignored", () => {
      const r = run([
        { name: "Engineering", id: "00gokta", type: "OKTA_GROUP" },
        { name: "Engineering", id: "00gapp", type: "APP_GROUP" },
        { name: "Finance", id: "00gfin", type: "OKTA_GROUP" },
      ]);
      expect(r.map).toEqual({ value: { Engineering: "00gokta", Finance: "00gfin" } });
      expect(r.foundOk).toEqual({ value: true });
      expect(r.uniqueOk).toEqual({ value: true });
    });

    test("an APP_GROUP alone does not count as found", () => {
      const r = run([
        { name: "Engineering", id: "00gapp", type: "APP_GROUP" },
        { name: "Finance", id: "00gfin", type: "OKTA_GROUP" },
      ]);
      expect(r.foundOk).toEqual({ value: false });
    });

    test("terraform apply stops with that message, on a stand-in holding what okta_groups would return", () => {
      const [search] = searches(synthStack((s) => void new OktaGroups(s, "groups", { names: ["Engineering"] })));
      const onStandIn = search.lifecycle.postcondition.map((p: { condition: string; error_message: string }) => ({
        condition: p.condition.replace(/self\.groups/g, "self.output"),
        error_message: p.error_message.replace(/self\.groups/g, "self.output"),
      }));
      const twice = [
        { name: "Engineering", id: "00g1", type: "OKTA_GROUP" },
        { name: "Engineering", id: "00g2", type: "OKTA_GROUP" },
      ];
      const failed = applyStandIn(twice, onStandIn);
      expect(failed.status).toBe(1);
      expect(failed.output).toContain("Resource postcondition failed");
      expect(failed.output.replace(/\s+/g, " ")).toContain(
        "Several Okta groups share each of these names, so a name cannot say which group is meant: Engineering.",
      );
      expect(applyStandIn([twice[0], { ...twice[1], type: "APP_GROUP" }], onStandIn).status).toBe(0);
    });

    test("two Okta groups of one name fail the postcondition, which names them", () => {
      const r = run([
        { name: "Engineering", id: "00g1", type: "OKTA_GROUP" },
        { name: "Engineering", id: "00g2", type: "OKTA_GROUP" },
        { name: "Finance", id: "00gfin", type: "OKTA_GROUP" },
      ]);
      expect(r.uniqueOk).toEqual({ value: false });
      expect(r.map.error).toMatch(/Duplicate object key/);
      expect(r.uniqueMessage.value).toMatch(
        /^Several Okta groups share each of these names.*: Engineering\. Rename all but one in Okta, or list the group by its ID/,
      );
    });
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
    expect(local).toMatch(
      /^\$\{\{ for g in concat\(data\.okta_groups\.[^)]+\.groups\) : g\.name => g\.id if g\.type == "OKTA_GROUP" \}\}$/,
    );
  });

  test("passes a reference to a company's own group through without a lookup", () => {
    let id = "";
    const stack = synthStack((s) => {
      const own = new TerraformVariable(s, "own_group_id", { type: "string" });
      const groups = new OktaGroups(s, "groups", { names: [own.stringValue] });
      id = groups.idOf(own.stringValue);
      new AccessOidcApp(s, "oidc", {
        okta: { orgName: "acme", baseUrl: "okta.com" },
        teamName: "acme",
        assignedGroups: [own.stringValue],
        groups,
      });
    });
    expect(searches(stack)).toEqual([]);
    expect(id).toMatch(/^\$\{TfToken/);
    expect(Object.values(stack.resource.okta_app_group_assignments)[0]).toMatchObject({
      group: [{ id: "${var.own_group_id}" }],
    });
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
