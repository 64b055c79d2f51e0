// What the seed asks of each Okta catalog app that provisions Cloudflare.
import type { ScimProvisioning } from "../scim-app";
import { ScimCatalogApp } from "../scim-catalog-app";

/** What the seed asks of each catalog app. */
export interface ScimCatalogEntry {
  /** The app's name in the Okta catalog, for people. */
  readonly catalogName: string;
  /** App name in Okta when the props give no `label`. */
  readonly defaultLabel: string;
  /** Provisioning > To App settings the seed asks for with this app. */
  readonly defaultProvisioning: ScimProvisioning;
}

export const SCIM_CATALOG: Readonly<Record<ScimCatalogApp, ScimCatalogEntry>> = {
  // Seed: "2. Configure SCIM in Okta".
  [ScimCatalogApp.HEADER_AUTH]: {
    catalogName: "SCIM 2.0 Test App (Header Auth)",
    defaultLabel: "Cloudflare Access SCIM",
    defaultProvisioning: { createUsers: true, updateUserAttributes: true, deactivateUsers: true },
  },
  // Seed: "Provision with Okta". Cloudflare does not support profile updates.
  [ScimCatalogApp.OAUTH_BEARER_TOKEN]: {
    catalogName: "SCIM 2.0 Test App (OAuth Bearer Token)",
    defaultLabel: "Cloudflare Dashboard SCIM",
    defaultProvisioning: { createUsers: true, updateUserAttributes: false, deactivateUsers: true, importGroups: false },
  },
};

/**
 * The app's "Application username format" (Sign On tab): Email. SCIM `userName` must be the user's
 * email, and the provider's default (`${source.login}`) would revert a person's change on each
 * deploy. Written as Okta's template; terraformLiteral escapes it (`$${`), so it reaches Okta as written.
 */
export const scimUserNameTemplate = "${source.email}";

/** The Provisioning > To App settings of `catalogApp`: the seed's, each overridden where `overrides` says. */
export function scimProvisioning(catalogApp: ScimCatalogApp, overrides: ScimProvisioning = {}): ScimProvisioning {
  const given = Object.entries(overrides).filter(([, v]) => v !== undefined);
  return { ...SCIM_CATALOG[catalogApp].defaultProvisioning, ...Object.fromEntries(given) };
}
