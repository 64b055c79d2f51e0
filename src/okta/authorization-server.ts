import { Construct, IConstruct } from "constructs";
import { AuthServer } from "@cdktf/provider-okta/lib/auth-server";
import { AuthServerClaim } from "@cdktf/provider-okta/lib/auth-server-claim";
import { AuthServerPolicy } from "@cdktf/provider-okta/lib/auth-server-policy";
import { AuthServerPolicyRule } from "@cdktf/provider-okta/lib/auth-server-policy-rule";
import { AuthServerScope } from "@cdktf/provider-okta/lib/auth-server-scope";
import { parseOrThrow } from "../private/validation";
import { IAccessOidcApp } from "./access-oidc-app";
import { authorizationServerIdSchema, authorizationServerPropsSchema } from "./private/authorization-server-schema";
import { terraformLiterals } from "../private/terraform-literal";

/**
 * Props of {@link AccessAuthorizationServer} (seed step 12.1: "create a custom authorization server and
 * ensure that the groups scope is enabled").
 */
export interface AccessAuthorizationServerProps {
  /**
   * Name shown in Okta (Security > API > Authorization Servers).
   * @default "Cloudflare Access"
   */
  readonly name?: string;
  /** Audience of issued tokens; the Zero Trust team domain is a good choice. */
  readonly audience: string;
  /** The OIDC app allowed to get tokens from this server. */
  readonly oidcApp: IAccessOidcApp;
  /**
   * Which groups the `groups` claim carries.
   * @default ".*"
   */
  readonly groupsClaimRegex?: string;
}

/**
 * A custom Okta authorization server for the login method: one made here ({@link AccessAuthorizationServer})
 * or an existing one, imported with `AccessAuthorizationServer.fromAuthorizationServerId`.
 */
export interface IAccessAuthorizationServer extends IConstruct {
  /** The Authorization Server ID to enter in Zero Trust (seed step 12.2). */
  readonly authorizationServerId: string;
}

/**
 * A custom Okta authorization server with the `groups` scope enabled (seed step 12.1), a groups
 * claim, and an access policy for the Access app (without a policy Okta refuses every token request).
 */
export class AccessAuthorizationServer extends Construct implements IAccessAuthorizationServer {
  /**
   * A custom authorization server made elsewhere (seed step 12.2: "enter the Authorization Server ID"),
   * for the login method. It must issue the `groups` claim for the Access app.
   */
  public static fromAuthorizationServerId(
    scope: Construct,
    id: string,
    authorizationServerId: string,
  ): IAccessAuthorizationServer {
    return new ImportedAuthorizationServer(scope, id, authorizationServerId);
  }

  /** The `okta_auth_server` resource. */
  public readonly server: AuthServer;
  /** The `groups` scope. */
  public readonly groupsScope: AuthServerScope;
  /** The `groups` claim. */
  public readonly groupsClaim: AuthServerClaim;
  /** The access policy for the Access app. */
  public readonly policy: AuthServerPolicy;
  /** The policy's authorization code rule. */
  public readonly policyRule: AuthServerPolicyRule;
  public readonly authorizationServerId: string;
  /** Issuer URL of the server. */
  public readonly issuer: string;

  constructor(scope: Construct, id: string, props: AccessAuthorizationServerProps) {
    super(scope, id);
    const p = parseOrThrow(authorizationServerPropsSchema, props, id);
    this.server = new AuthServer(
      this,
      "server",
      terraformLiterals({
        name: p.name ?? "Cloudflare Access",
        description: "Issues tokens for the Cloudflare Zero Trust login method",
        audiences: [p.audience],
      }),
    );
    const authServerId = this.server.id;
    this.groupsScope = new AuthServerScope(
      this,
      "groups-scope",
      terraformLiterals({
        authServerId,
        name: "groups",
        description: "Group membership for Cloudflare Access",
        consent: "IMPLICIT",
        metadataPublish: "ALL_CLIENTS",
      }),
    );
    this.groupsClaim = new AuthServerClaim(
      this,
      "groups-claim",
      terraformLiterals({
        authServerId,
        name: "groups",
        claimType: "IDENTITY",
        valueType: "GROUPS",
        groupFilterType: "REGEX",
        value: p.groupsClaimRegex ?? ".*",
        scopes: [this.groupsScope.name],
        alwaysIncludeInToken: true,
      }),
    );
    this.policy = new AuthServerPolicy(
      this,
      "policy",
      terraformLiterals({
        authServerId,
        name: "Cloudflare Access",
        description: "Lets the Cloudflare Access app sign users in",
        priority: 1,
        clientWhitelist: [p.oidcApp.clientId],
      }),
    );
    this.policyRule = new AuthServerPolicyRule(
      this,
      "policy-rule",
      terraformLiterals({
        authServerId,
        policyId: this.policy.id,
        name: "Authorization code",
        priority: 1,
        grantTypeWhitelist: ["authorization_code"],
        groupWhitelist: ["EVERYONE"],
        scopeWhitelist: ["*"],
      }),
    );
    this.authorizationServerId = authServerId;
    this.issuer = this.server.issuer;
  }
}

class ImportedAuthorizationServer extends Construct implements IAccessAuthorizationServer {
  public readonly authorizationServerId: string;

  constructor(scope: Construct, id: string, authorizationServerId: string) {
    super(scope, id);
    this.authorizationServerId = parseOrThrow(
      authorizationServerIdSchema,
      authorizationServerId,
      `${id}.authorizationServerId`,
    );
  }
}
