#!/usr/bin/env node
// Runs an entry point from its bundle in dist/: `node tools/run.js <name> [args]`, where name is
// app (cdktf.json's app command), runbook, check, diff, stack-order, schema or bench. Rebundles
// first when a source changed since the last bundle (by content hash, tools/bundle.js), so edits
// are picked up with no extra command, and nothing is compiled when none did. The app then runs
// from its V8 snapshot (dist/snapshots/) in a node started for it; the others, and the app where no
// snapshot could be built, run their bundle in this same process, as the main module.
const { spawnSync } = require("child_process");
const { bundlePath, ensureBundles, entries, snapshotBlob } = require("./bundle.js");

const [name, ...args] = process.argv.slice(2);
const bundle = bundlePath(name);
if (!bundle) {
  process.stderr.write(`Usage: node tools/run.js <${Object.keys(entries).join("|")}> [args]\n`);
  process.exitCode = 2;
} else {
  ensureBundles();
  const blob = name === "app" ? snapshotBlob() : undefined;
  if (blob) {
    // `--` ends node's own options: the app's arguments (--help) reach the app.
    const run = spawnSync(process.execPath, ["--snapshot-blob", blob, "--", ...args], { stdio: "inherit" });
    if (run.signal) process.kill(process.pid, run.signal);
    process.exitCode = run.status ?? 1;
  } else {
    // The bundle sees the argv it would see run as `node <bundle> [args]`.
    process.argv.splice(1, 2, bundle);
    require("module").runMain();
  }
}
