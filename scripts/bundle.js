#!/usr/bin/env node
// Bundles the app entry point (stacks/main.ts) into one file: the project's modules and zod, with
// zod's unused parts shaken out. Loading ~40 small modules and zod's ~70 cost more than the synth's
// own work; one file loads in a fraction of that (README, Performance). The peer dependencies
// (cdktf, constructs, the providers) stay external: the app loads the copies installed beside it,
// as a library consumer's stack does. Type-checking is `npm run typecheck`'s job, not this one's.
// Usage: node scripts/bundle.js [outfile]   (default dist/app.js)
const { buildSync } = require("esbuild");
const { join, resolve } = require("path");

const root = join(__dirname, "..");
const { peerDependencies } = require(join(root, "package.json"));

/** Writes the bundle, with a linked source map (NODE_OPTIONS=--enable-source-maps reads it). */
function bundleApp(outfile) {
  buildSync({
    entryPoints: [join(root, "stacks", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Deep imports such as @cdktf/provider-okta/lib/app-oauth are external too.
    external: Object.keys(peerDependencies).flatMap((name) => [name, `${name}/*`]),
    sourcemap: "linked",
    logLevel: "warning",
  });
}

bundleApp(resolve(process.argv[2] ?? join(root, "dist", "app.js")));
