import { exampleConfigInput, onlyResource, StackJson } from "../support/helpers";
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

/** The protected resources, by stack and type, in the order of the expectations below. */
const PROTECTED: Array<[string, string]> = [
  ["okta-access-oidc", "okta_app_oauth"],
  ["cloudflare-access", "cloudflare_zero_trust_access_identity_provider"],
  ["okta-access-scim", "okta_app_saml"],
  ["okta-dashboard-scim", "okta_app_saml"],
  ["cloudflare-dashboard-scim", "cloudflare_account_token"],
];

const scim = example.accessLogin.scim!;
const dashboard = example.dashboardScim!;

// Deleting the OIDC app or the login method locks every user out of Access; replacing a SCIM app
// or the token means a person redoes the app's provisioning steps; and Terraform plans a delete for
// a mere rename of a construct. All refuse to be destroyed unless their own key says otherwise.
describe("destroy protection", () => {
  test.each<[string, unknown, boolean[]]>([
    ["by default, none", example, [true, true, true, true, true]],
    [
      "accessLogin.preventDestroy: false, the OIDC app and the login method",
      { ...example, accessLogin: { ...example.accessLogin, preventDestroy: false } },
      [false, false, true, true, true],
    ],
    [
      "accessLogin.scim.preventDestroy: false, the Access SCIM app",
      { ...example, accessLogin: { ...example.accessLogin, scim: { ...scim, preventDestroy: false } } },
      [true, true, false, true, true],
    ],
    [
      "dashboardScim.preventDestroy: false, the dashboard SCIM app",
      { ...example, dashboardScim: { ...dashboard, preventDestroy: false } },
      [true, true, true, false, true],
    ],
    [
      "dashboardScim.token.preventDestroy: false (a rotation), the token",
      { ...example, dashboardScim: { ...dashboard, token: { preventDestroy: false } } },
      [true, true, true, true, false],
    ],
  ])("%s lose prevent_destroy", (_, config, expected) => {
    const stacks = synth(config);
    expect(PROTECTED.map(([stack, type]) => preventDestroy(stacks[stack], type))).toEqual(expected);
  });

  test("preventDestroy must be true or false", () => {
    const { code, stderr } = runMain(
      writeConfig({ ...example, accessLogin: { ...example.accessLogin, preventDestroy: "no" } }),
    );
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
