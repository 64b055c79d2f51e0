import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "../../../src/cdktf";
import { AccessOidcApp, AccessOidcAppAttributes, AccessOidcAppProps } from "../../../src/okta/access-oidc-app";
import { OktaGroups } from "../../../src/okta/groups";
import { onlyResource, synthStack } from "../../support/helpers";

const okta = { orgName: "acme", baseUrl: "okta.com" };

function synth(props: Partial<AccessOidcAppProps> = {}, built: (app: AccessOidcApp) => void = () => undefined) {
  return synthStack((stack) => {
    const groups = new OktaGroups(stack, "groups", { names: ["Engineering", "Finance"] });
    const app = new AccessOidcApp(stack, "oidc", {
      okta,
      teamName: "acme",
      assignedGroups: ["Engineering", "Finance"],
      groups,
      ...props,
    });
    built(app);
  });
}

describe("AccessOidcApp", () => {
  test("is an OIDC web app with the authorization code flow and the Access callback as redirect URI", () => {
    const app = onlyResource(synth(), "okta_app_oauth");
    expect(app.type).toBe("web");
    expect(app.grant_types).toEqual(["authorization_code"]);
    expect(app.response_types).toEqual(["code"]);
    expect(app.redirect_uris).toEqual(["https://acme.cloudflareaccess.com/cdn-cgi/access/callback"]);
    expect(app.label).toBe("Cloudflare Access");
  });

  test("filters the groups claim with Matches regex .* by default", () => {
    expect(onlyResource(synth(), "okta_app_oauth").groups_claim).toEqual({
      type: "FILTER",
      filter_type: "REGEX",
      name: "groups",
      value: ".*",
    });
  });

  test("does not require PKCE by default, and says the label, filter and PKCE in effect", () => {
    let app!: AccessOidcApp;
    expect(
      onlyResource(
        synth({}, (a) => (app = a)),
        "okta_app_oauth",
      ).pkce_required,
    ).toBe(false);
    expect([app.label, app.groupsClaimRegex, app.pkce]).toEqual(["Cloudflare Access", ".*", false]);
  });

  test("gives the org URL, on okta.com unless baseUrl says otherwise", () => {
    let app!: AccessOidcApp;
    synth({ okta: { orgName: "acme" } }, (a) => (app = a));
    expect(app.orgUrl).toBe("https://acme.okta.com");
    synth({ okta: { orgName: "acme", baseUrl: "oktapreview.com" } }, (a) => (app = a));
    expect(app.orgUrl).toBe("https://acme.oktapreview.com");
    expect(app.adminUrl).toMatch(/^https:\/\/acme-admin\.oktapreview\.com\/admin\/app\/oidc_client\/instance\//);
  });

  test("uses the configured groups claim regex and PKCE", () => {
    const app = onlyResource(synth({ groupsClaimRegex: "^CF-.*$", pkce: true }), "okta_app_oauth");
    expect(app.groups_claim.value).toBe("^CF-.*$");
    expect(app.pkce_required).toBe(true);
  });

  test("assigns the groups through one plural assignments resource referencing the group lookup", () => {
    const stack = synth();
    const assignments = onlyResource(stack, "okta_app_group_assignments");
    expect(assignments.app_id).toMatch(/^\$\{okta_app_oauth\.[^.]+\.id\}$/);
    expect(assignments.group).toHaveLength(2);
    expect(assignments.group[0].id).toMatch(/^\$\{local\.[^.]+\.Engineering\}$/);
  });

  test("is protected from destroy by default and can be unprotected explicitly", () => {
    expect(onlyResource(synth(), "okta_app_oauth").lifecycle.prevent_destroy).toBe(true);
    expect(onlyResource(synth({ preventDestroy: false }), "okta_app_oauth").lifecycle.prevent_destroy).toBe(false);
  });

  test.each([
    ["an invalid regex", { groupsClaimRegex: "(" }, /oidc\.groupsClaimRegex: "\(" is not valid/],
    ["a team name with a dot", { teamName: "acme.cloudflareaccess.com" }, /oidc\.teamName: .*team name only/],
    ["no assigned groups", { assignedGroups: [] }, /oidc\.assignedGroups: \[\] is not valid\. Assign at least one/],
    ["a duplicate group", { assignedGroups: ["Engineering", "Engineering"] }, /duplicate group\(s\): Engineering/],
    [
      "an org URL for the org name",
      { okta: { orgName: "https://acme.okta.com", baseUrl: "okta.com" } },
      /oidc\.okta\.orgName/,
    ],
  ])("refuses %s", (_name, props, message) => {
    expect(() => synth(props as Partial<AccessOidcAppProps>)).toThrow(message);
  });
});

describe("AccessOidcApp.fromOidcAppAttributes", () => {
  function imported(attrs: Partial<AccessOidcAppAttributes> = {}) {
    const stack = new TerraformStack(Testing.app(), "test");
    const secret = new TerraformVariable(stack, "client_secret", { type: "string" });
    const app = AccessOidcApp.fromOidcAppAttributes(stack, "oidc", {
      oidcAppId: "0oa1b2c3d4E5F6g7h8i9",
      clientId: "0oaClientId",
      clientSecret: secret.stringValue,
      okta: { orgName: "acme" },
      ...attrs,
    });
    return { stack, app };
  }

  test("gives the app's ID, client ID and org URL as given", () => {
    const { app } = imported();
    expect([app.oidcAppId, app.clientId, app.orgUrl]).toEqual([
      "0oa1b2c3d4E5F6g7h8i9",
      "0oaClientId",
      "https://acme.okta.com",
    ]);
  });

  test("marks the client secret sensitive itself, even from a variable that is not", () => {
    const { stack, app } = imported();
    new TerraformOutput(stack, "secret", { value: app.clientSecret, sensitive: true });
    expect(JSON.parse(Testing.synth(stack)).output.secret.value).toBe("${sensitive(var.client_secret)}");
  });

  test("refuses a literal client secret without printing it", () => {
    expect(() => imported({ clientSecret: "s3cr3t-value" })).toThrow(/oidc\.clientSecret .*Pass a reference/);
    expect(() => imported({ clientSecret: "s3cr3t-value" })).not.toThrow(/s3cr3t-value/);
  });

  test("refuses an org URL for the org name, and an empty app or client ID, naming the field", () => {
    expect(() => imported({ okta: { orgName: "https://acme.okta.com" } })).toThrow(/oidc\.okta\.orgName/);
    expect(() => imported({ oidcAppId: "" })).toThrow(/oidc\.oidcAppId: "" is not valid/);
    expect(() => imported({ clientId: "" })).toThrow(/oidc\.clientId: "" is not valid/);
  });
});
