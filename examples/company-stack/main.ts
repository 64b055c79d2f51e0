// A company's own cdktf app: the library's constructs next to the company's own resources, in one stack.
import { CloudflareProvider } from "@cdktf/provider-cloudflare/lib/provider";
import { ZeroTrustAccessGroup } from "@cdktf/provider-cloudflare/lib/zero-trust-access-group";
import { OktaProvider } from "@cdktf/provider-okta/lib/provider";
import { App, TerraformStack } from "cdktf";
import { AccessOidcApp, cloudflare, OktaGroups } from "cdktf-okta-cloudflare";
import { Construct } from "constructs";

const okta = { orgName: "acme", baseUrl: "okta.com" };
const accountId = "0123456789abcdef0123456789abcdef";
const assignedGroups = ["Engineering", "Finance"];

class AccessLoginStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials come from the environment: OKTA_API_TOKEN and CLOUDFLARE_API_TOKEN.
    new OktaProvider(this, "okta", okta);
    new CloudflareProvider(this, "cloudflare", {});

    // The library: the Okta OIDC app and the Zero Trust login method that signs users in with it.
    const groups = new OktaGroups(this, "groups", { names: assignedGroups });
    const oidcApp = new AccessOidcApp(this, "access-oidc-app", { okta, teamName: "acme", assignedGroups, groups });
    const loginMethod = new cloudflare.OktaLoginMethod(this, "okta-login-method", { accountId, oidcApp });

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
