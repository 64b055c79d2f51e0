import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { changedAddresses, protectedResources, runStack } from "../../../e2e/harness/stack-run";
import { exampleConfigInput, synthApp } from "../../helpers";
import { tempDir } from "../../support/temp-dir";
import { fakeRun, Script } from "./fake-run";

const refused = { status: 1, stderr: "Error: Instance cannot be destroyed\n\nResource x has lifecycle.prevent_destroy set" };
const passing: Script = [
  [/ init /, {}],
  [/ validate /, {}],
  [/ plan -input=false -detailed-exitcode -out=e2e.tfplan /, { status: 2, stdout: "Plan: 3 to add, 0 to change, 0 to destroy." }],
  [/ apply /, {}],
  [/ plan -input=false -detailed-exitcode -no-color$/, { status: 0 }],
  [/ plan -destroy /, refused],
];

describe("runStack", () => {
  const tf = { resource: { okta_app_oauth: { app: { lifecycle: { prevent_destroy: true } } }, okta_app_group_assignments: { a: {} } } };

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
    const drift = "  # okta_app_saml.scim will be updated in-place\n  ~ resource ...\nPlan: 0 to add, 1 to change, 0 to destroy.\n";
    const run = fakeRun([[/ plan -input=false -detailed-exitcode -no-color$/, { status: 2, stdout: drift }], ...passing]);
    expect(runStack(run, "terraform", "s", tempDir(), tf, {})).toEqual({
      stack: "s",
      failure: { step: "replan", reason: "Plan: 0 to add, 1 to change, 0 to destroy: okta_app_saml.scim" },
    });
  });

  test("stops at the first failing step with Terraform's error; a destroy that is not refused fails", () => {
    const run = fakeRun([[/ apply /, { status: 1, stderr: "Error: failed to create SAML application\n\nthe API said no" }], ...passing]);
    expect(runStack(run, "terraform", "s", tempDir(), tf, {}).failure).toEqual({ step: "apply", reason: "failed to create SAML application: the API said no" });
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
