import { Construct } from "constructs";
import { adoptAuthorizationServer, adoptOktaApp } from "../adopt/adopt";
import { accessScim, Config, oktaOrg } from "../config/schema";
import { AccessAuthorizationServer } from "../../src/okta/authorization-server";
import { AccessOidcApp } from "../../src/okta/access-oidc-app";
import { OktaGroups } from "../../src/okta/groups";
import { teamDomainUrl } from "../../src/private/team";
import { ProjectStack } from "./project-stack";
import { attributeOutput } from "./outputs";
import { oktaProvider } from "./providers";

/** Okta side of the login method: the OIDC app, its assignments and an optional authorization server. */
export class OktaAccessOidcStack extends ProjectStack {
  public readonly groups: OktaGroups;
  public readonly oidcApp: AccessOidcApp;
  public readonly authorizationServer?: AccessAuthorizationServer;
  /** The Authorization Server ID for the login method, created or configured. */
  public readonly authorizationServerId?: string;

  constructor(scope: Construct, id: string, config: Config) {
    super(scope, id, config);
    oktaProvider(this, config);
    const login = config.accessLogin;
    const scim = accessScim(config);
    // One lookup for every Access group; the SCIM stack reads the IDs from this stack's state.
    this.groups = new OktaGroups(this, "groups", {
      names: [...login.assignedGroups, ...(scim?.assignedGroups ?? []), ...(scim?.pushGroups ?? [])],
    });
    this.oidcApp = new AccessOidcApp(this, "access-oidc-app", {
      okta: oktaOrg(config),
      teamName: config.cloudflare.teamName,
      label: login.appLabel,
      groupsClaimRegex: login.groupsClaimRegex,
      pkce: login.pkce,
      assignedGroups: login.assignedGroups,
      groups: this.groups,
      preventDestroy: login.preventDestroy,
    });
    adoptOktaApp(this.oidcApp, config.existing?.oidcAppId);
    this.authorizationServerId = login.authorizationServerId;
    if (login.createAuthorizationServer) {
      this.authorizationServer = new AccessAuthorizationServer(this, "authorization-server", {
        audience: teamDomainUrl(config.cloudflare.teamName),
        oidcApp: this.oidcApp,
        groupsClaimRegex: login.groupsClaimRegex,
      });
      adoptAuthorizationServer(this.authorizationServer, config.existing?.authorizationServer);
      this.authorizationServerId = this.authorizationServer.authorizationServerId;
      attributeOutput(
        this,
        this.authorizationServer,
        "authorizationServerId",
        "Custom authorization server for Access",
      );
    }
    attributeOutput(this, this.oidcApp, "oidcAppId", "Okta OIDC app for Cloudflare Access");
    attributeOutput(this, this.oidcApp, "adminUrl", "The OIDC app in the Okta admin console");
    attributeOutput(this, this.oidcApp, "clientId", "Client ID of the OIDC app");
  }
}
