// A company's own cdktf app: the library's constructs next to the company's own resources, in one stack.
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { ZeroTrustAccessPolicy } from "@cdktf/provider-cloudflare/lib/zero-trust-access-policy";
import { OktaProvider } from "@cdktf/provider-okta/lib/provider";
import { App, TerraformStack } from "cdktf";
import { cloudflare, okta } from "cdktf-okta-cloudflare";
import { Construct } from "constructs";

const org: okta.OktaOrg = { orgName: "acme" };
const accountId = "0123456789abcdef0123456789abcdef";
const signInGroups = ["Engineering", "Finance"];

class AccessLoginStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials come from the environment: OKTA_API_TOKEN and CLOUDFLARE_API_TOKEN.
    new OktaProvider(this, "okta", { orgName: org.orgName, baseUrl: "okta.com" });
    new CloudflareProvider(this, "cloudflare", {});

    // Okta: the groups whose members may sign in, and the OIDC app they sign in through.
    const groups = new okta.OktaGroups(this, "groups", { names: signInGroups });
    const oidcApp = new okta.AccessOidcApp(this, "access-oidc-app", {
      okta: org,
      teamName: "acme",
      assignedGroups: signInGroups,
      groups,
    });

    // Cloudflare: the login method takes the app itself (client ID, secret kept sensitive, org URL);
    // Access groups take the login method; an application takes both.
    const loginMethod = new cloudflare.OktaLoginMethod(this, "okta-login-method", { accountId, oidcApp });
    const accessGroups = new cloudflare.OktaAccessGroups(this, "access-groups", { loginMethod, groups: signInGroups });
    new cloudflare.AccessApplication(this, "wiki", {
      loginMethod,
      accessGroups,
      name: "Wiki",
      domain: "wiki.acme.example",
      allowGroups: ["Engineering"],
    });

    // Access SCIM: Okta's SCIM 2.0 Test App (Header Auth), pointed at the login method's SCIM endpoint.
    new okta.ScimApp(this, "access-scim-app", {
      catalogApp: okta.ScimCatalogApp.HEADER_AUTH,
      okta: org,
      assignedGroups: signInGroups,
      groups,
      baseUrl: loginMethod.scimBaseUrl,
    });

    // The company's own resource: a policy of its own on the library's Access group for "Finance".
    new ZeroTrustAccessPolicy(this, "finance-reviews", {
      accountId,
      name: "Finance reviews",
      decision: "allow",
      include: [{ group: { id: accessGroups.accessGroupIds["Finance"] } }],
    });
  }
}

const app = new App();
new AccessLoginStack(app, "access-login");
app.synth();
