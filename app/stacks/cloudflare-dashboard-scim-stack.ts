import { Construct } from "constructs";
import { adoptDashboardScimToken } from "../adopt/adopt";
import { DashboardScimToken } from "../../src/cloudflare/dashboard-scim-token";
import { Config } from "../config/schema";
import { ProjectStack } from "./project-stack";
import { attributeOutput } from "./outputs";
import { cloudflareProvider } from "./providers";

export type DashboardScim = NonNullable<Config["dashboardScim"]>;

/**
 * Cloudflare side of dashboard SCIM: the account token Okta authenticates with. CLOUDFLARE_API_TOKEN
 * must be allowed to create account tokens ("Account API Tokens Write").
 */
export class CloudflareDashboardScimStack extends ProjectStack {
  public readonly token: DashboardScimToken;

  constructor(scope: Construct, id: string, config: Config, dashboard: DashboardScim) {
    super(scope, id, config);
    cloudflareProvider(this);
    this.token = new DashboardScimToken(this, "dashboard-scim-token", {
      accountId: config.cloudflare.accountId,
      ...dashboard.token,
    });
    adoptDashboardScimToken(this.token, config.cloudflare.accountId, config.existing?.dashboardScimTokenId);
    attributeOutput(this, this.token, "scimBaseUrl", "SCIM 2.0 Base URL of the Okta dashboard SCIM app");
    attributeOutput(this, this.token, "tokenValue", "OAuth Bearer Token of the Okta dashboard SCIM app", true);
    attributeOutput(this, this.token, "tokenId", "ID of the account API token Okta provisions with");
  }
}
