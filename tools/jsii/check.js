#!/usr/bin/env node
// The jsii check: compiles the published library with the jsii compiler and exits non-zero on any
// jsii error, printing jsii's diagnostics. `npm run jsii`, or for another folder (the tests' fixtures):
//   node tools/jsii/check.js [library folder, default src]
// jsii compiles a package from its root: it reads package.json there and writes tsconfig.json,
// .jsii and tsconfig.tsbuildinfo beside it. The repo's root is not that package: its tsconfig.json
// covers the app, tools and tests, and its dependency zod is no jsii module, which jsii accepts only
// bundled, and bundling would change what `npm pack` publishes (jsii's own `tsconfig` option would
// spare only the generated tsconfig.json, not the rest). So this stages the package outside
// git (<temp dir>/cdktf-okta-cloudflare-jsii/<library folder's name>/), made afresh each run: a copy of the
// library folder, a package.json made from the root's (its jsii block is the one place for jsii's
// settings), the README and a link to the repo's node_modules. (Keeping the stage for jsii's
// incremental build info saved nothing: ~3.5 s either way, for a failing or a passing library.)
// Not under node_modules/: TypeScript takes any file below a node_modules folder for an outside
// package's, and jsii then skipped the namespaces' `export *`, reporting their types unexported.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const repo = path.join(__dirname, "..", "..");

/** The staged package.json: the root's identity, peers and jsii block; zod bundled (no jsii module). */
function stagedManifest(root) {
  const peers = Object.keys(root.peerDependencies);
  return {
    name: root.name,
    version: root.version,
    description: root.description,
    license: root.license,
    // The root declares neither yet; jsii requires both (pacmak writes them into every package).
    author: root.author ?? { name: `${root.name} contributors`, organization: false },
    repository: root.repository ?? { type: "git", url: `https://example.invalid/${root.name}.git` },
    main: "lib/index.js",
    types: "lib/index.d.ts",
    dependencies: { zod: root.dependencies.zod },
    bundledDependencies: ["zod"],
    peerDependencies: root.peerDependencies,
    // jsii wants each peer's lowest version installed to build against: the root's pinned devDependency.
    devDependencies: Object.fromEntries(peers.map((name) => [name, root.devDependencies[name]])),
    jsii: root.jsii,
  };
}

/** Stages `libraryDir` as a jsii package in `stageDir`, removing what an earlier run left there. */
function stage(libraryDir, stageDir) {
  const manifest = stagedManifest(JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")));
  fs.rmSync(stageDir, { recursive: true, force: true });
  fs.cpSync(libraryDir, path.join(stageDir, manifest.jsii.tsc.rootDir), { recursive: true });
  fs.writeFileSync(path.join(stageDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.copyFileSync(path.join(repo, "README.md"), path.join(stageDir, "README.md"));
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(stageDir, "node_modules"), "dir");
}

/** Runs jsii in `stageDir`; returns its exit status (its output goes to this process's). */
function compile(stageDir) {
  const jsii = path.join(path.dirname(require.resolve("jsii/package.json", { paths: [repo] })), "bin", "jsii");
  const major = process.versions.node.split(".")[0];
  const run = spawnSync(process.execPath, [jsii], {
    cwd: stageDir,
    stdio: "inherit",
    // The project runs on Node 20 (package.json engines); jsii's end-of-life banner would bury the diagnostics.
    env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: major },
  });
  return run.status ?? 1;
}

/** Whether a jsii type reference is or holds a union (`string | number`, `Array<A | B>`). */
function hasUnion(ref) {
  if (!ref) return false;
  if (ref.union) return true;
  return ref.collection ? hasUnion(ref.collection.elementtype) : false;
}

/**
 * jsii takes unions, but Go and Java see them as an untyped object, so the library refuses them
 * (issue 19): returns one line per property, parameter or return type that holds one.
 */
function unionsIn(assembly) {
  const found = [];
  for (const [fqn, type] of Object.entries(assembly.types ?? {})) {
    const where = (name) => `${type.locationInModule.filename}: ${fqn}${name}`;
    for (const prop of type.properties ?? []) if (hasUnion(prop.type)) found.push(where(`.${prop.name}`));
    for (const method of [type.initializer, ...(type.methods ?? [])].filter(Boolean)) {
      const name = method.name ? `.${method.name}` : " constructor";
      if (hasUnion(method.returns?.type)) found.push(where(`${name} return type`));
      for (const param of method.parameters ?? []) {
        if (hasUnion(param.type)) found.push(where(`${name} parameter ${param.name}`));
      }
    }
  }
  return found;
}

/** Stages and compiles the library in `libraryDir`; returns the exit status. */
function check(libraryDir) {
  const stageDir = path.join(os.tmpdir(), "cdktf-okta-cloudflare-jsii", path.basename(libraryDir));
  stage(libraryDir, stageDir);
  if (compile(stageDir) !== 0) return 1;
  const unions = unionsIn(JSON.parse(fs.readFileSync(path.join(stageDir, ".jsii"), "utf8")));
  for (const line of unions)
    process.stderr.write(`error: union type in ${line}: use one type (or one prop per type)\n`);
  return unions.length > 0 ? 1 : 0;
}

const usage = "Usage: npm run jsii [-- <library folder, default src>]\n";
const args = process.argv.slice(2);
if (args[0] === "--help") {
  process.stdout.write(usage);
} else if (
  args.length > 1 ||
  (args[0] !== undefined && !fs.statSync(args[0], { throwIfNoEntry: false })?.isDirectory())
) {
  process.stderr.write(`error: ${args.join(" ")}: not one library folder\n${usage}`);
  process.exitCode = 2;
} else {
  process.exitCode = check(path.resolve(args[0] ?? path.join(repo, "src")));
}
