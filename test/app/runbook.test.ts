import { buildStacks } from "../../app/build-stacks";
import { projectCheckTargets, projectRunbook } from "../../app/runbook/runbook-outputs";
import { exampleConfig, exampleConfigInput, synthAll, synthApp, testApp } from "../support/helpers";

const FAKE_OKTA_TOKEN = "00fakeOktaApiToken0000000000000000000000";
const FAKE_CLOUDFLARE_TOKEN = "fakeCloudflareApiToken000000000000000000";

/** Every `${...}` reference in a string. */
const references = (text: string) => text.match(/\$\{[^}]*\}/g) ?? [];

describe("runbook outputs of the synthesized stacks", () => {
  const saved = { ...process.env };
  let stacks: Record<string, any>;
  beforeAll(() => {
    process.env.OKTA_API_TOKEN = FAKE_OKTA_TOKEN;
    process.env.CLOUDFLARE_API_TOKEN = FAKE_CLOUDFLARE_TOKEN;
    const app = testApp();
    buildStacks(
      app,
      exampleConfig((c) => (c.accessLogin.appLabel = "Zero Trust Login")),
    );
    stacks = synthAll(app);
  });
  afterAll(() => {
    process.env = saved;
  });

  const runbookOf = (stack: string) => stacks[stack].output.runbook;

  it("puts the SCIM app's steps in its stack, as a plain (non-sensitive) output", () => {
    const out = runbookOf("okta-access-scim");
    expect(out.sensitive).toBe(false);
    expect(out.value).toMatch(/^## Cloudflare Access SCIM \(SCIM 2\.0 Test App \(Header Auth\)\)/);
    expect(out.value).toMatch(/\n( +)- Groups:\n\1 {2}- `Engineering`\n\1 {2}- `Finance`\n/);
    expect(out.value).toContain("set `accessLogin.scim.provisioningConfigured: true` and deploy");
  });

  it("fills in the SCIM Endpoint and the app's admin URL at apply", () => {
    const refs = references(runbookOf("okta-access-scim").value);
    expect(refs).toEqual([
      "${okta_app_saml.access-scim-app_A6B3A9F0.id}",
      expect.stringMatching(
        /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-cloudflare-access\.outputs\..*scim_base_url\}$/,
      ),
    ]);
  });

  it("puts the login method's steps in its stack, with the OIDC app's label from the config", () => {
    const value: string = runbookOf("cloudflare-access").value;
    expect(value).toMatch(/^## Zero Trust Login \(OIDC web app and Zero Trust login method "Okta"\)/);
    expect(value).toContain("(Optional) Okta API token");
  });

  it("holds no secret and no reference to one: secrets appear only as the commands that print them", () => {
    for (const stack of ["okta-access-scim", "cloudflare-access", "okta-dashboard-scim"]) {
      const value: string = runbookOf(stack).value;
      expect(references(value).filter((r) => /secret|token/i.test(r))).toEqual([]);
    }
    expect(runbookOf("okta-access-scim").value).toContain("terraform output -raw scim_secret");
    expect(runbookOf("okta-dashboard-scim").value).toContain("terraform output -raw token_value");
  });

  it("puts the dashboard SCIM app's steps in its stack, with the account's base URL written out", () => {
    const value: string = runbookOf("okta-dashboard-scim").value;
    expect(value).toMatch(/^## Cloudflare Dashboard SCIM \(SCIM 2\.0 Test App \(OAuth Bearer Token\)\)/);
    expect(value).toContain(
      "Value: `https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/scim/v2`",
    );
    expect(value).toContain("Deselect Import Groups.");
  });

  it("leaves the provider credentials in the environment, out of every synthesized stack", () => {
    const all = JSON.stringify(stacks);
    expect(all).not.toContain(FAKE_OKTA_TOKEN);
    expect(all).not.toContain(FAKE_CLOUDFLARE_TOKEN);
  });
});

describe("projectRunbook", () => {
  it("has the Access login and each SCIM app the config turns on", () => {
    const ids = (edit?: (c: any) => void) => {
      const app = testApp();
      const config = exampleConfig(edit);
      buildStacks(app, config);
      return projectRunbook(app, config).apps.map((a) => a.id);
    };
    expect(ids()).toEqual(["access-login", "access-scim", "dashboard-scim"]);
    expect(ids((c) => ((c.accessLogin.scim.enabled = false), delete c.accessApplications))).toEqual([
      "access-login",
      "dashboard-scim",
    ]);
    expect(ids((c) => delete c.dashboardScim)).toEqual(["access-login", "access-scim"]);
  });

  it("names the OIDC app and its groups claim filter as the construct has them, defaulted or configured", () => {
    const oidcStep = (edit: (c: any) => void) => {
      const app = testApp();
      const config = exampleConfig(edit);
      buildStacks(app, config);
      return JSON.stringify(projectRunbook(app, config).apps.find((a) => a.id === "access-login"));
    };
    const defaulted = oidcStep((c) => (delete c.accessLogin.appLabel, delete c.accessLogin.groupsClaimRegex));
    expect(defaulted).toContain('"Cloudflare Access"');
    expect(defaulted).toContain('"value":".*"');
    const configured = oidcStep(
      (c) => ((c.accessLogin.appLabel = "Acme Access"), (c.accessLogin.groupsClaimRegex = "^eng")),
    );
    expect(configured).toContain("Acme Access");
    expect(configured).toContain("^eng");
  });

  it("says pushed groups are done by Terraform once the push stack exists", () => {
    const app = testApp();
    const config = exampleConfig((c) => (c.accessLogin.scim.provisioningConfigured = true));
    buildStacks(app, config);
    const scim = projectRunbook(app, config).apps.find((a) => a.id === "access-scim")!;
    expect(scim.steps.find((s) => s.id === "push-groups")).toMatchObject({
      done: true,
      action: "Done by Terraform (stack okta-access-push-groups): the groups below are pushed.",
    });
  });

  it("names the synthesized okta_push_group address in the state rm remedy for a mapping deleted in Okta", () => {
    const input = exampleConfigInput();
    input.accessLogin.scim!.provisioningConfigured = true;
    const synth = synthApp(input);
    const [name] = Object.keys(synth.stack("okta-access-push-groups").resource.okta_push_group);
    const app = testApp();
    buildStacks(app, synth.config);
    const scim = projectRunbook(app, synth.config).apps.find((a) => a.id === "access-scim")!;
    expect(scim.steps.find((s) => s.id === "push-groups")!.notes).toContain(
      "If a pushed group's mapping is deleted in Okta (unlinked or removed on the Push Groups tab), every plan of okta-access-push-groups fails " +
        'with "Error reading Okta push group mapping": the okta provider does not forget a mapping it cannot read. ' +
        "Remove that group's mapping from the state, then deploy to push it again: " +
        `\`cd cdktf.out/stacks/okta-access-push-groups && terraform state rm 'okta_push_group.${name}["Engineering"]'\` ` +
        '(with that group\'s name in place of "Engineering").',
    );
  });

  it("reads the values from the config, never from credentials", () => {
    const app = testApp();
    const config = exampleConfig((c) => {
      c.accessLogin.name = "Okta Workforce";
      c.accessLogin.scim.appLabel = "CF SCIM";
      c.accessLogin.scim.assignedGroups = ["Engineering", "Finance", "Support"];
    });
    buildStacks(app, config);
    const scim = projectRunbook(app, config).apps.find((a) => a.id === "access-scim")!;
    expect(scim.label).toBe("CF SCIM");
    expect(scim.steps.find((s) => s.id === "assignments")!.groups).toEqual(["Engineering", "Finance", "Support"]);
    expect(scim.steps.find((s) => s.id === "base-url")!.action).toContain('login method "Okta Workforce"');
  });

  it("names the login method as the construct does, its default name when the config has none", () => {
    const app = testApp();
    const config = exampleConfig((c) => delete c.accessLogin.name);
    buildStacks(app, config);
    const scim = projectRunbook(app, config).apps.find((a) => a.id === "access-scim")!;
    expect(scim.steps.find((s) => s.id === "base-url")!.action).toContain('login method "Okta"');
  });

  it("gives the dashboard SCIM app its known base URL, the account token's command and its push stack", () => {
    const dashboard = (edit?: (c: any) => void) => {
      const app = testApp();
      const config = exampleConfig(edit);
      buildStacks(app, config);
      return projectRunbook(app, config).apps.find((a) => a.id === "dashboard-scim")!;
    };
    const rb = dashboard();
    const step = (id: string) => rb.steps.find((s) => s.id === id)!;
    expect(rb.stack).toBe("okta-dashboard-scim");
    expect(step("base-url").value).toBe(
      "https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/scim/v2",
    );
    expect(step("api-token").command).toBe(
      "cd cdktf.out/stacks/cloudflare-dashboard-scim && terraform output -raw token_value",
    );
    expect(step("push-groups")).toMatchObject({ done: false, groups: ["Cloudflare Admins"] });
    const configured = dashboard((c) => (c.dashboardScim.provisioningConfigured = true));
    expect(configured.steps.find((s) => s.id === "push-groups")).toMatchObject({
      done: true,
      action: "Done by Terraform (stack okta-dashboard-push-groups): the groups below are pushed.",
    });
  });
});

describe("projectCheckTargets", () => {
  it("points npm run check at outputs the synthesized stacks declare, with each SCIM app's toggles and pushed groups", () => {
    const app = testApp();
    const config = exampleConfig();
    buildStacks(app, config);
    const targets = projectCheckTargets(app, config);
    const stacks = synthAll(app);
    expect(targets.accountId).toBe(config.cloudflare.accountId);
    expect(
      targets.scimApps.map((t) => [t.runbookApp, t.product, t.pushGroups, t.provisioning.updateUserAttributes]),
    ).toEqual([
      ["access-scim", "access", ["Engineering", "Finance"], true],
      ["dashboard-scim", "dashboard", ["Cloudflare Admins"], false],
    ]);
    for (const t of targets.scimApps) {
      const secondary = t.product === "access" ? t.loginMethodId : t.scimToken;
      for (const o of [t.scimAppId, secondary])
        expect([o.stack, o.output, stacks[o.stack]?.output?.[o.output] !== undefined]).toEqual([
          o.stack,
          o.output,
          true,
        ]);
    }
  });
});

describe("the runbook of an adopted setup: secrets an import cannot recover", () => {
  const LOGIN_METHOD = "00000000-0000-4000-8000-000000000001";
  const TOKEN_ID = "0123456789abcdef0123456789abcd01";
  function rb(existing?: object) {
    const config = exampleConfig((c) => (c.existing = existing));
    const app = testApp();
    buildStacks(app, config);
    const apps = projectRunbook(app, config).apps;
    const step = (appId: string, stepId: string) =>
      apps.find((a) => a.id === appId)?.steps.find((s) => s.id === stepId);
    return { apps, step };
  }

  test("an adopted login method: regenerate the SCIM secret and enter it, instead of printing an empty output", () => {
    const token = rb({ loginMethodId: LOGIN_METHOD }).step("access-scim", "api-token")!;
    expect(token.command).toBeUndefined();
    expect(token.where).toBe(
      "Zero Trust > Settings > Authentication > Login methods > Okta > Edit; Okta Admin Console > Applications > Applications > Cloudflare Access SCIM > Provisioning > Integration > Configure API Integration",
    );
    expect(token.action).toMatch(
      /^Generate a new SCIM secret for the login method "Okta" .* enter it in the API Token field exactly as shown, and Save/,
    );
    expect(token.notes?.join(" ")).toMatch(
      /an import cannot read a secret: the output scim_secret of cloudflare-access stays empty/,
    );
  });

  test("an adopted dashboard token: roll it and enter the new value; the Access secret, not adopted, keeps its command", () => {
    const { step } = rb({ dashboardScimTokenId: TOKEN_ID });
    const token = step("dashboard-scim", "api-token")!;
    expect(token.command).toBeUndefined();
    expect(token.action).toMatch(
      /^Roll the account API token Okta provisions with .* enter it in the OAuth Bearer Token field/,
    );
    expect(token.notes?.join(" ")).toMatch(/the output token_value of cloudflare-dashboard-scim stays empty/);
    expect(step("access-scim", "api-token")!.command).toBe(
      "cd cdktf.out/stacks/cloudflare-access && terraform output -raw scim_secret",
    );
  });

  test("nothing adopted: the token steps print the outputs, and there is no first-plan review step", () => {
    const { step } = rb();
    expect(step("dashboard-scim", "api-token")!.command).toBe(
      "cd cdktf.out/stacks/cloudflare-dashboard-scim && terraform output -raw token_value",
    );
    expect(step("access-login", "adoption-plan")).toBeUndefined();
  });

  test("an adopted setup: the first plan is reviewed for imports and differences before the first deploy", () => {
    const review = rb({ loginMethodId: LOGIN_METHOD }).step("access-login", "adoption-plan")!;
    expect(review.action).toMatch(/N to import, 0 to add, \.\.\. 0 to destroy/);
    expect(review.action).toMatch(/Application username format \(set to Email\), the groups claim filter/);
    expect(review.done).toBe(false);
  });
});

test("an adopted setup's first-plan step warns that the OIDC client secret arrives only with an update of the app", () => {
  const config = exampleConfig((c) => (c.existing = { oidcAppId: "0oa1oidcapp000000001" }));
  const app = testApp();
  buildStacks(app, config);
  const review = projectRunbook(app, config)
    .apps.find((a) => a.id === "access-login")!
    .steps.find((s) => s.id === "adoption-plan")!;
  expect(review.notes?.[0]).toMatch(
    /^okta provider 4\.20 reads the OIDC app's client secret back only when it creates or updates the app: the first plan of okta-access-oidc must update okta_app_oauth before cloudflare-access is planned/,
  );
});
