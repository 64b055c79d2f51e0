// The okta namespace of the library: constructs, their props and interfaces, named one by one so
// that no schema or helper of their modules becomes public.
export {
  AccessOidcApp,
  type AccessOidcAppAttributes,
  type AccessOidcAppProps,
  type IAccessOidcApp,
} from "./access-oidc-app";
export {
  AccessAuthorizationServer,
  type AccessAuthorizationServerProps,
  type IAccessAuthorizationServer,
} from "./authorization-server";
export { OktaGroups, type IOktaGroups, type OktaGroupsProps } from "./groups";
export { type OktaOrg } from "./org";
export { ScimCatalogApp, type IScimApp, type ScimAppProps, type ScimProvisioning } from "./scim-app";
export { AccessScimApp } from "./access-scim-app";
export { DashboardScimApp } from "./dashboard-scim-app";
export { PushGroups, type PushGroupsProps } from "./push-groups";
export { OktaProvider, type OktaProviderConfig } from "./okta-provider";
export { PushGroup, type PushGroupAppConfig, type PushGroupConfig } from "./push-group";
