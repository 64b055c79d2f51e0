import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** True when a `terraform` CLI is on PATH (CI's machine has one; specs that need it say so when skipped). */
export const terraformOnPath = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;

/**
 * Evaluates synthesized `${...}` templates with the real Terraform CLI (`terraform console`, which
 * needs no provider and no init for a configuration of locals only). `data` (locals, as
 * `local.<name>`) stands in for what a provider would return. Each template is evaluated in a
 * configuration of its own, as an error in one local would fail them all; its value comes back
 * JSON-decoded, or the error text.
 */
export function evaluate<K extends string>(
  data: Record<string, unknown>,
  templates: Record<K, string>,
): Record<K, { value?: unknown; error?: string }> {
  const dir = mkdtempSync(join(tmpdir(), "tf-console-"));
  try {
    const entries = Object.entries<string>(templates).map(([name, template]) => {
      writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ locals: { ...data, [name]: template } }));
      const r = spawnSync("terraform", ["console", "-no-color"], {
        cwd: dir,
        input: `jsonencode(local.${name})\n`,
        encoding: "utf8",
        env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" },
      });
      const out = r.stdout.trim();
      return [name, r.status === 0 && !/Error:/.test(r.stderr) ? { value: JSON.parse(JSON.parse(out)) } : { error: `${out}${r.stderr}` }];
    });
    return Object.fromEntries(entries);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The body of a whole-string interpolation: `${x}` -> `x`. */
export function unwrap(interpolation: string): string {
  if (!interpolation.startsWith("${") || !interpolation.endsWith("}")) throw new Error(`not one interpolation: ${interpolation}`);
  return interpolation.slice(2, -1);
}
