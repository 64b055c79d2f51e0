// The public face of the library: company stacks import from here and nowhere else (package.json
// "exports" blocks deep imports). One line per module, a construct with its props and attribute
// types. Prop schemas and validation helpers stay internal, so they can change in a minor release.

// Okta
export * as okta from "./okta";

// Cloudflare
export * as cloudflare from "./cloudflare";

// Shared
export { ValidationError, ValidationErrors } from "./private/validation";
