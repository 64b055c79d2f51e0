import { Construct } from "constructs";
import { TerraformStack } from "../../src/cdktf";
import { Config } from "../config/schema";
import { TerraformJson, withRequiredVersion } from "../terraform-version";
import { applyBackend } from "./backend";

/**
 * A stack of this project: the configured backend, and `required_version` at the oldest Terraform
 * that runs what the stack synthesizes (postconditions need 1.2, S3 `use_lockfile` 1.10, ...), read
 * from the finished JSON so a new feature cannot be used without raising it.
 */
export class ProjectStack extends TerraformStack {
  constructor(scope: Construct, id: string, config: Config) {
    super(scope, id);
    applyBackend(this, config.backend, config.name);
  }

  public override toTerraform(): TerraformJson {
    return withRequiredVersion(super.toTerraform());
  }
}
