import { ScimCatalogApp } from "../../src/okta/scim-catalog-app";
import { SCIM_CATALOG, scimUserNameTemplate } from "../../src/okta/private/scim-catalog";
import { ConfigInput } from "../../app/config/schema";
import { OktaAppSummary } from "../check/okta-api";
import { Facts, PushedGroup } from "./facts";
import { app, names, Notes, shown } from "./notes";

// Discover's decisions on the SCIM 2.0 Test Apps: which one, its assigned and pushed groups.

type Dashboard = NonNullable<ConfigInput["dashboardScim"]>;

/** The one app of a catalog kind, or a question. */
export function oneOf(
  apps: readonly OktaAppSummary[],
  catalogApp: ScimCatalogApp,
  questions: string[],
  why: string,
): OktaAppSummary | undefined {
  if (apps.length === 1) return apps[0];
  questions.push(
    apps.length === 0
      ? `Okta has no ${SCIM_CATALOG[catalogApp].catalogName} app, though ${why}. Was it deleted, or does another app provision Cloudflare?`
      : `Okta has ${apps.length} ${SCIM_CATALOG[catalogApp].catalogName} apps: ${apps.map(app).join(", ")}; ${why}. Which one provisions Cloudflare? (Its Base URL is set on its Provisioning tab, which no API reads.) Set existing.${catalogApp === ScimCatalogApp.HEADER_AUTH ? "accessScimAppId" : "dashboardScimAppId"} to it and its groups by hand, or delete the other.`,
  );
  return undefined;
}

/** A SCIM app's assigned and pushed groups as config, the push mapping IDs, and how it differs. */
export function scimPart(
  chosen: OktaAppSummary,
  catalogApp: ScimCatalogApp,
  facts: Facts,
  notes: Notes,
):
  | {
      section: { assignedGroups: string[]; pushGroups?: string[]; appLabel: string; provisioningConfigured: boolean };
      mappingIds?: Record<string, string>;
    }
  | undefined {
  const { found, differences, questions } = notes;
  const assigned = [...(facts.okta.assigned.get(chosen.id) ?? [])];
  if (assigned.length === 0) {
    questions.push(
      `The ${SCIM_CATALOG[catalogApp].catalogName} app ${app(chosen)} has no group assigned, and a config needs at least one: assign the groups it provisions, then run discover again.`,
    );
    return undefined;
  }
  const mappings = pushedAndAssigned(chosen, facts.okta.pushed.get(chosen.id) ?? [], assigned, questions);
  const mappingIds = Object.fromEntries(mappings.map((m) => [m.groupName, m.mappingId]));
  found.push(
    `${SCIM_CATALOG[catalogApp].catalogName} ${app(chosen)}: assigned groups ${names(assigned)}; pushed groups ${names(mappings.map((m) => m.groupName))}.`,
  );
  if (chosen.userNameTemplate !== undefined && chosen.userNameTemplate !== scimUserNameTemplate) {
    differences.push(
      `${app(chosen)}: Application username format is ${shown(chosen.userNameTemplate)}; the first plan sets it to Email (${scimUserNameTemplate}), which SCIM userName must be.`,
    );
  }
  for (const m of mappings.filter((x) => x.status !== "ACTIVE"))
    differences.push(
      `${app(chosen)}: pushing "${shown(m.groupName)}" is ${shown(m.status)}; the first plan makes it ACTIVE.`,
    );
  if (mappings.length === 0) {
    found.push(
      `${app(chosen)} pushes no group: the draft leaves provisioningConfigured off; once its provisioning is set up, the runbook's steps and Terraform push the assigned groups.`,
    );
    return { section: { assignedGroups: assigned, appLabel: chosen.label, provisioningConfigured: false } };
  }
  // Group Push works only with provisioning on: the mappings show a person set it up.
  return {
    section: {
      assignedGroups: assigned,
      pushGroups: mappings.map((m) => m.groupName),
      appLabel: chosen.label,
      provisioningConfigured: true,
    },
    mappingIds,
  };
}

/** Mappings of groups that are assigned, each group once; the rest are questions. */
function pushedAndAssigned(
  chosen: OktaAppSummary,
  pushed: readonly PushedGroup[],
  assigned: readonly string[],
  questions: string[],
): PushedGroup[] {
  const kept: PushedGroup[] = [];
  for (const m of pushed) {
    const twice = pushed.filter((x) => x.groupName === m.groupName);
    if (!assigned.includes(m.groupName)) {
      questions.push(
        `${app(chosen)} pushes "${shown(m.groupName)}", which is not assigned to it: the draft leaves that push alone. Assign the group (then run discover again) or stop pushing it.`,
      );
    } else if (twice.length > 1) {
      if (twice[0] === m)
        questions.push(
          `${app(chosen)} pushes "${shown(m.groupName)}" ${twice.length} times (mappings ${twice.map((x) => x.mappingId).join(", ")}): the draft adopts none of them. Remove the extra push in Okta, then run discover again.`,
        );
    } else kept.push(m);
  }
  return kept;
}

/** Dashboard SCIM: the one SCIM 2.0 Test App (OAuth Bearer Token), its groups and mappings. */
export function dashboardPart(
  facts: Facts,
  notes: Notes,
): { section: Dashboard; appId: string; mappingIds?: Record<string, string> } | undefined {
  const { questions } = notes;
  const apps = facts.okta.apps.filter((a) => a.name === ScimCatalogApp.OAUTH_BEARER_TOKEN);
  if (apps.length === 0) return undefined;
  const chosen = oneOf(apps, ScimCatalogApp.OAUTH_BEARER_TOKEN, questions, "dashboard SCIM needs one");
  if (!chosen) return undefined;
  const part = scimPart(chosen, ScimCatalogApp.OAUTH_BEARER_TOKEN, facts, notes);
  if (!part) return undefined;
  questions.push(
    "The dashboard SCIM app's OAuth Bearer Token cannot be read or imported. The draft has no existing.dashboardScimTokenId, so the first apply creates a new account API token and the runbook asks you to enter its value in the app. To keep the token Okta uses now, set existing.dashboardScimTokenId to its ID (Manage Account > Account API Tokens); its value still cannot be read back.",
  );
  return { section: { enabled: true, ...part.section }, appId: chosen.id, mappingIds: part.mappingIds };
}
