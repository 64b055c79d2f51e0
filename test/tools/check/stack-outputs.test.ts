import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { terraformOutputReader } from "../../../tools/check/stack-outputs";
import { tempDir } from "../../support/temp-dir";

/** A stand-in for terraform: a script that prints `stdout`, or `stderr` and exits 1. */
function fakeTerraform(dir: string, script: string): string {
  const file = join(dir, "terraform");
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return file;
}

function outdirWith(stack: string): string {
  const outdir = tempDir();
  mkdirSync(join(outdir, "stacks", stack), { recursive: true });
  return outdir;
}

describe("terraformOutputReader", () => {
  it("runs terraform output -json in the stack's directory and returns the values, sensitive ones included", async () => {
    const outdir = outdirWith("cloudflare-dashboard-scim");
    const json = JSON.stringify({
      token_value: { sensitive: true, type: "string", value: "tok" },
      scim_base_url: {
        sensitive: false,
        type: "string",
        value: "https://api.cloudflare.com/client/v4/accounts/a/scim/v2",
      },
    });
    const terraform = fakeTerraform(
      outdir,
      `[ "$*" = "output -json -no-color" ] && [ "$(basename "$PWD")" = cloudflare-dashboard-scim ] && echo '${json}'`,
    );
    await expect(terraformOutputReader(outdir, terraform)("cloudflare-dashboard-scim")).resolves.toEqual({
      token_value: "tok",
      scim_base_url: "https://api.cloudflare.com/client/v4/accounts/a/scim/v2",
    });
  });

  it("says to synthesize and deploy when the stack's directory is missing", async () => {
    const outdir = tempDir();
    await expect(terraformOutputReader(outdir)("okta-access-scim")).rejects.toThrow(
      /stacks\/okta-access-scim does not exist: synthesize and deploy the stacks first/,
    );
  });

  it("keeps terraform's error line, without its box drawing", async () => {
    const outdir = outdirWith("okta-access-scim");
    const terraform = fakeTerraform(
      outdir,
      `printf '╷\\n│ Error: Backend initialization required, please run "terraform init"\\n╵\\n' >&2; exit 1`,
    );
    await expect(terraformOutputReader(outdir, terraform)("okta-access-scim")).rejects.toThrow(
      /terraform output in .*okta-access-scim failed: Error: Backend initialization required, please run "terraform init"$/,
    );
  });

  it("runs terraform with -no-color, so no ANSI escape reaches the check's Markdown or JSON", async () => {
    const outdir = outdirWith("okta-access-scim");
    // Like terraform: colour unless -no-color is given.
    const terraform = fakeTerraform(
      outdir,
      `case " $* " in *" -no-color "*) printf 'Error: No outputs found\\n' >&2;; *) printf '\\033[31mError: \\033[0mNo outputs found\\n' >&2;; esac; exit 1`,
    );
    const error = await terraformOutputReader(outdir, terraform)("okta-access-scim").catch((e: Error) => e);
    expect((error as Error).message).toMatch(/failed: Error: No outputs found$/);
    expect((error as Error).message).not.toContain("\u001b");
  });
});
