import * as z from "zod";
import { accessOktaGroupSchema } from "../../src/cloudflare/private/access-groups-schema";
import { accountIdSchema } from "../../src/cloudflare/private/account";
import { dashboardScimTokenSettingsSchema } from "../../src/cloudflare/private/dashboard-scim-token-schema";
import { scimSettingsSchema } from "../../src/cloudflare/private/okta-login-method-schema";
import { assignedGroupsSchema, groupsClaimRegexSchema } from "../../src/okta/private/access-oidc-app-schema";
import { refineDashboardScim } from "../../src/okta/private/dashboard-scim-rules";
import { groupNameSchema } from "../../src/okta/private/groups-schema";
import { OktaOrg } from "../../src/okta/org";
import {
  isOktaBaseDomain,
  OKTA_BASE_DOMAINS,
  oktaBaseUrlSchema,
  oktaOrgNameSchema,
} from "../../src/okta/private/org-schema";
import { checkPushGroupsAssigned, scimProvisioningSchema } from "../../src/okta/private/scim-app-schema";
import { oktaProviderSettingsSchema } from "../../src/okta/private/okta-provider-settings";
import { teamNameSchema } from "../../src/private/team";
import { accessApplicationsSchema, accessGroupsRule, allowGroupsRule } from "./access-policies-schema";
import { literalText } from "../../src/private/validation";
import { backendSchema } from "./backend-schema";
import { existingRule, existingSchema } from "./existing-schema";

/**
 * Access SCIM. With `enabled: false` nothing is provisioned, so no group list is required (any
 * given is kept for when SCIM is turned back on, and not checked).
 */
const accessScimSchema = scimSettingsSchema
  .safeExtend({
    assignedGroups: assignedGroupsSchema.optional(),
    pushGroups: z.array(groupNameSchema).optional(),
    appLabel: literalText().optional(),
    provisioningConfigured: z.boolean().default(false),
    preventDestroy: z
      .boolean()
      .optional()
      .describe("Refuse to destroy the Access SCIM app: a new one needs its provisioning set up again by a person."),
  })
  .superRefine((scim, ctx) => {
    if (scim.enabled === false) return;
    if (scim.assignedGroups === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["assignedGroups"],
        message:
          'Add it: the Okta groups the Access SCIM app provisions, e.g. ["Engineering"]; or set enabled to false to turn Access SCIM off.',
      });
      return;
    }
    checkPushGroupsAssigned({ assignedGroups: scim.assignedGroups, pushGroups: scim.pushGroups }, ctx);
  });

const accessLoginSchema = z
  .strictObject({
    name: literalText().optional(),
    appLabel: literalText().optional(),
    groupsClaimRegex: groupsClaimRegexSchema.optional(),
    pkce: z.boolean().optional(),
    authorizationServerId: z
      .string()
      .regex(/^aus[A-Za-z0-9]{10,30}$/, {
        message:
          'Use the ID of an existing custom authorization server (starts with "aus"), or set createAuthorizationServer instead.',
      })
      .optional(),
    createAuthorizationServer: z.boolean().default(false),
    claims: z.array(literalText()).optional(),
    assignedGroups: assignedGroupsSchema,
    preventDestroy: z.boolean().optional(),
    scim: accessScimSchema.optional(),
    accessGroups: z
      .array(accessOktaGroupSchema)
      .optional()
      .describe(
        'Okta groups (names) that get a Zero Trust Access group named "<login method name>: <group>" for policies. Each must be pushed by Access SCIM. Default: the scim push groups.',
      ),
  })
  .superRefine(accessGroupsRule)
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
 * The same rules as ScimApp's props for the OAuth Bearer Token app, so an error reads the same from either.
 */
const dashboardScimSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    assignedGroups: assignedGroupsSchema,
    pushGroups: z.array(groupNameSchema).optional(),
    appLabel: literalText().optional(),
    provisioningConfigured: z.boolean().default(false),
    provisioning: scimProvisioningSchema.optional(),
    token: dashboardScimTokenSettingsSchema.optional(),
    preventDestroy: z
      .boolean()
      .optional()
      .describe("Refuse to destroy the dashboard SCIM app: a new one needs its provisioning set up again by a person."),
  })
  .superRefine(checkPushGroupsAssigned)
  .superRefine(refineDashboardScim);

/** The project's config file. Unknown keys are errors: a typo must not be ignored. */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, {
      message:
        'Use a short lowercase name for this setup, e.g. "acme" (letters, digits, hyphens; it prefixes state keys and workspaces).',
    }),
    okta: z
      .strictObject({
        orgName: oktaOrgNameSchema,
        baseUrl: oktaBaseUrlSchema.optional(),
        allowUnlistedBaseUrl: z
          .boolean()
          .default(false)
          .describe(
            "Lets baseUrl name a domain that is not one of Okta's (API tokens are sent there); synth and check print a warning.",
          ),
        provider: oktaProviderSettingsSchema.default(oktaProviderSettingsSchema.parse({})),
      })
      .superRefine((o, ctx) => {
        if (!o.allowUnlistedBaseUrl && o.baseUrl !== undefined && !isOktaBaseDomain(o.baseUrl)) {
          ctx.addIssue({
            code: "custom",
            path: ["baseUrl"],
            message: `API tokens are sent to this domain, and it is not one of Okta's (${OKTA_BASE_DOMAINS.join(", ")}): fix it, or set okta.allowUnlistedBaseUrl to true if your org really lives there.`,
          });
        }
      }),
    cloudflare: z.strictObject({
      accountId: accountIdSchema,
      teamName: teamNameSchema,
    }),
    accessLogin: accessLoginSchema,
    dashboardScim: dashboardScimSchema.optional(),
    accessApplications: accessApplicationsSchema
      .optional()
      .describe(
        "Self-hosted Access applications behind the Okta login method, each with an allow policy on the Access groups of allowGroups.",
      ),
    backend: backendSchema.default({ type: "local", directory: ".", allowOutsideProject: false }),
    existing: existingSchema.optional(),
  })
  .superRefine(allowGroupsRule)
  .superRefine(existingRule);

/** A validated config, defaults applied: what `loadConfig` returns. */
export type Config = z.output<typeof configSchema>;
/** A config as written in the file: defaulted fields are optional. */
export type ConfigInput = z.input<typeof configSchema>;

/** Access SCIM turned on: the config check requires its assigned groups then. */
export type AccessScim = NonNullable<Config["accessLogin"]["scim"]> & { readonly assignedGroups: string[] };

/** Access SCIM's settings when it is on; undefined when absent or `enabled: false`. */
export function accessScim(config: Config): AccessScim | undefined {
  const scim = config.accessLogin.scim;
  return scim && scim.enabled !== false && scim.assignedGroups
    ? { ...scim, assignedGroups: scim.assignedGroups }
    : undefined;
}

/** The Okta org of the config, as the okta constructs take it. */
export function oktaOrg(config: Config): OktaOrg {
  return { orgName: config.okta.orgName, baseUrl: config.okta.baseUrl };
}
