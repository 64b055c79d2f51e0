import * as z from "zod";
import { accessGroupNames } from "./access-policies-schema";

// `existing`: the IDs of objects a person made by hand (or `npm run discover` found) that the stacks
// adopt with Terraform import blocks instead of creating them. Each ID must name something the
// config synthesizes: an ID for a resource that is not there would be dropped without a word.

const pattern = (regex: RegExp, what: string) => z.string().regex(regex, { message: `Use ${what}.` });

const oktaAppId = pattern(
  /^0oa[A-Za-z0-9]{17}$/,
  'the app\'s ID from its Okta admin URL (20 characters starting with "0oa")',
);
const oktaId = pattern(/^[A-Za-z0-9]{20}$/, "the 20-character Okta ID");
const cloudflareUuid = pattern(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  "the UUID Cloudflare shows for it (lowercase)",
);
const byName = (value: z.ZodType<string>) => z.record(z.string().min(1), value);

const authorizationServerSchema = z
  .strictObject({
    id: pattern(/^aus[A-Za-z0-9]{10,30}$/, 'the authorization server\'s ID (starts with "aus")'),
    groupsScopeId: oktaId,
    groupsClaimId: oktaId,
    policyId: oktaId,
    policyRuleId: oktaId,
  })
  .describe(
    "A custom authorization server made by hand, with its groups scope, groups claim, access policy and rule (needs createAuthorizationServer).",
  );

export const existingSchema = z
  .strictObject({
    oidcAppId: oktaAppId
      .optional()
      .describe("The Okta OIDC app Access signs in with; its group assignments are adopted too."),
    authorizationServer: authorizationServerSchema.optional(),
    loginMethodId: cloudflareUuid.optional().describe("The Zero Trust okta login method (identity provider)."),
    accessScimAppId: oktaAppId
      .optional()
      .describe("The SCIM 2.0 Test App (Header Auth) of Access SCIM; its group assignments are adopted too."),
    accessPushMappingIds: byName(oktaId)
      .optional()
      .describe(
        "Group Push mapping IDs of the Access SCIM app, by pushed group as named in accessLogin.scim.pushGroups.",
      ),
    accessGroupIds: byName(cloudflareUuid)
      .optional()
      .describe("Zero Trust Access group IDs, by Okta group name (accessLogin.accessGroups)."),
    accessApplicationIds: z
      .record(z.string().min(1), z.strictObject({ applicationId: cloudflareUuid, policyId: cloudflareUuid }))
      .optional()
      .describe("Access application and its allow policy, by application name (accessApplications)."),
    dashboardScimAppId: oktaAppId
      .optional()
      .describe("The SCIM 2.0 Test App (OAuth Bearer Token) of dashboard SCIM; its group assignments are adopted too."),
    dashboardPushMappingIds: byName(oktaId)
      .optional()
      .describe("Group Push mapping IDs of the dashboard SCIM app, by pushed group."),
    dashboardScimTokenId: pattern(/^[0-9a-f]{32}$/, "the account API token's 32-character hex ID")
      .optional()
      .describe(
        "The account API token Okta provisions the dashboard with. Its value cannot be imported: see the runbook.",
      ),
  })
  .describe(
    "IDs of objects made by hand that the stacks adopt (Terraform import blocks) instead of creating them. npm run discover writes them.",
  );

export type Existing = z.output<typeof existingSchema>;

/** What the `existing` rule reads of the rest of the config. */
interface ScimSection {
  readonly enabled?: boolean;
  /** Optional in accessLogin.scim, where SCIM can be on without an Okta app (its own rule asks for them). */
  readonly assignedGroups?: string[];
  readonly pushGroups?: string[];
  readonly provisioningConfigured: boolean;
}
interface AdoptableConfig {
  readonly existing?: Existing;
  readonly accessLogin: {
    readonly createAuthorizationServer: boolean;
    readonly accessGroups?: string[];
    readonly scim?: ScimSection;
  };
  readonly dashboardScim?: ScimSection;
  readonly accessApplications?: ReadonlyArray<{ readonly name: string }>;
}

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

/** Top-level rule: every ID in `existing` names a resource the config synthesizes. */
export function existingRule(config: AdoptableConfig, ctx: z.RefinementCtx): void {
  const e = config.existing;
  if (!e) return;
  const issue = (field: string, message: string) =>
    ctx.addIssue({ code: "custom", path: ["existing", field], message });
  if (e.authorizationServer && !config.accessLogin.createAuthorizationServer) {
    issue(
      "authorizationServer",
      "Only a server the stacks manage is imported: set accessLogin.createAuthorizationServer, or name the server in accessLogin.authorizationServerId and remove this.",
    );
  }
  const scim = on(config.accessLogin.scim);
  pushRules(issue, "access", "accessLogin.scim", scim, e.accessScimAppId, e.accessPushMappingIds);
  pushRules(
    issue,
    "dashboard",
    "dashboardScim",
    on(config.dashboardScim),
    e.dashboardScimAppId,
    e.dashboardPushMappingIds,
  );
  if (e.dashboardScimTokenId && !on(config.dashboardScim))
    issue(
      "dashboardScimTokenId",
      "Dashboard SCIM is off, so no token is managed: enable dashboardScim or remove this.",
    );
  const unknownGroups = Object.keys(e.accessGroupIds ?? {}).filter(
    (g) => !accessGroupNames(config.accessLogin).includes(g),
  );
  if (unknownGroups.length > 0)
    issue(
      "accessGroupIds",
      `${quoted(unknownGroups)} has no Access group in this config: add it to accessLogin.accessGroups (or the pushed groups), or remove it here.`,
    );
  const names = (config.accessApplications ?? []).map((a) => a.name);
  const unknownApps = Object.keys(e.accessApplicationIds ?? {}).filter((n) => !names.includes(n));
  if (unknownApps.length > 0)
    issue(
      "accessApplicationIds",
      `${quoted(unknownApps)} is not in accessApplications: add the application there, or remove it here.`,
    );
}

/** The section when it makes an Okta SCIM app: on, with assigned groups. */
function on(section: ScimSection | undefined): ScimSection | undefined {
  return section && section.enabled !== false && section.assignedGroups ? section : undefined;
}

function pushRules(
  issue: (field: string, message: string) => void,
  product: "access" | "dashboard",
  sectionPath: string,
  section: ScimSection | undefined,
  appId: string | undefined,
  mappingIds: Readonly<Record<string, string>> | undefined,
): void {
  const appField = `${product}ScimAppId`;
  const mappingField = `${product}PushMappingIds`;
  if (appId && !section)
    issue(
      appField,
      `${sectionPath} is off or missing, so there is no SCIM app to adopt: configure it, or remove this.`,
    );
  if (!mappingIds || Object.keys(mappingIds).length === 0) return;
  if (!section)
    return issue(
      mappingField,
      `${sectionPath} is off or missing, so no group is pushed: configure it, or remove this.`,
    );
  if (!appId)
    return issue(
      mappingField,
      `Push mappings belong to an adopted app: set existing.${appField} too (the mapping IDs are "<app_id>/<mapping_id>" to Terraform).`,
    );
  if (!section.provisioningConfigured) {
    return issue(
      mappingField,
      `Groups are pushed by Terraform only once ${sectionPath}.provisioningConfigured is true: set it (provisioning is on in the adopted app), or remove this.`,
    );
  }
  const pushed = section.pushGroups ?? section.assignedGroups ?? [];
  const unknown = Object.keys(mappingIds).filter((g) => !pushed.includes(g));
  if (unknown.length > 0)
    issue(
      mappingField,
      `${quoted(unknown)} is not pushed by ${sectionPath}: add it to pushGroups (and assignedGroups), or remove it here.`,
    );
}
