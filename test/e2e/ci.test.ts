import { spawnSync } from "child_process";
import { chmodSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "../support/temp-dir";

/** e2e/ci.sh with an `npm` that exits with the given codes, one per config; its exit and output. */
function ci(...statuses: number[]): { status: number | null; output: string; configs: string[] } {
  const bin = tempDir();
  const log = join(bin, "calls");
  writeFileSync(
    join(bin, "npm"),
    `#!/usr/bin/env bash\necho "$OKTA_CLOUDFLARE_CONFIG $*" >> ${log}\nn=$(wc -l < ${log})\nset -- ${statuses.join(" ")}\nshift $((n - 1))\nexit $1\n`,
  );
  chmodSync(join(bin, "npm"), 0o755);
  const r = spawnSync("bash", [join(__dirname, "..", "..", "e2e", "ci.sh")], {
    encoding: "utf8",
    env: { PATH: `${bin}:${process.env.PATH}` },
  });
  const calls = spawnSync("cat", [log], { encoding: "utf8" }).stdout.trim().split("\n");
  return { status: r.status, output: r.stdout + r.stderr, configs: calls };
}

describe("e2e/ci.sh", () => {
  test("runs npm run test:e2e on the example config, then on everything on, then the adoption", () => {
    expect(ci(0, 0, 0)).toEqual({
      status: 0,
      output: "",
      configs: [
        "config/example.json run --silent test:e2e",
        "e2e/configs/everything-on.json run --silent test:e2e",
        " run --silent test:e2e -- --adopt",
      ],
    });
  });

  test("providers unavailable (exit 3) is a loud skip, not a failure", () => {
    const r = ci(3, 3, 3);
    expect(r.status).toBe(0);
    expect(r.output).toContain(
      "=== E2E SKIPPED (config/example.json): providers unavailable; nothing was planned or applied ===",
    );
    expect(r.output).toContain("::warning::E2E SKIPPED for e2e/configs/everything-on.json");
    expect(r.output).toContain(
      "=== E2E SKIPPED (adopt): providers unavailable; discover ran, nothing was planned or applied ===",
    );
  });

  test("any other failure fails CI with its exit code", () => {
    expect(ci(1, 0)).toMatchObject({
      status: 1,
      output: "=== E2E FAILED (config/example.json): exit 1 ===\n",
      configs: ["config/example.json run --silent test:e2e"],
    });
    expect(ci(3, 2).status).toBe(2);
    expect(ci(0, 0, 1)).toMatchObject({ status: 1, output: "=== E2E FAILED (adopt): exit 1 ===\n" });
  });
});
