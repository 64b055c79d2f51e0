import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main as discover } from "../../tools/discover";
import { parseConfig } from "../../app/config/load";
import { Config } from "../../app/config/schema";
import { Fetch } from "../../tools/check/http";
import { startHandMadeFakes } from "../fakes/by-hand";
import { FAKE_CLOUDFLARE_API_TOKEN, FAKE_OKTA_API_TOKEN } from "../fakes/seed";
import { prepareTools, runInOrder, synthesizeLocal, terraformEnv, withTerraformCommand } from "./e2e";
import { EXIT, planSummary, StackResult, Step } from "./report";
import { Run } from "./run";
import { changedAddresses, runStack } from "./stack-run";

// `npm run test:e2e -- --adopt`: a setup made by hand in the fakes (e2e/fakes/by-hand.ts), then
// `npm run discover` against them, its one question answered as a person would (the dashboard
// token's ID), synth, and per stack the whole e2e (runStack) with a first plan that imports and
// neither adds nor destroys. The done line: `e2e adopt: discover=ok plan=imports-only
// apply=ok replan=no-changes`.

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const TEAM = "acme";
const ACCESS_GROUPS = ["Engineering", "Finance"];
const DASHBOARD_GROUPS = ["Cloudflare Admins"];

export interface AdoptE2eOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly run: Run;
  readonly log: (line: string) => void;
}

export async function runAdoptE2e({ env, run, log }: AdoptE2eOptions): Promise<number> {
  const fakes = await startHandMadeFakes({
    accountId: ACCOUNT,
    teamName: TEAM,
    oktaAccount: `https://${TEAM}.okta.com`,
    accessGroups: ACCESS_GROUPS,
    dashboardGroups: DASHBOARD_GROUPS,
  });
  const { okta, cloudflare, oktaUrl, cloudflareUrl, setup } = fakes;
  const workDir = mkdtempSync(join(tmpdir(), "okta-cf-e2e-adopt-"));
  try {
    const found = await discovered(join(workDir, "adopted.json"), fakes.fetch());
    if (typeof found === "string") {
      log(`e2e adopt: discover=failed (${found})`);
      return EXIT.FAILED;
    }
    // The one question: which token Okta uses. A person answers it with the token's ID.
    const config = parseConfig({
      ...found,
      existing: { ...found.existing, dashboardScimTokenId: setup.dashboardTokenId },
    });
    const stacks = synthesizeLocal(config, workDir);
    const tools = prepareTools(stacks, workDir, run, env, log);
    if (tools === EXIT.PROVIDERS_UNAVAILABLE) {
      log("e2e adopt: discover=ok; plan, apply and replan not run: providers unavailable");
      return tools;
    }
    const tfEnv = withTerraformCommand(
      terraformEnv(env, tools.cliConfigFile, oktaUrl, cloudflareUrl),
      tools.cli,
      stacks.projectDir,
    );
    // The whole e2e of each stack (prevent_destroy holds for adopted resources too), with an imports-only first plan.
    const results = runInOrder(stacks, (stack) =>
      runStack(run, tools.cli.command, stack, stacks.dir[stack], stacks.json[stack], tfEnv, undefined, importsOnly),
    );
    const unimplemented = [...okta.api.failures, ...cloudflare.api.failures];
    for (const f of unimplemented) log(`e2e ${f}`);
    // okta 4.20 reads the OIDC client secret back only on create and update: an imported app's state
    // has none until an update, and the login method must not be given an empty one.
    const secretKept =
      cloudflare.identityProviders.get(setup.loginMethodId)?.config?.client_secret ===
      okta.clientSecrets.get(setup.oidcAppId);
    if (!secretKept && !results.some((r) => r.failure))
      log("e2e adopt: the login method's client secret is no longer the OIDC app's after adoption");
    log(adoptLine(results));
    return results.some((r) => r.failure) || unimplemented.length > 0 || !secretKept ? EXIT.FAILED : EXIT.PASSED;
  } finally {
    await fakes.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Runs discover against the fakes (the real hosts answered by them); the draft, or why there is none. */
async function discovered(out: string, fetchThroughFakes: Fetch): Promise<Config | string> {
  let output = "";
  const code = await discover(
    ["--okta-org", TEAM, "--account-id", ACCOUNT, "--team-name", TEAM, "--out", out],
    { OKTA_API_TOKEN: FAKE_OKTA_API_TOKEN, CLOUDFLARE_API_TOKEN: FAKE_CLOUDFLARE_API_TOKEN },
    { stdout: (t) => (output += t), stderr: (t) => (output += t) },
    { fetch: fetchThroughFakes },
  );
  const questions = output.match(/^\d+\. .*/gm) ?? [];
  if (code !== 3 || questions.length !== 1 || !/dashboard SCIM app's OAuth Bearer Token/.test(questions[0])) {
    return `exit ${code}; expected the dashboard token as the one question: ${questions.join(" | ") || output.trim().split("\n").slice(-1)[0]}`;
  }
  return parseConfig(JSON.parse(readFileSync(out, "utf8")));
}

/** "Plan: N to import, A to add, C to change, D to destroy." as numbers (import 0 when Terraform leaves it out). */
export function planCounts(
  output: string,
): { import: number; add: number; change: number; destroy: number } | undefined {
  const m = /Plan: (?:(\d+) to import, )?(\d+) to add, (\d+) to change, (\d+) to destroy/.exec(output);
  return m ? { import: Number(m[1] ?? 0), add: +m[2], change: +m[3], destroy: +m[4] } : undefined;
}

/** The first plan of an adopted stack: something imported, nothing added or destroyed; else why not. */
export function importsOnly(output: string): string | undefined {
  const counts = planCounts(output);
  if (counts && counts.import > 0 && counts.add === 0 && counts.destroy === 0) return undefined;
  return `not imports only: ${planSummary(output)}: ${changedAddresses(output).join(", ")}`;
}

/** `e2e adopt: discover=ok plan=imports-only apply=ok replan=no-changes`, or where the first stack failed. */
export function adoptLine(results: readonly StackResult[]): string {
  const failed = results.find((r) => r.failure);
  if (!failed?.failure) return "e2e adopt: discover=ok plan=imports-only apply=ok replan=no-changes";
  const before: Partial<Record<Step, string>> = {
    apply: "plan=imports-only",
    replan: "plan=imports-only apply=ok",
    "protected-destroy": "plan=imports-only apply=ok replan=no-changes",
    "deleted-mapping": "plan=imports-only apply=ok replan=no-changes",
  };
  const passed = before[failed.failure.step];
  return `e2e adopt: discover=ok ${passed ? `${passed} ` : ""}${failed.failure.step}=failed (${failed.stack}: ${failed.failure.reason})`;
}
