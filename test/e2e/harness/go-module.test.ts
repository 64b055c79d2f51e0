import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { buildFromModule, oneLine, probeModule, replaceDirectives, wrapperGoMod } from "../../../e2e/harness/go-module";
import { openTofu } from "../../../e2e/harness/tools";
import { tempDir } from "../../support/temp-dir";
import { fakeRun, proxy403 } from "../../support/fake-run";

// The replace line of OpenTofu v1.12.6's go.mod, as the proxy serves it.
const tofuGoMod = `module github.com/opentofu/opentofu

go 1.26.6

require (
\tgithub.com/hashicorp/hcl/v2 v2.20.1
)

replace github.com/hashicorp/hcl/v2 v2.20.1 => github.com/opentofu/hcl/v2 v2.20.2-0.20251021132045-587d123c2828
`;

describe("Go modules", () => {
  test("replaceDirectives reads single lines and blocks, ignores comments, refuses local directories", () => {
    expect(replaceDirectives(tofuGoMod)).toEqual([
      "github.com/hashicorp/hcl/v2 v2.20.1 => github.com/opentofu/hcl/v2 v2.20.2-0.20251021132045-587d123c2828",
    ]);
    expect(replaceDirectives("replace (\n\ta => b v1.0.0 // why\n\n\tc v1 => d v2\n)\n")).toEqual([
      "a => b v1.0.0",
      "c v1 => d v2",
    ]);
    expect(() => replaceDirectives("replace a => ./a\n")).toThrow(/local directory/);
  });

  test("the wrapper module requires the version and repeats the replace, so `go build cmd/tofu` works", () => {
    expect(wrapperGoMod(openTofu, tofuGoMod)).toBe(
      "module e2e-build-wrapper\n\ngo 1.26.6\n\nrequire github.com/opentofu/opentofu v1.12.6\n\n" +
        "replace github.com/hashicorp/hcl/v2 v2.20.1 => github.com/opentofu/hcl/v2 v2.20.2-0.20251021132045-587d123c2828\n",
    );
  });

  test("probeModule returns the proxy's exact error, on one line", () => {
    const mv = "github.com/okta/terraform-provider-okta@v0.0.0-20250610104238-1924ec5199ea";
    const run = fakeRun([[/^go mod download -json /, { status: 1, stdout: proxy403(mv) }]]);
    expect(probeModule(run, ...(mv.split("@") as [string, string]), {})).toEqual({
      ok: false,
      error: `${mv}: reading https://proxy.golang.org/github.com/okta/terraform-provider-okta/@v/v0.0.0-20250610104238-1924ec5199ea.info: 403 Forbidden server response: This module version is not available.`,
    });
    expect(run.calls[0].line).toBe(`go mod download -json ${mv}`);
    expect(run.calls[0].options?.timeoutMs).toBe(120_000);
  });

  test("probeModule: the go.mod path when served; a timeout or a missing go said plainly", () => {
    const served = fakeRun([[/./, { stdout: JSON.stringify({ Path: "m", Version: "v1", GoMod: "/cache/m.mod" }) }]]);
    expect(probeModule(served, "m", "v1", {})).toEqual({ ok: true, goMod: "/cache/m.mod" });
    expect(
      probeModule(fakeRun([[/./, { status: null, error: "spawnSync go ETIMEDOUT" }]]), "m", "v1", {}, 5000),
    ).toEqual({
      ok: false,
      error: "go mod download did not finish in 5 s",
    });
    expect(probeModule(fakeRun([[/./, { status: null, error: "spawnSync go ENOENT" }]]), "m", "v1", {})).toEqual({
      ok: false,
      error: "cannot run go (spawnSync go ENOENT): install Go to build the providers",
    });
    expect(oneLine("a\n\tb\n")).toBe("a b");
  });

  test("buildFromModule: go get, then go build with the ldflags, in the wrapper module", () => {
    const dir = tempDir();
    const goMod = join(dir, "tofu.mod");
    writeFileSync(goMod, tofuGoMod);
    const run = fakeRun([[/^go /, {}]]);
    buildFromModule(run, openTofu, goMod, join(dir, "work"), join(dir, "bin", "tofu"), { HOME: "/h" });
    expect(run.calls.map((c) => c.line)).toEqual([
      "go get github.com/opentofu/opentofu/cmd/tofu@v1.12.6",
      `go build -trimpath -ldflags -s -w -X github.com/opentofu/opentofu/version.dev=no -o ${join(dir, "bin", "tofu")} github.com/opentofu/opentofu/cmd/tofu`,
    ]);
    expect(run.calls[0].options).toMatchObject({
      cwd: join(dir, "work"),
      env: { HOME: "/h", GOFLAGS: "-mod=mod", CGO_ENABLED: "0" },
    });
    expect(readFileSync(join(dir, "work", "go.mod"), "utf8")).toContain(
      "replace github.com/hashicorp/hcl/v2 v2.20.1 =>",
    );
    const failing = fakeRun([[/^go get/, { status: 1, stderr: "go: module lookup disabled\n" }]]);
    expect(() => buildFromModule(failing, openTofu, goMod, join(dir, "w2"), join(dir, "t"), {})).toThrow(
      "go get github.com/opentofu/opentofu/cmd/tofu@v1.12.6 failed: go: module lookup disabled",
    );
  });
});
