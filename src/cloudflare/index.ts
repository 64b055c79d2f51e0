// The cloudflare namespace of the public API (a jsii submodule). Each module here holds only public
// declarations (prop schemas and helpers live in ./private), so `export *` publishes exactly them,
// and jsii, which does not see type-only re-exports, sees every interface and struct.
export * from "./identity-update-behavior";
export * from "./okta-login-method";
export * from "./access-groups";
export * from "./access-application";
export * from "./dashboard-scim-token";
