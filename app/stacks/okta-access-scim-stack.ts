import { Construct } from "constructs";
import { adoptOktaApp } from "../adopt/adopt";
import { AccessScim, Config, oktaOrg } from "../config/schema";
import { ScimApp } from "../../src/okta/scim-app";
import { ScimCatalogApp } from "../../src/okta/scim-catalog-app";
import { ProjectStack } from "./project-stack";
import { CloudflareAccessStack } from "./cloudflare-access-stack";
import { OktaAccessOidcStack } from "./okta-access-oidc-stack";
import { attributeOutput } from "./outputs";
import { oktaProvider } from "./providers";

/** Okta side of Access SCIM: the SCIM 2.0 Test App (Header Auth), pointed at the login method's SCIM Endpoint. */
export class OktaAccessScimStack extends ProjectStack {
  public readonly scimApp: ScimApp;

  constructor(
    scope: Construct,
    id: string,
    config: Config,
    scim: AccessScim,
    oidc: OktaAccessOidcStack,
    cloudflare: CloudflareAccessStack,
  ) {
    super(scope, id, config);
    oktaProvider(this, config);
    this.scimApp = new ScimApp(this, "access-scim-app", {
      catalogApp: ScimCatalogApp.HEADER_AUTH,
      okta: oktaOrg(config),
      label: scim.appLabel,
      assignedGroups: scim.assignedGroups,
      pushGroups: scim.pushGroups,
      groups: oidc.groups.forStack(this, "group-ids"),
      baseUrl: cloudflare.loginMethod.scimBaseUrl,
      preventDestroy: scim.preventDestroy,
    });
    adoptOktaApp(this.scimApp, config.existing?.accessScimAppId);
    attributeOutput(this, this.scimApp, "scimAppId", "Okta SCIM 2.0 Test App (Header Auth) for Access");
    attributeOutput(this, this.scimApp, "adminUrl", "The SCIM app in the Okta admin console");
  }
}
