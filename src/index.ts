// The public face of the library: company stacks import from here and nowhere else.
export * from "./validation";
export * from "./team";
export * from "./okta/org";
export * from "./okta/groups";
export * from "./okta/access-oidc-app";
export * from "./okta/authorization-server";
export * from "./okta/scim-app";
export * from "./okta/dashboard-scim-app";
export * from "./okta/push-group";
export * from "./okta/push-groups";
export * from "./cloudflare/account";
export * from "./cloudflare/okta-login-method";
export * from "./cloudflare/dashboard-scim-token";
export * from "./config/schema";
export * from "./config/load";
export * from "./runbook/model";
export * from "./runbook/render-markdown";
