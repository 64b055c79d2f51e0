import { Token } from "../../../src/cdktf";
import { ScimCatalogApp } from "../../../src/okta/scim-catalog-app";
import { SCIM_CATALOG } from "../../../src/okta/private/scim-catalog";
import {
  accessLoginRunbook,
  AccessLoginRunbookInput,
  outputCommand,
  RunbookApp,
  scimAppRunbook,
  ScimAppRunbookInput,
  stateRmCommand,
} from "../../../app/runbook/model";

const ACCOUNT = "0123456789abcdef0123456789abcdef";

function accessInput(over: Partial<ScimAppRunbookInput> = {}): ScimAppRunbookInput {
  return {
    id: "access-scim",
    app: {
      catalogApp: ScimCatalogApp.HEADER_AUTH,
      label: "Access SCIM",
      assignedGroups: ["Engineering", "Finance"],
      pushGroups: ["Engineering", "Finance"],
      provisioning: SCIM_CATALOG[ScimCatalogApp.HEADER_AUTH].defaultProvisioning,
    },
    adminUrl: {
      value: Token.asString({ unresolved: true }),
      from: { stack: "okta-access-scim", output: "admin_url" },
    },
    baseUrl: {
      value: Token.asString({ unresolved: true }),
      from: { stack: "cloudflare-access", output: "scim_base_url" },
    },
    token: { stack: "cloudflare-access", output: "scim_secret" },
    configPath: "accessLogin.scim",
    pushGroupsStackName: "okta-access-push-groups",
    target: {
      product: "access",
      loginMethodName: "Okta",
      oidcAppLabel: "Cloudflare Access",
      signInGroups: ["Engineering", "Finance"],
    },
    ...over,
  };
}

function dashboardInput(over: Partial<ScimAppRunbookInput> = {}): ScimAppRunbookInput {
  return {
    id: "dashboard-scim",
    app: {
      catalogApp: ScimCatalogApp.OAUTH_BEARER_TOKEN,
      label: "Dashboard SCIM",
      assignedGroups: ["Admins", "Billing"],
      pushGroups: ["Admins"],
      provisioning: SCIM_CATALOG[ScimCatalogApp.OAUTH_BEARER_TOKEN].defaultProvisioning,
    },
    adminUrl: { from: { stack: "okta-dashboard-scim", output: "admin_url" } },
    baseUrl: {
      value: `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/scim/v2`,
      from: { stack: "cloudflare-dashboard-scim", output: "scim_base_url" },
    },
    token: { stack: "cloudflare-dashboard-scim", output: "token_value" },
    configPath: "dashboardScim",
    pushGroupsStackName: "okta-dashboard-push-groups",
    target: { product: "dashboard" },
    ...over,
  };
}

const step = (app: RunbookApp, id: string) => {
  const s = app.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in ${app.steps.map((x) => x.id).join(", ")}`);
  return s;
};

describe("scimAppRunbook, Access (SCIM 2.0 Test App (Header Auth))", () => {
  const rb = scimAppRunbook(accessInput());

  it("lists the seed's steps in its order, marking what Terraform did", () => {
    expect(rb.steps.map((s) => [s.id, s.done])).toEqual([
      ["add-app", true],
      ["configure-api-integration", false],
      ["base-url", false],
      ["api-token", false],
      ["test-api-credentials", false],
      ["to-app", false],
      ["assignments", true],
      ["push-groups", false],
      ["verify", false],
    ]);
    expect(rb).toMatchObject({
      id: "access-scim",
      label: "Access SCIM",
      app: "SCIM 2.0 Test App (Header Auth)",
      stack: "okta-access-scim",
    });
  });

  it("says where to click, in the app by its label", () => {
    expect(step(rb, "base-url").where).toBe(
      "Okta Admin Console > Applications > Applications > Access SCIM > Provisioning > Integration > Configure API Integration",
    );
    expect(step(rb, "add-app").command).toBe("cd cdktf.out/stacks/okta-access-scim && terraform output -raw admin_url");
  });

  it("leaves values only Terraform knows to the commands that print them", () => {
    expect(step(rb, "base-url")).not.toHaveProperty("value");
    expect(step(rb, "base-url").command).toBe(
      "cd cdktf.out/stacks/cloudflare-access && terraform output -raw scim_base_url",
    );
    expect(step(rb, "add-app")).not.toHaveProperty("value");
  });

  it("keeps those values for a Terraform output, which resolves them", () => {
    const tf = scimAppRunbook(accessInput(), { terraformValues: true });
    expect(Token.isUnresolved(step(tf, "base-url").value!)).toBe(true);
  });

  it("names the secret by its command only, with the Header Auth quirk and how to recover a lost secret", () => {
    const token = step(rb, "api-token");
    expect(token).not.toHaveProperty("value");
    expect(token.command).toBe("cd cdktf.out/stacks/cloudflare-access && terraform output -raw scim_secret");
    expect(token.title).toBe("API Token");
    expect(token.notes!.join(" ")).toMatch(/verbatim as the Authorization header.*no "Bearer " prefix/);
    expect(token.notes!.join(" ")).toMatch(
      /returns the SCIM Secret once.*Login methods > Okta > Edit, generate a new SCIM secret/,
    );
  });

  it("enables the three To App settings of the seed", () => {
    expect(step(rb, "to-app").action).toBe(
      "Select Edit, enable Create Users, Update User Attributes and Deactivate Users, then select Save.",
    );
    expect(step(rb, "to-app").value).toBe("Create Users: on, Update User Attributes: on, Deactivate Users: on");
  });

  it("says which To App settings to leave off when the app's provisioning turns some off", () => {
    const app = {
      ...accessInput().app,
      provisioning: { ...SCIM_CATALOG[ScimCatalogApp.HEADER_AUTH].defaultProvisioning, updateUserAttributes: false },
    };
    expect(step(scimAppRunbook(accessInput({ app })), "to-app").action).toBe(
      "Select Edit, enable Create Users and Deactivate Users, leave Update User Attributes off, then select Save.",
    );
  });

  it("has no Import Groups step: the Access seed says nothing of it", () => {
    expect(rb.steps.map((s) => s.id)).not.toContain("import-groups");
  });

  it("lists the assigned groups as done by Terraform, with the userName = email trap", () => {
    const a = step(rb, "assignments");
    expect(a.action).toMatch(/^Done by Terraform \(stack okta-access-scim\)/);
    expect(a.action).toContain("`accessLogin.scim.assignedGroups`");
    expect(a.value).toBe('"Engineering", "Finance"');
    expect(a.groups).toEqual(["Engineering", "Finance"]);
    expect(a.notes!.join(" ")).toContain(
      "userName must equal the user's email: Terraform sets the Sign On tab's Application username format to Email",
    );
  });

  it("without the push stack: the manual push, then the flag that manages pushed groups as code", () => {
    const p = step(rb, "push-groups");
    expect(p.done).toBe(false);
    expect(p.value).toBe('"Engineering", "Finance"');
    expect(p.action).toContain("Push Groups > Find groups by name");
    expect(p.action).toContain(
      "then set `accessLogin.scim.provisioningConfigured: true` and deploy to manage pushed groups as code (stack okta-access-push-groups)",
    );
    expect(p.notes!.join(" ")).toContain("overwrite the groups in a user's Access identity");
  });

  it("with the push stack: done by Terraform in that stack", () => {
    const p = step(scimAppRunbook(accessInput({ pushGroupsStack: "okta-access-push-groups" })), "push-groups");
    expect(p).toMatchObject({
      done: true,
      action: "Done by Terraform (stack okta-access-push-groups): the groups below are pushed.",
    });
  });

  it("with the push stack: gives the exact terraform state rm for a mapping deleted in Okta, which okta_push_group cannot read", () => {
    const input = accessInput({
      pushGroupsStack: "okta-access-push-groups",
      pushGroupsResource: "okta_push_group.push-groups_push-group_1A2B3C4D",
    });
    const notes = step(scimAppRunbook(input, { outdir: "out" }), "push-groups").notes!.join("\n");
    expect(notes).toContain('fails with "Error reading Okta push group mapping"');
    expect(notes).toContain(
      "`cd out/stacks/okta-access-push-groups && terraform state rm 'okta_push_group.push-groups_push-group_1A2B3C4D[\"Engineering\"]'` " +
        '(with that group\'s name in place of "Engineering")',
    );
  });

  it("quotes a group name for Terraform and the shell in that command", () => {
    expect(stateRmCommand("s", "okta_push_group.p", `O'Brien "Ops"`)).toBe(
      `cd cdktf.out/stacks/s && terraform state rm 'okta_push_group.p["O'\\''Brien \\"Ops\\""]'`,
    );
  });

  it("quotes each group in value and lists them apart in groups, so a name with a comma stays one group", () => {
    const names = ["IT Help-Desk, Tier 2", "Finance"];
    const app = { ...accessInput().app, assignedGroups: names, pushGroups: names };
    const a = step(scimAppRunbook(accessInput({ app })), "assignments");
    expect(a.value).toBe('"IT Help-Desk, Tier 2", "Finance"');
    expect(a.groups).toEqual(names);
  });

  it("warns when sign-in groups are not pushed, as SCIM would drop them from identities", () => {
    const app = { ...accessInput().app, pushGroups: ["Engineering"] };
    expect(step(scimAppRunbook(accessInput({ app })), "push-groups").notes).toContain(
      'Not pushed, so dropped from identities once SCIM runs: "Finance".',
    );
  });

  it("has nothing to push when pushGroups is empty", () => {
    const app = { ...accessInput().app, pushGroups: [] };
    expect(step(scimAppRunbook(accessInput({ app })), "push-groups")).toMatchObject({
      done: true,
      action: expect.stringMatching(/^Nothing to push/),
    });
  });

  it("verifies with View Logs", () => {
    expect(step(rb, "verify").where).toMatch(/> View Logs$/);
  });

  it("uses the outdir it is given in every command", () => {
    const other = scimAppRunbook(accessInput(), { outdir: "out" });
    expect(other.steps.filter((s) => s.command).every((s) => s.command!.startsWith("cd out/stacks/"))).toBe(true);
  });
});

describe("scimAppRunbook, dashboard (SCIM 2.0 Test App (OAuth Bearer Token))", () => {
  const rb = scimAppRunbook(dashboardInput());

  it("lists the seed's steps in its order, with the account's own checks where they matter", () => {
    expect(rb.steps.map((s) => s.id)).toEqual([
      "add-app",
      "super-admin",
      "configure-api-integration",
      "base-url",
      "api-token",
      "import-groups",
      "test-api-credentials",
      "to-app",
      "assignments",
      "push-groups",
      "permission-policies",
      "verify",
    ]);
  });

  it("gives the known base URL in the field's name", () => {
    expect(step(rb, "base-url")).toMatchObject({
      title: "SCIM 2.0 Base URL",
      value: `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/scim/v2`,
    });
  });

  it("names the account token by its command", () => {
    expect(step(rb, "api-token")).toMatchObject({
      title: "OAuth Bearer Token",
      command: "cd cdktf.out/stacks/cloudflare-dashboard-scim && terraform output -raw token_value",
    });
    expect(step(rb, "api-token")).not.toHaveProperty("value");
  });

  it("deselects Import Groups and leaves Update User Attributes off", () => {
    expect(step(rb, "import-groups").action).toBe("Deselect Import Groups.");
    const toApp = step(rb, "to-app");
    expect(toApp.action).toBe(
      "Select Edit, enable Create Users and Deactivate Users, leave Update User Attributes off, then select Save.",
    );
    expect(toApp.notes).toContain("Leave Update User Attributes off: Cloudflare does not support profile updates.");
  });

  it("keeps a Super Administrator outside the SCIM groups and attaches permission policies to pushed groups", () => {
    expect(step(rb, "super-admin").value).toBe('"Admins", "Billing"');
    expect(step(rb, "permission-policies")).toMatchObject({ done: false, value: '"Admins"', groups: ["Admins"] });
  });

  it("says how to turn on pushed groups as code for the dashboard", () => {
    expect(step(rb, "push-groups").action).toContain(
      "then set `dashboardScim.provisioningConfigured: true` and deploy to manage pushed groups as code (stack okta-dashboard-push-groups)",
    );
    expect(step(rb, "push-groups").notes!.join(" ")).toContain('names starting with "CF"');
  });

  it("verifies with View Logs and the Cloudflare Audit Log", () => {
    expect(step(rb, "verify").where).toContain("Manage Account > Audit Log");
  });
});

describe("accessLoginRunbook", () => {
  const input: AccessLoginRunbookInput = {
    oidcAppLabel: "Cloudflare Access",
    oidcAdminUrl: { from: { stack: "okta-access-oidc", output: "admin_url" } },
    loginMethodName: "Okta SSO",
    loginMethodStack: "cloudflare-access",
    groupsClaimRegex: "^cf-.*",
    assignedGroups: ["Engineering"],
  };
  const rb = accessLoginRunbook(input);

  it("gives the steps providers cannot do: the Okta API token (seed step 11), the claim check and Test", () => {
    expect(rb.steps.map((s) => [s.id, s.done])).toEqual([
      ["create", true],
      ["groups-claim", false],
      ["okta-api-token", false],
      ["test", false],
    ]);
    expect(rb.stack).toBe("cloudflare-access");
  });

  it("puts the optional Okta API token in the login method by hand, saying why", () => {
    const t = step(rb, "okta-api-token");
    expect(t.where).toContain("Zero Trust > Settings > Authentication > Login methods > Okta SSO > Edit");
    expect(t.action).toContain("more than 100 Okta groups");
    expect(t.notes!.join(" ")).toContain("no api_token");
  });

  it("checks the groups claim regex from the config, warning of the OAuth private key trap", () => {
    expect(step(rb, "groups-claim")).toMatchObject({ value: "^cf-.*" });
    expect(step(rb, "groups-claim").notes!.join(" ")).toContain("OAuth private keys");
  });
});

describe("outputCommand", () => {
  it("prints one output of one synthesized stack", () => {
    expect(outputCommand({ stack: "s", output: "o" }, "build/out")).toBe(
      "cd build/out/stacks/s && terraform output -raw o",
    );
  });
});
