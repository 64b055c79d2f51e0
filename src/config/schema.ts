import { z } from "zod";
import { accountIdSchema } from "../cloudflare/account";
import { dashboardScimTokenSettingsSchema } from "../cloudflare/dashboard-scim-token";
import { scimSettingsSchema } from "../cloudflare/okta-login-method";
import { assignedGroupsSchema, groupsClaimRegexSchema } from "../okta/access-oidc-app";
import { refineDashboardScim } from "../okta/dashboard-scim-app";
import { groupNameSchema } from "../okta/groups";
import { oktaBaseUrlSchema, oktaOrgNameSchema } from "../okta/org";
import { pushGroupsOutsideAssigned, scimProvisioningSchema } from "../okta/scim-app";
import { teamNameSchema } from "../team";
import { backendSchema } from "./backend-schema";
import { oktaProviderSettingsSchema } from "./okta-provider-settings";

const pushGroupsRule = (p: { assignedGroups: string[]; pushGroups?: string[] }, ctx: z.RefinementCtx) => {
  const outside = pushGroupsOutsideAssigned(p.assignedGroups, p.pushGroups ?? []);
  if (outside.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["pushGroups"],
      message: `Push groups must also be assigned groups: add ${outside.map((g) => `"${g}"`).join(", ")} to assignedGroups or remove it from pushGroups.`,
    });
  }
};

const accessScimSchema = scimSettingsSchema
  .safeExtend({
    assignedGroups: assignedGroupsSchema,
    pushGroups: z.array(groupNameSchema).optional(),
    appLabel: z.string().min(1).optional(),
    provisioningConfigured: z.boolean().default(false),
  })
  .superRefine(pushGroupsRule);

const accessLoginSchema = z
  .strictObject({
    name: z.string().min(1).default("Okta"),
    appLabel: z.string().min(1).default("Cloudflare Access"),
    groupsClaimRegex: groupsClaimRegexSchema.default(".*"),
    pkce: z.boolean().default(false),
    authorizationServerId: z
      .string()
      .regex(/^aus[A-Za-z0-9]{10,30}$/, { message: 'Use the ID of an existing custom authorization server (starts with "aus"), or set createAuthorizationServer instead.' })
      .optional(),
    createAuthorizationServer: z.boolean().default(false),
    claims: z.array(z.string().min(1)).optional(),
    assignedGroups: assignedGroupsSchema,
    preventDestroy: z.boolean().default(true),
    scim: accessScimSchema.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.authorizationServerId && a.createAuthorizationServer) {
      ctx.addIssue({
        code: "custom",
        path: ["createAuthorizationServer"],
        message: "Either name an existing authorizationServerId or set createAuthorizationServer, not both.",
      });
    }
  });

/**
 * Dashboard SCIM: Okta provisions Cloudflare account members. Absent or disabled: no resources.
 * The same rules as DashboardScimApp's props, so an error reads the same from either.
 */
const dashboardScimSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    assignedGroups: assignedGroupsSchema,
    pushGroups: z.array(groupNameSchema).optional(),
    appLabel: z.string().min(1).optional(),
    provisioningConfigured: z.boolean().default(false),
    provisioning: scimProvisioningSchema.optional(),
    token: dashboardScimTokenSettingsSchema.optional(),
  })
  .superRefine(pushGroupsRule)
  .superRefine(refineDashboardScim);

/** The project's config file. Unknown keys are errors: a typo must not be ignored. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, {
    message: 'Use a short lowercase name for this setup, e.g. "acme" (letters, digits, hyphens; it prefixes state keys and workspaces).',
  }),
  okta: z.strictObject({
    orgName: oktaOrgNameSchema,
    baseUrl: oktaBaseUrlSchema.default("okta.com"),
    provider: oktaProviderSettingsSchema.default(oktaProviderSettingsSchema.parse({})),
  }),
  cloudflare: z.strictObject({
    accountId: accountIdSchema,
    teamName: teamNameSchema,
  }),
  accessLogin: accessLoginSchema,
  dashboardScim: dashboardScimSchema.optional(),
  backend: backendSchema.default({ type: "local", directory: "." }),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
