import { readFileSync } from "fs";
import { join } from "path";
import { synthApp, StackJson } from "../support/helpers";
import { planImportsStandIn, terraformOnPath } from "../support/terraform-console";

// Adoption: IDs in `existing` become Terraform import blocks at the addresses the stacks already use.

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const OIDC = "0oa1oidcapp000000001";
const SCIM = "0oa1accessscim000001";
const DASH = "0oa1dashscim00000001";
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const existing = {
  oidcAppId: OIDC,
  authorizationServer: {
    id: "aus1server0000000001",
    groupsScopeId: "scp1groups0000000001",
    groupsClaimId: "ocl1groups0000000001",
    policyId: "00p1policy0000000001",
    policyRuleId: "0pr1rule000000000001",
  },
  loginMethodId: uuid(1),
  accessScimAppId: SCIM,
  accessPushMappingIds: { Engineering: "gPm1engineering00001", Finance: "gPm1finance000000001" },
  accessGroupIds: { Engineering: uuid(2) },
  accessApplicationIds: { Wiki: { applicationId: uuid(3), policyId: uuid(4) } },
  dashboardScimAppId: DASH,
  dashboardPushMappingIds: { "Cloudflare Admins": "gPm1admins0000000001" },
  dashboardScimTokenId: "0123456789abcdef0123456789abcd01",
};

function everythingOn(): Record<string, any> {
  return JSON.parse(readFileSync(join(__dirname, "..", "..", "e2e", "configs", "everything-on.json"), "utf8"));
}

function adopted(edit: (e: typeof existing) => Partial<typeof existing> = (e) => e) {
  return synthApp({ ...everythingOn(), existing: edit(structuredClone(existing)) });
}

/** A stack's import blocks as `to -> id`. */
function imports(stack: StackJson): Record<string, string> {
  return Object.fromEntries((stack.import ?? []).map((b: { to: string; id: string }) => [b.to, b.id]));
}

/** `<type>.<name>` of the only resource of `type` in the stack. */
function address(stack: StackJson, type: string): string {
  const names = Object.keys(stack.resource[type]);
  expect(names).toHaveLength(1);
  return `${type}.${names[0]}`;
}

describe("adopting a setup made by hand", () => {
  const app = adopted();

  test("the OIDC app and its assignments import by the app ID (okta app.go, resource_okta_app_group_assignments.go)", () => {
    const s = app.stack("okta-access-oidc");
    expect(imports(s)).toMatchObject({
      [address(s, "okta_app_oauth")]: OIDC,
      [address(s, "okta_app_group_assignments")]: OIDC,
    });
  });

  test("the authorization server imports by its ID, scope/claim/policy by <server>/<id>, the rule by <server>/<policy>/<rule>", () => {
    const s = app.stack("okta-access-oidc");
    const a = existing.authorizationServer;
    expect(imports(s)).toMatchObject({
      [address(s, "okta_auth_server")]: a.id,
      [address(s, "okta_auth_server_scope")]: `${a.id}/${a.groupsScopeId}`,
      [address(s, "okta_auth_server_claim")]: `${a.id}/${a.groupsClaimId}`,
      [address(s, "okta_auth_server_policy")]: `${a.id}/${a.policyId}`,
      [address(s, "okta_auth_server_policy_rule")]: `${a.id}/${a.policyId}/${a.policyRuleId}`,
    });
    expect(s.import).toHaveLength(7);
  });

  test("the login method imports as accounts/<account>/<id> (cloudflare zero_trust_access_identity_provider/resource.go)", () => {
    const s = app.stack("cloudflare-access");
    expect(imports(s)).toEqual({
      [address(s, "cloudflare_zero_trust_access_identity_provider")]: `accounts/${ACCOUNT}/${uuid(1)}`,
    });
  });

  test("both SCIM apps and their assignments import by the app ID", () => {
    for (const [stack, id] of [
      ["okta-access-scim", SCIM],
      ["okta-dashboard-scim", DASH],
    ]) {
      const s = app.stack(stack);
      expect(imports(s)).toEqual({ [address(s, "okta_app_saml")]: id, [address(s, "okta_app_group_assignments")]: id });
    }
  });

  test("push mappings import per pushed group, keyed like their for_each instance, as <app_id>/<mapping_id>", () => {
    const access = app.stack("okta-access-push-groups");
    const push = address(access, "okta_push_group");
    expect(imports(access)).toEqual({
      [`${push}["Engineering"]`]: `${SCIM}/gPm1engineering00001`,
      [`${push}["Finance"]`]: `${SCIM}/gPm1finance000000001`,
    });
    const dashboard = app.stack("okta-dashboard-push-groups");
    expect(imports(dashboard)).toEqual({
      [`${address(dashboard, "okta_push_group")}["Cloudflare Admins"]`]: `${DASH}/gPm1admins0000000001`,
    });
  });

  test("Access groups import per Okta group as accounts/<account>/<id>; a group without an ID is created", () => {
    const s = app.stack("cloudflare-access-policies");
    const group = address(s, "cloudflare_zero_trust_access_group");
    const blocks = imports(s);
    expect(blocks[`${group}["Engineering"]`]).toBe(`accounts/${ACCOUNT}/${uuid(2)}`);
    expect(Object.keys(blocks).filter((to) => to.startsWith(group))).toEqual([`${group}["Engineering"]`]);
  });

  test("an Access application imports as accounts/<account>/<id>, its policy as <account>/<id> (zero_trust_access_policy/resource.go)", () => {
    const s = app.stack("cloudflare-access-policies");
    expect(imports(s)).toMatchObject({
      [address(s, "cloudflare_zero_trust_access_application")]: `accounts/${ACCOUNT}/${uuid(3)}`,
      [address(s, "cloudflare_zero_trust_access_policy")]: `${ACCOUNT}/${uuid(4)}`,
    });
  });

  test("the dashboard token imports as <account>/<id> (account_token/resource.go)", () => {
    const s = app.stack("cloudflare-dashboard-scim");
    expect(imports(s)).toEqual({
      [address(s, "cloudflare_account_token")]: `${ACCOUNT}/${existing.dashboardScimTokenId}`,
    });
  });

  test("adoption changes no resource address, and each stack with import blocks requires Terraform >= 1.5", () => {
    const created = synthApp(everythingOn());
    for (const name of Object.keys(created.manifest.stacks)) {
      const before = created.stack(name);
      const after = app.stack(name);
      expect(after.resource).toEqual(before.resource);
      expect(before.import).toBeUndefined();
      expect(after.import?.length).toBeGreaterThan(0);
      expect(after.terraform.required_version).toBe(">= 1.5.0");
    }
  });

  test("synth does not run terraform to check its version (cdktf's importFrom would)", () => {
    // The module object cdktf calls through (an ES namespace import cannot be spied on).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS module object, spied on
    const execSync = jest.spyOn(require("child_process") as typeof import("child_process"), "execSync");
    try {
      adopted();
      expect(execSync).not.toHaveBeenCalled();
    } finally {
      execSync.mockRestore();
    }
  });

  test("without an ID nothing is imported: only the login method, say, is adopted", () => {
    const only = adopted(() => ({ loginMethodId: uuid(9) }));
    const withImports = Object.keys(only.manifest.stacks).filter((n) => only.stack(n).import !== undefined);
    expect(withImports).toEqual(["cloudflare-access"]);
  });
});

(terraformOnPath ? describe : describe.skip)(
  "adoption as the real Terraform CLI plans it (terraform_data stand-ins: no provider needed)",
  () => {
    const full = adopted((e) => ({ ...e, accessGroupIds: { Engineering: uuid(2), Finance: uuid(5) } }));

    test.each(Object.keys(full.manifest.stacks))("%s: every resource is imported, none added or destroyed", (name) => {
      const stack = full.stack(name);
      const plan = planImportsStandIn(stack);
      const instances = Object.values<Record<string, { for_each?: object }>>(stack.resource).flatMap((byName) =>
        Object.values(byName).map((block) => (block.for_each ? Object.keys(block.for_each).length : 1)),
      );
      expect(plan.counts).toEqual({ import: instances.reduce((a, b) => a + b, 0), add: 0, change: 0, destroy: 0 });
    });

    test("an import block for a key the stack does not have is refused by Terraform", () => {
      const stack = full.stack("cloudflare-access-policies");
      const group = address(stack, "cloudflare_zero_trust_access_group");
      stack.import.push({ to: `${group}["Sales"]`, id: "x" });
      expect(planImportsStandIn(stack).output).toMatch(/Configuration for import target does not exist/);
    });
  },
);
