// The public face of the library: company stacks import from here and nowhere else (package.json
// "exports" blocks deep imports). One line per module, a construct with its props and attribute
// types. Prop schemas and validation helpers stay internal, so they can change in a minor release.

// Okta
export * as okta from "./okta";

// Cloudflare
export {
  OktaLoginMethod,
  type IdentityUpdateBehavior,
  type OktaLoginMethodProps,
  type ScimSettings,
} from "./cloudflare/okta-login-method";
export { OktaAccessGroups, type OktaAccessGroupsProps } from "./cloudflare/access-groups";
export { AccessApplication, type AccessApplicationProps } from "./cloudflare/access-application";
export { DashboardScimToken, type DashboardScimTokenProps } from "./cloudflare/dashboard-scim-token";

// Shared
export { accessCallbackUrl, teamDomainUrl } from "./private/team";
export { ValidationError, ValidationErrors } from "./private/validation";
