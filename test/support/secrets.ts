/**
 * Fake values for every credential variable the providers and backends read. A synthesized stack
 * must contain none of them: credentials reach Terraform through the environment only.
 */
export const fakeCredentials: Record<string, string> = Object.fromEntries(
  [
    // okta provider
    "OKTA_API_TOKEN",
    "OKTA_ACCESS_TOKEN",
    "OKTA_API_CLIENT_ID",
    "OKTA_API_PRIVATE_KEY",
    "OKTA_API_PRIVATE_KEY_ID",
    "OKTA_API_SCOPES",
    // cloudflare provider
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_API_KEY",
    "CLOUDFLARE_EMAIL",
    "CLOUDFLARE_API_USER_SERVICE_KEY",
    // s3 backend
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
    // HCP Terraform / Terraform Enterprise backend
    "TF_TOKEN_app_terraform_io",
    "TF_TOKEN_tfe_example_com",
  ].map((name) => [name, `fake-${name.toLowerCase().replace(/_/g, "-")}-c2VjcmV0`]),
);
