import { AccessOidcApp, AccessOidcAppProps } from "../../../src/okta/access-oidc-app";
import { OktaGroups } from "../../../src/okta/groups";
import { onlyResource, synthStack } from "../../support/helpers";

const okta = { orgName: "acme", baseUrl: "okta.com" };

function synth(props: Partial<AccessOidcAppProps> = {}) {
  return synthStack((stack) => {
    const groups = new OktaGroups(stack, "groups", { names: ["Engineering", "Finance"] });
    new AccessOidcApp(stack, "oidc", {
      okta,
      teamName: "acme",
      assignedGroups: ["Engineering", "Finance"],
      groups,
      ...props,
    });
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
