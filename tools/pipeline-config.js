#!/usr/bin/env node
// Guard for the plan and deploy jobs: they hold real credentials, so they must run on the company's
// own config with a shared state backend. The example config (org "acme", local state) would send
// real tokens to acme.okta.com and keep state on a runner that is thrown away after the job.
// Plain JavaScript, so the guard runs before anything is installed or compiled.
"use strict";
const { readFileSync } = require("fs");
const { resolve } = require("path");

/** Why the pipeline must not plan or deploy with `file`, or undefined when it may. */
function refusal(file, readText = (f) => readFileSync(f, "utf8")) {
  if (!file)
    return "OKTA_CLOUDFLARE_CONFIG is not set: set the repository variable OKTA_CLOUDFLARE_CONFIG to your config file (e.g. config/acme.json).";
  if (resolve(file) === resolve(__dirname, "..", "config", "example.json")) {
    return `OKTA_CLOUDFLARE_CONFIG names the example config (${file}): copy it, fill in your org, account and backend, and point the variable at the copy.`;
  }
  let backend;
  try {
    backend = JSON.parse(readText(file)).backend;
  } catch (e) {
    return `OKTA_CLOUDFLARE_CONFIG names ${file}, which cannot be read as JSON (${e.code || "syntax error"}): run npm run synth for the details.`;
  }
  if (!backend || backend.type === "local") {
    return `${file} keeps state in the local backend, which a pipeline runner throws away: set backend to "s3" or "cloud" (see the README, Backends).`;
  }
  return undefined;
}

if (require.main === module) {
  if (process.argv.includes("--help")) {
    process.stdout.write(
      "Usage: node tools/pipeline-config.js\nExits 1 when OKTA_CLOUDFLARE_CONFIG is unset, names the example, or uses the local backend.\n",
    );
    process.exit(0);
  }
  const why = refusal(process.env.OKTA_CLOUDFLARE_CONFIG);
  if (why) {
    process.stderr.write(`::error::${why}\n`);
    process.exit(1);
  }
}

module.exports = { refusal };
