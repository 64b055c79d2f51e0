import { Construct, IConstruct } from "constructs";
import { ZeroTrustAccessApplication } from "@cdktf/provider-cloudflare/lib/zero-trust-access-application";
import { ZeroTrustAccessPolicy } from "@cdktf/provider-cloudflare/lib/zero-trust-access-policy";
import * as z from "zod";
import { Token } from "../cdktf";
import { literalText, parseOrThrow, tokenOr } from "../private/validation";
import { accessOktaGroupSchema, IOktaAccessGroups, oktaAccessGroupsRefSchema } from "./access-groups";
import { IOktaLoginMethod, oktaLoginMethodRefSchema } from "./okta-login-method";
import { terraformLiterals } from "../private/terraform-literal";

/**
 * A self-hosted application's domain: a hostname, optionally with a path (`acme.example/wiki`), no
 * scheme or port. `*` may stand in the first label, as Access allows wildcard subdomains. Lowercase
 * only, so the plan matches what Cloudflare stores.
 */
export function isAccessDomain(value: string): boolean {
  const [host, ...path] = value.split("/");
  const labels = host.split(".");
  const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
  const firstLabel = /^(?=.{1,63}$)[a-z0-9*](?:[a-z0-9*-]*[a-z0-9*])?$/;
  return (
    host.length <= 253 &&
    labels.length >= 2 &&
    firstLabel.test(labels[0]) &&
    labels.slice(1).every((l) => label.test(l)) &&
    /^[^\s?#]*$/.test(path.join("/"))
  );
}

/** The cloudflare provider's own session_duration check (5.14, zero_trust_access_application): a Go duration. */
const durationPattern =
  /^(?:0|[-+]?(\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h)(?:(\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))*)$/;

/** True when Cloudflare Access accepts `value` as a session duration, e.g. `24h`, `30m`, `2h45m`. */
export function isAccessSessionDuration(value: string): boolean {
  return durationPattern.test(value);
}

/** Allow groups that have no Access group, so no policy can include them. */
export function groupsWithoutAccessGroup(accessGroups: readonly string[], allowGroups: readonly string[]): string[] {
  return allowGroups.filter((g) => !accessGroups.includes(g));
}

/** What a policy author writes for one application (the config's `accessApplications` entries). */
export const accessApplicationSettingsSchema = z.strictObject({
  name: z
    .string()
    .min(1, { message: "Name the application as users should see it in the App Launcher." })
    .pipe(literalText())
    .describe("Application name, unique; renaming replaces the application."),
  domain: tokenOr(
    isAccessDomain,
    'Use a lowercase hostname, optionally with a path, without scheme: e.g. "wiki.acme.example" or "acme.example/wiki".',
  ).describe('Hostname Access protects, optionally with a path, no scheme: "wiki.acme.example".'),
  sessionDuration: tokenOr(
    isAccessSessionDuration,
    'Use a duration such as "24h", "30m" or "2h45m" (units: ns, us, µs, ms, s, m, h).',
  )
    .optional()
    .describe('Application token lifetime, e.g. "8h". Default: "24h".'),
  allowGroups: z
    .array(accessOktaGroupSchema)
    .min(1, { message: "Allow at least one Okta group, or nobody can reach the application." })
    .describe("Okta groups allowed in; each needs an Access group (accessLogin.accessGroups)."),
});

export const accessApplicationPropsSchema = accessApplicationSettingsSchema
  .safeExtend({ loginMethod: oktaLoginMethodRefSchema, accessGroups: oktaAccessGroupsRefSchema })
  .superRefine((p, ctx) => {
    const missing = groupsWithoutAccessGroup(Object.keys(p.accessGroups.accessGroupIds), p.allowGroups);
    if (missing.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["allowGroups"],
        message: `${missing.map((g) => `"${g}"`).join(", ")} has no Access group: give it one in accessGroups (OktaAccessGroups groups), or remove it from allowGroups.`,
      });
    }
    const accounts = [p.loginMethod.accountId, p.accessGroups.accountId];
    if (!accounts.some((a) => Token.isUnresolved(a)) && accounts[0] !== accounts[1]) {
      ctx.addIssue({
        code: "custom",
        path: ["accessGroups", "accountId"],
        message: `Access groups of account ${accounts[1]} cannot be used with a login method of account ${accounts[0]}: pass Access groups of the login method's account.`,
      });
    }
  });

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
