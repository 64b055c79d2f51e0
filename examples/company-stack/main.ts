// A company's own cdktf app: the library's constructs next to the company's own resources, in one stack.
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { ZeroTrustAccessGroup } from "@cdktf/provider-cloudflare/lib/zero-trust-access-group";
import { OktaProvider } from "@cdktf/provider-okta/lib/provider";
import { App, TerraformStack } from "cdktf";
import { OktaLoginMethod, okta } from "cdktf-okta-cloudflare";
import { Construct } from "constructs";

const org = { orgName: "acme" };
const accountId = "0123456789abcdef0123456789abcdef";
const assignedGroups = ["Engineering", "Finance"];

class AccessLoginStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials come from the environment: OKTA_API_TOKEN and CLOUDFLARE_API_TOKEN.
    new OktaProvider(this, "okta", { ...org, baseUrl: "okta.com" });
    new CloudflareProvider(this, "cloudflare", {});

    // The library: the Okta OIDC app and the Zero Trust login method that signs users in with it.
    const groups = new okta.OktaGroups(this, "groups", { names: assignedGroups });
    const oidcApp = new okta.AccessOidcApp(this, "access-oidc-app", {
      okta: org,
      teamName: "acme",
      assignedGroups,
      groups,
    });
    const loginMethod = new OktaLoginMethod(this, "okta-login-method", {
      accountId,
      clientId: oidcApp.clientId,
      clientSecret: oidcApp.clientSecret,
      oktaAccount: oidcApp.orgUrl,
    });

    // The company's own resource: an Access group of the Okta group "Engineering", for its Access policies.
    new ZeroTrustAccessGroup(this, "engineering", {
      accountId,
      name: "Engineering",
      include: [{ okta: { name: "Engineering", identityProviderId: loginMethod.loginMethodId } }],
    });
  }
}

const app = new App();
new AccessLoginStack(app, "access-login");
app.synth();
