import { OktaProvider } from "@cdktf/provider-okta/lib/provider";
import { Construct } from "constructs";
import { TerraformStack, Testing } from "../../../src/cdktf";
import { OktaGroups } from "../../../src/okta/groups";
import { assignGroups } from "../../../src/okta/private/group-assignments";

function oktaStack(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new OktaProvider(stack, "okta", { orgName: "acme" });
  return stack;
}

describe("OktaGroups.forStack", () => {
  test("reads the name -> ID map across stacks once and looks names up locally", () => {
    const app = Testing.app();
    const producer = oktaStack(app, "producer");
    const groups = new OktaGroups(producer, "groups", { names: ["Engineering", "Finance"] });
    const consumer = oktaStack(app, "consumer");
    assignGroups(
      consumer,
      "0oa1",
      ["Engineering", "Finance", "00g1234567890abcdefg"],
      groups.forStack(consumer, "group-ids"),
    );
    app.synth();
    const json = JSON.parse(Testing.synth(consumer));
    expect(json.locals["group-ids"]).toMatch(/^\$\{data\.terraform_remote_state\.[^}]+\.outputs\.[^}]+\}$/);
    const ids = Object.values(
      json.resource.okta_app_group_assignments as Record<string, { group: { id: string }[] }>,
    )[0].group.map((g) => g.id);
    expect(ids).toEqual(["${local.group-ids.Engineering}", "${local.group-ids.Finance}", "00g1234567890abcdefg"]);
  });

  test("refuses a name it was not given", () => {
    const app = Testing.app();
    const groups = new OktaGroups(new TerraformStack(app, "producer"), "groups", { names: ["Engineering"] });
    expect(() => groups.forStack(new TerraformStack(app, "consumer"), "ids").idOf("Finance")).toThrow(
      /"Finance" was not given to producer\/groups/,
    );
  });
});
