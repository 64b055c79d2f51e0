// The okta namespace of the library. Each module here declares only public API (constructs, their
// props and interfaces, enums): schemas and helpers live in ./private, so `export *` exposes
// nothing else, and jsii sees interfaces and structs, which `export { type X }` would hide.
export * from "./access-oidc-app";
export * from "./authorization-server";
export * from "./groups";
export * from "./org";
export * from "./scim-catalog-app";
export * from "./scim-app";
export * from "./push-groups";
export * from "./okta-provider";
export * from "./push-group";
