import * as z from "zod";
import {
  accessApplicationSettingsSchema,
  groupsWithoutAccessGroup,
} from "../../src/cloudflare/private/access-application-schema";
import { isOktaGroupId } from "../../src/okta/private/group-search";
import { duplicates } from "../../src/private/validation";

/** The parts of `accessLogin` that decide which Okta groups reach Access. */
interface AccessLoginGroups {
  readonly accessGroups?: string[];
  readonly scim?: { readonly enabled?: boolean; readonly assignedGroups?: string[]; readonly pushGroups?: string[] };
}

/** Access SCIM is on: `accessLogin.scim` is present and not `enabled: false`. */
export function accessScimOn(login: AccessLoginGroups): boolean {
  return login.scim !== undefined && login.scim.enabled !== false;
}

/** Groups Access SCIM pushes, the only groups in a user's Access identity: none when SCIM is off. */
export function pushedGroups(login: AccessLoginGroups): string[] {
  const scim = login.scim;
  return scim && accessScimOn(login) ? (scim.pushGroups ?? scim.assignedGroups ?? []) : [];
}

/**
 * Why Access groups cannot work with SCIM off, and the fix: Access reads a user's groups only from
 * what Access SCIM pushes, so pushGroups alone (with SCIM off) changes nothing.
 */
const scimOffFix =
  "Access groups match the groups Access SCIM pushes, and Access SCIM is off: set accessLogin.scim.enabled to true (with assignedGroups and pushGroups), or";

/** Okta groups that get an Access group: `accessLogin.accessGroups`, by default every pushed group. */
export function accessGroupNames(login: AccessLoginGroups): string[] {
  return login.accessGroups ?? pushedGroups(login);
}

/** Access groups whose Okta group Access SCIM does not push: their rule would match nobody. */
export function accessGroupsNotPushed(pushed: readonly string[], accessGroups: readonly string[]): string[] {
  return accessGroups.filter((g) => !pushed.includes(g));
}

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

/** `accessLogin` rule: every Access group names a pushed group (by name, since Access matches names). */
export function accessGroupsRule(login: AccessLoginGroups, ctx: z.RefinementCtx): void {
  const pushed = pushedGroups(login);
  if (login.accessGroups === undefined) {
    const ids = pushed.filter(isOktaGroupId);
    if (ids.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["accessGroups"],
        message: `Access groups default to the pushed groups, but ${quoted(ids)} are Okta group IDs and Access matches names: list the pushed groups' names in accessGroups, or set it to [] for none.`,
      });
    }
    return;
  }
  const notPushed = accessGroupsNotPushed(pushed, login.accessGroups);
  if (notPushed.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["accessGroups"],
      message: !accessScimOn(login)
        ? `${scimOffFix} remove ${quoted(notPushed)} from accessGroups.`
        : `${quoted(notPushed)} is not pushed by Access SCIM, so no user would match it: add it to accessLogin.scim.pushGroups (and assignedGroups), or remove it from accessGroups.`,
    });
  }
}

/** `accessApplications`: self-hosted applications, each allowed to some synced Okta groups. */
export const accessApplicationsSchema = z.array(accessApplicationSettingsSchema).superRefine((apps, ctx) => {
  for (const [field, fix] of [
    ["name", "give each application its own name"],
    ["domain", "protect each domain with one application"],
  ] as const) {
    const repeated = duplicates(apps.map((a) => a[field]));
    apps.forEach((a, i) => {
      if (repeated.includes(a[field]))
        ctx.addIssue({ code: "custom", path: [i, field], message: `Used by more than one application: ${fix}.` });
    });
  }
});

/** Top-level rule: an application may only allow groups that have an Access group. */
export function allowGroupsRule(
  config: { accessLogin: AccessLoginGroups; accessApplications?: z.output<typeof accessApplicationsSchema> },
  ctx: z.RefinementCtx,
): void {
  const accessGroups = accessGroupNames(config.accessLogin);
  config.accessApplications?.forEach((app, i) => {
    const missing = groupsWithoutAccessGroup(accessGroups, app.allowGroups);
    if (missing.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["accessApplications", i, "allowGroups"],
        message: !accessScimOn(config.accessLogin)
          ? `${quoted(missing)} has no Access group. ${scimOffFix} remove it from allowGroups (or remove the application).`
          : config.accessLogin.accessGroups === undefined
            ? `${quoted(missing)} has no Access group (they default to the groups Access SCIM pushes): add it to accessLogin.scim.pushGroups (and assignedGroups), or remove it from allowGroups.`
            : `${quoted(missing)} has no Access group: add it to accessLogin.accessGroups (Access SCIM must push it too), or remove it from allowGroups.`,
      });
    }
  });
}
