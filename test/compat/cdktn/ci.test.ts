import { spawnSync } from "child_process";
import { chmodSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "../../support/temp-dir";

/** compat/cdktn/ci.sh with an `npm` that exits with `status`; its exit and output. */
function ci(status: number): { status: number | null; output: string } {
  const bin = tempDir();
  writeFileSync(
    join(bin, "npm"),
    `#!/usr/bin/env bash\n[ "$*" = "run --silent test:cdktn" ] || exit 99\nexit ${status}\n`,
  );
  chmodSync(join(bin, "npm"), 0o755);
  const r = spawnSync("bash", [join(__dirname, "..", "..", "..", "compat", "cdktn", "ci.sh")], {
    encoding: "utf8",
    env: { PATH: `${bin}:${process.env.PATH}` },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe("compat/cdktn/ci.sh", () => {
  test("passes when npm run test:cdktn passes", () => {
    expect(ci(0)).toEqual({ status: 0, output: "" });
  });

  test("an unreachable registry (exit 3) is a loud skip, not a failure", () => {
    const r = ci(3);
    expect(r.status).toBe(0);
    expect(r.output).toContain("::warning::CDKTN SKIPPED");
    expect(r.output).toContain(
      "=== CDKTN SKIPPED: npm registry unreachable; nothing was installed, compiled or synthesized ===",
    );
  });

  test("any other failure fails CI with its exit code", () => {
    expect(ci(1)).toEqual({ status: 1, output: "=== CDKTN FAILED: exit 1 ===\n" });
    expect(ci(99).status).toBe(99);
  });
});
