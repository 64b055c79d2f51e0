import { Construct } from "constructs";
import { ZeroTrustAccessIdentityProvider } from "@cdktf/provider-cloudflare/lib/zero-trust-access-identity-provider";
import * as z from "zod";
import { Fn, Token } from "../cdktf";
import { parseOrThrow, tokenOr } from "../private/validation";
import { accountIdSchema } from "./private/account";
import { terraformLiterals } from "../private/terraform-literal";

/** What Access does to a user's session when their identity (groups) changes in Okta. */
export const identityUpdateBehaviors = ["automatic", "reauth", "no_action"] as const;
/**
 * What Access does when a user's identity changes in Okta: `reauth` is "Enable group membership change
 * reauthentication" (revoke active sessions); `automatic` updates the identity; `no_action` does nothing.
 */
export type IdentityUpdateBehavior = (typeof identityUpdateBehaviors)[number];

/** Access SCIM settings of a login method (seed: "1. Enable SCIM in Zero Trust"). */
export const scimSettingsSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    userDeprovision: z.boolean().optional(),
    seatDeprovision: z.boolean().optional(),
    identityUpdateBehavior: z
      .enum(identityUpdateBehaviors, {
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
   * `reauth` is "Enable group membership change reauthentication".
   * @default "reauth"
   */
  readonly identityUpdateBehavior?: IdentityUpdateBehavior;
}

export const oktaLoginMethodPropsSchema = z.strictObject({
  accountId: accountIdSchema,
  name: z.string().min(1).optional(),
  clientId: z.string().min(1),
  clientSecret: z.string().refine((v) => Token.isUnresolved(v), {
    message:
      "Pass a reference (e.g. AccessOidcApp.clientSecret) or a sensitive variable, never the secret itself: a literal would be written into the synthesized JSON.",
  }),
  oktaAccount: tokenOr(
    (v) => /^https:\/\/[a-z0-9.-]+$/i.test(v),
    'Use the Okta org URL, e.g. "https://acme.okta.com".',
  ),
  authorizationServerId: z.string().min(1).optional(),
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
  /** Client ID of the Okta OIDC app (seed step 7). */
  readonly clientId: string;
  /**
   * Client secret of the Okta OIDC app (seed step 7): a reference or a sensitive variable; a literal
   * is refused. The login method marks it sensitive itself, so a secret read from another stack's
   * state (which drops sensitivity) never shows in a plan, whatever the caller passes.
   */
  readonly clientSecret: string;
  /** Okta account URL, e.g. `https://acme.okta.com` (`oktaOrgUrl(org)` builds it). */
  readonly oktaAccount: string;
  /**
   * ID of a custom Okta authorization server (seed step 12.2).
   * @default - the org authorization server
   */
  readonly authorizationServerId?: string;
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
 * The Cloudflare Zero Trust login method of type `okta` (seed steps 8-14), with Access SCIM
 * ("Synchronize users and groups", part 1).
 */
export class OktaLoginMethod extends Construct {
  /** The `cloudflare_zero_trust_access_identity_provider` resource. */
  public readonly loginMethod: ZeroTrustAccessIdentityProvider;
  /** Login method (identity provider) ID, for Access groups and policies. */
  public readonly loginMethodId: string;
  /** The login method's name, as Access policies refer to it. */
  public readonly name: string;
  /** SCIM settings in effect, defaults applied. */
  public readonly scim: Required<ScimSettings>;
  /** SCIM Endpoint: the Base URL of the Okta SCIM app (`https://<team>.cloudflareaccess.com/scim/<id>`). */
  public readonly scimBaseUrl: string;
  /** SCIM Secret (sensitive): the API Token of the Okta SCIM app. Returned once, when SCIM is first enabled. */
  public readonly scimSecret: string;

  constructor(scope: Construct, id: string, props: OktaLoginMethodProps) {
    super(scope, id);
    const p = parseOrThrow(oktaLoginMethodPropsSchema, props, id);
    this.name = p.name ?? "Okta";
    this.scim = {
      enabled: p.scim?.enabled ?? true,
      userDeprovision: p.scim?.userDeprovision ?? true,
      seatDeprovision: p.scim?.seatDeprovision ?? false,
      identityUpdateBehavior: p.scim?.identityUpdateBehavior ?? "reauth",
    };
    this.loginMethod = new ZeroTrustAccessIdentityProvider(
      this,
      "login-method",
      terraformLiterals({
        accountId: p.accountId,
        name: this.name,
        type: "okta",
        config: {
          clientId: p.clientId,
          clientSecret: Token.asString(Fn.sensitive(p.clientSecret)),
          oktaAccount: p.oktaAccount,
          authorizationServerId: p.authorizationServerId,
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
