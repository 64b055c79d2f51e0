import { exampleConfigInput, onlyResource, synthApp } from "../support/helpers";

describe("the app from config/example.json", () => {
  const app = synthApp(exampleConfigInput());

  test("has the three stacks, each depending on the one before", () => {
    const deps = Object.fromEntries(
      Object.entries(app.manifest.stacks).map(([name, s]) => [name, [...s.dependencies].sort()]),
    );
    expect(deps).toMatchObject({
      "okta-access-oidc": [],
      "cloudflare-access": ["okta-access-oidc"],
      "okta-access-scim": ["cloudflare-access", "okta-access-oidc"],
    });
  });

  test("the login method reads the client ID and secret from the OIDC stack's state, the secret kept sensitive", () => {
    const cloudflare = app.stack("cloudflare-access");
    const remote = cloudflare.data.terraform_remote_state["cross-stack-reference-input-okta-access-oidc"];
    expect(remote).toEqual(expect.objectContaining({ backend: "local" }));
    const config = onlyResource(cloudflare, "cloudflare_zero_trust_access_identity_provider").config;
    expect(config.client_id).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-okta-access-oidc\.outputs\.[^}]+client_id\}$/,
    );
    expect(config.client_secret).toMatch(/^\$\{sensitive\(data\.terraform_remote_state\.[^)]+client_secret\)\}$/);
    const producerOutputs = app.stack("okta-access-oidc").output;
    const secretOutput = Object.values(producerOutputs).find((o: any) => /client_secret\}$/.test(o.value)) as any;
    expect(secretOutput.sensitive).toBe(true);
  });

  test("outputs the SCIM endpoint, the SCIM secret as sensitive, app IDs and admin URLs", () => {
    const cloudflare = app.stack("cloudflare-access").output;
    expect(cloudflare.scim_base_url.value).toMatch(/scim_config\.scim_base_url\}$/);
    expect(cloudflare.scim_base_url.sensitive).toBe(false);
    expect(cloudflare.scim_secret).toMatchObject({
      sensitive: true,
      value: expect.stringMatching(/scim_config\.secret\}$/),
    });
    const oidc = app.stack("okta-access-oidc").output;
    expect(oidc.oidc_app_id.value).toMatch(/^\$\{okta_app_oauth\./);
    expect(oidc.admin_url.value).toMatch(/^https:\/\/acme-admin\.okta\.com\/admin\/app\/oidc_client\/instance\//);
    const scim = app.stack("okta-access-scim").output;
    expect(scim.scim_app_id.value).toMatch(/^\$\{okta_app_saml\./);
    expect(scim.admin_url.value).toContain("/admin/app/scim2headerauth/instance/");
  });

  test("the SCIM app is fed the SCIM endpoint and reuses the group IDs looked up once", () => {
    const scim = app.stack("okta-access-scim");
    expect(onlyResource(scim, "okta_app_saml").admin_note).toContain(
      "${data.terraform_remote_state.cross-stack-reference-input-cloudflare-access.outputs.",
    );
    expect(scim.data.okta_groups).toBeUndefined();
    for (const group of onlyResource(scim, "okta_app_group_assignments").group)
      expect(group.id).toMatch(/^\$\{local\.group-ids\./);
    expect(scim.locals["group-ids"]).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-okta-access-oidc\.outputs\./,
    );
  });

  test("nothing secret is written: no credentials in provider blocks, secrets only as sensitive references", () => {
    for (const name of Object.keys(app.manifest.stacks)) {
      const stack = app.stack(name);
      for (const provider of Object.values(stack.provider ?? {}) as Array<Array<Record<string, unknown>>>) {
        for (const key of Object.keys(provider[0])) expect(key).not.toMatch(/token|secret|private_key|api_key/);
      }
      for (const [outputName, out] of Object.entries(stack.output ?? {}) as Array<
        [string, { value: string; sensitive?: boolean }]
      >) {
        if (/\.(secret|client_secret|value)\}/.test(JSON.stringify(out.value)))
          expect({ outputName, sensitive: out.sensitive }).toEqual({ outputName, sensitive: true });
      }
    }
  });

  test("no Access SCIM stack and no (always empty) policies stack when SCIM is disabled, and the login method says SCIM is off", () => {
    const input = exampleConfigInput();
    input.accessLogin.scim!.enabled = false;
    delete input.accessApplications;
    delete input.dashboardScim;
    const noScim = synthApp(input);
    expect(Object.keys(noScim.manifest.stacks).sort()).toEqual(["cloudflare-access", "okta-access-oidc"]);
    const cloudflare = noScim.stack("cloudflare-access");
    expect(onlyResource(cloudflare, "cloudflare_zero_trust_access_identity_provider").scim_config.enabled).toBe(false);
    expect(cloudflare.output.scim_secret).toBeUndefined();
  });

  test("a created authorization server feeds its ID to the login method across stacks", () => {
    const input = exampleConfigInput();
    input.accessLogin.createAuthorizationServer = true;
    input.accessLogin.claims = ["department"];
    const withServer = synthApp(input);
    expect(onlyResource(withServer.stack("okta-access-oidc"), "okta_auth_server").audiences).toEqual([
      "https://acme.cloudflareaccess.com",
    ]);
    const config = onlyResource(
      withServer.stack("cloudflare-access"),
      "cloudflare_zero_trust_access_identity_provider",
    ).config;
    expect(config.authorization_server_id).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-okta-access-oidc\./,
    );
    expect(config.claims).toEqual(["department"]);
  });

  test("an existing authorization server named in the config reaches the login method as written", () => {
    const input = exampleConfigInput();
    input.accessLogin.authorizationServerId = "aus1a2b3c4d5e6f7g8h9";
    const login = onlyResource(
      synthApp(input).stack("cloudflare-access"),
      "cloudflare_zero_trust_access_identity_provider",
    );
    expect(login.config.authorization_server_id).toBe("aus1a2b3c4d5e6f7g8h9");
  });

  test("the login method takes the config's settings, and its own defaults where the config has none", () => {
    const input = exampleConfigInput();
    Object.assign(input.accessLogin, { name: "Okta SSO", pkce: true, preventDestroy: false });
    Object.assign(input.accessLogin.scim!, { identityUpdateBehavior: "automatic", seatDeprovision: true });
    const given = onlyResource(
      synthApp(input).stack("cloudflare-access"),
      "cloudflare_zero_trust_access_identity_provider",
    );
    expect([given.name, given.config.pkce_enabled, given.lifecycle.prevent_destroy]).toEqual(["Okta SSO", true, false]);
    expect(given.scim_config).toMatchObject({ identity_update_behavior: "automatic", seat_deprovision: true });

    const bare = exampleConfigInput();
    for (const key of ["name", "pkce", "preventDestroy"] as const) delete bare.accessLogin[key];
    for (const key of ["userDeprovision", "seatDeprovision", "identityUpdateBehavior"] as const)
      delete bare.accessLogin.scim![key];
    const defaults = onlyResource(
      synthApp(bare).stack("cloudflare-access"),
      "cloudflare_zero_trust_access_identity_provider",
    );
    expect([defaults.name, defaults.config.pkce_enabled, defaults.lifecycle.prevent_destroy]).toEqual([
      "Okta",
      false,
      true,
    ]);
    expect(defaults.scim_config).toEqual({
      enabled: true,
      user_deprovision: true,
      seat_deprovision: false,
      identity_update_behavior: "reauth",
    });
  });

  test("synthesizes byte-identical output twice", () => {
    const again = synthApp(exampleConfigInput());
    for (const name of Object.keys(app.manifest.stacks)) expect(again.text(name)).toBe(app.text(name));
  });
});
