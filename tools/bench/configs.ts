import { configSchema } from "../../app/config/schema";

/** A config as JSON (the example, or one derived from it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edited by path in any depth; the schema checks the result
export type ConfigJson = Record<string, any>;

/** Group `i` by name: 20 characters, a common length for group names. */
export function groupName(i: number): string {
  return `cloudflare-team-${String(i).padStart(4, "0")}`;
}

/** Group `i` by Okta ID (`00g` and 17 characters), which needs no lookup. */
export function groupId(i: number): string {
  return `00g${String(i).padStart(17, "0")}`;
}

/**
 * `base` with `count` groups assigned to every app and pushed by every SCIM app (provisioning marked
 * configured, so push groups are managed): the Access OIDC app, Access SCIM and, when the schema has
 * it, dashboard SCIM.
 */
export function scaledConfig(base: ConfigJson, count: number, as: "names" | "ids" = "names"): ConfigJson {
  const groups = Array.from({ length: count }, (_, i) => (as === "ids" ? groupId(i) : groupName(i)));
  const config = structuredClone(base);
  // Access applications name groups of the example; the scale runs measure groups, not policies.
  delete config.accessApplications;
  // Access matches groups by name: with IDs there are no names for Access groups.
  if (as === "ids") config.accessLogin.accessGroups = [];
  config.accessLogin.assignedGroups = groups;
  const scim = { assignedGroups: groups, pushGroups: groups, provisioningConfigured: true };
  config.accessLogin.scim = { ...config.accessLogin.scim, enabled: true, ...scim };
  if ("dashboardScim" in configSchema.shape) config.dashboardScim = { ...config.dashboardScim, ...scim };
  return config;
}
