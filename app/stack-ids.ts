/**
 * The ready-made stacks' IDs, defined once: each is the stack's folder under `cdktf.out/stacks/`, its
 * state key (or workspace) and the name `cdktf deploy` takes. Renaming one moves its state.
 */
export const stackIds = {
  oktaAccessOidc: "okta-access-oidc",
  cloudflareAccess: "cloudflare-access",
  oktaAccessScim: "okta-access-scim",
  cloudflareAccessPolicies: "cloudflare-access-policies",
  oktaAccessPushGroups: "okta-access-push-groups",
  cloudflareDashboardScim: "cloudflare-dashboard-scim",
  oktaDashboardScim: "okta-dashboard-scim",
  oktaDashboardPushGroups: "okta-dashboard-push-groups",
} as const;
