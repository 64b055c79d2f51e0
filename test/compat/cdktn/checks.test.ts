import { companyStackProblems, synthesisProblems } from "../../../compat/cdktn/checks";

/** The parts of examples/company-stack/main.ts's synthesized stack the cdktn test checks. */
function companyStack() {
  return {
    data: { okta_groups: { groups: {} } },
    resource: {
      okta_app_oauth: { app: { redirect_uris: ["https://acme.cloudflareaccess.com/cdn-cgi/access/callback"] } },
      okta_app_group_assignments: { assignments: {} },
      cloudflare_zero_trust_access_identity_provider: {
        login: { config: { client_secret: "${sensitive(okta_app_oauth.app.client_secret)}" } },
      },
      cloudflare_zero_trust_access_group: {
        engineering: {
          include: [
            {
              okta: {
                name: "Engineering",
                identity_provider_id: "${cloudflare_zero_trust_access_identity_provider.login.id}",
              },
            },
          ],
        },
      },
    },
  };
}

describe("companyStackProblems", () => {
  it("accepts the library's resources wired to the company's own", () => {
    expect(companyStackProblems(companyStack())).toEqual([]);
  });

  it("names a missing or doubled resource", () => {
    const stack = companyStack();
    delete (stack.data as Record<string, unknown>).okta_groups;
    (stack.resource.okta_app_group_assignments as Record<string, unknown>).again = {};
    expect(companyStackProblems(stack)).toEqual([
      "2 okta_app_group_assignments (expected 1)",
      "0 okta_groups (expected 1)",
    ]);
  });

  it("refuses a client secret that is not a reference to the OIDC app's, and an Access group not on the login method", () => {
    const stack = companyStack();
    stack.resource.cloudflare_zero_trust_access_identity_provider.login.config.client_secret = "s3cret";
    stack.resource.cloudflare_zero_trust_access_group.engineering.include[0].okta.identity_provider_id = "idp";
    expect(companyStackProblems(stack)).toEqual([
      'login method client_secret is not a reference to the OIDC app: "s3cret"',
      'Access group does not read the login method\'s ID: "idp"',
    ]);
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
