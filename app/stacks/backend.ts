import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from "../../src/cdktf";
import { BackendConfig } from "../config/backend-schema";
import { withoutSynthTimeVersionCheck } from "../terraform-version";

/**
 * Gives a stack its configured backend. cdktf derives each consumer's `terraform_remote_state` from
 * the producer's backend, so cross-stack inputs follow it without more code.
 */
export function applyBackend(stack: TerraformStack, backend: BackendConfig, configName: string): void {
  const stackName = stack.node.id;
  switch (backend.type) {
    case "local":
      // Relative to cdktf.out/stacks/<stack>/, where Terraform runs: the same for every stack, and no
      // absolute path of this machine ends up in the synthesized JSON.
      new LocalBackend(stack, {
        path: `../../../${backend.directory}/terraform.${stackName}.tfstate`.replace("/./", "/"),
      });
      return;
    case "s3": {
      const s3 = new S3Backend(stack, {
        bucket: backend.bucket,
        key: `${backend.keyPrefix}/${configName}/${stackName}.tfstate`,
        region: backend.region,
        encrypt: backend.encrypt,
        dynamodbTable: backend.dynamodbTable,
        kmsKeyId: backend.kmsKeyId,
      });
      // S3 native locking (Terraform >= 1.10) postdates cdktf 0.21's typed S3BackendConfig.
      if (backend.useLockfile !== undefined) s3.addOverride("use_lockfile", backend.useLockfile);
      return;
    }
    case "cloud":
      withoutSynthTimeVersionCheck(
        new CloudBackend(stack, {
          organization: backend.organization,
          hostname: backend.hostname,
          workspaces: new NamedCloudWorkspace(`${backend.workspacePrefix}-${stackName}`),
        }),
      );
      return;
  }
}
