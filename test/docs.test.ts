import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import { tempDir } from "./support/temp-dir";

// docs/api/, the API reference the README links, is generated from the TSDoc by `npm run docs`
// (typedoc): API.md for the root, one page per namespace (okta, cloudflare). It must name every
// construct the package exports, and match what the sources give now.

const repo = join(__dirname, "..");
const docs = join(repo, "docs", "api");

/** Every file under `dir`, by its path relative to `dir`, with its text. */
function files(dir: string): Record<string, string> {
  const paths = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".md"));
  return Object.fromEntries(paths.sort().map((p) => [relative(dir, join(dir, p)), readFileSync(join(dir, p), "utf8")]));
}

test("documents each construct src/index.ts and its namespaces export", () => {
  const indexes = ["index.ts", "okta/index.ts", "cloudflare/index.ts"]
    .map((p) => join(repo, "src", p))
    .filter(existsSync)
    .map((p) => readFileSync(p, "utf8"));
  const classes = indexes.flatMap((index) =>
    [...index.matchAll(/export \{([^}]+)\}/g)].flatMap((m) =>
      m[1]
        .split(",")
        .map((s) => s.trim())
        .filter((s) => /^[A-Z]/.test(s)),
    ),
  );
  expect(classes.length).toBeGreaterThanOrEqual(10);
  const committed = Object.values(files(docs)).join("\n");
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
  expect(files(out)).toEqual(files(docs));
}, 120_000);
