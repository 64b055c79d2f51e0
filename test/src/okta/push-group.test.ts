import { Group } from "@cdktf/provider-okta/lib/group";
import { OktaProvider as OktaProvider420 } from "@cdktf/provider-okta/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import type { Construct } from "constructs";
import { OktaProvider } from "../../../src/okta/okta-provider";
import { PUSH_GROUP_PROVIDER_VERSION } from "../../../src/okta/private/okta-provider-version";
import { PushGroup, type PushGroupConfig } from "../../../src/okta/push-group";
import { ValidationError } from "../../../src/private/validation";

const APP = "0oa1b2c3d4E5F6g7h8i9";
const GROUP = "00g1b2c3d4E5F6g7h8i9";

function synth(build: (scope: Construct) => void) {
  return JSON.parse(Testing.synthScope(build));
}

function pushGroup(config: Partial<PushGroupConfig> = {}) {
  return synth((scope) => {
    new OktaProvider(scope, "okta");
    new PushGroup(scope, "engineers", { appId: APP, sourceGroupId: GROUP, ...config });
  }).resource.okta_push_group.engineers;
}

describe("PushGroup", () => {
  it("synthesizes snake_case arguments and leaves unset ones to the provider's defaults", () => {
    expect(pushGroup()).toEqual({ app_id: APP, source_group_id: GROUP });
    expect(
      pushGroup({ targetGroupName: "cf-engineers", status: "INACTIVE", deleteTargetGroupOnDestroy: false }),
    ).toEqual({
      app_id: APP,
      source_group_id: GROUP,
      target_group_name: "cf-engineers",
      status: "INACTIVE",
      delete_target_group_on_destroy: false,
    });
    expect(pushGroup({ targetGroupId: "00gTarget1" }).target_group_id).toBe("00gTarget1");
  });

  it("sends every app_config key, null when unset, since Terraform requires all keys of an object", () => {
    expect(pushGroup({ appConfig: { type: "ACTIVE_DIRECTORY", samAccountName: "engineers" } }).app_config).toEqual({
      type: "ACTIVE_DIRECTORY",
      distinguished_name: null,
      group_scope: null,
      group_type: null,
      sam_account_name: "engineers",
    });
  });

  it("turns references to variables and other resources into Terraform expressions", () => {
    const out = synth((scope) => {
      new OktaProvider(scope, "okta");
      const appId = new TerraformVariable(scope, "app_id", { type: "string" });
      const group = new Group(scope, "engineers_group", { name: "Engineers" });
      const push = new PushGroup(scope, "engineers", { appId: appId.stringValue, sourceGroupId: group.id });
      new Group(scope, "after", { name: "After", description: `${push.id} ${push.targetGroupId} ${push.status}` });
    });
    expect(out.resource.okta_push_group.engineers).toEqual({
      app_id: "${var.app_id}",
      source_group_id: "${okta_group.engineers_group.id}",
    });
    expect(out.resource.okta_group.after.description).toBe(
      "${okta_push_group.engineers.id} ${okta_push_group.engineers.target_group_id} ${okta_push_group.engineers.status}",
    );
  });

  it("imports by <app_id>/<mapping_id>", () => {
    const out = synth((scope) => {
      new OktaProvider(scope, "okta");
      new PushGroup(scope, "engineers", { appId: APP, sourceGroupId: GROUP }).importFrom(
        PushGroup.importId(APP, "gpm1a2b3c4"),
      );
    });
    expect(out.import).toEqual([{ id: `${APP}/gpm1a2b3c4`, to: "okta_push_group.engineers" }]);
  });

  it("synthesizes HCL too", () => {
    const stack = new TerraformStack(Testing.app(), "hcl");
    new OktaProvider(stack, "okta", { orgName: "dev-123456" });
    new PushGroup(stack, "engineers", { appId: APP, sourceGroupId: GROUP, appConfig: { type: "ACTIVE_DIRECTORY" } });
    const hcl: string = Testing.synthHcl(stack);
    expect(hcl).toContain('org_name = "dev-123456"');
    expect(hcl).toContain(`source_group_id = "${GROUP}"`);
    expect(hcl).toMatch(/app_config = \{\s*type = "ACTIVE_DIRECTORY"\s*distinguished_name = null/);
  });

  it.each<[string, Partial<PushGroupConfig>, string]>([
    ["status", { status: "enabled" }, 'status: "enabled" is not valid. Use "ACTIVE" or "INACTIVE".'],
    ["appId", { appId: "Cloudflare Access" }, 'appId: "Cloudflare Access" is not valid. Use the app\'s Okta ID'],
    ["sourceGroupId", { sourceGroupId: "" }, 'sourceGroupId: "" is not valid.'],
    ["targetGroupName", { targetGroupName: " " }, 'targetGroupName: " " is not valid. Use a name'],
    [
      "targetGroupId",
      { targetGroupName: "cf-engineers", targetGroupId: "00gTarget1" },
      'targetGroupId: "00gTarget1" is not valid. Set targetGroupName (link or create by name) or targetGroupId',
    ],
  ])("rejects a bad %s, naming field, value and fix", (_field, config, message) => {
    const build = () => pushGroup(config);
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(`stack/engineers.${message}`);
  });

  it("leaves unresolved tokens to Terraform", () => {
    expect(() =>
      synth((scope) => {
        new OktaProvider(scope, "okta");
        const status = new TerraformVariable(scope, "status", { type: "string" });
        const group = new TerraformVariable(scope, "group", { type: "string" });
        new PushGroup(scope, "engineers", {
          appId: APP,
          sourceGroupId: `${group.stringValue}`,
          status: status.stringValue,
        });
      }),
    ).not.toThrow();
  });

  it("refuses to synthesize next to the generated 4.20 OktaProvider", () => {
    const stack = new TerraformStack(Testing.app(), "mixed");
    new OktaProvider420(stack, "okta");
    new PushGroup(stack, "engineers", { appId: APP, sourceGroupId: GROUP });
    expect(() => Testing.synth(stack, true)).toThrow(
      `mixed/okta: okta_push_group needs okta provider ${PUSH_GROUP_PROVIDER_VERSION}`,
    );
  });
});
