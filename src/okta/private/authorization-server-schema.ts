// Validation of AccessAuthorizationServer's props and of an imported server's ID.
import * as z from "zod";
import { tokenOr } from "../../private/validation";
import type { IAccessOidcApp } from "../access-oidc-app";
import { groupsClaimRegexSchema } from "./access-oidc-app-schema";

/** A custom authorization server's ID, as Okta shows it (Security > API > Authorization Servers). */
export const authorizationServerIdSchema = tokenOr(
  (v) => /^aus[A-Za-z0-9]{10,30}$/.test(v),
  'Use the ID of an existing custom authorization server (starts with "aus").',
);

export const authorizationServerPropsSchema = z.strictObject({
  name: z.string().min(1).optional(),
  audience: z.string().min(1),
  oidcApp: z.custom<IAccessOidcApp>((v) => typeof (v as IAccessOidcApp)?.clientId === "string", {
    message: "Pass an AccessOidcApp, or one imported with AccessOidcApp.fromOidcAppAttributes.",
  }),
  groupsClaimRegex: groupsClaimRegexSchema.optional(),
});
