import { Existing } from "../../app/config/existing-schema";
import { parseConfig } from "../../app/config/load";
import { ConfigInput } from "../../app/config/schema";
import { IdentityUpdateBehavior } from "../../src/cloudflare/identity-update-behavior";
import { oktaOrgUrl } from "../../src/okta/private/org-urls";
import { ScimCatalogApp } from "../../src/okta/scim-catalog-app";
import { SCIM_CATALOG } from "../../src/okta/private/scim-catalog";
import { ZeroTrustObject } from "../check/cloudflare-api";
import { OktaAppSummary } from "../check/okta-api";
import { accessCallbackUrl } from "../../src/private/team";
import { ValidationErrors } from "../../src/private/validation";
import { accessGroupsToAdopt, applicationsToAdopt } from "./discover-access";
import { dashboardPart, oneOf, scimPart } from "./discover-scim";
import { DiscoverTarget, Facts, oidcCandidates } from "./facts";
import { app, names, Notes, obj, shown } from "./notes";

// From what the APIs show to a config draft: each object the stacks manage, found by what ties it
// to the setup (the Access callback, the OIDC client ID, the login method's ID, the catalog app),
// with its ID in `existing`. Whatever cannot be told apart is a question, never a silent pick.

/** What discover found, what the first plan will change, what a person must decide, and the draft. */
export interface Discovery extends Notes {
  /** The draft, validated; absent when there is nothing to adopt or it does not validate. */
  readonly config?: ConfigInput;
}

type Scim = NonNullable<ConfigInput["accessLogin"]["scim"]>;
type Application = NonNullable<ConfigInput["accessApplications"]>[number];

/** The draft and the notes for what the APIs showed (`facts`) of the org and account in `target`. */
export function decide(target: DiscoverTarget, facts: Facts): Discovery {
  const notes: Notes = { found: [], differences: [], questions: [] };
  const { found, differences, questions } = notes;
  const existing: { -readonly [K in keyof Existing]: Existing[K] } = {};
  const { okta } = facts;
  const nothing = (): Discovery => ({ ...notes });

  const oidc = chooseOidcApp(target, facts, notes);
  if (!oidc) return nothing();
  const assigned = okta.assigned.get(oidc.id) ?? [];
  if (assigned.length === 0) {
    questions.push(
      `The OIDC app ${app(oidc)} has no group assigned, and a config needs at least one: assign the groups whose members sign in to Access, then run discover again.`,
    );
    return nothing();
  }
  existing.oidcAppId = oidc.id;
  found.push(
    `Okta OIDC app ${app(oidc)}: redirects to ${accessCallbackUrl(target.cloudflare.teamName)}; assigned groups ${names(assigned)}.`,
  );
  differences.push(
    "The OIDC app's groups claim filter cannot be read through Okta's public API: the draft says \".*\" (every group). If the app filters otherwise, the first plan shows groups_claim changing: set accessLogin.groupsClaimRegex to your filter.",
  );

  const method = chooseLoginMethod(oidc, facts, notes);
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
      found.push(
        `The login method uses the custom authorization server ${shown(config.authorization_server_id)}: the draft names it (accessLogin.authorizationServerId) and leaves it as it is.`,
      );
    }
    const orgUrl = oktaOrgUrl(target.okta);
    if (typeof config.okta_account === "string" && config.okta_account.replace(/\/+$/, "") !== orgUrl) {
      differences.push(
        `The login method's Okta account is ${shown(config.okta_account)}; the first plan sets ${orgUrl} (from --okta-org and --okta-base-url): if that is not your org, fix the flags.`,
      );
    }
    if (Boolean(config.pkce_enabled) !== (oidc.pkceRequired ?? false)) {
      differences.push(
        `PKCE is ${config.pkce_enabled ? "on" : "off"} in the login method but ${oidc.pkceRequired ? "required" : "not required"} by the OIDC app: the draft takes the app's (accessLogin.pkce = ${oidc.pkceRequired ?? false}); the first plan sets the login method to match.`,
      );
    }
  }

  const scimConfig = method?.scim_config ?? {};
  const headerApps = okta.apps.filter((a) => a.name === ScimCatalogApp.HEADER_AUTH);
  if (method && scimConfig.enabled !== true) {
    if (headerApps.length > 0) {
      questions.push(
        `The login method ${obj(method)} has SCIM off, yet Okta has ${SCIM_CATALOG[ScimCatalogApp.HEADER_AUTH].catalogName} app(s) ${headerApps.map(app).join(", ")}. The cloudflare provider 5.14 cannot turn SCIM on for an existing login method (fixed in 5.20), so the draft leaves SCIM off and adopts no SCIM app: turn SCIM on in Zero Trust and run discover again, or keep it off.`,
      );
    } else found.push(`The login method ${obj(method)} has SCIM off: the draft keeps it off.`);
  } else if (method) {
    const scim: Scim = {
      enabled: true,
      userDeprovision: scimConfig.user_deprovision === true,
      seatDeprovision: scimConfig.seat_deprovision === true,
      identityUpdateBehavior: Object.values(IdentityUpdateBehavior).includes(scimConfig.identity_update_behavior)
        ? scimConfig.identity_update_behavior
        : IdentityUpdateBehavior.NO_ACTION,
      assignedGroups: [...assigned],
    };
    const chosen = oneOf(
      headerApps,
      ScimCatalogApp.HEADER_AUTH,
      questions,
      `the login method ${obj(method)} has SCIM on`,
    );
    if (chosen) {
      const part = scimPart(chosen, ScimCatalogApp.HEADER_AUTH, facts, notes);
      if (part) {
        Object.assign(scim, part.section);
        existing.accessScimAppId = chosen.id;
        if (part.mappingIds) existing.accessPushMappingIds = part.mappingIds;
      }
    } else {
      questions.push(
        `Without an adopted ${SCIM_CATALOG[ScimCatalogApp.HEADER_AUTH].catalogName}, the draft's SCIM section assigns the OIDC app's groups and the first apply would create a new app: answer the question above first.`,
      );
    }
    login.scim = scim;
  }

  const pushed = login.scim ? (login.scim.pushGroups ?? login.scim.assignedGroups ?? []) : [];
  let accessApplications: Application[] = [];
  if (method) {
    const accessGroups = accessGroupsToAdopt(method, pushed, facts, notes);
    login.accessGroups = Object.keys(accessGroups);
    if (login.accessGroups.length > 0) existing.accessGroupIds = accessGroups;
    const applications = applicationsToAdopt(method, accessGroups, facts, notes);
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
  const dashboard = dashboardPart(facts, notes);
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
    questions.push(
      ...e.errors.map(
        (v) => `The draft does not validate: ${v.message} Fix this in the setup or in the draft by hand.`,
      ),
    );
    return nothing();
  }
  return { ...notes, config: draft };
}

/** The OIDC app users sign in with: the one app sending them to the Access callback, or the one a login method uses. */
function chooseOidcApp(target: DiscoverTarget, facts: Facts, notes: Notes): OktaAppSummary | undefined {
  const { found, questions } = notes;
  const callback = accessCallbackUrl(target.cloudflare.teamName);
  const candidates = oidcCandidates(facts.okta.apps, target.cloudflare.teamName);
  if (candidates.length === 0) {
    questions.push(
      `No Okta OIDC app has the sign-in redirect URI ${callback}: is the team name right (--team-name)? Without that app there is nothing to adopt, so no draft is written.`,
    );
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const inUse = candidates.filter((a) => facts.cloudflare.loginMethods.some((m) => m.config?.client_id === a.clientId));
  if (inUse.length === 1) {
    found.push(
      `${candidates.length} OIDC apps redirect to ${callback}; ${app(inUse[0])} is the one an okta login method uses. Not adopted: ${candidates
        .filter((a) => a !== inUse[0])
        .map(app)
        .join(", ")}.`,
    );
    return inUse[0];
  }
  questions.push(
    `${candidates.length} Okta OIDC apps redirect to ${callback}: ${candidates.map(app).join(", ")}, and ${inUse.length === 0 ? "no okta login method uses any of them" : "okta login methods use several of them"}. Which one do users sign in with? Remove the callback from the others (or delete them), then run discover again.`,
  );
  return undefined;
}

/** The okta login method that uses the OIDC app's client ID. */
function chooseLoginMethod(oidc: OktaAppSummary, facts: Facts, notes: Notes): ZeroTrustObject | undefined {
  const { found, questions } = notes;
  const all = facts.cloudflare.loginMethods;
  const using = all.filter((m) => m.config?.client_id === oidc.clientId);
  for (const other of all.filter((m) => !using.includes(m)))
    found.push(`The okta login method ${obj(other)} uses another client ID: not adopted.`);
  if (using.length === 1) {
    found.push(
      `Zero Trust login method ${obj(using[0])}: uses the OIDC app's client ID; SCIM ${using[0].scim_config?.enabled ? "on" : "off"}.`,
    );
    return using[0];
  }
  questions.push(
    using.length === 0
      ? `No okta login method uses the OIDC app's client ID ${shown(oidc.clientId)}: the draft adopts none, so the first apply would create a new one, with a new ID that no existing policy names. If yours uses another app, that app is the one to adopt.`
      : `${using.length} okta login methods use the OIDC app's client ID: ${using.map(obj).join(", ")}. Which one do users sign in with? Set existing.loginMethodId in the draft to it.`,
  );
  return undefined;
}
