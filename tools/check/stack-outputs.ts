import { execFile } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

/** The outputs of one deployed stack, by name (sensitive values included: keep them out of output). */
export type StackOutputReader = (stack: string) => Promise<Readonly<Record<string, unknown>>>;

/**
 * Reads outputs as `cd <outdir>/stacks/<stack> && terraform output -json` does, after `cdktf deploy`
 * (which runs `terraform init` there). A stack never applied has none. Errors carry terraform's first
 * line, never values.
 */
export function terraformOutputReader(outdir: string, terraform = "terraform"): StackOutputReader {
  return (stack) => {
    const cwd = join(outdir, "stacks", stack);
    if (!existsSync(cwd)) {
      return Promise.reject(
        new Error(`${cwd} does not exist: synthesize and deploy the stacks first, or set CDKTF_OUTDIR`),
      );
    }
    return new Promise((resolve, reject) => {
      execFile(
        terraform,
        ["output", "-json", "-no-color"],
        { cwd, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) {
            if ((error as NodeJS.ErrnoException).code === "ENOENT")
              return reject(new Error(`${terraform} is not on PATH: install Terraform`));
            // Terraform frames errors with box-drawing characters; keep the line that names the error.
            const lines = String(stderr)
              .split("\n")
              .map((l) => l.replace(/^[\s│╷╵]+/, "").trim())
              .filter((l) => l !== "");
            const first = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? error.message.split("\n")[0];
            return reject(new Error(`terraform output in ${cwd} failed: ${first}`));
          }
          try {
            const outputs = JSON.parse(stdout) as Record<string, { value?: unknown }>;
            resolve(Object.fromEntries(Object.entries(outputs).map(([name, o]) => [name, o?.value])));
          } catch {
            reject(new Error(`terraform output in ${cwd} did not print JSON`));
          }
        },
      );
    });
  };
}
