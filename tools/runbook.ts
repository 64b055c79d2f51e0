import { renderMarkdown } from "../app/runbook/render-markdown";
import { projectRunbook } from "../app/runbook/runbook-outputs";
import { exitCode } from "./cli";
import { handleFlags, Io, startCli, withProject } from "./command";

const usage = `Usage: npm run runbook [-- --json]

Prints the steps a person still does for the config in OKTA_CLOUDFLARE_CONFIG (default
config/example.json): provisioning of the Okta SCIM apps, pushed groups, checks. Markdown by default.

  --json   The same steps as JSON: { format: 1, name, apps: [{ id, label, app, stack,
           steps: [{ id, title, where, action, value?, command?, done, notes? }] }] }
           (documented in src/runbook/model.ts; fields are only added under format 1).

Commands in the steps read cdktf.out/, or CDKTF_OUTDIR when set. No secret is printed.
After deploy and these steps, npm run check verifies them against the live APIs.
Exit status: 0 printed; 1 the config or stacks cannot be built; 2 bad arguments.
`;

/** `npm run runbook`: 0 printed, 1 the config or stacks cannot be built, 2 bad arguments. */
export function main(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io): number {
  const stop = handleFlags(argv, usage, io);
  if (stop !== undefined) return stop;
  try {
    const rb = withProject(env, (app, config) =>
      projectRunbook(app, config, { outdir: env.CDKTF_OUTDIR ?? "cdktf.out" }),
    );
    io.stdout(argv.includes("--json") ? `${JSON.stringify(rb, null, 2)}\n` : renderMarkdown(rb));
    return exitCode.ok;
  } catch (e) {
    // One message, no stack trace: ConfigError and ValidationErrors already say what to change.
    io.stderr(`${(e as Error).message}\n`);
    return exitCode.failure;
  }
}

if (require.main === module) startCli(main);
