// The public face of the library: company stacks import from here and nowhere else (package.json
// "exports" blocks deep imports). One line per module, a construct with its props and attribute
// types. Prop schemas and validation helpers stay internal, so they can change in a minor release.

// Okta
export { AccessOidcApp, type AccessOidcAppProps } from "./okta/access-oidc-app";
export { AccessAuthorizationServer, type AccessAuthorizationServerProps } from "./okta/authorization-server";
export { OktaGroups, type IOktaGroupResolver, type OktaGroupsProps } from "./okta/groups";
export { oktaOrgUrl, type OktaOrg } from "./okta/org";
export {
  AccessScimApp,
  type ScimApp,
  type ScimAppKind,
  type ScimAppProps,
  type ScimProvisioning,
} from "./okta/scim-app";
export { DashboardScimApp, type DashboardScimAppProps } from "./okta/dashboard-scim-app";
export { PushGroups, type PushGroupsProps } from "./okta/push-groups";
export {
  OktaV6Provider,
  PushGroup,
  type OktaV6ProviderConfig,
  type PushGroupAppConfig,
  type PushGroupConfig,
} from "./okta/push-group";

// Cloudflare
export * as cloudflare from "./cloudflare";

// Shared
export { ValidationError, ValidationErrors } from "./private/validation";
