import * as z from "zod";
import { Token } from "../../cdktf";
import { tokenOr } from "../../private/validation";
import { IdentityUpdateBehavior } from "../identity-update-behavior";
import { accountIdSchema } from "./account";

/** Access SCIM settings of a login method (seed: "1. Enable SCIM in Zero Trust"). */
export const scimSettingsSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    userDeprovision: z.boolean().optional(),
    seatDeprovision: z.boolean().optional(),
    identityUpdateBehavior: z
      .enum(IdentityUpdateBehavior, {
        message: 'Use "reauth" (reauthenticate on group membership change), "automatic" or "no_action".',
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    if (s.seatDeprovision && s.userDeprovision === false) {
      ctx.addIssue({
        code: "custom",
        path: ["seatDeprovision"],
        message:
          "Remove user seat on deprovision needs Enable user deprovisioning: set userDeprovision to true, or seatDeprovision to false.",
      });
    }
  });

const loginMethodAttributes = {
  accountId: accountIdSchema,
  loginMethodId: z
    .string()
    .min(1, { message: "Use the login method's ID (Settings > Authentication > Login methods)." }),
  loginMethodName: z.string().min(1, { message: "Use the login method's name as shown on the Access login page." }),
};

/** `OktaLoginMethodAttributes`, for `OktaLoginMethod.fromLoginMethodAttributes`. */
export const oktaLoginMethodAttributesSchema = z.strictObject(loginMethodAttributes);

/** A login method as Access groups and applications take it (`IOktaLoginMethod`), checked field by field. */
export const oktaLoginMethodRefSchema = z.object(loginMethodAttributes, {
  message: "Pass an OktaLoginMethod, or one from OktaLoginMethod.fromLoginMethodAttributes.",
});

const oidcAppSchema = z.object(
  {
    clientId: z.string().min(1),
    clientSecret: z.string().refine((v) => Token.isUnresolved(v), {
      message:
        "Pass an AccessOidcApp, or an app made elsewhere through AccessOidcApp.fromOidcAppAttributes with the secret as a reference or a sensitive variable, never the secret itself: a literal would be written into the synthesized JSON.",
    }),
    orgUrl: tokenOr((v) => /^https:\/\/[a-z0-9.-]+$/i.test(v), 'Use the Okta org URL, e.g. "https://acme.okta.com".'),
  },
  { message: "Pass an AccessOidcApp, or an app made elsewhere through AccessOidcApp.fromOidcAppAttributes." },
);

/** `OktaLoginMethodProps`, checked by the `OktaLoginMethod` constructor. */
export const oktaLoginMethodPropsSchema = z.strictObject({
  accountId: accountIdSchema,
  name: z.string().min(1).optional(),
  oidcApp: oidcAppSchema,
  authorizationServer: z
    .object(
      { authorizationServerId: z.string().min(1) },
      {
        message: "Pass an AccessAuthorizationServer, or one from AccessAuthorizationServer.fromAuthorizationServerId.",
      },
    )
    .optional(),
  claims: z.array(z.string().min(1)).optional(),
  pkce: z.boolean().optional(),
  scim: scimSettingsSchema.optional(),
  preventDestroy: z.boolean().optional(),
});
