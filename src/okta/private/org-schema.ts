// Validation of an OktaOrg: org name and base domain, shared by construct props and the config file.
import * as z from "zod";

/** Okta org name: the `acme` of `acme.okta.com`, one DNS label. */
export const oktaOrgNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/, {
    message:
      'Use the Okta org name only, e.g. "acme" for https://acme.okta.com (one DNS label: letters, digits, inner hyphens).',
  })
  .meta({ description: "Okta org name: the acme of https://acme.okta.com." });

/**
 * The domains Okta's cells live under: production, preview (sandbox), EMEA, US government (FedRAMP
 * High and DoD) and Okta's own test cell. API tokens are sent to `<org>.<base domain>`, so any other
 * domain needs the config's explicit `okta.allowUnlistedBaseUrl`.
 */
export const OKTA_BASE_DOMAINS = [
  "okta.com",
  "oktapreview.com",
  "okta-emea.com",
  "okta-gov.com",
  "okta.mil",
  "trexcloud.com",
] as const;

/** Okta base domain: one of {@link OKTA_BASE_DOMAINS}, or (with the opt-in) another DNS name. */
export const oktaBaseUrlSchema = z
  .string()
  .regex(/^(?!-)[a-zA-Z0-9-]{1,63}(\.[a-zA-Z0-9-]{1,63})+$/, {
    message: 'Use the base domain without scheme or org, e.g. "okta.com" or "oktapreview.com".',
  })
  .meta({ description: `Okta base domain: ${OKTA_BASE_DOMAINS.join(", ")}.` });

/** True for an official Okta base domain. */
export function isOktaBaseDomain(domain: string): boolean {
  return (OKTA_BASE_DOMAINS as readonly string[]).includes(domain.toLowerCase());
}

export const oktaOrgSchema = z.strictObject({ orgName: oktaOrgNameSchema, baseUrl: oktaBaseUrlSchema.optional() });
