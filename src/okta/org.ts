import * as z from "zod";

/** Okta org name: the `acme` of `acme.okta.com`. */
export const oktaOrgNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}$/, {
    message: 'Use the Okta org name only, e.g. "acme" for https://acme.okta.com (letters, digits, hyphens).',
  })
  .meta({ description: "Okta org name: the acme of https://acme.okta.com." });

/** Okta base domain: `okta.com`, `oktapreview.com`, `okta-emea.com`, ... */
export const oktaBaseUrlSchema = z
  .string()
  .regex(/^(?!-)[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/, {
    message: 'Use the base domain without scheme or org, e.g. "okta.com" or "oktapreview.com".',
  })
  .meta({ description: "Okta base domain: okta.com, oktapreview.com, okta-emea.com, ..." });

/** Where an Okta org lives. */
export interface OktaOrg {
  /** The org name, e.g. `acme` for `https://acme.okta.com`. */
  readonly orgName: string;
  /** The base domain, e.g. `okta.com`. */
  readonly baseUrl: string;
}

export const oktaOrgSchema = z.strictObject({ orgName: oktaOrgNameSchema, baseUrl: oktaBaseUrlSchema });

/** `https://acme.okta.com`: what Cloudflare calls the Okta account URL. */
export function oktaOrgUrl(org: OktaOrg): string {
  return `https://${org.orgName}.${org.baseUrl}`;
}

/** The admin console page of an app instance, for outputs a person clicks from a pipeline log. */
export function oktaAdminAppUrl(org: OktaOrg, appName: string, appId: string): string {
  return `https://${org.orgName}-admin.${org.baseUrl}/admin/app/${appName}/instance/${appId}/`;
}
