// The public face of the library: company stacks import from here and nowhere else (package.json
// "exports" blocks deep imports). One namespace per vendor (jsii submodules). Prop schemas and
// validation helpers stay internal, so they can change in a minor release. The validation errors
// are not exported either: jsii cannot carry a subclass of Error to other languages, so a caller
// sees an Error whose message lists every problem.

// Okta
export * as okta from "./okta";

// Cloudflare
export * as cloudflare from "./cloudflare";
