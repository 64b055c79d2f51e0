import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { run } from "../../../e2e/harness/run";
import { changedAddresses, protectedResources, runStack } from "../../../e2e/harness/stack-run";
import { exampleConfigInput, synthApp } from "../../support/helpers";
import { terraformOnPath } from "../../support/terraform-console";
import { tempDir } from "../../support/temp-dir";
import { fakeRun, Script } from "../../support/fake-run";

const refused = {
  status: 1,
  stderr: "Error: Instance cannot be destroyed\n\nResource x has lifecycle.prevent_destroy set",
};
const passing: Script = [
  [/ init /, {}],
  [/ validate /, {}],
  [
    / plan -input=false -detailed-exitcode -out=e2e.tfplan /,
    { status: 2, stdout: "Plan: 3 to add, 0 to change, 0 to destroy." },
  ],
  [/ apply /, {}],
  [/ plan -input=false -detailed-exitcode -no-color$/, { status: 0 }],
  [/ plan -destroy /, refused],
];

describe("runStack", () => {
  const tf = {
    resource: {
      okta_app_oauth: { app: { lifecycle: { prevent_destroy: true } } },
      okta_app_group_assignments: { a: {} },
    },
  };

  test("runs init, validate, plan, apply, a second plan and a refused protected destroy, in the stack's directory", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".terraform.lock.hcl"), "registry hashes");
    const run = fakeRun(passing);
    expect(runStack(run, "terraform", "okta-access-oidc", dir, tf, { X: "1" })).toEqual({ stack: "okta-access-oidc" });
    expect(run.calls.map((c) => c.line)).toEqual([
      "terraform init -input=false -no-color",
      "terraform validate -no-color",
      "terraform plan -input=false -detailed-exitcode -out=e2e.tfplan -no-color",
      "terraform apply -input=false -auto-approve e2e.tfplan -no-color",
      "terraform plan -input=false -detailed-exitcode -no-color",
      "terraform plan -destroy -input=false -target=okta_app_oauth.app -no-color",
    ]);
    expect(run.calls.every((c) => c.options?.cwd === dir && c.options?.env?.X === "1")).toBe(true);
    expect(existsSync(join(dir, ".terraform.lock.hcl"))).toBe(false);
  });

  test("a second plan with changes fails the stack, naming what would change", () => {
    const drift =
      "  # okta_app_saml.scim will be updated in-place\n  ~ resource ...\nPlan: 0 to add, 1 to change, 0 to destroy.\n";
    const run = fakeRun([
      [/ plan -input=false -detailed-exitcode -no-color$/, { status: 2, stdout: drift }],
      ...passing,
    ]);
    expect(runStack(run, "terraform", "s", tempDir(), tf, {})).toEqual({
      stack: "s",
      failure: { step: "replan", reason: "Plan: 0 to add, 1 to change, 0 to destroy: okta_app_saml.scim" },
    });
  });

  test("stops at the first failing step with Terraform's error; a destroy that is not refused fails", () => {
    const run = fakeRun([
      [/ apply /, { status: 1, stderr: "Error: failed to create SAML application\n\nthe API said no" }],
      ...passing,
    ]);
    expect(runStack(run, "terraform", "s", tempDir(), tf, {}).failure).toEqual({
      step: "apply",
      reason: "failed to create SAML application: the API said no",
    });
    expect(run.calls).toHaveLength(4);
    const unprotected = fakeRun([[/ plan -destroy /, { status: 0 }], ...passing]);
    expect(runStack(unprotected, "terraform", "s", tempDir(), tf, {}).failure).toEqual({
      step: "protected-destroy",
      reason: "destroying okta_app_oauth.app was not refused by prevent_destroy",
    });
  });

  test("finds the protected resources of the synthesized stacks", () => {
    const app = synthApp(exampleConfigInput());
    expect(protectedResources(app.stack("okta-access-oidc"))).toEqual([expect.stringMatching(/^okta_app_oauth\./)]);
    expect(protectedResources(tf)).toEqual(["okta_app_oauth.app"]);
    expect(changedAddresses('  # a.b["x"] will be created\n  # c.d must be replaced\n')).toEqual(['a.b["x"]', "c.d"]);
  });
});

describe("runStack on a push-group stack: a mapping deleted in Okta", () => {
  const tf = { resource: { okta_push_group: { "push-groups_push-group_8FABED56": { for_each: "${local.x}" } } } };
  const state = {
    values: {
      root_module: {
        resources: [{ type: "okta_push_group", index: 'Ops "On Call"', values: { id: "gPm1", app_id: "0oa1" } }],
      },
    },
  };

  /** Plain plans answer in turn: the replan, the plan after the deletion, the replan after recovery. */
  function script(afterDelete: { status: number; stderr?: string }): Script {
    const plans = [{ status: 0 }, afterDelete, { status: 0 }];
    return [
      [/ show -json /, { stdout: JSON.stringify(state) }],
      [/ plan -input=false -detailed-exitcode -no-color$/, () => plans.shift()!],
      [/^sh -c /, {}],
      ...passing,
    ];
  }

  test("deletes it in the fake, sees the plan fail, runs the runbook's exact state rm, and pushes the group again", () => {
    const deleted: string[][] = [];
    const run = fakeRun(
      script({ status: 1, stderr: "Error: Error reading Okta push group mapping\n\nthe API returned an error: 404" }),
    );
    const result = runStack(
      run,
      "terraform",
      "okta-access-push-groups",
      tempDir(),
      tf,
      {},
      { projectDir: "/w", deletePushMapping: (a, m) => void deleted.push([a, m]) },
    );
    expect(result).toEqual({ stack: "okta-access-push-groups" });
    expect(deleted).toEqual([["0oa1", "gPm1"]]);
    const rm = run.calls.find((c) => c.line.startsWith("sh -c "))!;
    expect(rm.line).toBe(
      `sh -c cd cdktf.out/stacks/okta-access-push-groups && terraform state rm 'okta_push_group.push-groups_push-group_8FABED56["Ops \\"On Call\\""]'`,
    );
    expect(rm.options?.cwd).toBe("/w");
    expect(run.calls.slice(-3).map((c) => c.line)).toEqual([
      "terraform plan -input=false -detailed-exitcode -out=e2e.tfplan -no-color",
      "terraform apply -input=false -auto-approve e2e.tfplan -no-color",
      "terraform plan -input=false -detailed-exitcode -no-color",
    ]);
  });

  test("fails the stack when the plan does not fail as the runbook says", () => {
    const run = fakeRun(script({ status: 0 }));
    expect(
      runStack(run, "terraform", "s", tempDir(), tf, {}, { projectDir: "/w", deletePushMapping: () => undefined })
        .failure,
    ).toEqual({
      step: "deleted-mapping",
      reason:
        'a mapping deleted in Okta did not fail the plan with "Error reading Okta push group mapping" as the runbook says (exit 0)',
    });
  });
});

// The harness's steps and exit-code reading with the real Terraform CLI, on terraform_data, which is
// built in (no provider to install): a kept resource passes, a drifting one fails the second plan.
(terraformOnPath ? describe : describe.skip)("runStack with real Terraform (skipped: no terraform on PATH)", () => {
  const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };

  function standIn(resources: Record<string, unknown>): { dir: string; tf: Record<string, any> } {
    const dir = tempDir();
    const tf = { resource: { terraform_data: resources } };
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(tf));
    return { dir, tf };
  }

  test("a stable, protected resource: every step passes, the destroy is refused", () => {
    const { dir, tf } = standIn({ kept: { input: "x", lifecycle: { prevent_destroy: true } } });
    expect(runStack(run, "terraform", "stand-in", dir, tf, env)).toEqual({ stack: "stand-in" });
  });

  test("a resource that changes on every plan fails the second plan, naming it", () => {
    const { dir, tf } = standIn({ drifting: { input: "${timestamp()}" } });
    expect(runStack(run, "terraform", "stand-in", dir, tf, env)).toEqual({
      stack: "stand-in",
      failure: { step: "replan", reason: "Plan: 0 to add, 1 to change, 0 to destroy: terraform_data.drifting" },
    });
  });

  test("an unprotected resource: the destroy plan is not refused", () => {
    const { dir } = standIn({ loose: { input: "x" } });
    const claimed = { resource: { terraform_data: { loose: { lifecycle: { prevent_destroy: true } } } } };
    expect(runStack(run, "terraform", "stand-in", dir, claimed, env).failure).toEqual({
      step: "protected-destroy",
      reason: "destroying terraform_data.loose was not refused by prevent_destroy",
    });
  });
});
