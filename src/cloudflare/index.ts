// The cloudflare namespace of the public API (a jsii submodule): names exported one by one, so prop
// schemas and helpers in the same modules stay internal.
export { IdentityUpdateBehavior } from "./identity-update-behavior";
export {
  OktaLoginMethod,
  type IOktaLoginMethod,
  type OktaLoginMethodAttributes,
  type OktaLoginMethodProps,
  type ScimSettings,
} from "./okta-login-method";
export {
  OktaAccessGroups,
  type IOktaAccessGroups,
  type OktaAccessGroupsAttributes,
  type OktaAccessGroupsProps,
} from "./access-groups";
export { AccessApplication, type AccessApplicationProps, type IAccessApplication } from "./access-application";
export { DashboardScimToken, type DashboardScimTokenProps, type IDashboardScimToken } from "./dashboard-scim-token";
