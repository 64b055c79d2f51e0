import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { Run } from "./run";

/** A Go module at one version, and the main package in it to build. */
export interface GoBinary {
  readonly module: string;
  /** A release (`v1.12.6`) or, for tags the module path cannot carry (>= v2 without /vN), a pseudo-version. */
  readonly version: string;
  readonly pkg: string;
  readonly ldflags: readonly string[];
}

export type Probe = { readonly ok: true; readonly goMod: string } | { readonly ok: false; readonly error: string };

/** The proxy's answer fits one line: go writes "...403 Forbidden\n\tserver response: ...". */
export function oneLine(error: string): string {
  return error.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Asks the module proxy for one module version (`go mod download -json`): cheap (its .info, .mod
 * and zip, nothing built) and the exact error when the proxy refuses it.
 */
export function probeModule(
  run: Run,
  module: string,
  version: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Probe {
  const r = run("go", ["mod", "download", "-json", `${module}@${version}`], { env, timeoutMs });
  if (r.error?.includes("ETIMEDOUT"))
    return { ok: false, error: `go mod download did not finish in ${timeoutMs / 1000} s` };
  if (r.error) return { ok: false, error: `cannot run go (${r.error}): install Go to build the providers` };
  let info: { Error?: string; GoMod?: string };
  try {
    info = JSON.parse(r.stdout);
  } catch {
    return { ok: false, error: oneLine(r.stderr || r.stdout || `go mod download exited with ${r.status}`) };
  }
  if (info.Error || !info.GoMod) return { ok: false, error: oneLine(info.Error ?? "go mod download gave no go.mod") };
  return { ok: true, goMod: info.GoMod };
}

/**
 * The `replace` directives of a go.mod, one per line. Go ignores a dependency's replaces, so a
 * module that has them (OpenTofu's hcl/v2) cannot be `go install`ed at a version: a wrapper module
 * that requires it and repeats them can build it.
 */
export function replaceDirectives(goMod: string): string[] {
  const out: string[] = [];
  let inBlock = false;
  for (const raw of goMod.split("\n")) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (inBlock) {
      if (line === ")") inBlock = false;
      else if (line) out.push(line);
    } else if (line === "replace (") inBlock = true;
    else if (line.startsWith("replace ")) out.push(line.slice("replace ".length).trim());
  }
  for (const r of out) {
    const target = r.split("=>")[1]?.trim() ?? "";
    if (target.startsWith(".") || target.startsWith("/"))
      throw new Error(`replace to a local directory cannot be repeated outside the module: ${r}`);
  }
  return out;
}

/** The go directive of a go.mod (the wrapper asks for at least the same Go). */
export function goDirective(goMod: string): string {
  return /^go\s+(\S+)/m.exec(goMod)?.[1] ?? "1.21";
}

/** The wrapper module's go.mod: requires the module at the version and repeats its replaces. */
export function wrapperGoMod(binary: GoBinary, goMod: string): string {
  const replaces = replaceDirectives(goMod).map((r) => `replace ${r}\n`);
  return `module e2e-build-wrapper\n\ngo ${goDirective(goMod)}\n\nrequire ${binary.module} ${binary.version}\n\n${replaces.join("")}`;
}

/**
 * Builds `binary.pkg` at the module version into `output`, in `workDir` (a wrapper module). Throws
 * with go's own message when a step fails.
 */
export function buildFromModule(
  run: Run,
  binary: GoBinary,
  goModPath: string,
  workDir: string,
  output: string,
  env: NodeJS.ProcessEnv,
): void {
  mkdirSync(workDir, { recursive: true });
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(join(workDir, "go.mod"), wrapperGoMod(binary, readFileSync(goModPath, "utf8")));
  const goEnv = { ...env, GOFLAGS: "-mod=mod", CGO_ENABLED: "0" };
  const steps: string[][] = [
    ["get", `${binary.pkg}@${binary.version}`],
    ["build", "-trimpath", "-ldflags", ["-s", "-w", ...binary.ldflags].join(" "), "-o", output, binary.pkg],
  ];
  for (const args of steps) {
    const r = run("go", args, { cwd: workDir, env: goEnv });
    if (r.status !== 0)
      throw new Error(`go ${args[0]} ${binary.pkg}@${binary.version} failed: ${oneLine(r.stderr).slice(0, 2000)}`);
  }
}
