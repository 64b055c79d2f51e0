#!/usr/bin/env node
// Bundles each entry point (the app, app/main.ts, and each CLI in tools/) into one file in dist/:
// the project's modules and zod, with zod's unused parts shaken out. Loading ~40 small modules and
// zod's ~70 cost more than the synth's own work; one file loads in a fraction of that (README,
// Performance). The peer dependencies (cdktf, constructs, the providers) stay external: the app
// loads the copies installed beside it, as a library consumer's stack does. Type-checking is
// `npm run typecheck`'s job (and `npm test`'s), not this one's: esbuild only strips types.
//
// Freshness is decided by content hash, not mtime: a git checkout or a copy changes mtimes without
// changing a byte (and can leave an older mtime on a newer file). `ensureBundles` rebundles only
// when the SHA-256 of the sources differs from the one written with the bundles. So that a call
// need not read every source, the stamp also keeps each file's size and mtime: while all of them
// match, nothing was edited and no file is read or hashed (a stat per file, ~1 ms in all).
//
// The app also gets a V8 startup snapshot in dist/snapshots/ (app/snapshot.ts, bundled with
// cdktf, the providers and zod inside as dist/app-snapshot.js, then `node --build-snapshot`):
// `node tools/run.js app` runs it, so a synth starts from the heap of the loaded modules instead
// of loading them. A blob only loads in the node binary that built it, so that binary counts as a
// source, and with the V8 options it was built with: one blob per NODE_OPTIONS (cdktf synth sets
// --max-old-space-size), each built the first time it is needed. Where a blob cannot be built, the
// app runs from dist/app.js.
//
// Usage: node tools/bundle.js          rebundle every entry point into dist/
//        node tools/bundle.js <file>   bundle only the app, into <file> (tests)
const {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require("fs");
const { spawnSync } = require("child_process");
const { join, relative, resolve } = require("path");

const root = join(__dirname, "..");
const dist = join(root, "dist");

/** Entry points by the name `tools/run.js` takes, with the source each bundles and where. */
const entries = {
  app: { source: "app/main.ts", bundle: "app.js" },
  runbook: { source: "tools/runbook.ts", bundle: "cli/runbook.js" },
  check: { source: "tools/check.ts", bundle: "cli/check.js" },
  discover: { source: "tools/discover.ts", bundle: "cli/discover.js" },
  diff: { source: "tools/diff.ts", bundle: "cli/diff.js" },
  "stack-order": { source: "tools/stack-order.ts", bundle: "cli/stack-order.js" },
  schema: { source: "tools/write-schema.ts", bundle: "cli/schema.js" },
  bench: { source: "tools/bench.ts", bundle: "cli/bench.js" },
};

/**
 * What the bundles are made from: every byte of these decides whether they are current. zod is in
 * every bundle, cdktf, constructs and the providers in the snapshot's, and esbuild makes them all,
 * so their installed versions count.
 */
const sourceDirs = ["src", "app", "tools"];
const { peerDependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const sourceFiles = [
  "package.json",
  "tsconfig.json",
  ...["zod", "esbuild", ...Object.keys(peerDependencies)].map((name) => `node_modules/${name}/package.json`),
];
const stampFile = join(dist, "bundle-stamp.json");
const snapshot = { source: "app/snapshot.ts", bundle: join(dist, "app-snapshot.js"), dir: join(dist, "snapshots") };
/** The node binary the blob is for: a blob built by another one does not load. */
const nodeBinary = `${process.execPath} ${process.version} ${process.arch}`;

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function sources() {
  return [
    ...sourceDirs.flatMap((d) => filesUnder(join(root, d))),
    ...sourceFiles.map((f) => join(root, f)).filter(existsSync),
  ];
}

/** Each source's size and mtime, by path relative to the project. */
function sourceStats(files = sources()) {
  return Object.fromEntries(
    files.map((f) => [relative(root, f).split("\\").join("/"), (({ size, mtimeMs }) => [size, mtimeMs])(statSync(f))]),
  );
}

/** SHA-256 over the path and bytes of every source file. */
function sourceHash(files = sources()) {
  const hash = require("crypto").createHash("sha256").update(nodeBinary).update("\0");
  for (const file of files)
    hash.update(relative(root, file).split("\\").join("/")).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {
    return undefined;
  }
}

const sameStats = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function buildOptions() {
  return {
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Deep imports such as @cdktf/provider-okta/lib/app-oauth are external too.
    external: Object.keys(peerDependencies).flatMap((name) => [name, `${name}/*`]),
    // A linked source map: NODE_OPTIONS=--enable-source-maps turns stack traces into TypeScript lines.
    sourcemap: "linked",
    logLevel: "warning",
    absWorkingDir: root,
  };
}

/** Bundles only the app, into `outfile`. */
function bundleApp(outfile) {
  require("esbuild").buildSync({ ...buildOptions(), entryPoints: [join(root, entries.app.source)], outfile });
}

/**
 * Bundles every entry point into a fresh folder, then moves each file into dist/ with a rename, so
 * a process starting meanwhile (two jest workers, two terminals) reads an old or a new bundle,
 * never half of one. The hash is written last.
 */
function bundleAll(files = sources(), hash = sourceHash(files)) {
  mkdirSync(dist, { recursive: true });
  const tmp = mkdtempSync(join(dist, ".bundle-"));
  try {
    const { buildSync } = require("esbuild");
    const options = buildOptions();
    for (const { source, bundle } of Object.values(entries)) {
      buildSync({ ...options, entryPoints: [join(root, source)], outfile: join(tmp, bundle) });
    }
    buildSync({
      ...options,
      external: [],
      sourcemap: false,
      entryPoints: [join(root, snapshot.source)],
      outfile: join(tmp, "app-snapshot.js"),
    });
    for (const file of filesUnder(tmp)) {
      const target = join(dist, relative(tmp, file));
      mkdirSync(join(target, ".."), { recursive: true });
      renameSync(file, target);
    }
    writeStamp(hash, files);
    // Blobs are named by the sources' hash, so old ones are never loaded; this only frees the space.
    for (const old of existsSync(snapshot.dir) ? readdirSync(snapshot.dir) : []) {
      if (!old.startsWith(hash.slice(0, 16))) rmSync(join(snapshot.dir, old), { force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The app's snapshot blob for these sources and this process's NODE_OPTIONS, built from
 * dist/app-snapshot.js (which ensureBundles keeps current) the first time it is needed (~1 s);
 * undefined where it cannot be built (remembered until the sources change, so it is not retried on
 * every call). Node's warnings while building (child_process is "not yet fully verified" in
 * snapshots; the app never spawns) are not shown.
 */
function snapshotBlob() {
  const stamp = readStamp();
  if (!stamp) return undefined;
  const options = (process.env.NODE_OPTIONS ?? "").trim();
  const name = `${stamp.hash.slice(0, 16)}-${require("crypto").createHash("sha256").update(options).digest("hex").slice(0, 16)}`;
  const blob = join(snapshot.dir, `${name}.blob`);
  const failed = join(snapshot.dir, `${name}.failed`);
  if (existsSync(blob)) return blob;
  if (existsSync(failed) || !existsSync(snapshot.bundle)) return undefined;
  mkdirSync(snapshot.dir, { recursive: true });
  const tmp = `${blob}.${process.pid}`;
  const built = spawnSync(process.execPath, ["--snapshot-blob", tmp, "--build-snapshot", snapshot.bundle], {
    cwd: snapshot.dir,
    encoding: "utf8",
  });
  if (built.status === 0) {
    renameSync(tmp, blob);
    return blob;
  }
  rmSync(tmp, { force: true });
  const why = (built.stderr || built.error?.message || "").trim().split("\n").pop();
  writeFileSync(failed, `${why}\n`);
  process.stderr.write(
    `note: no V8 snapshot of the app with NODE_OPTIONS="${options}" (${why}); it runs from dist/app.js\n`,
  );
  return undefined;
}

/** Written after the bundles: the hash they were made from, and the stats that skip the next hash. */
function writeStamp(hash, files) {
  const tmp = `${stampFile}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ hash, node: nodeBinary, stats: sourceStats(files) }));
  renameSync(tmp, stampFile);
}

/**
 * Rebundles when the sources' hash differs from the bundles' (or a bundle is missing). Returns
 * true when it rebundled.
 */
function ensureBundles() {
  const stamp = readStamp();
  const bundled = stamp && Object.values(entries).every((e) => existsSync(join(dist, e.bundle)));
  const files = sources();
  if (bundled && stamp.node === nodeBinary && sameStats(stamp.stats, sourceStats(files))) return false;
  const hash = sourceHash(files);
  if (bundled && stamp.hash === hash) {
    // Touched, not edited (a checkout, a copy): same bytes, so only the stats are new.
    writeStamp(hash, files);
    return false;
  }
  bundleAll(files, hash);
  return true;
}

/** The bundle of an entry point, by name; undefined for an unknown name. */
function bundlePath(name) {
  return Object.hasOwn(entries, name) ? join(dist, entries[name].bundle) : undefined;
}

module.exports = { entries, sourceHash, bundleApp, bundleAll, ensureBundles, bundlePath, snapshotBlob };

if (require.main === module) {
  const [outfile] = process.argv.slice(2);
  if (outfile) bundleApp(resolve(outfile));
  else bundleAll();
}
