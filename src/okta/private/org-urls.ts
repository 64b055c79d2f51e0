// The URLs of an Okta org: its sign-in URL and its admin console pages.
import type { OktaOrg } from "../org";

/** The base domain of an org when {@link OktaOrg.baseUrl} is not given: Okta's production cell. */
export const DEFAULT_OKTA_BASE_URL = "okta.com";

/** The org's base domain, `okta.com` unless it says otherwise. */
export function oktaBaseUrl(org: OktaOrg): string {
  return org.baseUrl ?? DEFAULT_OKTA_BASE_URL;
}

/** `https://acme.okta.com`: what Cloudflare calls the Okta account URL. */
export function oktaOrgUrl(org: OktaOrg): string {
  return `https://${org.orgName}.${oktaBaseUrl(org)}`;
}

/** The admin console page of an app instance, for outputs a person clicks from a pipeline log. */
export function oktaAdminAppUrl(org: OktaOrg, appName: string, appId: string): string {
  return `https://${org.orgName}-admin.${oktaBaseUrl(org)}/admin/app/${appName}/instance/${appId}/`;
}
