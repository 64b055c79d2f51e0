// The one place the project imports CDK for Terraform. cdktf is archived upstream; moving to its
// fork (cdktn) means changing the module name here and in package.json, nowhere else.
export {
  App,
  CloudBackend,
  Fn,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  TerraformLocal,
  TerraformOutput,
  TerraformIterator,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  TerraformElement,
  Testing,
  Token,
  ref,
} from "cdktf";
export type { IResolvable, ITerraformDependable, TerraformMetaArguments, TerraformResourceLifecycle } from "cdktf";
