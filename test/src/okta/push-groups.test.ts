import { Testing } from "../../../src/cdktf";
import { IOktaGroups } from "../../../src/okta/groups";
import { OktaProvider } from "../../../src/okta/okta-provider";
import { ScimApp } from "../../../src/okta/scim-app";
import { ScimCatalogApp } from "../../../src/okta/scim-catalog-app";
import { PushGroups, PushGroupsProps } from "../../../src/okta/push-groups";
import { ValidationErrors } from "../../../src/private/validation";

const APP = "0oa1b2c3d4E5F6g7h8i9";
const resolver: IOktaGroups = { idOf: (name) => `00g${name}` };

function synth(props: Partial<PushGroupsProps> = {}) {
  return JSON.parse(
    Testing.synthScope((scope) => {
      new OktaProvider(scope, "okta");
      const scimApp = ScimApp.fromScimAppId(scope, "app", APP, ScimCatalogApp.HEADER_AUTH);
      new PushGroups(scope, "push", { scimApp, groupNames: ["Engineering", "Finance"], groups: resolver, ...props });
    }),
  );
}

describe("PushGroups", () => {
  it("pushes each group to the app with one okta_push_group block, by the ID the resolver gives", () => {
    const pushes = Object.values(synth().resource.okta_push_group);
    expect(pushes).toEqual([
      {
        for_each: { Engineering: "00gEngineering", Finance: "00gFinance" },
        app_id: APP,
        source_group_id: "${each.value}",
      },
    ]);
  });

  it("keys each push by its group's name, so removing one group leaves the others' addresses alone", () => {
    const both = synth().resource.okta_push_group;
    const one = synth({ groupNames: ["Finance"] }).resource.okta_push_group;
    expect(Object.keys(one)).toEqual(Object.keys(both));
    expect(Object.values(one)).toEqual([expect.objectContaining({ for_each: { Finance: "00gFinance" } })]);
  });

  it("keys a group named like an Object property by that name", () => {
    const [push] = Object.values(synth({ groupNames: ["constructor", "valueOf"] }).resource.okta_push_group) as {
      for_each: object;
    }[];
    expect(push.for_each).toEqual({ constructor: "00gconstructor", valueOf: "00gvalueOf" });
  });

  it.each(["__proto__", "toString"])('rejects a group named "%s", which cdktf cannot write as a key', (name) => {
    expect(() => synth({ groupNames: [name] })).toThrow(
      new RegExp(`push\\.groupNames\\.0: "${name}" is not valid\\. .*rename the group or use its ID`),
    );
  });

  it("rejects an empty list, naming the field", () => {
    expect(() => synth({ groupNames: [] })).toThrow(ValidationErrors);
    expect(() => synth({ groupNames: [] })).toThrow(/push\.groupNames: \[\] is not valid\. Name at least one group/);
  });

  it("pushes to a dashboard SCIM app made elsewhere, by its ID", () => {
    const dashboard = "0oa9z8y7x6W5V4u3t2s1";
    const pushes = JSON.parse(
      Testing.synthScope((scope) => {
        new OktaProvider(scope, "okta");
        const scimApp = ScimApp.fromScimAppId(scope, "app", dashboard, ScimCatalogApp.OAUTH_BEARER_TOKEN);
        new PushGroups(scope, "push", { scimApp, groupNames: ["Admins"], groups: resolver });
      }),
    ).resource.okta_push_group;
    expect(Object.values(pushes)).toEqual([expect.objectContaining({ app_id: dashboard })]);
  });

  it("rejects something that is not a SCIM app", () => {
    expect(() => synth({ scimApp: { scimAppId: 1 } as never })).toThrow(
      /push\.scimApp.*Pass a ScimApp, or one imported with ScimApp\.fromScimAppId/,
    );
  });

  it("rejects a group named twice", () => {
    expect(() => synth({ groupNames: ["Eng", "Eng"] })).toThrow(/Remove the duplicate group\(s\): Eng/);
  });
});
