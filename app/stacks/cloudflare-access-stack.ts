import { Construct } from "constructs";
import { adoptLoginMethod } from "../adopt/adopt";
import { OktaLoginMethod } from "../../src/cloudflare/okta-login-method";
import { Config } from "../config/schema";
import { oktaOrgUrl } from "../../src/okta/org";
import { ProjectStack } from "./project-stack";
import { OktaAccessOidcStack } from "./okta-access-oidc-stack";
import { output } from "./outputs";
import { cloudflareProvider } from "./providers";

/** Cloudflare side: the Zero Trust `okta` login method with Access SCIM, fed the OIDC app's credentials. */
export class CloudflareAccessStack extends ProjectStack {
  public readonly loginMethod: OktaLoginMethod;

  constructor(scope: Construct, id: string, config: Config, oidc: OktaAccessOidcStack) {
    super(scope, id, config);
    cloudflareProvider(this);
    const login = config.accessLogin;
    this.loginMethod = new OktaLoginMethod(this, "okta-login-method", {
      accountId: config.cloudflare.accountId,
      name: login.name,
      clientId: oidc.oidcApp.clientId,
      // terraform_remote_state drops sensitivity: mark the secret again on this side.
      clientSecret: oidc.oidcApp.clientSecret,
      oktaAccount: oktaOrgUrl(config.okta),
      authorizationServerId: oidc.authorizationServerId,
      claims: login.claims,
      pkce: login.pkce,
      scim: login.scim
        ? {
            enabled: login.scim.enabled,
            userDeprovision: login.scim.userDeprovision,
            seatDeprovision: login.scim.seatDeprovision,
            identityUpdateBehavior: login.scim.identityUpdateBehavior,
          }
        : { enabled: false },
      preventDestroy: login.preventDestroy,
    });
    adoptLoginMethod(this.loginMethod, config.cloudflare.accountId, config.existing?.loginMethodId);
    output(this, "login_method_id", this.loginMethod.loginMethodId, "Zero Trust login method (identity provider) ID");
    if (this.loginMethod.scim.enabled) {
      output(this, "scim_endpoint", this.loginMethod.scimBaseUrl, "SCIM Endpoint: Base URL of the Okta SCIM app");
      output(this, "scim_secret", this.loginMethod.scimSecret, "SCIM Secret: API Token of the Okta SCIM app", true);
    }
  }
}
