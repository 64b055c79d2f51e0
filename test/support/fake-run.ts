import { mkdirSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { providerReleases } from "../../e2e/harness/providers";
import { Run, RunOptions, RunResult } from "../../e2e/harness/run";
import { mirrorPath, registryHosts } from "../../e2e/harness/tools";
import { tempDir } from "./temp-dir";

/** One scripted answer: matched by the command line ("go mod download ...", "terraform plan ..."). */
export type Script = Array<
  [RegExp, Partial<RunResult> | ((args: readonly string[], options?: RunOptions) => Partial<RunResult>)]
>;

/** A Run that answers from a script and records every call; an unscripted command fails the test. */
export function fakeRun(script: Script): Run & { calls: Array<{ line: string; options?: RunOptions }> } {
  const calls: Array<{ line: string; options?: RunOptions }> = [];
  const fn: Run = (command, args, options) => {
    const line = [command, ...args].join(" ");
    calls.push({ line, options });
    const hit = script.find(([pattern]) => pattern.test(line));
    if (!hit) throw new Error(`unscripted command: ${line}`);
    const answer = typeof hit[1] === "function" ? hit[1](args, options) : hit[1];
    return { status: 0, stdout: "", stderr: "", ...answer };
  };
  return Object.assign(fn, { calls });
}

/** What the Go module proxy answered for the providers (probed on this machine). */
export function proxy403(moduleVersion: string): string {
  const [module, version] = moduleVersion.split("@");
  return JSON.stringify({
    Path: module,
    Version: version,
    Error: `${moduleVersion}: reading https://proxy.golang.org/${module}/@v/${version}.info: 403 Forbidden\n\tserver response: This module version is not available.`,
  });
}

/** A tools cache holding every provider release, as after a first successful build. */
export function warmCache(): string {
  const cache = tempDir();
  for (const release of providerReleases) {
    for (const host of registryHosts) {
      const path = mirrorPath(join(cache, "mirror"), host, release);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, "");
    }
  }
  return cache;
}
