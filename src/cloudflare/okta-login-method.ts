import { Construct, IConstruct } from "constructs";
import { ZeroTrustAccessIdentityProvider } from "@cdktf/provider-cloudflare/lib/zero-trust-access-identity-provider";
import * as z from "zod";
import { Fn, Token } from "../cdktf";
import type { IAccessOidcApp } from "../okta/access-oidc-app";
import type { IAccessAuthorizationServer } from "../okta/authorization-server";
import { parseOrThrow, tokenOr } from "../private/validation";
import { accountIdSchema } from "./private/account";
import { terraformLiterals } from "../private/terraform-literal";

/**
 * What Access does to a user's session when their identity (groups) changes in Okta. The values are
 * the API's, which the config file also uses.
 */
export enum IdentityUpdateBehavior {
  /** Update the user's identity in Access. */
  AUTOMATIC = "automatic",
  /** "Enable group membership change reauthentication": revoke the user's active sessions. */
  REAUTH = "reauth",
  /** Do nothing. */
  NO_ACTION = "no_action",
}

/** Access SCIM settings of a login method (seed: "1. Enable SCIM in Zero Trust"). */
export const scimSettingsSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    userDeprovision: z.boolean().optional(),
    seatDeprovision: z.boolean().optional(),
    identityUpdateBehavior: z
      .enum(IdentityUpdateBehavior, {
        message: 'Use "reauth" (reauthenticate on group membership change), "automatic" or "no_action".',
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    if (s.seatDeprovision && s.userDeprovision === false) {
      ctx.addIssue({
        code: "custom",
        path: ["seatDeprovision"],
        message:
          "Remove user seat on deprovision needs Enable user deprovisioning: set userDeprovision to true, or seatDeprovision to false.",
      });
    }
  });

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

const loginMethodAttributes = {
  accountId: accountIdSchema,
  loginMethodId: z
    .string()
    .min(1, { message: "Use the login method's ID (Settings > Authentication > Login methods)." }),
  loginMethodName: z.string().min(1, { message: "Use the login method's name as shown on the Access login page." }),
};

/** A login method as Access groups and applications take it (`IOktaLoginMethod`), checked field by field. */
export const oktaLoginMethodRefSchema = z.object(loginMethodAttributes, {
  message: "Pass an OktaLoginMethod, or one from OktaLoginMethod.fromLoginMethodAttributes.",
});

const oidcAppSchema = z.object(
  {
    clientId: z.string().min(1),
    clientSecret: z.string().refine((v) => Token.isUnresolved(v), {
      message:
        "Pass an AccessOidcApp, or an app made elsewhere through AccessOidcApp.fromOidcAppAttributes with the secret as a reference or a sensitive variable, never the secret itself: a literal would be written into the synthesized JSON.",
    }),
    orgUrl: tokenOr((v) => /^https:\/\/[a-z0-9.-]+$/i.test(v), 'Use the Okta org URL, e.g. "https://acme.okta.com".'),
  },
  { message: "Pass an AccessOidcApp, or an app made elsewhere through AccessOidcApp.fromOidcAppAttributes." },
);

export const oktaLoginMethodPropsSchema = z.strictObject({
  accountId: accountIdSchema,
  name: z.string().min(1).optional(),
  oidcApp: oidcAppSchema,
  authorizationServer: z
    .object(
      { authorizationServerId: z.string().min(1) },
      {
        message: "Pass an AccessAuthorizationServer, or one from AccessAuthorizationServer.fromAuthorizationServerId.",
      },
    )
    .optional(),
  claims: z.array(z.string().min(1)).optional(),
  pkce: z.boolean().optional(),
  scim: scimSettingsSchema.optional(),
  preventDestroy: z.boolean().optional(),
});

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
    const a = parseOrThrow(z.strictObject(loginMethodAttributes), attrs, id);
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
