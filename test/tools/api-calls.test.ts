import { readFileSync } from "fs";
import { join } from "path";
import { TerraformStack, Testing } from "../../src/cdktf";
import { PushGroups } from "../../src/okta/push-groups";
import { ScimApp } from "../../src/okta/scim-app";
import { ScimCatalogApp } from "../../src/okta/scim-catalog-app";
import { parseConfig } from "../../app/config/load";
import { buildStacks } from "../../app/build-stacks";
import { appsAndGroupsCalls, estimateApiCalls, StackJson } from "../../tools/bench/api-calls";
import { ConfigJson, scaledConfig } from "../../tools/bench/configs";

const example = (): ConfigJson =>
  JSON.parse(readFileSync(join(__dirname, "..", "..", "config", "example.json"), "utf8"));

/** Every stack of the app for `config`, synthesized. */
function synthAll(config: ConfigJson): StackJson[] {
  const app = Testing.app({ stackTraces: false });
  buildStacks(app, parseConfig(config));
  return app.node.children
    .filter((c): c is TerraformStack => c instanceof TerraformStack)
    .map((s) => JSON.parse(Testing.synth(s)));
}

/** One okta stack holding only `resource` and `data`. */
const stack = (resource: StackJson["resource"] = {}, data: StackJson["data"] = {}): StackJson => ({
  provider: { okta: [{}] },
  resource,
  data,
});
const names = (n: number) => Array.from({ length: n }, (_, i) => `profile.name eq "g${i}"`).join(" or ");
const groups = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `00g${i}` }));

describe("estimateApiCalls on the synthesized app", () => {
  test("the example config costs a handful of calls and every okta type it uses is modelled", () => {
    const estimate = estimateApiCalls(synthAll(example()));
    expect(estimate.unmodelled).toEqual([]);
    // One search for the Access groups, one for the dashboard SCIM groups.
    expect(estimate.buckets["/api/v1/groups"]).toBe(2);
    // OIDC app 1 + its assignments 1; two SCIM (SAML) apps, 3 + their assignments 1 each.
    expect(estimate.buckets["/api/v1/apps"]).toBe(10);
  });

  test("1,000 groups cost a few searches, not a call per group, and 5 assignment pages per app", () => {
    const stacks = synthAll(scaledConfig(example(), 1000));
    const estimate = estimateApiCalls(stacks);
    const searches = Object.keys(stacks.find((s) => s.data?.okta_groups)?.data?.okta_groups ?? {}).length;
    // Access and dashboard SCIM each look their groups up once.
    expect(estimate.buckets["/api/v1/groups"]).toBe(2 * searches);
    expect(searches).toBeLessThanOrEqual(6);
    expect(estimate.byType.okta_app_group_assignments).toBe(15);
    // Two push-groups stacks of one for_each block each, read one mapping per group.
    expect(estimate.pushGroupMappings).toBe(2000);
    // The largest single plan (cdktf plans one stack at a time): dashboard SCIM's stack, which looks
    // its groups up and reads a SAML app (3) with 5 assignment pages; under the target of 20.
    const largest = Math.max(...stacks.map((s) => appsAndGroupsCalls(estimateApiCalls([s]))));
    expect(largest).toBe(3 + 5 + searches);
    expect(largest).toBeLessThan(20);
  });

  test("groups given by ID cost no group calls", () => {
    const estimate = estimateApiCalls(synthAll(scaledConfig(example(), 250, "ids")));
    expect(estimate.buckets["/api/v1/groups"]).toBe(0);
    // OIDC app 1 + 2 assignment pages, two SCIM apps 3 + 2 assignment pages each.
    expect(appsAndGroupsCalls(estimate)).toBe(13);
  });
});

describe("estimateApiCalls cost model", () => {
  test.each([
    [1, 1],
    [200, 1],
    [201, 2],
  ])("a search for %i names reads %i page(s) of groups", (n, calls) => {
    expect(estimateApiCalls([stack({}, { okta_groups: { s: { search: names(n) } } })]).buckets["/api/v1/groups"]).toBe(
      calls,
    );
  });

  test.each([
    [1, 1],
    [200, 1],
    [1000, 5],
  ])("assignments of %i groups read %i page(s)", (n, calls) => {
    expect(
      estimateApiCalls([stack({ okta_app_group_assignments: { a: { group: groups(n) } } })]).buckets["/api/v1/apps"],
    ).toBe(calls);
  });

  test("an OAuth app reads the app and its groups claim; the org kind is read once per stack", () => {
    const estimate = estimateApiCalls([stack({ okta_app_oauth: { a: {}, b: {} } })]);
    expect(estimate.buckets["/api/v1/apps"]).toBe(2);
    expect(estimate.buckets["/api/v1/internal/apps"]).toBe(2);
    expect(estimate.buckets["/.well-known/okta-organization"]).toBe(1);
    expect(estimate.buckets["/api/v1/users"]).toBe(2);
  });

  test("push-group mappings are read one by one and reported apart from the buckets", () => {
    const estimate = estimateApiCalls([stack({ okta_push_group: { p: { count: 300 }, q: {} } })]);
    expect(estimate.pushGroupMappings).toBe(301);
    expect(estimate.buckets["/api/v1/apps"]).toBe(0);
  });

  test("a for_each block costs one read per key of its literal map or set", () => {
    const estimate = estimateApiCalls([
      stack({
        okta_push_group: { p: { for_each: { a: "00g1", b: "${local.ids.b}" } }, q: { for_each: ["x", "y", "z"] } },
      }),
    ]);
    expect(estimate.pushGroupMappings).toBe(5);
  });

  test("synthesized PushGroups are counted per pushed group, not per block", () => {
    const s = new TerraformStack(Testing.app(), "push");
    new PushGroups(s, "push", {
      scimApp: ScimApp.fromScimAppId(s, "app", "0oa1b2c3d4E5F6g7h8i9", ScimCatalogApp.HEADER_AUTH),
      groupNames: ["Engineering", "Finance", "Sales"],
      groups: { idOf: (n) => `\${local.ids.${n}}` },
    });
    const json = JSON.parse(Testing.synth(s));
    expect(Object.keys(json.resource.okta_push_group)).toHaveLength(1);
    expect(estimateApiCalls([{ ...json, provider: { okta: [{}] } }]).pushGroupMappings).toBe(3);
  });

  test("types without a cost and counts known only at plan are reported, not silently free", () => {
    const estimate = estimateApiCalls([
      stack({ okta_user: { u: {} }, okta_push_group: { p: { for_each: "${var.groups}" } } }),
    ]);
    expect(estimate.unmodelled).toEqual(["okta_push_group (count/for_each not known at synth)", "okta_user"]);
  });

  test("stacks without the okta provider cost no Okta calls", () => {
    const estimate = estimateApiCalls([{ resource: { cloudflare_zero_trust_access_identity_provider: { x: {} } } }]);
    expect(Object.values(estimate.buckets).every((n) => n === 0)).toBe(true);
  });
});
