import { isAccessDomain, isAccessSessionDuration } from "../cloudflare/access-application";
import { accessGroupName } from "../cloudflare/access-groups";
import { Existing } from "../config/existing-schema";
import { parseConfig } from "../config/load";
import { ConfigInput } from "../config/schema";
import { oktaOrgUrl } from "../okta/org";
import { ScimAppKind, headerAuthScimApp, oauthBearerScimApp, scimUserNameTemplate } from "../okta/scim-app";
import { ZeroTrustObject } from "../runbook/cloudflare-api";
import { OktaAppSummary } from "../runbook/okta-api";
import { serviceText } from "../runbook/redact";
import { accessCallbackUrl } from "../team";
import { ValidationErrors } from "../validation";
import { DiscoverTarget, Facts, oidcCandidates, PushedGroup } from "./facts";

// From what the APIs show to a config draft: each object the stacks manage, found by what ties it
// to the setup (the Access callback, the OIDC client ID, the login method's ID, the catalog app),
// with its ID in `existing`. Whatever cannot be told apart is a question, never a silent pick.

/** What discover found, what the first plan will change, and what a person must decide. */
export interface Discovery {
  readonly found: string[];
  /** Where the hand-made setup differs from what the draft declares: the first plan changes these. */
  readonly differences: string[];
  readonly questions: string[];
  /** The draft, validated; absent when there is nothing to adopt or it does not validate. */
  readonly config?: ConfigInput;
}

type Scim = NonNullable<ConfigInput["accessLogin"]["scim"]>;
type Dashboard = NonNullable<ConfigInput["dashboardScim"]>;
type Application = NonNullable<ConfigInput["accessApplications"]>[number];

/** Text the services sent, as printed: nothing token-shaped, no control characters (see redact.ts). The draft keeps it exact. */
const shown = (text: unknown) => serviceText(String(text), []);
const app = (a: OktaAppSummary) => `"${shown(a.label)}" (${shown(a.id)})`;
const obj = (o: ZeroTrustObject) => `"${shown(o.name)}" (${shown(o.id)})`;
const names = (values: readonly string[]) => values.map((v) => `"${shown(v)}"`).join(", ") || "none";

export function decide(target: DiscoverTarget, facts: Facts): Discovery {
  const found: string[] = [];
  const differences: string[] = [];
  const questions: string[] = [];
  const existing: { -readonly [K in keyof Existing]: Existing[K] } = {};
  const { okta } = facts;
  const nothing = () => ({ found, differences, questions });

  const oidc = chooseOidcApp(target, facts, found, questions);
  if (!oidc) return nothing();
  const assigned = okta.assigned.get(oidc.id) ?? [];
  if (assigned.length === 0) {
    questions.push(`The OIDC app ${app(oidc)} has no group assigned, and a config needs at least one: assign the groups whose members sign in to Access, then run discover again.`);
    return nothing();
  }
  existing.oidcAppId = oidc.id;
  found.push(`Okta OIDC app ${app(oidc)}: redirects to ${accessCallbackUrl(target.cloudflare.teamName)}; assigned groups ${names(assigned)}.`);
  differences.push(
    'The OIDC app\'s groups claim filter cannot be read through Okta\'s public API: the draft says ".*" (every group). If the app filters otherwise, the first plan shows groups_claim changing: set accessLogin.groupsClaimRegex to your filter.',
  );

  const method = chooseLoginMethod(oidc, facts, found, questions);
  const login: ConfigInput["accessLogin"] & { accessGroups?: string[] } = {
    name: method?.name ?? "Okta",
    appLabel: oidc.label,
    groupsClaimRegex: ".*",
    pkce: oidc.pkceRequired ?? false,
    assignedGroups: [...assigned],
  };
  if (method) {
    existing.loginMethodId = method.id;
    const config = method.config ?? {};
    if (Array.isArray(config.claims) && config.claims.length > 0) login.claims = config.claims;
    if (typeof config.authorization_server_id === "string" && config.authorization_server_id !== "") {
      login.authorizationServerId = config.authorization_server_id;
      found.push(`The login method uses the custom authorization server ${shown(config.authorization_server_id)}: the draft names it (accessLogin.authorizationServerId) and leaves it as it is.`);
    }
    const orgUrl = oktaOrgUrl(target.okta);
    if (typeof config.okta_account === "string" && config.okta_account.replace(/\/+$/, "") !== orgUrl) {
      differences.push(`The login method's Okta account is ${shown(config.okta_account)}; the first plan sets ${orgUrl} (from --okta-org and --okta-base-url): if that is not your org, fix the flags.`);
    }
    if (Boolean(config.pkce_enabled) !== (oidc.pkceRequired ?? false)) {
      differences.push(`PKCE is ${config.pkce_enabled ? "on" : "off"} in the login method but ${oidc.pkceRequired ? "required" : "not required"} by the OIDC app: the draft takes the app's (accessLogin.pkce = ${oidc.pkceRequired ?? false}); the first plan sets the login method to match.`);
    }
  }

  const scimConfig = method?.scim_config ?? {};
  const headerApps = okta.apps.filter((a) => a.name === headerAuthScimApp.preconfiguredApp);
  if (method && scimConfig.enabled !== true) {
    if (headerApps.length > 0) {
      questions.push(
        `The login method ${obj(method)} has SCIM off, yet Okta has ${headerAuthScimApp.catalogName} app(s) ${headerApps.map(app).join(", ")}. The cloudflare provider 5.14 cannot turn SCIM on for an existing login method (fixed in 5.20), so the draft leaves SCIM off and adopts no SCIM app: turn SCIM on in Zero Trust and run discover again, or keep it off.`,
      );
    } else found.push(`The login method ${obj(method)} has SCIM off: the draft keeps it off.`);
  } else if (method) {
    const scim: Scim = {
      enabled: true,
      userDeprovision: scimConfig.user_deprovision === true,
      seatDeprovision: scimConfig.seat_deprovision === true,
      identityUpdateBehavior: ["automatic", "reauth", "no_action"].includes(scimConfig.identity_update_behavior) ? scimConfig.identity_update_behavior : "no_action",
      assignedGroups: [...assigned],
    };
    const chosen = oneOf(headerApps, headerAuthScimApp, questions, `the login method ${obj(method)} has SCIM on`);
    if (chosen) {
      const part = scimPart(chosen, headerAuthScimApp, facts, found, differences, questions);
      if (part) {
        Object.assign(scim, part.section);
        existing.accessScimAppId = chosen.id;
        if (part.mappingIds) existing.accessPushMappingIds = part.mappingIds;
      }
    } else {
      questions.push(`Without an adopted ${headerAuthScimApp.catalogName}, the draft's SCIM section assigns the OIDC app's groups and the first apply would create a new app: answer the question above first.`);
    }
    login.scim = scim;
  }

  const pushed = login.scim ? (login.scim.pushGroups ?? login.scim.assignedGroups ?? []) : [];
  let accessApplications: Application[] = [];
  if (method) {
    const accessGroups = adoptAccessGroups(method, pushed, facts, found, differences, questions);
    login.accessGroups = Object.keys(accessGroups);
    if (login.accessGroups.length > 0) existing.accessGroupIds = accessGroups;
    const applications = adoptApplications(method, accessGroups, facts, found, differences, questions);
    if (applications.length > 0) {
      existing.accessApplicationIds = Object.fromEntries(applications.map((a) => [a.settings.name, a.ids]));
    }
    accessApplications = applications.map((a) => a.settings);
  }

  const draft: ConfigInput = {
    name: target.name,
    okta: { orgName: target.okta.orgName, baseUrl: target.okta.baseUrl },
    cloudflare: { accountId: target.cloudflare.accountId, teamName: target.cloudflare.teamName },
    accessLogin: login,
  };
  const dashboard = dashboardPart(facts, found, differences, questions);
  if (dashboard) {
    draft.dashboardScim = dashboard.section;
    existing.dashboardScimAppId = dashboard.appId;
    if (dashboard.mappingIds) existing.dashboardPushMappingIds = dashboard.mappingIds;
  }
  if (accessApplications.length > 0) draft.accessApplications = accessApplications;
  draft.existing = existing;
  try {
    parseConfig(draft);
  } catch (e) {
    if (!(e instanceof ValidationErrors)) throw e;
    questions.push(...e.errors.map((v) => `The draft does not validate: ${v.message} Fix this in the setup or in the draft by hand.`));
    return nothing();
  }
  return { found, differences, questions, config: draft };
}

/** The OIDC app users sign in with: the one app sending them to the Access callback, or the one a login method uses. */
function chooseOidcApp(target: DiscoverTarget, facts: Facts, found: string[], questions: string[]): OktaAppSummary | undefined {
  const callback = accessCallbackUrl(target.cloudflare.teamName);
  const candidates = oidcCandidates(facts.okta.apps, target.cloudflare.teamName);
  if (candidates.length === 0) {
    questions.push(`No Okta OIDC app has the sign-in redirect URI ${callback}: is the team name right (--team-name)? Without that app there is nothing to adopt, so no draft is written.`);
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const inUse = candidates.filter((a) => facts.cloudflare.loginMethods.some((m) => m.config?.client_id === a.clientId));
  if (inUse.length === 1) {
    found.push(`${candidates.length} OIDC apps redirect to ${callback}; ${app(inUse[0])} is the one an okta login method uses. Not adopted: ${candidates.filter((a) => a !== inUse[0]).map(app).join(", ")}.`);
    return inUse[0];
  }
  questions.push(
    `${candidates.length} Okta OIDC apps redirect to ${callback}: ${candidates.map(app).join(", ")}, and ${inUse.length === 0 ? "no okta login method uses any of them" : "okta login methods use several of them"}. Which one do users sign in with? Remove the callback from the others (or delete them), then run discover again.`,
  );
  return undefined;
}

/** The okta login method that uses the OIDC app's client ID. */
function chooseLoginMethod(oidc: OktaAppSummary, facts: Facts, found: string[], questions: string[]): ZeroTrustObject | undefined {
  const all = facts.cloudflare.loginMethods;
  const using = all.filter((m) => m.config?.client_id === oidc.clientId);
  for (const other of all.filter((m) => !using.includes(m))) found.push(`The okta login method ${obj(other)} uses another client ID: not adopted.`);
  if (using.length === 1) {
    found.push(`Zero Trust login method ${obj(using[0])}: uses the OIDC app's client ID; SCIM ${using[0].scim_config?.enabled ? "on" : "off"}.`);
    return using[0];
  }
  questions.push(
    using.length === 0
      ? `No okta login method uses the OIDC app's client ID ${shown(oidc.clientId)}: the draft adopts none, so the first apply would create a new one, with a new ID that no existing policy names. If yours uses another app, that app is the one to adopt.`
      : `${using.length} okta login methods use the OIDC app's client ID: ${using.map(obj).join(", ")}. Which one do users sign in with? Set existing.loginMethodId in the draft to it.`,
  );
  return undefined;
}

/** The one app of a catalog kind, or a question. */
function oneOf(apps: readonly OktaAppSummary[], kind: ScimAppKind, questions: string[], why: string): OktaAppSummary | undefined {
  if (apps.length === 1) return apps[0];
  questions.push(
    apps.length === 0
      ? `Okta has no ${kind.catalogName} app, though ${why}. Was it deleted, or does another app provision Cloudflare?`
      : `Okta has ${apps.length} ${kind.catalogName} apps: ${apps.map(app).join(", ")}; ${why}. Which one provisions Cloudflare? (Its Base URL is set on its Provisioning tab, which no API reads.) Set existing.${kind === headerAuthScimApp ? "accessScimAppId" : "dashboardScimAppId"} to it and its groups by hand, or delete the other.`,
  );
  return undefined;
}

/** A SCIM app's assigned and pushed groups as config, the push mapping IDs, and how it differs. */
function scimPart(
  chosen: OktaAppSummary,
  kind: ScimAppKind,
  facts: Facts,
  found: string[],
  differences: string[],
  questions: string[],
): { section: { assignedGroups: string[]; pushGroups?: string[]; appLabel: string; provisioningConfigured: boolean }; mappingIds?: Record<string, string> } | undefined {
  const assigned = [...(facts.okta.assigned.get(chosen.id) ?? [])];
  if (assigned.length === 0) {
    questions.push(`The ${kind.catalogName} app ${app(chosen)} has no group assigned, and a config needs at least one: assign the groups it provisions, then run discover again.`);
    return undefined;
  }
  const mappings = pushedAndAssigned(chosen, facts.okta.pushed.get(chosen.id) ?? [], assigned, questions);
  const mappingIds = Object.fromEntries(mappings.map((m) => [m.groupName, m.mappingId]));
  found.push(`${kind.catalogName} ${app(chosen)}: assigned groups ${names(assigned)}; pushed groups ${names(mappings.map((m) => m.groupName))}.`);
  if (chosen.userNameTemplate !== undefined && chosen.userNameTemplate !== scimUserNameTemplate) {
    differences.push(`${app(chosen)}: Application username format is ${shown(chosen.userNameTemplate)}; the first plan sets it to Email (${scimUserNameTemplate}), which SCIM userName must be.`);
  }
  for (const m of mappings.filter((x) => x.status !== "ACTIVE")) differences.push(`${app(chosen)}: pushing "${shown(m.groupName)}" is ${shown(m.status)}; the first plan makes it ACTIVE.`);
  if (mappings.length === 0) {
    found.push(`${app(chosen)} pushes no group: the draft leaves provisioningConfigured off; once its provisioning is set up, the runbook's steps and Terraform push the assigned groups.`);
    return { section: { assignedGroups: assigned, appLabel: chosen.label, provisioningConfigured: false } };
  }
  // Group Push works only with provisioning on: the mappings show a person set it up.
  return { section: { assignedGroups: assigned, pushGroups: mappings.map((m) => m.groupName), appLabel: chosen.label, provisioningConfigured: true }, mappingIds };
}

/** Mappings of groups that are assigned, each group once; the rest are questions. */
function pushedAndAssigned(chosen: OktaAppSummary, pushed: readonly PushedGroup[], assigned: readonly string[], questions: string[]): PushedGroup[] {
  const kept: PushedGroup[] = [];
  for (const m of pushed) {
    const twice = pushed.filter((x) => x.groupName === m.groupName);
    if (!assigned.includes(m.groupName)) {
      questions.push(`${app(chosen)} pushes "${shown(m.groupName)}", which is not assigned to it: the draft leaves that push alone. Assign the group (then run discover again) or stop pushing it.`);
    } else if (twice.length > 1) {
      if (twice[0] === m) questions.push(`${app(chosen)} pushes "${shown(m.groupName)}" ${twice.length} times (mappings ${twice.map((x) => x.mappingId).join(", ")}): the draft adopts none of them. Remove the extra push in Okta, then run discover again.`);
    } else kept.push(m);
  }
  return kept;
}

/** Access groups holding exactly one Okta rule on the login method, by Okta group name. */
function adoptAccessGroups(
  method: ZeroTrustObject,
  pushed: readonly string[],
  facts: Facts,
  found: string[],
  differences: string[],
  questions: string[],
): Record<string, string> {
  const byOktaGroup = new Map<string, ZeroTrustObject[]>();
  for (const g of facts.cloudflare.accessGroups) {
    const rules = [...(g.include ?? []), ...(g.exclude ?? []), ...(g.require ?? [])] as ZeroTrustObject[];
    const okta = rules.filter((r) => r.okta?.identity_provider_id === method.id);
    if (okta.length === 0) continue;
    if (rules.length !== 1 || (g.include ?? []).length !== 1) {
      questions.push(`Access group ${obj(g)} has rules besides one Okta group of the login method: the stacks' Access groups hold exactly one, so the draft leaves it alone (not adopted, not changed). Adopt it by hand if you want it reduced to that.`);
      continue;
    }
    const oktaGroup = String(okta[0].okta.name);
    byOktaGroup.set(oktaGroup, [...(byOktaGroup.get(oktaGroup) ?? []), g]);
  }
  const adopted: Record<string, string> = {};
  for (const [oktaGroup, groups] of byOktaGroup) {
    if (groups.length > 1) {
      questions.push(`Access groups ${groups.map(obj).join(", ")} all match the Okta group "${shown(oktaGroup)}": the draft adopts none. Keep one (delete the others), then run discover again.`);
    } else if (!pushed.includes(oktaGroup)) {
      questions.push(`Access group ${obj(groups[0])} matches the Okta group "${shown(oktaGroup)}", which Access SCIM does not push (so it matches nobody): the draft leaves it alone. Push the group, or delete the Access group.`);
    } else {
      adopted[oktaGroup] = groups[0].id;
      found.push(`Access group ${obj(groups[0])}: the Okta group "${shown(oktaGroup)}".`);
      const name = accessGroupName(method.name, oktaGroup);
      if (groups[0].name !== name) differences.push(`Access group ${obj(groups[0])}: the first plan renames it "${shown(name)}".`);
    }
  }
  return adopted;
}

/** Self-hosted applications behind the login method with one allow policy on adopted Access groups. */
function adoptApplications(
  method: ZeroTrustObject,
  accessGroups: Readonly<Record<string, string>>,
  facts: Facts,
  found: string[],
  differences: string[],
  questions: string[],
): Array<{ settings: Application; ids: { applicationId: string; policyId: string } }> {
  const oktaGroupOf = new Map(Object.entries(accessGroups).map(([oktaGroup, id]) => [id, oktaGroup]));
  const adopted: Array<{ settings: Application; ids: { applicationId: string; policyId: string } }> = [];
  for (const a of facts.cloudflare.applications.filter((x) => Array.isArray(x.allowed_idps) && x.allowed_idps.includes(method.id))) {
    const policies = (a.policies ?? []) as ZeroTrustObject[];
    const policy = policies.length === 1 ? facts.cloudflare.policies.find((p) => p.id === policies[0].id) : undefined;
    const include = (policy?.include ?? []) as ZeroTrustObject[];
    const allowGroups = include.map((r) => oktaGroupOf.get(r.group?.id)).filter((g): g is string => g !== undefined);
    const why =
      a.type !== "self_hosted" ? `it is of type ${shown(a.type)}, not self_hosted`
      : !isAccessDomain(a.domain ?? "") ? `its domain "${shown(a.domain)}" is not one hostname (and path)`
      : policies.length !== 1 ? `it has ${policies.length} policies, where the stacks give an application one`
      : policy?.decision !== "allow" ? "its policy is not one allow policy of the account"
      : include.length === 0 || allowGroups.length !== include.length || (policy.exclude ?? []).length + (policy.require ?? []).length > 0
        ? "its policy includes more than adopted Access groups (or excludes or requires something)"
        : adopted.some((x) => x.settings.name === a.name) ? `another application is named "${shown(a.name)}" too`
        : undefined;
    if (why) {
      questions.push(`Access application ${obj(a)} uses the login method, but ${why}: the draft leaves it alone (not adopted, not changed).`);
      continue;
    }
    const settings: Application = { name: a.name, domain: a.domain, allowGroups };
    if (typeof a.session_duration === "string" && isAccessSessionDuration(a.session_duration)) settings.sessionDuration = a.session_duration;
    adopted.push({ settings, ids: { applicationId: a.id, policyId: policy!.id } });
    found.push(`Access application ${obj(a)} on ${shown(a.domain)}: allows ${names(allowGroups)} through policy ${obj(policy!)}.`);
    if (policy!.name !== `${shown(a.name)}: allow`) differences.push(`Access policy ${obj(policy!)}: the first plan renames it "${shown(a.name)}: allow".`);
    if (a.allowed_idps.length > 1 || a.auto_redirect_to_identity !== true) {
      differences.push(`Access application ${obj(a)}: the first plan leaves the Okta login method as its only one, with automatic redirect.`);
    }
  }
  return adopted;
}

/** Dashboard SCIM: the one SCIM 2.0 Test App (OAuth Bearer Token), its groups and mappings. */
function dashboardPart(facts: Facts, found: string[], differences: string[], questions: string[]): { section: Dashboard; appId: string; mappingIds?: Record<string, string> } | undefined {
  const apps = facts.okta.apps.filter((a) => a.name === oauthBearerScimApp.preconfiguredApp);
  if (apps.length === 0) return undefined;
  const chosen = oneOf(apps, oauthBearerScimApp, questions, "dashboard SCIM needs one");
  if (!chosen) return undefined;
  const part = scimPart(chosen, oauthBearerScimApp, facts, found, differences, questions);
  if (!part) return undefined;
  questions.push(
    "The dashboard SCIM app's OAuth Bearer Token cannot be read or imported. The draft has no existing.dashboardScimTokenId, so the first apply creates a new account API token and the runbook asks you to enter its value in the app. To keep the token Okta uses now, set existing.dashboardScimTokenId to its ID (Manage Account > Account API Tokens); its value still cannot be read back.",
  );
  return { section: { enabled: true, ...part.section }, appId: chosen.id, mappingIds: part.mappingIds };
}
