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

  // Replacing a SCIM app or the token means a person redoes the app's provisioning steps.
  test("both SCIM apps and the dashboard token have prevent_destroy by default", () => {
    const stacks = synth(example);
    expect(preventDestroy(stacks["okta-access-scim"], "okta_app_saml")).toBe(true);
    expect(preventDestroy(stacks["okta-dashboard-scim"], "okta_app_saml")).toBe(true);
    expect(preventDestroy(stacks["cloudflare-dashboard-scim"], "cloudflare_account_token")).toBe(true);
  });

  test("accessLogin.scim.preventDestroy: false lets only the Access SCIM app be destroyed", () => {
    const scim = { ...example.accessLogin.scim, preventDestroy: false };
    const stacks = synth({ ...example, accessLogin: { ...example.accessLogin, scim } });
    expect(preventDestroy(stacks["okta-access-scim"], "okta_app_saml")).toBe(false);
    expect(preventDestroy(stacks["okta-access-oidc"], "okta_app_oauth")).toBe(true);
    expect(preventDestroy(stacks["okta-dashboard-scim"], "okta_app_saml")).toBe(true);
  });

  test("dashboardScim.preventDestroy: false lets the dashboard SCIM app be destroyed, the token keeps its own setting", () => {
    const stacks = synth({ ...example, dashboardScim: { ...example.dashboardScim, preventDestroy: false } });
    expect(preventDestroy(stacks["okta-dashboard-scim"], "okta_app_saml")).toBe(false);
    expect(preventDestroy(stacks["cloudflare-dashboard-scim"], "cloudflare_account_token")).toBe(true);
  });

  test("dashboardScim.token.preventDestroy: false lets the token be replaced (rotated), the app stays protected", () => {
    const stacks = synth({ ...example, dashboardScim: { ...example.dashboardScim, token: { preventDestroy: false } } });
    expect(preventDestroy(stacks["cloudflare-dashboard-scim"], "cloudflare_account_token")).toBe(false);
    expect(preventDestroy(stacks["okta-dashboard-scim"], "okta_app_saml")).toBe(true);
  });

  test("preventDestroy must be true or false", () => {
    const { code, stderr } = runMain(writeConfig({ ...example, accessLogin: { ...example.accessLogin, preventDestroy: "no" } }));
    expect(code).toBe(1);
    expect(stderr).toContain('accessLogin.preventDestroy: "no" is not valid. Use true or false, not a string.');
  });

  test("the new keys must be true or false too", () => {
    const dashboardScim = { ...example.dashboardScim, preventDestroy: "no", token: { preventDestroy: 0 } };
    const { code, stderr } = runMain(writeConfig({ ...example, dashboardScim }));
    expect(code).toBe(1);
    expect(stderr).toContain('dashboardScim.preventDestroy: "no" is not valid. Use true or false, not a string.');
    expect(stderr).toMatch(/dashboardScim\.token\.preventDestroy: 0 is not valid/);
  });
});
