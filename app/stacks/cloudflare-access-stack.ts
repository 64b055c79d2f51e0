import { Construct } from "constructs";
import { adoptLoginMethod } from "../adopt/adopt";
import { OktaLoginMethod } from "../../src/cloudflare/okta-login-method";
import { Config } from "../config/schema";
import { ProjectStack } from "./project-stack";
import { OktaAccessOidcStack } from "./okta-access-oidc-stack";
import { attributeOutput } from "./outputs";
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
      // The login method marks the client secret sensitive again: terraform_remote_state drops it.
      oidcApp: oidc.oidcApp,
      authorizationServer: oidc.authorizationServer,
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
    adoptLoginMethod(this.loginMethod, config.existing?.loginMethodId);
    attributeOutput(this, this.loginMethod, "loginMethodId", "Zero Trust login method (identity provider) ID");
    if (this.loginMethod.scim.enabled) {
      attributeOutput(this, this.loginMethod, "scimBaseUrl", "SCIM Endpoint: Base URL of the Okta SCIM app");
      attributeOutput(this, this.loginMethod, "scimSecret", "SCIM Secret: API Token of the Okta SCIM app", true);
    }
  }
}
