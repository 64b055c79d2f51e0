import { decide, Discovery } from "../../../tools/discover/discover";
import { DiscoverTarget, Facts } from "../../../tools/discover/facts";
import { parseConfig } from "../../../app/config/load";
import { OktaAppSummary } from "../../../tools/check/okta-api";

// Each thing discover cannot decide is a question, never a silent pick; what it can decide is in the draft.

const target: DiscoverTarget = {
  name: "acme",
  okta: { orgName: "acme", baseUrl: "okta.com" },
  cloudflare: { accountId: "0123456789abcdef0123456789abcdef", teamName: "acme" },
};
const CALLBACK = "https://acme.cloudflareaccess.com/cdn-cgi/access/callback";
const IDP = "00000000-0000-4000-8000-000000000001";
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const oidcApp = (id: string, clientId = `client-${id}`): OktaAppSummary => ({
  id,
  name: "oidc_client",
  label: `OIDC ${id}`,
  status: "ACTIVE",
  signOnMode: "OPENID_CONNECT",
  clientId,
  pkceRequired: false,
  redirectUris: [CALLBACK],
});
const samlApp = (id: string, name: string): OktaAppSummary => ({
  id,
  name,
  label: `SCIM ${id}`,
  status: "ACTIVE",
  signOnMode: "SAML_2_0",
  redirectUris: [],
  userNameTemplate: "${source.email}",
});
const OIDC = "0oa1oidc000000000001";
const SCIM = "0oa1scim000000000001";
const DASH = "0oa1dash000000000001";

/** A complete setup made by hand, as the APIs show it; tests change one thing each. */
type Mutable = any; // each test changes the facts freely
function facts(): Mutable {
  return {
    okta: {
      apps: [oidcApp(OIDC), samlApp(SCIM, "scim2headerauth"), samlApp(DASH, "scim2testapp")],
      assigned: new Map([
        [OIDC, ["Engineering", "Finance"]],
        [SCIM, ["Engineering", "Finance"]],
        [DASH, ["Admins"]],
      ]),
      pushed: new Map([
        [
          SCIM,
          [
            { mappingId: "gPm1eng0000000000001", groupName: "Engineering", status: "ACTIVE" },
            { mappingId: "gPm1fin0000000000001", groupName: "Finance", status: "ACTIVE" },
          ],
        ],
        [DASH, [{ mappingId: "gPm1adm0000000000001", groupName: "Admins", status: "ACTIVE" }]],
      ]),
    },
    cloudflare: {
      loginMethods: [
        {
          id: IDP,
          name: "Okta",
          type: "okta",
          config: { client_id: `client-${OIDC}`, pkce_enabled: false },
          scim_config: { enabled: true, user_deprovision: true, identity_update_behavior: "reauth" },
        },
      ],
      accessGroups: [
        {
          id: uuid(2),
          name: "Okta: Engineering",
          include: [{ okta: { name: "Engineering", identity_provider_id: IDP } }],
        },
      ],
      policies: [{ id: uuid(3), name: "Wiki", decision: "allow", include: [{ group: { id: uuid(2) } }] }],
      applications: [
        {
          id: uuid(4),
          name: "Wiki",
          domain: "wiki.acme.example",
          type: "self_hosted",
          allowed_idps: [IDP],
          auto_redirect_to_identity: true,
          policies: [{ id: uuid(3), precedence: 1 }],
        },
      ],
    },
  };
}

function run(edit: (f: Mutable) => void = () => undefined): Discovery {
  const f = facts();
  edit(f);
  return decide(target, f as Facts);
}

const questions = (d: Discovery) => d.questions.join("\n");

describe("discover's decisions", () => {
  test("a complete setup: a draft that validates, with every ID; the dashboard token is the one question", () => {
    const d = run();
    expect(parseConfig(d.config).existing).toEqual({
      oidcAppId: OIDC,
      loginMethodId: IDP,
      accessScimAppId: SCIM,
      accessPushMappingIds: { Engineering: "gPm1eng0000000000001", Finance: "gPm1fin0000000000001" },
      accessGroupIds: { Engineering: uuid(2) },
      accessApplicationIds: { Wiki: { applicationId: uuid(4), policyId: uuid(3) } },
      dashboardScimAppId: DASH,
      dashboardPushMappingIds: { Admins: "gPm1adm0000000000001" },
    });
    expect(d.questions).toEqual([
      expect.stringMatching(/^The dashboard SCIM app's OAuth Bearer Token cannot be read or imported/),
    ]);
    expect(d.differences).toEqual([
      expect.stringMatching(/groups claim filter cannot be read/),
      expect.stringMatching(/Access policy "Wiki" .*renames it "Wiki: allow"/),
    ]);
  });

  test("no OIDC app redirects to the Access callback: no draft", () => {
    const d = run((f) => (f.okta.apps[0] = { ...f.okta.apps[0], redirectUris: ["https://other.example/callback"] }));
    expect(d.config).toBeUndefined();
    expect(questions(d)).toMatch(/No Okta OIDC app has the sign-in redirect URI .*--team-name/);
  });

  test("two OIDC apps and no login method using either: a question naming both, no draft", () => {
    const d = run((f) => {
      f.okta.apps.push(oidcApp("0oa1oidc000000000002"));
      f.cloudflare.loginMethods[0].config.client_id = "someone-else";
    });
    expect(d.config).toBeUndefined();
    expect(questions(d)).toMatch(
      /2 Okta OIDC apps redirect to .*"OIDC 0oa1oidc000000000001".*"OIDC 0oa1oidc000000000002".*no okta login method uses any of them/,
    );
  });

  test("two OIDC apps, one used by the login method: that one, said in the findings", () => {
    const d = run((f) => f.okta.apps.push(oidcApp("0oa1oidc000000000002")));
    expect(d.config?.existing?.oidcAppId).toBe(OIDC);
    expect(d.found.join("\n")).toMatch(
      /2 OIDC apps redirect .* is the one an okta login method uses\. Not adopted: "OIDC 0oa1oidc000000000002"/,
    );
  });

  test("an OIDC app with no group assigned: a question, no draft (a config needs one)", () => {
    const d = run((f) => f.okta.assigned.set(OIDC, []));
    expect(d.config).toBeUndefined();
    expect(questions(d)).toMatch(/has no group assigned/);
  });

  test("no login method uses the app's client ID: a question that a new one would be created", () => {
    const d = run((f) => (f.cloudflare.loginMethods[0].config.client_id = "another"));
    expect(d.config?.existing?.loginMethodId).toBeUndefined();
    expect(questions(d)).toMatch(
      /No okta login method uses the OIDC app's client ID client-0oa1oidc000000000001: .*create a new one, with a new ID/,
    );
    expect(d.found.join("\n")).toMatch(/The okta login method "Okta" .* uses another client ID: not adopted/);
  });

  test("two login methods use the client ID: a question, neither adopted", () => {
    const d = run((f) =>
      f.cloudflare.loginMethods.push({ ...f.cloudflare.loginMethods[0], id: uuid(9), name: "Okta 2" }),
    );
    expect(d.config?.existing?.loginMethodId).toBeUndefined();
    expect(questions(d)).toMatch(/2 okta login methods use the OIDC app's client ID: "Okta" .*"Okta 2"/);
  });

  test("a login method without SCIM while a Header Auth app exists: a question, SCIM stays off in the draft", () => {
    const d = run((f) => (f.cloudflare.loginMethods[0].scim_config.enabled = false));
    expect(d.config?.accessLogin.scim).toBeUndefined();
    expect(d.config?.existing?.accessScimAppId).toBeUndefined();
    expect(questions(d)).toMatch(
      /has SCIM off, yet Okta has SCIM 2\.0 Test App \(Header Auth\) app\(s\) "SCIM 0oa1scim000000000001".*fixed in 5\.20/,
    );
  });

  test("a login method without SCIM and no Header Auth app: no question, SCIM off", () => {
    const d = run((f) => {
      f.cloudflare.loginMethods[0].scim_config.enabled = false;
      f.okta.apps.splice(1, 1);
      f.cloudflare.accessGroups = [];
      f.cloudflare.applications = [];
    });
    expect(d.questions).toEqual([expect.stringMatching(/OAuth Bearer Token/)]);
    expect(d.found.join("\n")).toMatch(/has SCIM off: the draft keeps it off/);
  });

  test("two Header Auth apps: a question naming both, neither adopted, and the draft says it would create one", () => {
    const d = run((f) => f.okta.apps.push(samlApp("0oa1scim000000000002", "scim2headerauth")));
    expect(d.config?.existing?.accessScimAppId).toBeUndefined();
    expect(questions(d)).toMatch(
      /Okta has 2 SCIM 2\.0 Test App \(Header Auth\) apps: .*Which one provisions Cloudflare/,
    );
    expect(questions(d)).toMatch(/the first apply would create a new app/);
  });

  test("a pushed group that is not assigned, or pushed twice: questions, those pushes left alone", () => {
    const notAssigned = run((f) =>
      f.okta.pushed.get(SCIM)!.push({ mappingId: "gPm1sal0000000000001", groupName: "Sales", status: "ACTIVE" }),
    );
    expect(questions(notAssigned)).toMatch(/pushes "Sales", which is not assigned to it/);
    expect(notAssigned.config?.existing?.accessPushMappingIds).not.toHaveProperty("Sales");
    const twice = run((f) =>
      f.okta.pushed.get(SCIM)!.push({ mappingId: "gPm1eng0000000000002", groupName: "Engineering", status: "ACTIVE" }),
    );
    expect(questions(twice)).toMatch(/pushes "Engineering" 2 times .*adopts none of them/);
    expect(twice.config?.existing?.accessPushMappingIds).toEqual({ Finance: "gPm1fin0000000000001" });
  });

  test("Access groups: other rules, two for one Okta group, or an unpushed Okta group are questions, not adopted", () => {
    const okta = (name: string) => ({ okta: { name, identity_provider_id: IDP } });
    const extra = run((f) => f.cloudflare.accessGroups[0].include.push({ email: { email: "a@acme.example" } }));
    expect(questions(extra)).toMatch(/has rules besides one Okta group of the login method/);
    const two = run((f) =>
      f.cloudflare.accessGroups.push({ id: uuid(5), name: "Eng", include: [okta("Engineering")] }),
    );
    expect(questions(two)).toMatch(/all match the Okta group "Engineering": the draft adopts none/);
    const unpushed = run((f) =>
      f.cloudflare.accessGroups.push({ id: uuid(6), name: "Sales", include: [okta("Sales")] }),
    );
    expect(questions(unpushed)).toMatch(/"Sales" .*which Access SCIM does not push/);
    for (const d of [extra, two]) expect(d.config?.existing?.accessGroupIds).toBeUndefined();
  });

  test("an application with two policies, or a policy on a group not adopted: a question, left alone", () => {
    const twoPolicies = run((f) => f.cloudflare.applications[0].policies.push({ id: uuid(7), precedence: 2 }));
    expect(questions(twoPolicies)).toMatch(/Access application "Wiki" .* it has 2 policies/);
    expect(twoPolicies.config?.accessApplications).toBeUndefined();
    const other = run((f) => f.cloudflare.policies[0].include.push({ group: { id: uuid(8) } }));
    expect(questions(other)).toMatch(/its policy includes more than adopted Access groups/);
  });

  test("two dashboard SCIM apps: a question, dashboard SCIM left out of the draft", () => {
    const d = run((f) => f.okta.apps.push(samlApp("0oa1dash000000000002", "scim2testapp")));
    expect(d.config?.dashboardScim).toBeUndefined();
    expect(questions(d)).toMatch(/Okta has 2 SCIM 2\.0 Test App \(OAuth Bearer Token\) apps/);
  });

  test("a draft the config rules refuse is not written: each rule is a question", () => {
    const d = run((f) => {
      f.okta.assigned.set(DASH, ["CF Admins"]);
      f.okta.pushed.set(DASH, [{ mappingId: "gPm1adm0000000000001", groupName: "CF Admins", status: "ACTIVE" }]);
    });
    expect(d.config).toBeUndefined();
    expect(questions(d)).toMatch(/The draft does not validate: .*reserves group names starting with "CF"/);
  });

  test("differences the first plan changes: username format, PKCE, an inactive push, an Access group's name", () => {
    const d = run((f) => {
      f.okta.apps[1] = { ...f.okta.apps[1], userNameTemplate: "${source.login}" };
      f.cloudflare.loginMethods[0].config.pkce_enabled = true;
      f.okta.pushed.get(SCIM)![1].status = "INACTIVE";
      f.cloudflare.accessGroups[0].name = "Engineering";
      f.cloudflare.loginMethods[0].config.okta_account = "https://acme-old.okta.com";
    });
    const text = d.differences.join("\n");
    expect(text).toMatch(/Application username format is \$\{source\.login\}; the first plan sets it to Email/);
    expect(text).toMatch(/PKCE is on in the login method but not required by the OIDC app/);
    expect(text).toMatch(/pushing "Finance" is INACTIVE; the first plan makes it ACTIVE/);
    expect(text).toMatch(/Access group "Engineering" .*the first plan renames it "Okta: Engineering"/);
    expect(text).toMatch(
      /The login method's Okta account is https:\/\/acme-old\.okta\.com; the first plan sets https:\/\/acme\.okta\.com/,
    );
    expect(text).toMatch(/Access policy "Wiki" .*the first plan renames it "Wiki: allow"/);
  });

  test("a login method on a custom authorization server: the draft names it and leaves it unmanaged", () => {
    const d = run((f) => (f.cloudflare.loginMethods[0].config.authorization_server_id = "aus1server0000000001"));
    expect(d.config?.accessLogin).toMatchObject({ authorizationServerId: "aus1server0000000001" });
    expect(d.config?.existing?.authorizationServer).toBeUndefined();
  });
});

describe("what discover prints of the services' text", () => {
  test("a name holding something token-shaped or a line break is printed redacted; the draft keeps it exact", () => {
    const label = "Access\nSSWS 00abcdefghijklmnopqrstuvwxyz012345";
    const f = facts();
    f.okta.apps[0] = { ...f.okta.apps[0], label };
    const d = decide(target, f as Facts);
    expect(d.found[0]).toContain('"Access SSWS [redacted]"');
    expect(d.config?.accessLogin.appLabel).toBe(label);
  });
});
