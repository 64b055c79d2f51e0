import { readFileSync, readlinkSync } from "fs";
import { join } from "path";
import {
  minimumCliVersion,
  runE2e,
  runInOrder,
  synthesizeLocal,
  terraformEnv,
  withTerraformCommand,
} from "../../../e2e/harness/e2e";
import { EXIT } from "../../../e2e/harness/report";
import { exampleConfig } from "../../support/helpers";
import { tempDir } from "../../support/temp-dir";
import { fakeRun, proxy403, Script, warmCache } from "../../support/fake-run";

const terraformPasses: Script = [
  [/^terraform version -json$/, { stdout: JSON.stringify({ terraform_version: "1.11.4" }) }],
  [/ plan -input=false -detailed-exitcode -out=e2e.tfplan /, { status: 2 }],
  [/ plan -destroy /, { status: 1, stderr: "Error: Instance cannot be destroyed" }],
  [/^terraform (init|validate|apply|plan) /, {}],
];

describe("npm run test:e2e", () => {
  test("providers the proxy refuses: one line each, exit 3, and no CLI resolved, nothing built or run", async () => {
    const run = fakeRun([[/^go mod download -json (\S+)$/, (args) => ({ status: 1, stdout: proxy403(args[3]) })]]);
    const log: string[] = [];
    const code = await runE2e({
      config: exampleConfig(),
      env: { E2E_TOOLS_CACHE: tempDir() },
      run,
      log: (l) => log.push(l),
    });
    expect(code).toBe(EXIT.PROVIDERS_UNAVAILABLE);
    expect(log).toEqual([
      expect.stringMatching(
        /^e2e providers unavailable: cloudflare\/cloudflare 5\.14\.0: Go module github\.com\/cloudflare\/terraform-provider-cloudflare@v0\.0\.0-20251206005714-262c3ddc4869: reading .* 403 Forbidden server response: This module version is not available\.$/,
      ),
      expect.stringMatching(
        /^e2e providers unavailable: okta\/okta 4\.20\.0: Go module github\.com\/okta\/terraform-provider-okta@v0\.0\.0-20250610104238-1924ec5199ea: reading .* 403 Forbidden/,
      ),
    ]);
    expect(run.calls.every((c) => c.line.startsWith("go mod download -json "))).toBe(true);
  });

  test("cached providers and terraform on PATH: every stack in deploy order, one summary line each, exit 0", async () => {
    const run = fakeRun(terraformPasses);
    const log: string[] = [];
    const cache = warmCache();
    const code = await runE2e({
      config: exampleConfig(),
      env: { E2E_TOOLS_CACHE: cache, OKTA_API_TOKEN: "real" },
      run,
      log: (l) => log.push(l),
    });
    expect(code).toBe(EXIT.PASSED);
    expect(log[0]).toBe(
      `e2e tools: Terraform 1.11.4 (PATH); cloudflare/cloudflare 5.14.0, okta/okta 4.20.0 (built from their Go modules, cached in ${cache})`,
    );
    expect(log.slice(1)).toEqual(
      // manifest.json's dependencies, ties by name (npm run stack-order).
      [
        "cloudflare-dashboard-scim",
        "okta-access-oidc",
        "cloudflare-access",
        "cloudflare-access-policies",
        "okta-access-scim",
        "okta-dashboard-scim",
      ].map((s) => `e2e ${s}: validate=ok plan=ok apply=ok replan=no-changes`),
    );
    expect(run.calls.some((c) => c.line.startsWith("go "))).toBe(false);
    const init = run.calls.find((c) => c.line.startsWith("terraform init"))!;
    const env = init.options!.env!;
    expect(env).toMatchObject({ OKTA_API_TOKEN: "00fakeE2eOktaApiToken0000000000000000000", TF_IN_AUTOMATION: "1" });
    expect(env.OKTA_HTTP_PROXY).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.CLOUDFLARE_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    expect(init.options!.cwd).toMatch(/cdktf\.out\/stacks\/cloudflare-dashboard-scim$/);
  });

  test("a failing stack fails the run; its consumers are reported, not run", async () => {
    const run = fakeRun([
      [/ apply /, (_, o) => (o?.cwd?.endsWith("okta-access-oidc") ? { status: 1, stderr: "Error: boom\n\nwhy" } : {})],
      ...terraformPasses,
    ]);
    const log: string[] = [];
    const code = await runE2e({
      config: exampleConfig(),
      env: { E2E_TOOLS_CACHE: warmCache() },
      run,
      log: (l) => log.push(l),
    });
    expect(code).toBe(EXIT.FAILED);
    expect(log).toContain("e2e okta-access-oidc: validate=ok plan=ok apply=failed (boom: why)");
    expect(log).toContain("e2e cloudflare-access: init=failed (not run: okta-access-oidc failed)");
    expect(log).toContain("e2e cloudflare-dashboard-scim: validate=ok plan=ok apply=ok replan=no-changes");
  });

  test("runInOrder passes a failure down the dependency chain only", () => {
    const results = runInOrder({ order: ["a", "b", "c"], dependencies: { a: [], b: ["a"], c: [] } }, (s) =>
      s === "a" ? { stack: s, failure: { step: "plan", reason: "x" } } : { stack: s },
    );
    expect(results.map((r) => r.failure?.reason)).toEqual(["x", "not run: a failed", undefined]);
  });

  test("synthesizes with the local backend whatever the config says, states beside the outdir", () => {
    const dir = tempDir();
    const config = exampleConfig(
      (c) => (c.backend = { type: "s3", bucket: "acme-tf", region: "eu-west-1", useLockfile: true }),
    );
    const stacks = synthesizeLocal(config, dir);
    expect(stacks.order.indexOf("okta-access-oidc")).toBeLessThan(stacks.order.indexOf("cloudflare-access"));
    expect(stacks.json["okta-access-scim"].terraform.backend).toEqual({
      local: { path: "../../../terraform.okta-access-scim.tfstate" },
    });
    expect(
      JSON.parse(readFileSync(join(stacks.dir["okta-access-scim"], "cdk.tf.json"), "utf8")).terraform.backend.s3,
    ).toBeUndefined();
    // use_lockfile (1.10) went with the S3 backend.
    expect(minimumCliVersion(Object.values(stacks.json))).toBe("1.2.0");
  });

  test("Terraform's environment holds the fakes' addresses and credentials, none of the caller's", () => {
    const env = terraformEnv(
      {
        PATH: "/bin",
        OKTA_API_TOKEN: "real",
        CLOUDFLARE_API_TOKEN: "real",
        TF_CLI_CONFIG_FILE: "/home/rc",
        HTTPS_PROXY: "http://p",
      },
      "/w/rc",
      "http://127.0.0.1:1",
      "http://127.0.0.1:2",
    );
    expect(env).toEqual({
      PATH: "/bin",
      TF_CLI_CONFIG_FILE: "/w/rc",
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
      NO_PROXY: "127.0.0.1",
      OKTA_HTTP_PROXY: "http://127.0.0.1:1",
      OKTA_API_TOKEN: "00fakeE2eOktaApiToken0000000000000000000",
      CLOUDFLARE_BASE_URL: "http://127.0.0.1:2/client/v4",
      CLOUDFLARE_API_TOKEN: "fakeE2eCloudflareApiToken000000000000000",
    });
  });
});

describe("withTerraformCommand", () => {
  test("OpenTofu answers to `terraform` on PATH, so the runbook's commands run as written", () => {
    const dir = tempDir();
    const env = withTerraformCommand({ PATH: "/bin" }, { command: "/cache/tofu", label: "OpenTofu" }, dir);
    expect(env.PATH).toBe(`${join(dir, "bin")}:/bin`);
    expect(readlinkSync(join(dir, "bin", "terraform"))).toBe("/cache/tofu");
    expect(withTerraformCommand({ PATH: "/bin" }, { command: "terraform", label: "Terraform" }, dir)).toEqual({
      PATH: "/bin",
    });
  });
});
