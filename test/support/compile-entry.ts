import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { dirname, join, relative } from "path";
import * as ts from "typescript";

const repo = join(__dirname, "..", "..");

/**
 * Compiles the app (src/ and stacks/) to JavaScript under `outRoot`, as `npm run compile` would
 * (type-checking is `npm run typecheck`'s job), and returns the path of the entry point. Run it with
 * NODE_PATH set to `nodeModules` so it finds this checkout's packages from the temp dir.
 */
export function compileEntry(outRoot: string): string {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  for (const top of ["src", "stacks"]) {
    for (const file of tsFiles(join(repo, top))) {
      const out = join(outRoot, relative(repo, file)).replace(/\.ts$/, ".js");
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions: options, fileName: file }).outputText);
    }
  }
  return join(outRoot, "stacks", "main.js");
}

/** Where the compiled entry point finds its packages. */
export const nodeModules = join(repo, "node_modules");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}
