import * as z from "zod";
import { literalText, tokenOr } from "../../private/validation";
import { accountIdSchema } from "./account";

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Token settings a config file may set; the account comes from the config's `cloudflare` section. */
export const dashboardScimTokenSettingsSchema = z.strictObject({
  name: literalText().optional(),
  permissionGroupName: z
    .string()
    .min(1)
    .refine((v) => !/[$%]\{/.test(v), {
      message:
        'Terraform would read "${" or "%{" as an expression: use the name as the API lists it, e.g. "SCIM Provisioning".',
    })
    .optional(),
  expiresOn: tokenOr((v) => rfc3339.test(v), 'Use an RFC 3339 time, e.g. "2026-12-31T00:00:00Z".').optional(),
  preventDestroy: z
    .boolean()
    .optional()
    .describe(
      "Refuse to destroy the token: a new one must be entered in the Okta app by a person. Set false for the run that rotates it. Default: true.",
    ),
});

/** `DashboardScimTokenProps`, checked by the `DashboardScimToken` constructor. */
export const dashboardScimTokenPropsSchema = dashboardScimTokenSettingsSchema.extend({ accountId: accountIdSchema });
