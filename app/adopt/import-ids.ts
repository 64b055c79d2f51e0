// The ID `terraform import` (and an `import` block) takes for each resource this project adopts, as
// each provider's importer parses it. Sources, read at the pinned versions:
// - okta 4.20.0 okta/app.go `appImporter` (okta_app_oauth, okta_app_saml): "<app_id>" (optional
//   "/skip_users/skip_groups" flags, not used).
// - okta 4.20.0 okta/resource_okta_app_group_assignments.go: the ID is the app's ("app_id" is set from it).
// - okta 4.20.0 okta/resource_okta_auth_server.go: ImportStatePassthroughContext, "<auth_server_id>";
//   resource_okta_auth_server_{scope,claim,policy}.go: createNestedResourceImporter
//   {auth_server_id, id}, "<auth_server_id>/<id>"; resource_okta_auth_server_policy_rule.go:
//   {auth_server_id, policy_id, id}, "<auth_server_id>/<policy_id>/<rule_id>".
// - okta 6.12.0 okta/services/idaas/resource_okta_push_group.go ImportState: "app_uid/mapping_id"
//   (PushGroup.importId).
// - cloudflare 5.14.0 internal/services/zero_trust_access_{identity_provider,group,application}/resource.go
//   ImportState: "<{accounts|zones}/{account_id|zone_id}>/<id>", so "accounts/<account_id>/<id>".
// - cloudflare 5.14.0 internal/services/{zero_trust_access_policy,account_token}/resource.go
//   ImportState: "<account_id>/<id>" (account-level only, no discriminator).

/** okta_app_oauth, okta_app_saml, okta_app_group_assignments, okta_auth_server: the object's own ID. */
export function oktaImportId(id: string): string {
  return id;
}

/** okta_auth_server_scope, _claim, _policy: `<auth_server_id>/<id>`. */
export function oktaAuthServerChildImportId(authServerId: string, id: string): string {
  return `${authServerId}/${id}`;
}

/** okta_auth_server_policy_rule: `<auth_server_id>/<policy_id>/<rule_id>`. */
export function oktaAuthServerPolicyRuleImportId(authServerId: string, policyId: string, ruleId: string): string {
  return `${authServerId}/${policyId}/${ruleId}`;
}

/** cloudflare_zero_trust_access_identity_provider, _group, _application: `accounts/<account_id>/<id>`. */
export function cloudflareAccountObjectImportId(accountId: string, id: string): string {
  return `accounts/${accountId}/${id}`;
}

/** cloudflare_zero_trust_access_policy, cloudflare_account_token: `<account_id>/<id>`. */
export function cloudflareAccountChildImportId(accountId: string, id: string): string {
  return `${accountId}/${id}`;
}
