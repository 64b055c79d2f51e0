import { Construct } from "constructs";
import { adoptAccessApplication, adoptAccessGroups } from "../adopt/adopt";
import { AccessApplication } from "../../src/cloudflare/access-application";
import { OktaAccessGroups } from "../../src/cloudflare/access-groups";
import { accessGroupNames } from "../config/access-policies-schema";
import { Config } from "../config/schema";
import { ProjectStack } from "./project-stack";
import { CloudflareAccessStack } from "./cloudflare-access-stack";
import { output } from "./outputs";
import { cloudflareProvider } from "./providers";

/**
 * What policy authors change: Access groups on the synced Okta groups, and self-hosted applications
 * allowed to them. Apart from `cloudflare-access` so a policy change plans and applies without the
 * login method (whose SCIM secret is returned once) in the run. Always synthesized, even empty, so
 * removing the last group or application destroys it instead of orphaning its state.
 */
export class CloudflareAccessPoliciesStack extends ProjectStack {
  public readonly accessGroups: OktaAccessGroups;
  public readonly applications: AccessApplication[];

  constructor(scope: Construct, id: string, config: Config, access: CloudflareAccessStack) {
    super(scope, id, config);
    cloudflareProvider(this);
    const accountId = config.cloudflare.accountId;
    const loginMethodId = access.loginMethod.loginMethodId;
    this.accessGroups = new OktaAccessGroups(this, "okta-access-groups", {
      accountId,
      loginMethodId,
      loginMethodName: access.loginMethod.name,
      groups: accessGroupNames(config.accessLogin),
    });
    adoptAccessGroups(this.accessGroups, accountId, config.existing?.accessGroupIds);
    // Keyed by name (unique in the config): renaming an application replaces it, with a new AUD tag.
    this.applications = (config.accessApplications ?? []).map(
      (app) =>
        new AccessApplication(this, `application-${app.name}`, {
          accountId,
          name: app.name,
          domain: app.domain,
          sessionDuration: app.sessionDuration,
          loginMethodId,
          accessGroups: this.accessGroups.ids,
          allowGroups: app.allowGroups,
        }),
    );
    for (const app of this.applications)
      adoptAccessApplication(app, accountId, config.existing?.accessApplicationIds?.[app.name]);
    output(this, "access_group_ids", this.accessGroups.ids, "Zero Trust Access group IDs by Okta group name");
    output(
      this,
      "access_application_ids",
      Object.fromEntries(this.applications.map((a) => [a.name, a.applicationId])),
      "Access application IDs by application name",
    );
  }
}
