import { spawnSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { providerReleases } from "../../../e2e/harness/providers";
import { cliConfig, mirrorPath, platform, resolveCli, toolsCacheDir, writeCliConfig } from "../../../e2e/harness/tools";
import { terraformOnPath } from "../../support/terraform-console";
import { tempDir } from "../../support/temp-dir";
import { fakeRun, proxy403 } from "../../support/fake-run";

const version = (v: string) => ({ stdout: JSON.stringify({ terraform_version: v, platform: "linux_amd64" }) });

describe("tool resolution", () => {
  test("terraform from PATH when it meets the stacks' minimum: nothing is built", () => {
    const run = fakeRun([[/^terraform version -json$/, version("1.11.4")]]);
    const log: string[] = [];
    expect(resolveCli(run, "1.2.0", tempDir(), {}, (l) => log.push(l))).toEqual({
      command: "terraform",
      label: "Terraform 1.11.4 (PATH)",
    });
    expect(run.calls.map((c) => c.line)).toEqual(["terraform version -json"]);
    expect(log).toEqual([]);
  });

  test("terraform too old: OpenTofu from the cache, keyed by version, without building", () => {
    const cache = tempDir();
    const tofu = join(cache, "opentofu", "1.12.6", "tofu");
    mkdirSync(join(cache, "opentofu", "1.12.6"), { recursive: true });
    writeFileSync(tofu, "");
    const run = fakeRun([
      [/^terraform version -json$/, version("1.1.9")],
      [/tofu version -json$/, version("1.12.6")],
    ]);
    const log: string[] = [];
    expect(resolveCli(run, "1.2.0", cache, {}, (l) => log.push(l))).toEqual({
      command: tofu,
      label: "OpenTofu 1.12.6 (built)",
    });
    expect(log).toEqual(["terraform on PATH is 1.1.9; the stacks need >= 1.2.0: using OpenTofu"]);
    expect(run.calls.some((c) => c.line.startsWith("go "))).toBe(false);
  });

  test("no terraform and no cached OpenTofu: builds it from its Go module; a refused module is said exactly", () => {
    const cache = tempDir();
    const run = fakeRun([
      [/^terraform version/, { status: null, error: "spawnSync terraform ENOENT" }],
      [
        /^go mod download -json github\.com\/opentofu\/opentofu@v1\.12\.6$/,
        { status: 1, stdout: proxy403("github.com/opentofu/opentofu@v1.12.6") },
      ],
    ]);
    const log: string[] = [];
    expect(() => resolveCli(run, "1.2.0", cache, {}, (l) => log.push(l))).toThrow(
      "OpenTofu github.com/opentofu/opentofu@v1.12.6: github.com/opentofu/opentofu@v1.12.6: reading https://proxy.golang.org/github.com/opentofu/opentofu/@v/v1.12.6.info: 403 Forbidden server response: This module version is not available.",
    );
    expect(log).toEqual([
      "no terraform on PATH: using OpenTofu",
      expect.stringMatching(/^building OpenTofu 1\.12\.6 from its Go module into .*\/opentofu\/1\.12\.6\/tofu/),
    ]);
  });

  test("the cache is outside the repository: E2E_TOOLS_CACHE, else XDG_CACHE_HOME, else ~/.cache", () => {
    expect(toolsCacheDir({ E2E_TOOLS_CACHE: "/c" })).toBe("/c");
    expect(toolsCacheDir({ XDG_CACHE_HOME: "/x" })).toBe("/x/cdktf-okta-cloudflare/tools");
    expect(toolsCacheDir({})).toMatch(/\/\.cache\/cdktf-okta-cloudflare\/tools$/);
  });
});

describe("provider mirror and CLI config", () => {
  const [okta420, , cloudflare] = providerReleases;

  test("the mirror's unpacked layout: host/namespace/type/version/os_arch/terraform-provider-<type>_v<version>", () => {
    expect(platform("linux", "x64")).toBe("linux_amd64");
    expect(platform("darwin", "arm64")).toBe("darwin_arm64");
    expect(mirrorPath("/m", "registry.opentofu.org", okta420, "linux_amd64")).toBe(
      "/m/registry.opentofu.org/okta/okta/4.20.0/linux_amd64/terraform-provider-okta_v4.20.0",
    );
  });

  test("a filesystem_mirror for exactly these providers, under both registry hostnames, and nothing else", () => {
    expect(cliConfig("/m", [okta420, providerReleases[1], cloudflare])).toBe(
      [
        "provider_installation {",
        "  filesystem_mirror {",
        '    path    = "/m"',
        '    include = ["registry.terraform.io/okta/okta", "registry.opentofu.org/okta/okta", "registry.terraform.io/cloudflare/cloudflare", "registry.opentofu.org/cloudflare/cloudflare"]',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  // Real Terraform reads the file: init looks for okta/okta in the mirror only, and says where it looked.
  // Any registry request would go to a dead proxy on 127.0.0.1, never out.
  (terraformOnPath ? test : test.skip)(
    "terraform init searches only the mirror (skipped: no terraform on PATH)",
    () => {
      const dir = tempDir();
      const mirror = join(dir, "mirror");
      mkdirSync(mirror);
      writeCliConfig(join(dir, "terraformrc"), mirror, [okta420]);
      writeFileSync(
        join(dir, "main.tf.json"),
        JSON.stringify({ terraform: { required_providers: { okta: { source: "okta/okta", version: "4.20.0" } } } }),
      );
      const r = spawnSync("terraform", ["init", "-input=false", "-no-color", "-backend=false"], {
        cwd: dir,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          TF_CLI_CONFIG_FILE: join(dir, "terraformrc"),
          CHECKPOINT_DISABLE: "1",
          HTTPS_PROXY: "http://127.0.0.1:9",
          HTTP_PROXY: "http://127.0.0.1:9",
        },
      });
      const output = `${r.stdout}${r.stderr}`.replace(/\s+/g, " ");
      expect(r.status).toBe(1);
      expect(output).not.toMatch(/problems with the CLI configuration/);
      expect(output).toContain(
        `provider registry.terraform.io/okta/okta was not found in any of the search locations - ${mirror}`,
      );
    },
  );
});
