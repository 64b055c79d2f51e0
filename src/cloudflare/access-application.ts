import { Construct, IConstruct } from "constructs";
import { ZeroTrustAccessApplication } from "@cdktf/provider-cloudflare/lib/zero-trust-access-application";
import { ZeroTrustAccessPolicy } from "@cdktf/provider-cloudflare/lib/zero-trust-access-policy";
import { parseOrThrow } from "../private/validation";
import { terraformLiterals } from "../private/terraform-literal";
import { IOktaAccessGroups } from "./access-groups";
import { IOktaLoginMethod } from "./okta-login-method";
import { accessApplicationPropsSchema } from "./private/access-application-schema";

/** Props of an {@link AccessApplication}. */
export interface AccessApplicationProps {
  /** Application name, shown in the App Launcher and on the login page. */
  readonly name: string;
  /** Hostname, optionally with a path, that Access protects, e.g. `wiki.acme.example`. No scheme. */
  readonly domain: string;
  /**
   * How long an application token lives before Access checks the user again, e.g. `8h`. Set on the
   * application and on its policy, because a policy's duration overrides the application's.
   * @default "24h" (Cloudflare's default)
   */
  readonly sessionDuration?: string;
  /**
   * The `okta` login method: the only identity provider the application offers. Its account owns
   * the application.
   */
  readonly loginMethod: IOktaLoginMethod;
  /** The Access groups of the synced Okta groups, in the login method's account. */
  readonly accessGroups: IOktaAccessGroups;
  /** Okta groups whose members may use the application; each needs an Access group in `accessGroups`. */
  readonly allowGroups: string[];
}

/** A self-hosted Access application: one made here ({@link AccessApplication}). */
export interface IAccessApplication extends IConstruct {
  /** Application ID. */
  readonly applicationId: string;
  /** Application Audience (AUD) tag, for origins that validate the Access JWT. */
  readonly aud: string;
}

/**
 * A self-hosted Access application reachable only through the Okta login method, with one allow policy
 * that includes the Access groups of the allowed Okta groups: the "rules based on user identity and
 * group membership" the Zero Trust seed opens with.
 */
export class AccessApplication extends Construct implements IAccessApplication {
  /** The `cloudflare_zero_trust_access_application` resource. */
  public readonly application: ZeroTrustAccessApplication;
  /** The `cloudflare_zero_trust_access_policy` resource (decision `allow`). */
  public readonly policy: ZeroTrustAccessPolicy;
  public readonly applicationId: string;
  public readonly aud: string;
  /** The application's name. */
  public readonly name: string;

  constructor(scope: Construct, id: string, props: AccessApplicationProps) {
    super(scope, id);
    const p = parseOrThrow(accessApplicationPropsSchema, props, id);
    this.name = p.name;
    const accountId = p.loginMethod.accountId;
    this.policy = new ZeroTrustAccessPolicy(
      this,
      "allow",
      terraformLiterals({
        accountId,
        name: `${p.name}: allow`,
        decision: "allow",
        include: [...new Set(p.allowGroups)].map((g) => ({ group: { id: p.accessGroups.accessGroupIds[g] } })),
        // The provider defaults a policy to 24h, which would override a shorter application duration.
        sessionDuration: p.sessionDuration,
      }),
    );
    this.application = new ZeroTrustAccessApplication(
      this,
      "application",
      terraformLiterals({
        accountId,
        name: p.name,
        type: "self_hosted",
        domain: p.domain,
        sessionDuration: p.sessionDuration,
        allowedIdps: [p.loginMethod.loginMethodId],
        // Straight to Okta: there is only one identity provider to choose.
        autoRedirectToIdentity: true,
        policies: [{ id: this.policy.id, precedence: 1 }],
      }),
    );
    this.applicationId = this.application.id;
    this.aud = this.application.aud;
  }
}
