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
      return [
        name,
        r.status === 0 && !/Error:/.test(r.stderr)
          ? { value: JSON.parse(JSON.parse(out)) }
          : { error: `${out}${r.stderr}` },
      ];
    });
    return Object.fromEntries(entries);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The body of a whole-string interpolation: `${x}` -> `x`. */
export function unwrap(interpolation: string): string {
  if (!interpolation.startsWith("${") || !interpolation.endsWith("}"))
    throw new Error(`not one interpolation: ${interpolation}`);
  return interpolation.slice(2, -1);
}

/**
 * Applies a `terraform_data` resource (built into Terraform: no provider to install) holding `input`,
 * with the given lifecycle postconditions, `self.output` standing for the data source's attribute.
 * What a plan of the real data source would do with the same values: pass, or fail with the message.
 */
export function applyStandIn(
  input: unknown,
  postcondition: Array<{ condition: string; error_message: string }>,
): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "tf-apply-"));
  try {
    writeFileSync(
      join(dir, "main.tf.json"),
      JSON.stringify({ resource: { terraform_data: { stand_in: { input, lifecycle: { postcondition } } } } }),
    );
    const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const init = spawnSync("terraform", ["init", "-input=false", "-no-color"], { cwd: dir, encoding: "utf8", env });
    if (init.status !== 0) return { status: init.status, output: `${init.stdout}${init.stderr}` };
    const r = spawnSync("terraform", ["apply", "-input=false", "-auto-approve", "-no-color"], {
      cwd: dir,
      encoding: "utf8",
      env,
    });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Plans a stand-in of a synthesized stack with the real Terraform CLI: each resource becomes a
 * `terraform_data` (built in, importable) at a mirrored address with the same `for_each` keys, and
 * each import block is kept, its `to` rewritten to the mirror. Terraform then checks what it can
 * without the providers: every import targets an instance the configuration has. Returns the plan's
 * summary counts, or the output when it fails.
 */
export function planImportsStandIn(stack: Record<string, any>): {
  counts?: Record<"import" | "add" | "change" | "destroy", number>;
  output: string;
} {
  const mirror = (type: string, name: string) => `${type}__${name}`;
  const resources: Record<string, unknown> = {};
  for (const [type, byName] of Object.entries<Record<string, { for_each?: Record<string, unknown> }>>(
    stack.resource ?? {},
  )) {
    for (const [name, block] of Object.entries(byName)) {
      resources[mirror(type, name)] = block.for_each
        ? { for_each: Object.fromEntries(Object.keys(block.for_each).map((k) => [k, "x"])) }
        : {};
    }
  }
  const imports = (stack.import ?? []).map((b: { to: string; id: string }) => {
    const m = /^([a-z0-9_]+)\.([A-Za-z0-9_-]+)(.*)$/.exec(b.to)!;
    return { id: b.id, to: `terraform_data.${mirror(m[1], m[2])}${m[3]}` };
  });
  const dir = mkdtempSync(join(tmpdir(), "tf-import-"));
  try {
    writeFileSync(
      join(dir, "main.tf.json"),
      JSON.stringify({
        terraform: { required_version: stack.terraform.required_version },
        resource: { terraform_data: resources },
        import: imports,
      }),
    );
    const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const init = spawnSync("terraform", ["init", "-input=false", "-no-color"], { cwd: dir, encoding: "utf8", env });
    if (init.status !== 0) return { output: `${init.stdout}${init.stderr}` };
    const r = spawnSync("terraform", ["plan", "-input=false", "-no-color"], { cwd: dir, encoding: "utf8", env });
    const output = `${r.stdout}${r.stderr}`;
    // Terraform leaves "N to import" out of the summary when there is nothing to import.
    const m = /Plan: (?:(\d+) to import, )?(\d+) to add, (\d+) to change, (\d+) to destroy/.exec(output);
    return m && r.status === 0
      ? { counts: { import: Number(m[1] ?? 0), add: +m[2], change: +m[3], destroy: +m[4] }, output }
      : { output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
