import { Construct, IConstruct } from "constructs";
import { ZeroTrustAccessIdentityProvider } from "@cdktf/provider-cloudflare/lib/zero-trust-access-identity-provider";
import { Fn, Token } from "../cdktf";
import type { IAccessOidcApp } from "../okta/access-oidc-app";
import type { IAccessAuthorizationServer } from "../okta/authorization-server";
import { parseOrThrow } from "../private/validation";
import { terraformLiterals } from "../private/terraform-literal";
import { IdentityUpdateBehavior } from "./identity-update-behavior";
import { oktaLoginMethodAttributesSchema, oktaLoginMethodPropsSchema } from "./private/okta-login-method-schema";

/** Access SCIM settings of the login method (seed: "1. Enable SCIM in Zero Trust", steps 3-4). */
export interface ScimSettings {
  /**
   * Enable SCIM. Create the login method with SCIM on from the start: cloudflare provider 5.14 fails to
   * enable it on an existing login method, and the SCIM secret is only returned when SCIM is first enabled.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Enable user deprovisioning: revoke a user's sessions when removed from the SCIM app in Okta.
   * @default true
   */
  readonly userDeprovision?: boolean;
  /**
   * Remove user seat on deprovision. Needs `userDeprovision`.
   * @default false
   */
  readonly seatDeprovision?: boolean;
  /**
   * What Access does when a user's groups change in Okta.
   * @default IdentityUpdateBehavior.REAUTH
   */
  readonly identityUpdateBehavior?: IdentityUpdateBehavior;
}

/**
 * Props of {@link OktaLoginMethod}: what the seed fills in under Settings > Authentication > Login methods >
 * Add new > Okta (steps 10-13).
 */
export interface OktaLoginMethodProps {
  /** Cloudflare account that owns the Zero Trust organization. */
  readonly accountId: string;
  /**
   * Login method name shown on the Access login page.
   * @default "Okta"
   */
  readonly name?: string;
  /**
   * The Okta OIDC app users sign in with (seed step 7: its client ID and secret, and the Okta account
   * URL). An app made elsewhere comes in through `AccessOidcApp.fromOidcAppAttributes`. Its client
   * secret must be a reference or a sensitive variable (a literal is refused); the login method marks
   * it sensitive itself, so a secret read from another stack's state (which drops sensitivity) never
   * shows in a plan.
   */
  readonly oidcApp: IAccessOidcApp;
  /**
   * A custom Okta authorization server (seed step 12.2).
   * @default - the org authorization server
   */
  readonly authorizationServer?: IAccessAuthorizationServer;
  /**
   * Extra OIDC claims to add to the user's identity (seed step 12.3).
   * @default - none
   */
  readonly claims?: string[];
  /**
   * Proof of Key Exchange on every login (seed step 13).
   * @default false
   */
  readonly pkce?: boolean;
  /**
   * Access SCIM settings.
   * @default - SCIM enabled, user deprovisioning on, seat removal off, reauthenticate on group change
   */
  readonly scim?: ScimSettings;
  /**
   * Refuse to destroy the login method: deleting it locks every user out of Access.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * A Zero Trust login method of type `okta`: one made here ({@link OktaLoginMethod}) or one made
 * elsewhere, imported with `OktaLoginMethod.fromLoginMethodAttributes`.
 */
export interface IOktaLoginMethod extends IConstruct {
  /** Cloudflare account that owns the login method. */
  readonly accountId: string;
  /** Login method (identity provider) ID, for Access groups, applications and policies. */
  readonly loginMethodId: string;
  /** The login method's name: it prefixes the names of the Access groups made on it. */
  readonly loginMethodName: string;
}

/** An existing login method, for {@link OktaLoginMethod.fromLoginMethodAttributes}. */
export interface OktaLoginMethodAttributes {
  /** Cloudflare account that owns the login method. */
  readonly accountId: string;
  /** Login method (identity provider) ID, from Settings > Authentication > Login methods. */
  readonly loginMethodId: string;
  /** The login method's name, as shown on the Access login page. */
  readonly loginMethodName: string;
}

/**
 * The Cloudflare Zero Trust login method of type `okta` (seed steps 8-14), with Access SCIM
 * ("Synchronize users and groups", part 1).
 */
export class OktaLoginMethod extends Construct implements IOktaLoginMethod {
  /** A login method made elsewhere (e.g. in the dashboard), for Access groups and applications. */
  public static fromLoginMethodAttributes(
    scope: Construct,
    id: string,
    attrs: OktaLoginMethodAttributes,
  ): IOktaLoginMethod {
    const a = parseOrThrow(oktaLoginMethodAttributesSchema, attrs, id);
    return new ImportedOktaLoginMethod(scope, id, a);
  }

  /** The `cloudflare_zero_trust_access_identity_provider` resource. */
  public readonly loginMethod: ZeroTrustAccessIdentityProvider;
  public readonly accountId: string;
  public readonly loginMethodId: string;
  public readonly loginMethodName: string;
  /** SCIM settings in effect, every field set (defaults applied). */
  public readonly scim: ScimSettings;
  /** SCIM Endpoint: the Base URL of the Okta SCIM app (`https://<team>.cloudflareaccess.com/scim/<id>`). */
  public readonly scimBaseUrl: string;
  /** SCIM Secret (sensitive): the API Token of the Okta SCIM app. Returned once, when SCIM is first enabled. */
  public readonly scimSecret: string;

  constructor(scope: Construct, id: string, props: OktaLoginMethodProps) {
    super(scope, id);
    const p = parseOrThrow(oktaLoginMethodPropsSchema, props, id);
    this.accountId = p.accountId;
    this.loginMethodName = p.name ?? "Okta";
    this.scim = {
      enabled: p.scim?.enabled ?? true,
      userDeprovision: p.scim?.userDeprovision ?? true,
      seatDeprovision: p.scim?.seatDeprovision ?? false,
      identityUpdateBehavior: p.scim?.identityUpdateBehavior ?? IdentityUpdateBehavior.REAUTH,
    };
    this.loginMethod = new ZeroTrustAccessIdentityProvider(
      this,
      "login-method",
      terraformLiterals({
        accountId: p.accountId,
        name: this.loginMethodName,
        type: "okta",
        config: {
          clientId: p.oidcApp.clientId,
          clientSecret: Token.asString(Fn.sensitive(p.oidcApp.clientSecret)),
          oktaAccount: p.oidcApp.orgUrl,
          authorizationServerId: p.authorizationServer?.authorizationServerId,
          claims: p.claims,
          pkceEnabled: p.pkce ?? false,
        },
        scimConfig: this.scim,
        lifecycle: { preventDestroy: p.preventDestroy ?? true },
      }),
    );
    this.loginMethodId = this.loginMethod.id;
    this.scimBaseUrl = this.loginMethod.scimConfig.scimBaseUrl;
    this.scimSecret = this.loginMethod.scimConfig.secret;
  }
}

class ImportedOktaLoginMethod extends Construct implements IOktaLoginMethod {
  public readonly accountId: string;
  public readonly loginMethodId: string;
  public readonly loginMethodName: string;

  constructor(scope: Construct, id: string, attrs: OktaLoginMethodAttributes) {
    super(scope, id);
    this.accountId = attrs.accountId;
    this.loginMethodId = attrs.loginMethodId;
    this.loginMethodName = attrs.loginMethodName;
  }
}
