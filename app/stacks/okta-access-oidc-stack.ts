import { Construct } from "constructs";
import { adoptAuthorizationServer, adoptOktaApp } from "../adopt/adopt";
import { accessScim, Config, oktaOrg } from "../config/schema";
import { AccessAuthorizationServer, IAccessAuthorizationServer } from "../../src/okta/authorization-server";
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
  /** The custom authorization server for the login method: created here, or the configured one; none by default. */
  public readonly authorizationServer?: IAccessAuthorizationServer;

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
    if (login.createAuthorizationServer) {
      const server = new AccessAuthorizationServer(this, "authorization-server", {
        audience: teamDomainUrl(config.cloudflare.teamName),
        oidcApp: this.oidcApp,
        groupsClaimRegex: login.groupsClaimRegex,
      });
      adoptAuthorizationServer(server, config.existing?.authorizationServer);
      attributeOutput(this, server, "authorizationServerId", "Custom authorization server for Access");
      this.authorizationServer = server;
    } else if (login.authorizationServerId !== undefined) {
      this.authorizationServer = AccessAuthorizationServer.fromAuthorizationServerId(
        this,
        "authorization-server",
        login.authorizationServerId,
      );
    }
    attributeOutput(this, this.oidcApp, "oidcAppId", "Okta OIDC app for Cloudflare Access");
    attributeOutput(this, this.oidcApp, "adminUrl", "The OIDC app in the Okta admin console");
    attributeOutput(this, this.oidcApp, "clientId", "Client ID of the OIDC app");
  }
}
