import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { companyCompilerOptions, companyStackProblems } from "../../compat/cdktn/checks";

// A company installs the packed library next to its own cdktf app. The test does what that install
// does, without the network: `npm pack` (which builds lib/ through prepack), the tarball extracted
// into node_modules/cdktf-okta-cloudflare, and the peers plus zod symlinked from this repo's
// node_modules, so cdktf and constructs are one instance as npm would install them. A real
// `npm install` of the tarball would copy ~100 MB of provider bindings; this takes a few seconds.
// `npm ls` then says whether npm accepts the tested versions against the published ranges.

const root = path.resolve(__dirname, "../..");
const example = path.join(root, "examples/company-stack/main.ts");
const linked = ["cdktf", "constructs", "@cdktf/provider-okta", "@cdktf/provider-cloudflare", "zod"];
const startMarker = "<!-- example:company-stack:start -->";
const endMarker = "<!-- example:company-stack:end -->";

describe("README example", () => {
  it("is examples/company-stack/main.ts, word for word", () => {
    const text = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const block = text.slice(text.indexOf(startMarker) + startMarker.length, text.indexOf(endMarker));
    expect(text).toContain(endMarker);
    expect(block).toBe(`\n\`\`\`ts\n${fs.readFileSync(example, "utf8")}\`\`\`\n`);
  });
});

describe("the packed library in a company's own stack", () => {
  let tmp: string;
  let project: string;
  let tarballFiles: string[];

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "company-stack-"));
    project = path.join(tmp, "company");
    // --ignore-scripts=false: the prepack build must run even when the environment turns scripts off.
    execFileSync("npm", ["pack", "--pack-destination", tmp, "--ignore-scripts=false"], { cwd: root, stdio: "pipe" });
    const tarball = path.join(
      tmp,
      fs.readdirSync(tmp).find((f) => f.endsWith(".tgz"))!,
    );
    tarballFiles = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);

    const pkgDir = path.join(project, "node_modules/cdktf-okta-cloudflare");
    fs.mkdirSync(pkgDir, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", pkgDir, "--strip-components=1"]);
    const ours = fs.realpathSync(path.join(root, "node_modules"));
    for (const name of linked) {
      fs.mkdirSync(path.dirname(path.join(project, "node_modules", name)), { recursive: true });
      fs.symlinkSync(path.join(ours, name), path.join(project, "node_modules", name), "dir");
    }
    const peers = Object.fromEntries(linked.filter((n) => n !== "zod").map((n) => [n, "*"]));
    writeJson(path.join(project, "package.json"), {
      name: "company",
      private: true,
      dependencies: { "cdktf-okta-cloudflare": "*", ...peers },
    });
    // What `cdktf init --template=typescript` writes (CommonJS: resolves through "main" and "types")...
    writeJson(path.join(project, "tsconfig.json"), { compilerOptions: companyCompilerOptions, files: ["main.ts"] });
    // ...and a project on node16 resolution, which reads "exports" and its "types" condition.
    writeJson(path.join(project, "tsconfig.node16.json"), {
      extends: "./tsconfig.json",
      compilerOptions: { module: "node16", moduleResolution: "node16", noEmit: true },
    });
    fs.copyFileSync(example, path.join(project, "main.ts"));
  }, 60_000);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("ships the compiled library, its types and changelog, and nothing of the repo's own", () => {
    const files = tarballFiles.map((f) => f.replace(/^package\//, ""));
    expect(files).toEqual(
      expect.arrayContaining(["package.json", "lib/index.js", "lib/index.d.ts", "CHANGELOG.md", "LICENSE"]),
    );
    const outside = files.filter(
      (f) => !/^lib\/.+\.(js|d\.ts)$/.test(f) && !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(f),
    );
    expect(outside).toEqual([]);
  });

  it("ships type declarations that import only its own dependencies and peers", () => {
    const pkgDir = path.join(project, "node_modules/cdktf-okta-cloudflare");
    const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
    const allowed = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)];
    const declarations = tarballFiles
      .filter((f) => f.endsWith(".d.ts"))
      .map((f) => fs.readFileSync(path.join(pkgDir, f.replace(/^package\//, "")), "utf8"));
    const imported = declarations.flatMap((text) =>
      [...text.matchAll(/(?:from |import\()"([^".][^"]*)"/g)].map((m) => m[1]),
    );
    const packageOf = (specifier: string) =>
      specifier
        .split("/")
        .slice(0, specifier.startsWith("@") ? 2 : 1)
        .join("/");
    expect([...new Set(imported.map(packageOf))].filter((name) => !allowed.includes(name))).toEqual([]);
  });

  it("declares peers and dependencies that npm accepts with the versions tested here", () => {
    const ls = spawnSync("npm", ["ls", "--depth=1", "--json"], { cwd: project, encoding: "utf8" });
    const deps = JSON.parse(ls.stdout).dependencies["cdktf-okta-cloudflare"].dependencies as Record<string, object>;
    for (const name of linked) {
      expect({ name, ...deps[name] }).toEqual(expect.objectContaining({ name, version: expect.any(String) }));
      expect(deps[name]).not.toHaveProperty("invalid");
      expect(deps[name]).not.toHaveProperty("missing");
    }
  });

  it("compiles and synthesizes a stack with the library's resources and the company's own", () => {
    const tsc = require.resolve("typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-p", path.join(project, "tsconfig.node16.json")], { stdio: "pipe" });
    execFileSync(process.execPath, [tsc, "-p", project], { stdio: "pipe" });
    const outdir = path.join(project, "cdktf.out");
    execFileSync(process.execPath, ["main.js"], {
      cwd: project,
      env: { ...process.env, CDKTF_OUTDIR: outdir },
      stdio: "pipe",
    });
    const stack = JSON.parse(fs.readFileSync(path.join(outdir, "stacks/access-login/cdk.tf.json"), "utf8"));

    // The same checks the cdktn compat test holds the example to (compat/cdktn/checks.ts).
    expect(companyStackProblems(stack)).toEqual([]);
  }, 60_000);

  it("keeps internal modules out of reach: deep imports fail", () => {
    const probe = spawnSync(process.execPath, ["-e", 'require("cdktf-okta-cloudflare/lib/validation")'], {
      cwd: project,
      encoding: "utf8",
    });
    expect(probe.status).not.toBe(0);
    expect(probe.stderr).toContain("ERR_PACKAGE_PATH_NOT_EXPORTED");
  });
});

function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
