import { spawnSync } from "child_process";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import * as lib from "../src";
import { tempDir } from "./support/temp-dir";

// docs/api/, the API reference the README links, is generated from the TSDoc by `npm run docs`
// (typedoc): API.md and one page per namespace. It must name every class the package exports, in
// every namespace, and match what the sources give now.

const repo = join(__dirname, "..");
const docs = join(repo, "docs", "api");

/** Each generated page's text, by file name. */
function pages(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );
}

/** `Name` of each exported class, `namespace.Name` inside a namespace (`export * as namespace`). */
function exportedClasses(module: object, prefix = ""): string[] {
  return Object.entries(module).flatMap(([name, value]) => {
    if (typeof value === "function") return /^[A-Z]/.test(name) ? [`${prefix}${name}`] : [];
    return value !== null && typeof value === "object" && !Object.values(value).every((v) => typeof v === "string")
      ? exportedClasses(value, `${prefix}${name}.`)
      : [];
  });
}

test("documents each class src/index.ts exports, in its namespace's page", () => {
  const committed = pages(docs);
  const classes = exportedClasses(lib);
  expect(classes).toEqual(expect.arrayContaining(["okta.AccessOidcApp", "cloudflare.OktaLoginMethod"]));
  for (const name of classes) {
    const [namespace, cls] = name.includes(".") ? name.split(".") : [undefined, name];
    const page = namespace ? `Namespace.${namespace}.md` : "API.md";
    expect(committed[page]).toContain(`### ${cls}\n`);
  }
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
  expect(pages(out)).toEqual(pages(docs));
}, 120_000);
