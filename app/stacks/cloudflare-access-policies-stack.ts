import { Construct } from "constructs";
import { adoptAccessApplication, adoptAccessGroups } from "../adopt/adopt";
import { AccessApplication } from "../../src/cloudflare/access-application";
import { OktaAccessGroups } from "../../src/cloudflare/access-groups";
import { accessGroupNames } from "../config/access-policies-schema";
import { Config } from "../config/schema";
import { ProjectStack } from "./project-stack";
import { CloudflareAccessStack } from "./cloudflare-access-stack";
import { attributeOutput, output } from "./outputs";
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
    const loginMethod = access.loginMethod;
    this.accessGroups = new OktaAccessGroups(this, "okta-access-groups", {
      loginMethod,
      groups: accessGroupNames(config.accessLogin),
    });
    adoptAccessGroups(this.accessGroups, config.existing?.accessGroupIds);
    // Keyed by name (unique in the config): renaming an application replaces it, with a new AUD tag.
    this.applications = (config.accessApplications ?? []).map(
      (app) =>
        new AccessApplication(this, `application-${app.name}`, {
          name: app.name,
          domain: app.domain,
          sessionDuration: app.sessionDuration,
          loginMethod,
          accessGroups: this.accessGroups,
          allowGroups: app.allowGroups,
        }),
    );
    for (const app of this.applications)
      adoptAccessApplication(app, accountId, config.existing?.accessApplicationIds?.[app.name]);
    attributeOutput(this, this.accessGroups, "accessGroupIds", "Zero Trust Access group IDs by Okta group name");
    // Each application's applicationId, by application name.
    output(
      this,
      "access_application_ids",
      Object.fromEntries(this.applications.map((a) => [a.name, a.applicationId])),
      "Access application IDs by application name",
    );
  }
}
