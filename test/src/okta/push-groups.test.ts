import { Testing } from "../../../src/cdktf";
import { IOktaGroupResolver } from "../../../src/okta/groups";
import { OktaV6Provider } from "../../../src/okta/push-group";
import { PushGroups, PushGroupsProps } from "../../../src/okta/push-groups";
import { ValidationErrors } from "../../../src/validation";

const APP = "0oa1b2c3d4E5F6g7h8i9";
const resolver: IOktaGroupResolver = { idOf: (name) => `00g${name}` };

function synth(props: Partial<PushGroupsProps> = {}) {
  return JSON.parse(
    Testing.synthScope((scope) => {
      new OktaV6Provider(scope, "okta");
      new PushGroups(scope, "push", { appId: APP, groupNames: ["Engineering", "Finance"], groups: resolver, ...props });
    }),
  );
}

describe("PushGroups", () => {
  it("pushes each group to the app with okta_push_group, by the ID the resolver gives", () => {
    const pushes = Object.values(synth().resource.okta_push_group);
    expect(pushes).toEqual([
      { app_id: APP, source_group_id: "00gEngineering" },
      { app_id: APP, source_group_id: "00gFinance" },
    ]);
  });

  it("names each resource after its group, so removing one group leaves the others' addresses alone", () => {
    const both = Object.keys(synth().resource.okta_push_group);
    const one = Object.keys(synth({ groupNames: ["Finance"] }).resource.okta_push_group);
    expect(one).toEqual([both[1]]);
  });

  it("rejects an empty list, naming the field", () => {
    expect(() => synth({ groupNames: [] })).toThrow(ValidationErrors);
    expect(() => synth({ groupNames: [] })).toThrow(/push\.groupNames: \[\] is not valid\. Name at least one group/);
  });

  it("rejects a group named twice", () => {
    expect(() => synth({ groupNames: ["Eng", "Eng"] })).toThrow(/Remove the duplicate group\(s\): Eng/);
  });
});
