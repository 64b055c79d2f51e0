import { companyStackProblems, synthesisProblems } from "../../../compat/cdktn/checks";

/** The parts of examples/company-stack/main.ts's synthesized stack the checks read. */
function companyStack() {
  const login = "${cloudflare_zero_trust_access_identity_provider.login.id}";
  return {
    data: { okta_groups: { groups: {} } },
    resource: {
      okta_app_oauth: { app: { redirect_uris: ["https://acme.cloudflareaccess.com/cdn-cgi/access/callback"] } },
      okta_app_saml: {
        scim: {
          admin_note:
            "SCIM base URL: ${cloudflare_zero_trust_access_identity_provider.login.scim_config.scim_base_url}.",
        },
      },
      cloudflare_zero_trust_access_identity_provider: {
        login: {
          config: {
            client_id: "${okta_app_oauth.app.client_id}",
            client_secret: "${sensitive(okta_app_oauth.app.client_secret)}",
            okta_account: "https://acme.okta.com",
          },
        },
      },
      cloudflare_zero_trust_access_group: {
        groups: { include: [{ okta: { name: "${each.key}", identity_provider_id: login } }] },
      },
      cloudflare_zero_trust_access_application: { wiki: { allowed_idps: [login] } },
      cloudflare_zero_trust_access_policy: {
        allow: { name: "Wiki: allow" },
        own: {
          name: "Finance reviews",
          include: [{ group: { id: '${cloudflare_zero_trust_access_group.groups["Finance"].id}' } }],
        },
      },
    },
  };
}

describe("companyStackProblems", () => {
  it("accepts the library's constructs wired to each other and the company's own policy", () => {
    expect(companyStackProblems(companyStack())).toEqual([]);
  });

  it("names a missing or doubled resource", () => {
    const stack = companyStack();
    delete (stack.data as Record<string, unknown>).okta_groups;
    (stack.resource.cloudflare_zero_trust_access_application as Record<string, unknown>).again = {};
    expect(companyStackProblems(stack)).toEqual([
      "2 cloudflare_zero_trust_access_application (expected 1)",
      "0 okta_groups (expected 1)",
    ]);
  });

  it("refuses a login method not fed the OIDC app, and constructs not wired to the login method", () => {
    const stack = companyStack();
    stack.resource.cloudflare_zero_trust_access_identity_provider.login.config.client_secret = "s3cret";
    stack.resource.cloudflare_zero_trust_access_group.groups.include[0].okta.identity_provider_id = "idp";
    stack.resource.okta_app_saml.scim.admin_note = "SCIM base URL: https://elsewhere.";
    expect(companyStackProblems(stack)).toEqual([
      'login method config: {"client_id":"${okta_app_oauth.app.client_id}","client_secret":"s3cret","okta_account":"https://acme.okta.com"}',
      'Access groups\' login method: "idp"',
      'SCIM app not pointed at the login method\'s SCIM endpoint: "SCIM base URL: https://elsewhere."',
    ]);
  });

  it("refuses the company's own policy when it does not name the library's Access group", () => {
    const stack = companyStack();
    stack.resource.cloudflare_zero_trust_access_policy.own.include[0].group.id = "abc";
    expect(companyStackProblems(stack)).toEqual(['the company\'s own policy: [{"group":{"id":"abc"}}]']);
  });
});

describe("synthesisProblems", () => {
  it("refuses a stack another framework synthesized, so cdktf 0.21 cannot pass for cdktn", () => {
    expect(synthesisProblems({ frameworkVersion: "0.24.0", stack: companyStack() }, "0.24.0")).toEqual([]);
    expect(synthesisProblems({ frameworkVersion: "0.21.0", stack: companyStack() }, "0.24.0")).toEqual([
      "synthesized by framework 0.21.0, not cdktn 0.24.0",
    ]);
    expect(synthesisProblems(undefined, "0.24.0")).toEqual(["no synthesized stack"]);
  });
});
