import { rmSync } from "fs";
import { join } from "path";
import { stateRmCommand } from "../../app/runbook/model";
import { TerraformJson } from "../../app/terraform-version";
import { firstError, planSummary, StackResult, Step } from "./report";
import { Run, RunResult } from "./run";

/** Addresses of the resources a stack protects with `prevent_destroy`. */
export function protectedResources(tf: TerraformJson): string[] {
  return Object.entries<Record<string, TerraformJson>>(tf.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName)
      .filter(([, r]) => r.lifecycle?.prevent_destroy === true)
      .map(([name]) => `${type}.${name}`),
  );
}

/** A push mapping deleted in Okta (the fake's), and where the runbook's commands run from. */
export interface DeletedMappingCheck {
  /** The directory holding `cdktf.out`; `terraform` on the env's PATH is the CLI under test. */
  readonly projectDir: string;
  readonly deletePushMapping: (appId: string, mappingId: string) => void;
}

type TfRun = (...args: string[]) => RunResult & { output: string };

/**
 * One stack, in its synthesized directory with the local backend: init, validate, plan, apply,
 * a second plan that must change nothing, and a destroy plan of a protected resource that must be
 * refused; for a push-group stack, the runbook's remedy for a mapping deleted in Okta. Stops at the
 * first failing step. `firstPlan` may ask more of the first plan (adoption: imports only): the
 * reason it fails, or undefined.
 */
export function runStack(
  run: Run,
  cli: string,
  stack: string,
  dir: string,
  tf: TerraformJson,
  env: NodeJS.ProcessEnv,
  deletedMapping?: DeletedMappingCheck,
  firstPlan: (output: string) => string | undefined = () => undefined,
): StackResult {
  const tfRun: TfRun = (...args) => {
    const r = run(cli, [...args, "-no-color"], { cwd: dir, env });
    return { ...r, output: `${r.stdout}\n${r.stderr}` };
  };
  const fail = (step: Step, reason: string): StackResult => ({ stack, failure: { step, reason } });
  // A lock file from elsewhere holds registry hashes the mirror's binaries do not match.
  rmSync(join(dir, ".terraform.lock.hcl"), { force: true });

  const init = tfRun("init", "-input=false");
  if (init.status !== 0) return fail("init", firstError(init.output));
  const validate = tfRun("validate");
  if (validate.status !== 0) return fail("validate", firstError(validate.output));
  const plan = tfRun("plan", "-input=false", "-detailed-exitcode", "-out=e2e.tfplan");
  if (plan.status !== 0 && plan.status !== 2) return fail("plan", firstError(plan.output));
  const refused = firstPlan(plan.output);
  if (refused) return fail("plan", refused);
  const apply = tfRun("apply", "-input=false", "-auto-approve", "e2e.tfplan");
  if (apply.status !== 0) return fail("apply", firstError(apply.output));
  const replan = tfRun("plan", "-input=false", "-detailed-exitcode");
  if (replan.status === 2)
    return fail("replan", `${planSummary(replan.output)}: ${changedAddresses(replan.output).join(", ")}`);
  if (replan.status !== 0) return fail("replan", firstError(replan.output));
  for (const address of protectedResources(tf)) {
    const destroy = tfRun("plan", "-destroy", "-input=false", `-target=${address}`);
    if (destroy.status === 0 || !/Instance cannot be destroyed/.test(destroy.output)) {
      return fail("protected-destroy", `destroying ${address} was not refused by prevent_destroy`);
    }
  }
  const pushGroup = Object.keys(tf.resource?.okta_push_group ?? {})[0];
  const reason =
    pushGroup && deletedMapping
      ? recoverDeletedMapping(run, tfRun, stack, `okta_push_group.${pushGroup}`, env, deletedMapping)
      : undefined;
  return reason ? fail("deleted-mapping", reason) : { stack };
}

/**
 * Deletes one pushed group's mapping in the fake Okta, checks the plan fails as the runbook says,
 * runs the runbook's exact `terraform state rm` command, and checks a deploy pushes the group again.
 * Returns why it failed, or undefined.
 */
function recoverDeletedMapping(
  run: Run,
  tfRun: TfRun,
  stack: string,
  resource: string,
  env: NodeJS.ProcessEnv,
  check: DeletedMappingCheck,
): string | undefined {
  const state = JSON.parse(tfRun("show", "-json").stdout || "{}");
  const instance = (state.values?.root_module?.resources ?? []).find(
    (r: TerraformJson) => r.type === "okta_push_group",
  );
  if (!instance) return "no okta_push_group in the state";
  check.deletePushMapping(instance.values.app_id, instance.values.id);
  const broken = tfRun("plan", "-input=false", "-detailed-exitcode");
  if (!/Error reading Okta push group mapping/.test(broken.output)) {
    return `a mapping deleted in Okta did not fail the plan with "Error reading Okta push group mapping" as the runbook says (exit ${broken.status})`;
  }
  const command = stateRmCommand(stack, resource, instance.index);
  const rm = run("sh", ["-c", command], { cwd: check.projectDir, env });
  if (rm.status !== 0) return `the runbook's command failed: ${command}: ${firstError(`${rm.stdout}\n${rm.stderr}`)}`;
  const plan = tfRun("plan", "-input=false", "-detailed-exitcode", "-out=e2e.tfplan");
  if (plan.status !== 2)
    return `after the runbook's state rm, the plan did not push the group again (exit ${plan.status})`;
  const apply = tfRun("apply", "-input=false", "-auto-approve", "e2e.tfplan");
  if (apply.status !== 0) return `pushing the group again failed: ${firstError(apply.output)}`;
  const replan = tfRun("plan", "-input=false", "-detailed-exitcode");
  return replan.status === 0 ? undefined : `after pushing the group again: ${planSummary(replan.output)}`;
}

/** The resources a plan would change: its "# <address> will be ..." lines. */
export function changedAddresses(output: string): string[] {
  return [...output.matchAll(/^\s*# (\S+) (?:will|must) be /gm)].map((m) => m[1]);
}
