import { IConstruct } from "constructs";
import { IOktaGroups } from "./groups";
import { OktaOrg } from "./org";

/** Which Okta catalog app provisions Cloudflare: the `preconfigured_app` of an `okta_app_saml`. */
export enum ScimCatalogApp {
  /** "SCIM 2.0 Test App (Header Auth)": Access SCIM, fed the login method's SCIM Endpoint and Secret. */
  HEADER_AUTH = "scim2headerauth",
  /** "SCIM 2.0 Test App (OAuth Bearer Token)": dashboard SCIM, fed an account SCIM token. */
  OAUTH_BEARER_TOKEN = "scim2testapp",
}

/**
 * Provisioning > To App settings of a SCIM app. No Okta API sets them for the SCIM 2.0 Test Apps,
 * so they are declared here and turned into a person's steps (see the runbook).
 */
export interface ScimProvisioning {
  /**
   * Create Users.
   * @default true
   */
  readonly createUsers?: boolean;
  /**
   * Update User Attributes.
   * @default - on for Access SCIM; off for dashboard SCIM, which does not support profile updates
   */
  readonly updateUserAttributes?: boolean;
  /**
   * Deactivate Users.
   * @default true
   */
  readonly deactivateUsers?: boolean;
  /**
   * Import Groups (Configure API Integration).
   * @default - off for dashboard SCIM ("Deselect Import Groups"); Access SCIM leaves it as Okta has it
   */
  readonly importGroups?: boolean;
}

/**
 * Props of the SCIM 2.0 Test Apps ({@link AccessScimApp}, {@link DashboardScimApp}): name,
 * assignments, pushed groups, provisioning.
 */
export interface ScimAppProps {
  /** The Okta org the app lives in (used for admin links). */
  readonly okta: OktaOrg;
  /**
   * App name shown in Okta (seed: "name your application").
   * @default - "Cloudflare Access SCIM" or "Cloudflare Dashboard SCIM"
   */
  readonly label?: string;
  /** Groups whose members are provisioned (seed: "In the Assignments tab, add the users ... by assigning a group"). */
  readonly assignedGroups: string[];
  /**
   * Groups pushed to Cloudflare (seed: "In the Push Groups tab, add the Okta groups"); each must be assigned.
   * @default - the assigned groups
   */
  readonly pushGroups?: string[];
  /** Resolves group names to IDs. */
  readonly groups: IOktaGroups;
  /**
   * What a person enters under Provisioning > Configure API Integration: "Base URL" (Access: the SCIM
   * Endpoint from Zero Trust) or "SCIM 2.0 Base URL" (dashboard). Okta has no API for it: see the runbook.
   */
  readonly baseUrl: string;
  /**
   * Provisioning > To App settings, each over the catalog app's default.
   * @default - what the seed enables for this app
   */
  readonly provisioning?: ScimProvisioning;
  /**
   * Hide the app's icon from users on the web and in the Okta Mobile App: it signs nobody in (seed:
   * "Do not display application icon to users", "Do not display application icon in the Okta Mobile App").
   * @default true
   */
  readonly hideIcons?: boolean;
  /**
   * Refuse to destroy the app: a new one starts without provisioning, which a person must set up
   * again (base URL, token, To App settings, pushed groups; see the runbook).
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * An Okta SCIM 2.0 Test App that provisions Cloudflare: one made here ({@link AccessScimApp},
 * {@link DashboardScimApp}) or one made elsewhere, imported with their `fromScimAppId`.
 */
export interface IScimApp extends IConstruct {
  /** The Okta app ID. */
  readonly scimAppId: string;
  /** The catalog app it is. */
  readonly catalogApp: ScimCatalogApp;
}
