import { Construct, IConstruct } from "constructs";
import { AccountToken } from "@cdktf/provider-cloudflare/lib/account-token";
import { DataCloudflareAccountApiTokenPermissionGroupsList } from "@cdktf/provider-cloudflare/lib/data-cloudflare-account-api-token-permission-groups-list";
import { ref, TerraformStack, Token } from "../cdktf";
import { parseOrThrow } from "../private/validation";
import { hclQuoted, terraformLiteral, terraformLiterals } from "../private/terraform-literal";
import { accountResources, accountScope, dashboardScimBaseUrl } from "./private/account";
import { dashboardScimTokenPropsSchema } from "./private/dashboard-scim-token-schema";

/**
 * API name of the permission group the dashboard shows as Account > SCIM Provisioning > Edit. The
 * name has no Read/Write suffix: Cloudflare's API spec lists "SCIM Provisioning" among the accepted
 * permissions of the account member and user group endpoints (cloudflare provider docs, e.g.
 * `cloudflare_account_members`).
 */
const scimProvisioningPermissionGroup = "SCIM Provisioning";

/** Props of a {@link DashboardScimToken}. */
export interface DashboardScimTokenProps {
  /** Cloudflare account whose members Okta provisions. */
  readonly accountId: string;
  /**
   * Token name shown under Manage Account > Account API Tokens. cloudflare provider 5.x fails to
   * rename an existing account token (terraform-provider-cloudflare#6092): pick it once.
   * @default "Okta dashboard SCIM"
   */
  readonly name?: string;
  /**
   * API name of the account permission group to grant, looked up by name (never a hard-coded ID).
   * @default "SCIM Provisioning"
   */
  readonly permissionGroupName?: string;
  /**
   * When the token stops working (RFC 3339). Okta's provisioning then fails until a new token is
   * created and a person enters it in the app again.
   * @default - never expires
   */
  readonly expiresOn?: string;
  /**
   * Refuse to destroy the token: Okta keeps sending the old one, so provisioning fails until a
   * person enters the new value in the app. Set false for the one run that rotates it on purpose.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/** An account API token Okta's dashboard SCIM app provisions with: one made here ({@link DashboardScimToken}). */
export interface IDashboardScimToken extends IConstruct {
  /** The token's ID. */
  readonly tokenId: string;
  /** The token value (sensitive): the Okta app's OAuth Bearer Token. */
  readonly tokenValue: string;
  /** SCIM 2.0 Base URL of the token's account, for the Okta app. */
  readonly scimBaseUrl: string;
}

/**
 * The API token Okta's "SCIM 2.0 Test App (OAuth Bearer Token)" sends as its OAuth Bearer Token
 * (seed: "Create an API token" with Account > SCIM Provisioning > Edit, for this account only).
 *
 * An account-owned token (`cloudflare_account_token`), as Cloudflare recommends: a user's token
 * stops working when that user loses access to the account. The credentials Terraform runs with
 * must be allowed to create account tokens ("Account API Tokens Write").
 *
 * Dashboard SCIM is Enterprise-only and needs dashboard SSO already set up. Assigned Okta users
 * become account members with Minimal Account Access; pushed groups become account User Groups,
 * to which a person (or a later change) attaches permission policies. Deactivating a user in Okta
 * (`active: false`) removes the member. Keep at least one Super Administrator outside the
 * SCIM-managed groups, so a provisioning mistake cannot lock everyone out.
 *
 * The token value is returned once, at creation, and kept in this stack's state: protect the state.
 * Replacing the token means entering the new value in Okta again.
 */
export class DashboardScimToken extends Construct implements IDashboardScimToken {
  /** The `cloudflare_account_api_token_permission_groups_list` lookup of the permission group. */
  public readonly permissionGroups: DataCloudflareAccountApiTokenPermissionGroupsList;
  /** The `cloudflare_account_token` resource. */
  public readonly token: AccountToken;
  /** The permission group name looked up. */
  public readonly permissionGroupName: string;
  /** ID of the permission group, resolved at plan time. */
  public readonly permissionGroupId: string;
  /** SCIM 2.0 Base URL for the Okta app, built from the token's own account. */
  public readonly scimBaseUrl: string;
  public readonly tokenValue: string;
  public readonly tokenId: string;

  constructor(scope: Construct, id: string, props: DashboardScimTokenProps) {
    super(scope, id);
    const p = parseOrThrow(dashboardScimTokenPropsSchema, props, id);
    this.permissionGroupName = p.permissionGroupName ?? scimProvisioningPermissionGroup;
    const wanted = hclQuoted(this.permissionGroupName);
    this.permissionGroups = new DataCloudflareAccountApiTokenPermissionGroupsList(this, "permission-groups", {
      ...terraformLiterals({
        accountId: p.accountId,
        // Raw, though the provider's schema says "must be URL-encoded": cloudflare-go query-encodes it
        // (a pre-encoded "SCIM%20Provisioning" is sent as SCIM%2520Provisioning and matches nothing).
        // The provider's own acceptance test passes `name = "DNS Read"` (account_token-crud.tf).
        name: this.permissionGroupName,
        scope: accountScope,
      }),
      lifecycle: {
        postcondition: [
          {
            condition: `\${length([for g in self.result : g.id if g.name == ${wanted}]) > 0}`,
            errorMessage: terraformLiteral(
              `No account API token permission group named ${JSON.stringify(this.permissionGroupName)}. Dashboard SCIM is Enterprise-only; ` +
                "if the account has it, find the group's exact name with GET /accounts/<account_id>/tokens/permission_groups and set permissionGroupName.",
            ),
          },
        ],
      },
    });
    const groups = `data.${this.permissionGroups.terraformResourceType}.${this.permissionGroups.friendlyUniqueId}.result`;
    // The API filter may match more loosely than equality: pick the exact name.
    this.permissionGroupId = Token.asString(
      ref(`[for g in ${groups} : g.id if g.name == ${wanted}][0]`, TerraformStack.of(this)),
    );
    this.token = new AccountToken(
      this,
      "token",
      terraformLiterals({
        accountId: p.accountId,
        name: p.name ?? "Okta dashboard SCIM",
        policies: [
          {
            effect: "allow",
            permissionGroups: [{ id: this.permissionGroupId }],
            resources: accountResources(p.accountId),
          },
        ],
        expiresOn: p.expiresOn,
        lifecycle: { preventDestroy: p.preventDestroy ?? true },
      }),
    );
    this.scimBaseUrl = dashboardScimBaseUrl(this.token.accountId);
    this.tokenValue = this.token.value;
    this.tokenId = this.token.id;
  }
}
