/**
 * okta/okta releases the hand-written bindings are written against. okta_push_group arrived in 6.6.0,
 * but `app_config.type` (needed to push to Active Directory) only in 6.11.0. `~>` keeps out 7.x, a
 * major release free to change the schema.
 */
export const PUSH_GROUP_PROVIDER_VERSION = "~> 6.11";

/** Generator metadata of the hand-written okta bindings. */
export const oktaBindingMetadata = { providerName: "okta", providerVersionConstraint: PUSH_GROUP_PROVIDER_VERSION };
