import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../tools/runbook";

const example = join(__dirname, "../../config/example.json");
const FAKE_OKTA_TOKEN = "00fakeOktaApiToken0000000000000000000000";
const FAKE_CLOUDFLARE_TOKEN = "fakeCloudflareApiToken000000000000000000";

function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const code = main(
    argv,
    { OKTA_CLOUDFLARE_CONFIG: example, ...env },
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    },
  );
  return { code, stdout, stderr };
}

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "runbook-test-")), "config.json");
  writeFileSync(file, text);
  return file;
}

describe("npm run runbook", () => {
  it("prints the steps as Markdown, from the config OKTA_CLOUDFLARE_CONFIG names", () => {
    const { code, stdout, stderr } = run([]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toMatch(/^# Runbook: acme\n/);
    expect(stdout).toContain("## Cloudflare Access SCIM (SCIM 2.0 Test App (Header Auth))");
    expect(stdout).toContain("cd cdktf.out/stacks/cloudflare-access && terraform output -raw scim_secret");
  });

  it("prints the documented JSON shape with --json", () => {
    const { code, stdout } = run(["--json"]);
    expect(code).toBe(0);
    const rb = JSON.parse(stdout);
    expect(rb).toMatchObject({ format: 1, name: "acme" });
    expect(rb.apps.map((a: any) => a.id)).toEqual(["access-login", "access-scim", "dashboard-scim"]);
    for (const app of rb.apps) {
      expect(Object.keys(app).sort()).toEqual(["app", "id", "label", "stack", "steps"]);
      for (const step of app.steps) {
        expect(typeof step.done).toBe("boolean");
        for (const key of ["id", "title", "where", "action"]) expect(typeof step[key]).toBe("string");
        expect(
          Object.keys(step).every((k) =>
            ["id", "title", "where", "action", "value", "groups", "command", "done", "notes"].includes(k),
          ),
        ).toBe(true);
      }
    }
  });

  it("never prints a credential or a token placeholder", () => {
    const { stdout } = run(["--json"], {
      OKTA_API_TOKEN: FAKE_OKTA_TOKEN,
      CLOUDFLARE_API_TOKEN: FAKE_CLOUDFLARE_TOKEN,
    });
    expect(stdout).not.toContain(FAKE_OKTA_TOKEN);
    expect(stdout).not.toContain(FAKE_CLOUDFLARE_TOKEN);
    expect(stdout).not.toMatch(/\$\{|TfToken/);
  });

  it("points commands at CDKTF_OUTDIR when set", () => {
    expect(run([], { CDKTF_OUTDIR: "build/cdktf" }).stdout).toContain("cd build/cdktf/stacks/okta-access-scim &&");
  });

  it("says the groups are pushed by Terraform once the config says provisioning is configured", () => {
    const raw = JSON.parse(readFileSync(example, "utf8"));
    raw.accessLogin.scim.provisioningConfigured = true;
    delete raw.$schema;
    const { stdout } = run(["--json"], { OKTA_CLOUDFLARE_CONFIG: configFile(JSON.stringify(raw)) });
    const push = JSON.parse(stdout).apps[1].steps.find((s: any) => s.id === "push-groups");
    expect(push).toMatchObject({
      done: true,
      action: "Done by Terraform (stack okta-access-push-groups): the groups below are pushed.",
    });
  });

  it("exits 1 with one clear message and no stack trace on a bad config", () => {
    const raw = JSON.parse(readFileSync(example, "utf8"));
    raw.cloudflare.teamName = "Not A Team";
    delete raw.$schema;
    const { code, stdout, stderr } = run([], { OKTA_CLOUDFLARE_CONFIG: configFile(JSON.stringify(raw)) });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /has errors:\n- cloudflare\.teamName: "Not A Team" is not valid\. Use the Zero Trust team name only/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 1 when the config file is missing or not JSON", () => {
    expect(run([], { OKTA_CLOUDFLARE_CONFIG: "/nonexistent/config.json" })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^Config file \/nonexistent\/config\.json does not exist/),
    });
    expect(run([], { OKTA_CLOUDFLARE_CONFIG: configFile("{ nope") })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("is not valid JSON"),
    });
  });

  it("exits 2 on an unknown argument, with the usage", () => {
    const { code, stderr } = run(["--yaml"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Unknown argument "--yaml"\.\n\nUsage: npm run runbook/);
  });
});
