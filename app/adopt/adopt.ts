import { TerraformResource } from "../../src/cdktf";
import { AccessApplication } from "../../src/cloudflare/access-application";
import { OktaAccessGroups } from "../../src/cloudflare/access-groups";
import { DashboardScimToken } from "../../src/cloudflare/dashboard-scim-token";
import { OktaLoginMethod } from "../../src/cloudflare/okta-login-method";
import { AccessAuthorizationServer } from "../../src/okta/authorization-server";
import { PushGroup } from "../../src/okta/push-group";
import { PushGroups } from "../../src/okta/push-groups";
import { adopt, adoptInstances } from "./import";
import {
  cloudflareAccountChildImportId,
  cloudflareAccountObjectImportId,
  oktaAuthServerChildImportId,
  oktaAuthServerPolicyRuleImportId,
  oktaImportId,
} from "./import-ids";

// Each construct's resources adopted from the IDs of objects made by hand: one import block per
// resource, at the address the construct already gives it. Without an ID, nothing changes.

/** An Okta app and its `okta_app_group_assignments` (both import by the app's ID). */
export function adoptOktaApp(
  app: { readonly app: TerraformResource; readonly assignments: TerraformResource },
  appId: string | undefined,
): void {
  if (appId === undefined) return;
  adopt(app.app, oktaImportId(appId));
  adopt(app.assignments, oktaImportId(appId));
}

/** IDs of a custom authorization server and the four objects AccessAuthorizationServer makes in it. */
export interface AuthorizationServerIds {
  readonly id: string;
  readonly groupsScopeId: string;
  readonly groupsClaimId: string;
  readonly policyId: string;
  readonly policyRuleId: string;
}

export function adoptAuthorizationServer(
  server: AccessAuthorizationServer,
  ids: AuthorizationServerIds | undefined,
): void {
  if (ids === undefined) return;
  adopt(server.server, oktaImportId(ids.id));
  adopt(server.groupsScope, oktaAuthServerChildImportId(ids.id, ids.groupsScopeId));
  adopt(server.groupsClaim, oktaAuthServerChildImportId(ids.id, ids.groupsClaimId));
  adopt(server.policy, oktaAuthServerChildImportId(ids.id, ids.policyId));
  adopt(server.policyRule, oktaAuthServerPolicyRuleImportId(ids.id, ids.policyId, ids.policyRuleId));
}

export function adoptLoginMethod(method: OktaLoginMethod, id: string | undefined): void {
  if (id !== undefined) adopt(method.loginMethod, cloudflareAccountObjectImportId(method.accountId, id));
}

/** Push mappings by pushed group name; `appId` is the adopted app's literal ID (the stack's is a cross-stack reference). */
export function adoptPushGroups(
  push: PushGroups,
  appId: string | undefined,
  mappingIds: Readonly<Record<string, string>> | undefined,
): void {
  if (appId === undefined || mappingIds === undefined) return;
  adoptInstances(
    push.pushGroup,
    mapValues(mappingIds, (mappingId) => PushGroup.importId(appId, mappingId)),
  );
}

/** Access groups by Okta group name. */
export function adoptAccessGroups(groups: OktaAccessGroups, ids: Readonly<Record<string, string>> | undefined): void {
  if (groups.accessGroup && ids)
    adoptInstances(
      groups.accessGroup,
      mapValues(ids, (id) => cloudflareAccountObjectImportId(groups.accountId, id)),
    );
}

export function adoptAccessApplication(
  app: AccessApplication,
  accountId: string,
  ids: { applicationId: string; policyId: string } | undefined,
): void {
  if (ids === undefined) return;
  adopt(app.application, cloudflareAccountObjectImportId(accountId, ids.applicationId));
  adopt(app.policy, cloudflareAccountChildImportId(accountId, ids.policyId));
}

export function adoptDashboardScimToken(token: DashboardScimToken, accountId: string, id: string | undefined): void {
  if (id !== undefined) adopt(token.token, cloudflareAccountChildImportId(accountId, id));
}

function mapValues(o: Readonly<Record<string, string>>, f: (v: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}
