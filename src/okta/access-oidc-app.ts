import { Construct, IConstruct } from "constructs";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { AppGroupAssignments } from "@cdktf/provider-okta/lib/app-group-assignments";
import { Fn, Token } from "../cdktf";
import { parseOrThrow } from "../private/validation";
import { accessCallbackUrl } from "../private/team";
import { IOktaGroups } from "./groups";
import { OktaOrg } from "./org";
import { oktaAdminAppUrl, oktaOrgUrl } from "./private/org-urls";
import { accessOidcAppPropsSchema, attributesSchema } from "./private/access-oidc-app-schema";
import { assignGroups } from "./private/group-assignments";
import { terraformLiterals } from "../private/terraform-literal";

/**
 * Props of {@link AccessOidcApp}: what the seed's "Create App Integration" form asks for, plus the Okta
 * org (for admin links) and the group lookup.
 */
export interface AccessOidcAppProps {
  /** The Okta org the app lives in (used for admin links). */
  readonly okta: OktaOrg;
  /** Cloudflare Zero Trust team name: `<team>.cloudflareaccess.com` (Settings > Custom Pages). */
  readonly teamName: string;
  /**
   * App name shown in Okta (seed: "Enter any name for the application").
   * @default "Cloudflare Access"
   */
  readonly label?: string;
  /**
   * Groups claim filter, "Matches regex" (seed step: set it to `.*`).
   * @default ".*"
   */
  readonly groupsClaimRegex?: string;
  /**
   * Require PKCE on the Okta side; pair it with `pkce` on the login method (seed step 13).
   * @default false
   */
  readonly pkce?: boolean;
  /** Okta groups whose members may sign in (seed step 3: "Choose the desired Assignment option"); names or IDs. */
  readonly assignedGroups: string[];
  /** Resolves group names to IDs: an {@link OktaGroups} that was given every name in `assignedGroups`. */
  readonly groups: IOktaGroups;
  /**
   * Refuse to destroy the app: deleting it locks every user out of Access.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/** An OIDC app made elsewhere, for {@link AccessOidcApp.fromOidcAppAttributes}. */
export interface AccessOidcAppAttributes {
  /** The Okta app ID (`0oa...`). */
  readonly oidcAppId: string;
  /** OIDC client ID. */
  readonly clientId: string;
  /** OIDC client secret: a reference or a sensitive variable; a literal is refused. Marked sensitive here. */
  readonly clientSecret: string;
  /** The Okta org the app lives in. */
  readonly okta: OktaOrg;
}

/**
 * An Okta OIDC web app that Cloudflare Access signs users in with: one made here
 * ({@link AccessOidcApp}) or one made elsewhere, imported with `AccessOidcApp.fromOidcAppAttributes`.
 */
export interface IAccessOidcApp extends IConstruct {
  /** The Okta app ID. */
  readonly oidcAppId: string;
  /** OIDC client ID. */
  readonly clientId: string;
  /** OIDC client secret, marked sensitive: it never shows in a plan. */
  readonly clientSecret: string;
  /** The Okta org URL, e.g. `https://acme.okta.com`: what Cloudflare calls the Okta account URL. */
  readonly orgUrl: string;
}

/**
 * The Okta OIDC web app that Cloudflare Access signs users in with (seed: "Set up Okta as an OIDC
 * provider", steps 1-7): web app, authorization code flow, the Access callback as redirect URI,
 * a groups claim filter, and group assignments.
 */
export class AccessOidcApp extends Construct implements IAccessOidcApp {
  /**
   * An OIDC app made elsewhere (by hand, or another stack), for the login method (seed step 7:
   * "Copy the Client ID and Client Secret"). The client secret must be a reference or a sensitive
   * variable; it is marked sensitive here, whatever the caller did.
   */
  public static fromOidcAppAttributes(scope: Construct, id: string, attrs: AccessOidcAppAttributes): IAccessOidcApp {
    return new ImportedOidcApp(scope, id, attrs);
  }

  /** The `okta_app_oauth` resource. */
  public readonly app: AppOauth;
  /** The `okta_app_group_assignments` resource. */
  public readonly assignments: AppGroupAssignments;
  public readonly oidcAppId: string;
  /** OIDC client ID, for the Cloudflare login method. */
  public readonly clientId: string;
  /** OIDC client secret (sensitive), for the Cloudflare login method. */
  public readonly clientSecret: string;
  /** `https://<team>.cloudflareaccess.com/cdn-cgi/access/callback`. */
  public readonly redirectUri: string;
  /** The app's page in the Okta admin console. */
  public readonly adminUrl: string;
  public readonly orgUrl: string;
  /** App name in Okta, as given or defaulted. */
  public readonly label: string;
  /** The groups claim filter in effect. */
  public readonly groupsClaimRegex: string;
  /** Whether the app requires PKCE. */
  public readonly pkce: boolean;

  constructor(scope: Construct, id: string, props: AccessOidcAppProps) {
    super(scope, id);
    const p = parseOrThrow(accessOidcAppPropsSchema, props, id);
    this.redirectUri = accessCallbackUrl(p.teamName);
    this.label = p.label ?? "Cloudflare Access";
    this.groupsClaimRegex = p.groupsClaimRegex ?? ".*";
    this.pkce = p.pkce ?? false;
    this.app = new AppOauth(
      this,
      "app",
      terraformLiterals({
        label: this.label,
        type: "web",
        grantTypes: ["authorization_code"],
        responseTypes: ["code"],
        redirectUris: [this.redirectUri],
        tokenEndpointAuthMethod: "client_secret_basic",
        pkceRequired: this.pkce,
        consentMethod: "TRUSTED",
        groupsClaim: { type: "FILTER", filterType: "REGEX", name: "groups", value: this.groupsClaimRegex },
        lifecycle: { preventDestroy: p.preventDestroy ?? true },
      }),
    );
    this.assignments = assignGroups(this, this.app.id, p.assignedGroups, p.groups);
    this.oidcAppId = this.app.id;
    this.orgUrl = oktaOrgUrl(p.okta);
    this.clientId = this.app.clientId;
    this.clientSecret = this.app.clientSecret;
    this.adminUrl = oktaAdminAppUrl(p.okta, "oidc_client", this.app.id);
  }
}

class ImportedOidcApp extends Construct implements IAccessOidcApp {
  public readonly oidcAppId: string;
  public readonly clientId: string;
  public readonly clientSecret: string;
  public readonly orgUrl: string;

  constructor(scope: Construct, id: string, attrs: AccessOidcAppAttributes) {
    super(scope, id);
    const a = parseOrThrow(attributesSchema, attrs, id);
    this.oidcAppId = a.oidcAppId;
    this.clientId = a.clientId;
    this.clientSecret = Token.asString(Fn.sensitive(a.clientSecret));
    this.orgUrl = oktaOrgUrl(a.okta);
  }
}
