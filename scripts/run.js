#!/usr/bin/env node
// Runs an entry point from its bundle in dist/: `node scripts/run.js <name> [args]`, where name is
// app (cdktf.json's app command), runbook, check, diff, stack-order, schema or bench. Rebundles
// first when a source changed since the last bundle (by content hash, scripts/bundle.js), so edits
// are picked up with no extra command, and nothing is compiled when none did. Then the bundle runs
// in this same process, as the main module: one node start per command.
const { bundlePath, ensureBundles, entries } = require("./bundle.js");

const [name] = process.argv.slice(2);
const bundle = bundlePath(name);
if (!bundle) {
  process.stderr.write(`Usage: node scripts/run.js <${Object.keys(entries).join("|")}> [args]\n`);
  process.exitCode = 2;
} else {
  ensureBundles();
  // The bundle sees the argv it would see run as `node <bundle> [args]`.
  process.argv.splice(1, 2, bundle);
  require("module").runMain();
}
