import { existsSync, mkdirSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { main } from "../../app/run";
import { exampleConfigInput } from "../support/helpers";
import { exampleConfigFile, readStacks, writeConfig } from "../support/run-main";
import { tempDir } from "../support/temp-dir";

function run(env: NodeJS.ProcessEnv) {
  let stderr = "";
  const code = main(env, { write: (t: string) => (stderr += t) });
  return { code, stderr };
}

describe("the synth entry point", () => {
  test("reads config/example.json when OKTA_CLOUDFLARE_CONFIG is unset, into a nested outdir it creates", () => {
    const outdir = join(tempDir(), "pipeline", "work", "cdktf.out");
    expect(run({ CDKTF_OUTDIR: outdir })).toEqual({ code: 0, stderr: "" });
    expect(existsSync(join(outdir, "stacks", "okta-access-oidc", "cdk.tf.json"))).toBe(true);
  });

  test("any other failure is one line and a hint, with the stack trace only on request", () => {
    const notADirectory = join(tempDir(), "file");
    writeFileSync(notADirectory, "");
    const env = { OKTA_CLOUDFLARE_CONFIG: exampleConfigFile, CDKTF_OUTDIR: join(notADirectory, "out") };
    const quiet = run(env);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/^Synth failed: ENOTDIR.*\nSet OKTA_CLOUDFLARE_DEBUG=1 for the stack trace\.\n$/);
    const debug = run({ ...env, OKTA_CLOUDFLARE_DEBUG: "1" });
    expect(debug.stderr).toMatch(/^ {4}at /m);
  });

  test("an Okta domain outside the allow-list synthesizes only with the opt-in, and then with a warning", () => {
    const input = exampleConfigInput();
    input.okta.baseUrl = "okta.internal.example";
    const outdir = join(tempDir(), "cdktf.out");
    expect(run({ OKTA_CLOUDFLARE_CONFIG: writeConfig(input), CDKTF_OUTDIR: outdir }).stderr).toContain(
      "okta.allowUnlistedBaseUrl",
    );
    (input.okta as Record<string, unknown>).allowUnlistedBaseUrl = true;
    const allowed = run({ OKTA_CLOUDFLARE_CONFIG: writeConfig(input), CDKTF_OUTDIR: outdir });
    expect(allowed).toEqual({
      code: 0,
      stderr:
        'Warning: okta.baseUrl "okta.internal.example" is not an Okta domain (okta.allowUnlistedBaseUrl is set): API tokens will be sent to https://acme.okta.internal.example.\n',
    });
    expect(readStacks(outdir)["okta-access-oidc"].provider.okta[0].base_url).toBe("okta.internal.example");
  });

  test.each(["okta.com", "oktapreview.com", "okta-emea.com", "okta-gov.com", "okta.mil", "trexcloud.com"])(
    "%s needs no opt-in",
    (baseUrl) => {
      const input = exampleConfigInput();
      input.okta.baseUrl = baseUrl;
      expect(run({ OKTA_CLOUDFLARE_CONFIG: writeConfig(input), CDKTF_OUTDIR: join(tempDir(), "out") })).toEqual({
        code: 0,
        stderr: "",
      });
    },
  );

  test("prints one summary line (stacks, output folder) and removes folders of stacks the config no longer makes", () => {
    const outdir = join(tempDir(), "cdktf.out");
    // Left by an earlier synth with provisioningConfigured: true.
    mkdirSync(join(outdir, "stacks", "okta-access-push-groups"), { recursive: true });
    writeFileSync(join(outdir, "stacks", "okta-access-push-groups", "cdk.tf.json"), "{}");
    let stdout = "";
    let stderr = "";
    const code = main(
      { OKTA_CLOUDFLARE_CONFIG: exampleConfigFile, CDKTF_OUTDIR: outdir },
      { write: (t: string) => (stderr += t) },
      { stdout: { write: (t: string) => (stdout += t) } },
    );
    expect([code, stderr]).toEqual([0, ""]);
    const stacks = [
      "cloudflare-access",
      "cloudflare-access-policies",
      "cloudflare-dashboard-scim",
      "okta-access-oidc",
      "okta-access-scim",
      "okta-dashboard-scim",
    ];
    expect(readdirSync(join(outdir, "stacks")).sort()).toEqual(stacks);
    expect(stdout).toBe(`Synthesized 6 stacks into ${join(outdir, "stacks")}: ${stacks.join(", ")}.\n`);
  });

  test("--help prints the usage and exits 0; an argument exits 2 (it takes none)", () => {
    let stdout = "";
    let stderr = "";
    const io = [{ write: (t: string) => (stderr += t) }, { stdout: { write: (t: string) => (stdout += t) } }] as const;
    expect(main({}, io[0], { ...io[1], argv: ["--help"] })).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run synth/);
    expect(main({}, io[0], { ...io[1], argv: ["cdktf.out"] })).toBe(2);
    expect(stderr).toMatch(/^Unknown argument "cdktf.out": synth takes none\./);
  });
});
