import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { tempDir } from "./support/temp-dir";

// docs/api/API.md, the API reference the README links, is generated from the TSDoc by `npm run docs`
// (typedoc): it must name every construct the package exports, and match what the sources give now.

const repo = join(__dirname, "..");
const committed = readFileSync(join(repo, "docs", "api", "API.md"), "utf8");

test("documents each construct src/index.ts exports", () => {
  const index = readFileSync(join(repo, "src", "index.ts"), "utf8");
  const classes = [...index.matchAll(/export \{ ([^}]+) \}/g)].flatMap((m) =>
    m[1]
      .split(",")
      .map((s) => s.trim())
      .filter((s) => /^[A-Z]/.test(s)),
  );
  expect(classes.length).toBeGreaterThanOrEqual(10);
  for (const name of classes) expect(committed).toContain(`### ${name}\n`);
});

test("is what npm run docs generates from the sources now (run npm run docs when this fails)", () => {
  const out = tempDir();
  const typedoc = spawnSync(
    process.execPath,
    [join(repo, "node_modules", "typedoc", "bin", "typedoc"), "--out", out, "--logLevel", "Error"],
    {
      cwd: repo,
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  expect(typedoc.stderr + typedoc.stdout).toBe("");
  expect(typedoc.status).toBe(0);
  expect(readFileSync(join(out, "API.md"), "utf8")).toBe(committed);
}, 120_000);
