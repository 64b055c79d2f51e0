import * as z from "zod";
import { Token } from "../../cdktf";
import { literalText, tokenOr } from "../../private/validation";
import { isAccessDomain } from "./access-domain";
import { accessOktaGroupSchema, oktaAccessGroupsRefSchema } from "./access-groups-schema";
import { isAccessSessionDuration } from "./access-session-duration";
import { oktaLoginMethodRefSchema } from "./okta-login-method-schema";

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

/** `AccessApplicationProps`, checked by the `AccessApplication` constructor. */
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
