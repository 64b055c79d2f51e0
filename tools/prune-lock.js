#!/usr/bin/env node
// The package registry this project's machines reach has no builds of some optional, platform-only
// packages (e.g. @unrs/resolver-binding-darwin-*, pulled in by jest 30). npm then writes a lock that
// names them without entries, and `npm ci` refuses it. This drops those dangling optional names.
// Run after any `npm install`: node tools/prune-lock.js
const fs = require("fs");
const file = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const present = new Set(Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, "")));
let dropped = 0;
for (const entry of Object.values(lock.packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!present.has(name)) {
      delete entry.optionalDependencies[name];
      dropped++;
    }
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`pruned ${dropped} optional packages the registry does not have\n`);
