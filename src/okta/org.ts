/** Where an Okta org lives. */
export interface OktaOrg {
  /** The org name, e.g. `acme` for `https://acme.okta.com`. */
  readonly orgName: string;
  /**
   * The base domain, e.g. `oktapreview.com` for a sandbox.
   * @default "okta.com"
   */
  readonly baseUrl?: string;
}
