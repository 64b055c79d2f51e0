import * as z from "zod";

// The Zero Trust team name is where the two vendors meet: Okta redirects to it, Cloudflare serves it.

/** Zero Trust team name: the `<team>` of `<team>.cloudflareaccess.com`, a DNS label. */
export const teamNameSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
    message:
      'Use the Zero Trust team name only (Settings > Custom Pages), e.g. "acme" for acme.cloudflareaccess.com: lowercase letters, digits and inner hyphens.',
  })
  .meta({ description: "Zero Trust team name: the <team> of <team>.cloudflareaccess.com." });

/** `https://<team>.cloudflareaccess.com`. */
export function teamDomainUrl(teamName: string): string {
  return `https://${teamName}.cloudflareaccess.com`;
}

/** Sign-in redirect URI for the Okta app (seed step "Sign-in redirect URIs"). */
export function accessCallbackUrl(teamName: string): string {
  return `${teamDomainUrl(teamName)}/cdn-cgi/access/callback`;
}
