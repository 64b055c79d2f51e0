// The dashboard SCIM rules: ScimApp applies them to the OAuth Bearer Token app, and the config file too.
import * as z from "zod";

/** Cloudflare reserves group names starting with "CF" (its former role groups were "CF-<account> - <role>"). */
export function reservedGroupNames(names: readonly string[]): string[] {
  return names.filter((n) => n.startsWith("CF"));
}

/** What the dashboard SCIM rules look at, in construct props and in the config file alike. */
export interface DashboardScimGroups {
  readonly assignedGroups: readonly string[];
  readonly pushGroups?: readonly string[];
  readonly provisioning?: { readonly updateUserAttributes?: boolean };
}

/**
 * Only pushed groups become Cloudflare User Groups, so only they must avoid the reserved prefix;
 * an assigned group merely says whose accounts Okta provisions. Without `pushGroups` the assigned
 * groups are pushed, and the error points at them.
 */
export function refineReservedGroupNames(p: DashboardScimGroups, ctx: z.RefinementCtx): void {
  const reserved = reservedGroupNames(p.pushGroups ?? p.assignedGroups);
  if (reserved.length === 0) return;
  const names = reserved.map((g) => `"${g}"`).join(", ");
  ctx.addIssue({
    code: "custom",
    path: [p.pushGroups ? "pushGroups" : "assignedGroups"],
    message: p.pushGroups
      ? `Cloudflare reserves group names starting with "CF": rename ${names} in Okta or stop pushing it.`
      : `Cloudflare reserves group names starting with "CF" and the assigned groups are pushed: rename ${names} in Okta, or list pushGroups without it.`,
  });
}

/** Pushing no group leaves every member with Minimal Account Access and nothing to attach policies to. */
export function refineNonEmptyPushGroups(p: DashboardScimGroups, ctx: z.RefinementCtx): void {
  if (p.pushGroups && p.pushGroups.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["pushGroups"],
      message:
        "Push at least one group (they become Cloudflare User Groups), or leave pushGroups out to push the assigned groups.",
    });
  }
}

/** Cloudflare does not support profile updates over SCIM: Update User Attributes stays off. */
export function refineNoProfileUpdates(p: DashboardScimGroups, ctx: z.RefinementCtx): void {
  if (p.provisioning?.updateUserAttributes === true) {
    ctx.addIssue({
      code: "custom",
      path: ["provisioning", "updateUserAttributes"],
      message:
        "Cloudflare's dashboard SCIM does not support profile updates: leave Update User Attributes off (false).",
    });
  }
}

/** Every dashboard SCIM rule beyond the shared SCIM app rules; the config schema applies it too. */
export function refineDashboardScim(p: DashboardScimGroups, ctx: z.RefinementCtx): void {
  refineNonEmptyPushGroups(p, ctx);
  refineReservedGroupNames(p, ctx);
  refineNoProfileUpdates(p, ctx);
}
