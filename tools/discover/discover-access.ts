import { isAccessDomain } from "../../src/cloudflare/private/access-domain";
import { isAccessSessionDuration } from "../../src/cloudflare/private/access-session-duration";
import { accessGroupName } from "../../src/cloudflare/private/access-group-name";
import { ConfigInput } from "../../app/config/schema";
import { ZeroTrustObject } from "../check/cloudflare-api";
import { Facts } from "./facts";
import { names, Notes, obj, shown } from "./notes";

// Discover's decisions on the Access side: the Access groups and applications behind the login method.

type Application = NonNullable<ConfigInput["accessApplications"]>[number];

/** Access groups holding exactly one Okta rule on the login method, by Okta group name. */
export function accessGroupsToAdopt(
  method: ZeroTrustObject,
  pushed: readonly string[],
  facts: Facts,
  notes: Notes,
): Record<string, string> {
  const { found, differences, questions } = notes;
  const byOktaGroup = new Map<string, ZeroTrustObject[]>();
  for (const g of facts.cloudflare.accessGroups) {
    const rules = [...(g.include ?? []), ...(g.exclude ?? []), ...(g.require ?? [])] as ZeroTrustObject[];
    const okta = rules.filter((r) => r.okta?.identity_provider_id === method.id);
    if (okta.length === 0) continue;
    if (rules.length !== 1 || (g.include ?? []).length !== 1) {
      questions.push(
        `Access group ${obj(g)} has rules besides one Okta group of the login method: the stacks' Access groups hold exactly one, so the draft leaves it alone (not adopted, not changed). Adopt it by hand if you want it reduced to that.`,
      );
      continue;
    }
    const oktaGroup = String(okta[0].okta.name);
    byOktaGroup.set(oktaGroup, [...(byOktaGroup.get(oktaGroup) ?? []), g]);
  }
  const adopted: Record<string, string> = {};
  for (const [oktaGroup, groups] of byOktaGroup) {
    if (groups.length > 1) {
      questions.push(
        `Access groups ${groups.map(obj).join(", ")} all match the Okta group "${shown(oktaGroup)}": the draft adopts none. Keep one (delete the others), then run discover again.`,
      );
    } else if (!pushed.includes(oktaGroup)) {
      questions.push(
        `Access group ${obj(groups[0])} matches the Okta group "${shown(oktaGroup)}", which Access SCIM does not push (so it matches nobody): the draft leaves it alone. Push the group, or delete the Access group.`,
      );
    } else {
      adopted[oktaGroup] = groups[0].id;
      found.push(`Access group ${obj(groups[0])}: the Okta group "${shown(oktaGroup)}".`);
      const name = accessGroupName(method.name, oktaGroup);
      if (groups[0].name !== name)
        differences.push(`Access group ${obj(groups[0])}: the first plan renames it "${shown(name)}".`);
    }
  }
  return adopted;
}

/** Self-hosted applications behind the login method with one allow policy on adopted Access groups. */
export function applicationsToAdopt(
  method: ZeroTrustObject,
  accessGroups: Readonly<Record<string, string>>,
  facts: Facts,
  notes: Notes,
): Array<{ settings: Application; ids: { applicationId: string; policyId: string } }> {
  const { found, differences, questions } = notes;
  const oktaGroupOf = new Map(Object.entries(accessGroups).map(([oktaGroup, id]) => [id, oktaGroup]));
  const adopted: Array<{ settings: Application; ids: { applicationId: string; policyId: string } }> = [];
  for (const a of facts.cloudflare.applications.filter(
    (x) => Array.isArray(x.allowed_idps) && x.allowed_idps.includes(method.id),
  )) {
    const policies = (a.policies ?? []) as ZeroTrustObject[];
    const policy = policies.length === 1 ? facts.cloudflare.policies.find((p) => p.id === policies[0].id) : undefined;
    const include = (policy?.include ?? []) as ZeroTrustObject[];
    const allowGroups = include.map((r) => oktaGroupOf.get(r.group?.id)).filter((g): g is string => g !== undefined);
    const why =
      a.type !== "self_hosted"
        ? `it is of type ${shown(a.type)}, not self_hosted`
        : !isAccessDomain(a.domain ?? "")
          ? `its domain "${shown(a.domain)}" is not one hostname (and path)`
          : policies.length !== 1
            ? `it has ${policies.length} policies, where the stacks give an application one`
            : policy?.decision !== "allow"
              ? "its policy is not one allow policy of the account"
              : include.length === 0 ||
                  allowGroups.length !== include.length ||
                  (policy.exclude ?? []).length + (policy.require ?? []).length > 0
                ? "its policy includes more than adopted Access groups (or excludes or requires something)"
                : adopted.some((x) => x.settings.name === a.name)
                  ? `another application is named "${shown(a.name)}" too`
                  : undefined;
    if (why) {
      questions.push(
        `Access application ${obj(a)} uses the login method, but ${why}: the draft leaves it alone (not adopted, not changed).`,
      );
      continue;
    }
    const settings: Application = { name: a.name, domain: a.domain, allowGroups };
    if (typeof a.session_duration === "string" && isAccessSessionDuration(a.session_duration))
      settings.sessionDuration = a.session_duration;
    adopted.push({ settings, ids: { applicationId: a.id, policyId: policy!.id } });
    found.push(
      `Access application ${obj(a)} on ${shown(a.domain)}: allows ${names(allowGroups)} through policy ${obj(policy!)}.`,
    );
    if (policy!.name !== `${shown(a.name)}: allow`)
      differences.push(`Access policy ${obj(policy!)}: the first plan renames it "${shown(a.name)}: allow".`);
    if (a.allowed_idps.length > 1 || a.auto_redirect_to_identity !== true) {
      differences.push(
        `Access application ${obj(a)}: the first plan leaves the Okta login method as its only one, with automatic redirect.`,
      );
    }
  }
  return adopted;
}
