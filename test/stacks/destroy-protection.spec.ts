import { exampleConfigInput, onlyResource, StackJson } from "../helpers";
import { readStacks, runMain, writeConfig } from "../support/run-main";

const example = exampleConfigInput();

/** `lifecycle.prevent_destroy` of the one resource of `type` in `stack`. */
function preventDestroy(stack: StackJson, type: string): unknown {
  return onlyResource(stack, type).lifecycle?.prevent_destroy;
}

function synth(config: unknown): Record<string, StackJson> {
  const { code, stderr, outdir } = runMain(writeConfig(config));
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return readStacks(outdir);
}

// Deleting either one locks every user out of Access, and Terraform plans a delete for a mere rename
// of a construct: both refuse to be destroyed unless the config says otherwise.
describe("destroy protection", () => {
  test("the OIDC app and the login method have prevent_destroy by default", () => {
    const stacks = synth(example);
    expect(preventDestroy(stacks["okta-access-oidc"], "okta_app_oauth")).toBe(true);
    expect(preventDestroy(stacks["cloudflare-access"], "cloudflare_zero_trust_access_identity_provider")).toBe(true);
  });

  test("accessLogin.preventDestroy: false lets both be destroyed", () => {
    const stacks = synth({ ...example, accessLogin: { ...example.accessLogin, preventDestroy: false } });
    expect(preventDestroy(stacks["okta-access-oidc"], "okta_app_oauth")).toBe(false);
    expect(preventDestroy(stacks["cloudflare-access"], "cloudflare_zero_trust_access_identity_provider")).toBe(false);
  });

  test("preventDestroy must be true or false", () => {
    const { code, stderr } = runMain(writeConfig({ ...example, accessLogin: { ...example.accessLogin, preventDestroy: "no" } }));
    expect(code).toBe(1);
    expect(stderr).toContain('accessLogin.preventDestroy: "no" is not valid. Use true or false, not a string.');
  });
});
