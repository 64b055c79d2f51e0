import { Construct } from "constructs";
import { AppSaml } from "@cdktf/provider-okta/lib/app-saml";
import { AppGroupAssignments } from "@cdktf/provider-okta/lib/app-group-assignments";
import { IScimApp, ScimAppProps, ScimCatalogApp, ScimProvisioning } from "../scim-app";
import { SCIM_CATALOG, scimUserNameTemplate } from "./scim-catalog";
import { oktaAdminAppUrl } from "./org-urls";
import { assignGroups } from "./group-assignments";
import { terraformLiterals } from "../../private/terraform-literal";
import { parseOrThrow, tokenOr } from "../../private/validation";

const oktaAppIdSchema = tokenOr(
  (v) => /^0oa[A-Za-z0-9]{17}$/.test(v),
  'Use the app\'s ID from its Okta admin URL (20 characters starting with "0oa").',
);

/** What AccessScimApp and DashboardScimApp make and expose alike. */
export interface ScimAppResources {
  readonly app: AppSaml;
  readonly assignments: AppGroupAssignments;
  readonly label: string;
  readonly pushGroups: string[];
  readonly provisioning: ScimProvisioning;
  readonly adminUrl: string;
}

/**
 * An Okta "SCIM 2.0 Test App" from the catalog, in `scope`: a SAML app whose only job is SCIM
 * provisioning, and its group assignments. `p` is validated props.
 */
export function scimAppResources(scope: Construct, p: ScimAppProps, catalogApp: ScimCatalogApp): ScimAppResources {
  const catalog = SCIM_CATALOG[catalogApp];
  const label = p.label ?? catalog.defaultLabel;
  const hide = p.hideIcons ?? true;
  const app = new AppSaml(
    scope,
    "app",
    terraformLiterals({
      label,
      preconfiguredApp: catalogApp,
      hideWeb: hide,
      hideIos: hide,
      autoSubmitToolbar: false,
      userNameTemplate: scimUserNameTemplate,
      userNameTemplateType: "BUILT_IN",
      adminNote: `SCIM base URL: ${p.baseUrl}. Provisioning is set by hand: run npm run runbook.`,
      lifecycle: { preventDestroy: p.preventDestroy ?? true },
    }),
  );
  return {
    app,
    assignments: assignGroups(scope, app.id, p.assignedGroups, p.groups),
    label,
    pushGroups: p.pushGroups ?? p.assignedGroups,
    provisioning: { ...catalog.defaultProvisioning, ...withoutUndefined(p.provisioning ?? {}) },
    adminUrl: oktaAdminAppUrl(p.okta, catalogApp, app.id),
  };
}

/** A SCIM app made elsewhere: its ID and catalog app. */
export class ImportedScimApp extends Construct implements IScimApp {
  public readonly scimAppId: string;

  constructor(
    scope: Construct,
    id: string,
    scimAppId: string,
    public readonly catalogApp: ScimCatalogApp,
  ) {
    super(scope, id);
    this.scimAppId = parseOrThrow(oktaAppIdSchema, scimAppId, `${id}.scimAppId`);
  }
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
