import { PUSH_GROUP_PROVIDER_VERSION } from "../../../src/okta/private/okta-provider-version";
import { buildStacks } from "../../../app/build-stacks";
import { exampleConfig, synthAll, testApp } from "../../support/helpers";

const configured = exampleConfig((c) => (c.accessLogin.scim.provisioningConfigured = true));

describe("okta-access-push-groups", () => {
  it("exists only when the config says the SCIM app's provisioning is configured", () => {
    expect(buildStacks(testApp(), exampleConfig()).oktaAccessPushGroups).toBeUndefined();
    expect(buildStacks(testApp(), configured).oktaAccessPushGroups?.node.id).toBe("okta-access-push-groups");
  });

  it("is not created when there is nothing to push", () => {
    const none = exampleConfig((c) => {
      c.accessLogin.scim.provisioningConfigured = true;
      c.accessLogin.scim.pushGroups = [];
      delete c.accessApplications;
    });
    expect(buildStacks(testApp(), none).oktaAccessPushGroups).toBeUndefined();
  });

  describe("synthesized", () => {
    const app = testApp();
    buildStacks(app, configured);
    const stacks = synthAll(app);
    const push = stacks["okta-access-push-groups"];

    it("runs the okta provider version that has okta_push_group, while the other okta stacks keep 4.20.0", () => {
      expect(push.terraform.required_providers.okta).toEqual({
        source: "okta/okta",
        version: PUSH_GROUP_PROVIDER_VERSION,
      });
      expect(PUSH_GROUP_PROVIDER_VERSION).toBe("~> 6.11");
      expect(stacks["okta-access-scim"].terraform.required_providers.okta.version).toBe("4.20.0");
    });

    it("configures that provider for the org with the configured retry settings and no credentials", () => {
      expect(push.provider.okta).toEqual([
        {
          org_name: "acme",
          base_url: "okta.com",
          backoff: true,
          max_retries: 5,
          min_wait_seconds: 30,
          max_wait_seconds: 300,
          max_api_capacity: 50,
          parallelism: 1,
        },
      ]);
    });

    it("pushes each configured group to the SCIM app, reading app and group IDs from the other stacks' state", () => {
      const pushes = Object.values(push.resource.okta_push_group) as any[];
      expect(pushes).toHaveLength(1);
      expect(pushes[0].for_each).toEqual({
        Engineering: "${local.group-ids.Engineering}",
        Finance: "${local.group-ids.Finance}",
      });
      expect(pushes[0].source_group_id).toBe("${each.value}");
      // The ID map itself is read once from the stack that looked the groups up.
      expect(push.locals["group-ids"]).toMatch(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-okta-access-oidc\.outputs\./,
      );
      for (const p of pushes) {
        expect(p.app_id).toMatch(
          /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-okta-access-scim\.outputs\.cross-stack-output-okta_app_saml.*id\}$/,
        );
      }
      // No lookups of its own: the IDs cost no Okta API calls here.
      expect(push.data.okta_groups).toBeUndefined();
      expect(Object.keys(push.data.terraform_remote_state).sort()).toEqual([
        "cross-stack-reference-input-okta-access-oidc",
        "cross-stack-reference-input-okta-access-scim",
      ]);
    });

    it("exposes the app ID it pushes to from the SCIM app's stack", () => {
      const outputs = Object.values(stacks["okta-access-scim"].output) as any[];
      expect(outputs.map((o) => o.value)).toContain("${okta_app_saml.access-scim-app_A6B3A9F0.id}");
    });
  });

  it("is deployed after the stacks it reads", () => {
    const app = testApp();
    const { oktaAccessPushGroups } = buildStacks(app, configured);
    app.synth();
    expect(oktaAccessPushGroups!.dependencies.map((s) => s.node.id).sort()).toEqual([
      "okta-access-oidc",
      "okta-access-scim",
    ]);
  });
});

describe("okta-dashboard-push-groups", () => {
  const dashboardConfigured = exampleConfig((c) => (c.dashboardScim.provisioningConfigured = true));

  it("exists only when the config says the dashboard SCIM app's provisioning is configured", () => {
    expect(buildStacks(testApp(), exampleConfig()).oktaDashboardPushGroups).toBeUndefined();
    expect(buildStacks(testApp(), dashboardConfigured).oktaDashboardPushGroups?.node.id).toBe(
      "okta-dashboard-push-groups",
    );
  });

  it("pushes the dashboard groups, reading app and group IDs from okta-dashboard-scim's state", () => {
    const app = testApp();
    buildStacks(app, dashboardConfigured);
    const push = synthAll(app)["okta-dashboard-push-groups"];
    expect(push.terraform.required_providers.okta.version).toBe(PUSH_GROUP_PROVIDER_VERSION);
    const pushes = Object.values(push.resource.okta_push_group) as any[];
    expect(pushes).toEqual([
      {
        "//": expect.anything(),
        app_id: expect.stringMatching(
          /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-okta-dashboard-scim\.outputs\..*id\}$/,
        ),
        for_each: { "Cloudflare Admins": '${local.group-ids["Cloudflare Admins"]}' },
        source_group_id: "${each.value}",
      },
    ]);
    expect(Object.keys(push.data.terraform_remote_state)).toEqual(["cross-stack-reference-input-okta-dashboard-scim"]);
  });
});
