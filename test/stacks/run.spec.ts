import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { main } from "../../stacks/run";
import { exampleConfigFile } from "../support/run-main";
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
});
