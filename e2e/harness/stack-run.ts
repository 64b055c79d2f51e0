import { rmSync } from "fs";
import { join } from "path";
import { TerraformJson } from "../../src/terraform-version";
import { firstError, planSummary, StackResult, Step } from "./report";
import { Run } from "./run";

/** Addresses of the resources a stack protects with `prevent_destroy`. */
export function protectedResources(tf: TerraformJson): string[] {
  return Object.entries<Record<string, TerraformJson>>(tf.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName)
      .filter(([, r]) => r.lifecycle?.prevent_destroy === true)
      .map(([name]) => `${type}.${name}`),
  );
}

/**
 * One stack, in its synthesized directory with the local backend: init, validate, plan, apply,
 * a second plan that must change nothing, and a destroy plan of a protected resource that must be
 * refused. Stops at the first failing step.
 */
export function runStack(run: Run, cli: string, stack: string, dir: string, tf: TerraformJson, env: NodeJS.ProcessEnv): StackResult {
  const tfRun = (...args: string[]) => {
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
  const apply = tfRun("apply", "-input=false", "-auto-approve", "e2e.tfplan");
  if (apply.status !== 0) return fail("apply", firstError(apply.output));
  const replan = tfRun("plan", "-input=false", "-detailed-exitcode");
  if (replan.status === 2) return fail("replan", `${planSummary(replan.output)}: ${changedAddresses(replan.output).join(", ")}`);
  if (replan.status !== 0) return fail("replan", firstError(replan.output));
  for (const address of protectedResources(tf)) {
    const destroy = tfRun("plan", "-destroy", "-input=false", `-target=${address}`);
    if (destroy.status === 0 || !/Instance cannot be destroyed/.test(destroy.output)) {
      return fail("protected-destroy", `destroying ${address} was not refused by prevent_destroy`);
    }
  }
  return { stack };
}

/** The resources a plan would change: its "# <address> will be ..." lines. */
export function changedAddresses(output: string): string[] {
  return [...output.matchAll(/^\s*# (\S+) (?:will|must) be /gm)].map((m) => m[1]);
}
