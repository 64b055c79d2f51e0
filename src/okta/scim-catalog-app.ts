// A module of its own: the private schemas and catalog read it as they load, and scim-app.ts loads them.

/** Which Okta catalog app provisions Cloudflare ({@link ScimApp}): the `preconfigured_app` of an `okta_app_saml`. */
export enum ScimCatalogApp {
  /**
   * "SCIM 2.0 Test App (Header Auth)": Access SCIM, fed the login method's SCIM Endpoint and Secret.
   * Default label "Cloudflare Access SCIM"; Create Users, Update User Attributes and Deactivate Users on.
   */
  HEADER_AUTH = "scim2headerauth",
  /**
   * "SCIM 2.0 Test App (OAuth Bearer Token)": dashboard SCIM, fed an account SCIM token. Default label
   * "Cloudflare Dashboard SCIM"; Create Users and Deactivate Users on, Update User Attributes and
   * Import Groups off. Its pushed groups become Cloudflare User Groups, so ScimApp refuses an empty
   * `pushGroups` and pushed names starting with "CF"; it refuses Update User Attributes (Cloudflare
   * does not support profile updates).
   */
  OAUTH_BEARER_TOKEN = "scim2testapp",
}
