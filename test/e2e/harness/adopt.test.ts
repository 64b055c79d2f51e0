import { adoptLine, planCounts, runAdoptE2e } from "../../../e2e/harness/adopt";
import { EXIT } from "../../../e2e/harness/report";
import { tempDir } from "../../support/temp-dir";
import { fakeRun, proxy403, Script, warmCache } from "../../support/fake-run";

// npm run test:e2e -- --adopt. Discover runs for real against the fakes; the Terraform steps run
// scripted here (the providers cannot be had on this machine), to check what the harness asks of them.

const terraform = (firstPlan: string): Script => [
  [/^terraform version -json$/, { stdout: JSON.stringify({ terraform_version: "1.11.4" }) }],
  [/ plan -input=false -detailed-exitcode -out=e2e\.tfplan /, { status: 2, stdout: firstPlan }],
  [/ plan -destroy /, { status: 1, stderr: "Error: Instance cannot be destroyed" }],
  [/^terraform (init|validate|apply|plan) /, {}],
];

async function adopt(run: ReturnType<typeof fakeRun>, env: NodeJS.ProcessEnv) {
  const log: string[] = [];
  const code = await runAdoptE2e({ env, run, log: (l) => log.push(l) });
  return { code, log };
}

describe("npm run test:e2e -- --adopt", () => {
  test("discover runs against the setup made by hand; providers the proxy refuses: a loud skip (exit 3) after it", async () => {
    const run = fakeRun([[/^go mod download -json (\S+)$/, (args) => ({ status: 1, stdout: proxy403(args[3]) })]]);
    const { code, log } = await adopt(run, { E2E_TOOLS_CACHE: tempDir() });
    expect(code).toBe(EXIT.PROVIDERS_UNAVAILABLE);
    expect(log.filter((l) => l.startsWith("e2e providers unavailable: ")).length).toBe(3);
    expect(log[log.length - 1]).toBe("e2e adopt: discover=ok; plan, apply and replan not run: providers unavailable");
  });

  test("every stack imports, adds and destroys nothing, applies, replans empty: the done line, exit 0", async () => {
    const run = fakeRun(terraform("Plan: 3 to import, 0 to add, 1 to change, 0 to destroy."));
    const { code, log } = await adopt(run, { E2E_TOOLS_CACHE: warmCache() });
    expect(log[log.length - 1]).toBe("e2e adopt: discover=ok plan=imports-only apply=ok replan=no-changes");
    expect(code).toBe(EXIT.PASSED);
    // All eight stacks: the dashboard token is adopted too (its ID is the answer to discover's question).
    expect(run.calls.filter((c) => c.line.startsWith("terraform apply")).length).toBe(8);
    const stackJson = run.calls.find((c) => c.line.startsWith("terraform init"))!.options!.cwd!;
    expect(stackJson).toMatch(/cdktf\.out\/stacks\//);
  });

  test("a first plan that adds something is not an adoption: the stack and the plan's summary", async () => {
    const run = fakeRun(
      terraform("  # okta_app_saml.x will be created\nPlan: 0 to import, 1 to add, 0 to change, 0 to destroy."),
    );
    const { code, log } = await adopt(run, { E2E_TOOLS_CACHE: warmCache() });
    expect(code).toBe(EXIT.FAILED);
    expect(log[log.length - 1]).toMatch(
      /^e2e adopt: discover=ok plan=failed \([a-z-]+: not imports only: Plan: 0 to import, 1 to add, 0 to change, 0 to destroy: okta_app_saml\.x\)$/,
    );
  });

  test("planCounts reads Terraform's summary, with or without the import count", () => {
    expect(planCounts("Plan: 2 to import, 0 to add, 1 to change, 0 to destroy.")).toEqual({
      import: 2,
      add: 0,
      change: 1,
      destroy: 0,
    });
    expect(planCounts("Plan: 1 to add, 0 to change, 0 to destroy.")).toEqual({
      import: 0,
      add: 1,
      change: 0,
      destroy: 0,
    });
    expect(planCounts("No changes.")).toBeUndefined();
  });

  test("adoptLine names the step and stack that failed after the steps that passed", () => {
    expect(adoptLine([{ stack: "a" }, { stack: "b", failure: { step: "replan", reason: "1 to change" } }])).toBe(
      "e2e adopt: discover=ok plan=imports-only apply=ok replan=failed (b: 1 to change)",
    );
  });
});
