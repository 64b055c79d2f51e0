import { oktaOrgUrl } from "../src/okta/private/org-urls";
import { CheckTargets, checkRunbook, hasFailure, nothingChecked } from "./check/check";
import { CloudflareApi } from "./check/cloudflare-api";
import { OktaApi } from "./check/okta-api";
import { isTokenShaped } from "./check/redact";
import { renderMarkdown } from "../app/runbook/render-markdown";
import { StackOutputReader, terraformOutputReader } from "./check/stack-outputs";
import { projectCheckTargets, projectRunbook } from "../app/runbook/runbook-outputs";
import { exitCode } from "./cli";
import {
  ApiDeps,
  apiHttpOptions,
  badTokenVariable,
  handleFlags,
  Io,
  NOT_A_TOKEN,
  startCli,
  withProject,
} from "./command";
import { configWarnings } from "../app/config/load";

const usage = `Usage: npm run check [-- --json]

Checks the runbook's steps (npm run runbook) against the live Okta and Cloudflare APIs, after
cdktf deploy and the person's steps: each step is done, NOT DONE, or could not be checked (with why).
Read-only. Config from OKTA_CLOUDFLARE_CONFIG (default config/example.json); deployed IDs from
terraform output -json in cdktf.out/stacks/<stack> (or CDKTF_OUTDIR).

  --json   The runbook's JSON (npm run runbook -- --json) with check: { status: "pass" | "fail" |
           "unknown", detail } on each checked step and summary: { pass, fail, unknown }.

Credentials (never printed):
  OKTA_API_TOKEN         an Okta SSWS API token (a Read-Only Administrator's is enough). OAuth
                         (OKTA_API_CLIENT_ID, OKTA_API_PRIVATE_KEY) is not supported by the check.
  CLOUDFLARE_API_TOKEN   a Cloudflare API token with "Access: Organizations, Identity Providers, and
                         Groups Read" and "Account Settings Read".
The dashboard SCIM token is read from the stack output and used only to call Cloudflare's SCIM API.

Bounds: a request and its body must finish within 15 s, a body may hold 4 MiB, a list 100 pages, and
the whole check ends after 5 minutes; past any of these a step is "could not check", with why.

Exit status: 0 some steps checked and none is shown not done; 3 some step is NOT DONE (a pipeline
gate); 1 the check cannot run (config, credentials) or could check no step at all (nothing
deployed where terraform output reads, tokens refused); 2 bad arguments, or a token holding a
character no token has (a control character such as a line break, a space, or a non-ASCII character).
`;

/** What the CLI talks to; tests pass fakes. */
export interface CheckCliDeps extends ApiDeps {
  /** @default terraform output -json in CDKTF_OUTDIR (cdktf.out) */
  readonly outputs?: StackOutputReader;
}

/**
 * `npm run check`: 0 steps checked and none shown not done, 3 a step is not done, 1 cannot run or
 * could check nothing, 2 bad arguments.
 */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: Io,
  deps: CheckCliDeps = {},
): Promise<number> {
  const stop = handleFlags(argv, usage, io);
  if (stop !== undefined) return stop;
  const badToken = badTokenVariable(env);
  if (badToken) {
    io.stderr(`${badToken}\n`);
    return exitCode.usage;
  }
  try {
    const outdir = env.CDKTF_OUTDIR ?? "cdktf.out";
    const project = withProject(env, (app, config) => ({
      config,
      rb: projectRunbook(app, config, { outdir }),
      targets: projectCheckTargets(app, config),
    }));
    for (const warning of configWarnings(project.config)) io.stderr(`${warning}\n`);
    const missing = missingCredentials(env, project.targets.scimApps.length > 0);
    if (missing) {
      io.stderr(`${missing}\n`);
      return exitCode.failure;
    }
    const outputs = readOnce(deps.outputs ?? terraformOutputReader(outdir));
    const badScimToken = await badScimTokenOutput(project.targets, outputs);
    if (badScimToken) {
      io.stderr(`${badScimToken} ${NOT_A_TOKEN}: the check does not send it. Its value is not printed.\n`);
      return exitCode.usage;
    }
    const http = apiHttpOptions(deps);
    const checked = await checkRunbook(project.rb, project.targets, {
      outputs,
      okta: new OktaApi(oktaOrgUrl(project.config.okta), env.OKTA_API_TOKEN ?? "", http),
      cloudflare: new CloudflareApi(env.CLOUDFLARE_API_TOKEN ?? "", http),
    });
    io.stdout(argv.includes("--json") ? `${JSON.stringify(checked, null, 2)}\n` : renderMarkdown(checked));
    if (hasFailure(checked)) return exitCode.notDone;
    if (nothingChecked(checked)) {
      const why =
        project.targets.scimApps.length === 0
          ? "this config has no SCIM app, and no API shows the other steps: check them by hand."
          : `run it where cdktf deploy ran (terraform output in ${outdir}/stacks/<stack>, or set CDKTF_OUTDIR), and see each step's reason above.`;
      io.stderr(
        `check: no step could be checked (${checked.summary!.unknown} could not check): nothing verifies the runbook; ${why}\n`,
      );
      return exitCode.failure;
    }
    return exitCode.ok;
  } catch (e) {
    // One message, no stack trace: ConfigError and ValidationErrors already say what to change.
    io.stderr(`${(e as Error).message}\n`);
    return exitCode.failure;
  }
}

/** One line naming what to set, or undefined when the check has what it needs. */
export function missingCredentials(env: NodeJS.ProcessEnv, needed: boolean): string | undefined {
  if (!needed) return undefined;
  const missing = ["OKTA_API_TOKEN", "CLOUDFLARE_API_TOKEN"].filter((name) => !env[name]);
  if (missing.length === 0) return undefined;
  const oauth = missing.includes("OKTA_API_TOKEN") && (env.OKTA_API_CLIENT_ID || env.OKTA_API_PRIVATE_KEY);
  return (
    `Set ${missing.join(" and ")}: npm run check reads Okta with an SSWS API token and Cloudflare with an API token (read-only is enough)` +
    (oauth ? "; Okta OAuth (OKTA_API_CLIENT_ID, OKTA_API_PRIVATE_KEY) is not supported by the check." : ".")
  );
}

/** The dashboard SCIM token output, named, when it holds what no token has; read before any request. */
async function badScimTokenOutput(targets: CheckTargets, outputs: StackOutputReader): Promise<string | undefined> {
  for (const t of targets.scimApps) {
    if (t.product !== "dashboard") continue;
    const { stack, output } = t.scimToken;
    // An unreadable stack is the run's to report (as could not check), not a reason to stop here.
    const value = await outputs(stack).then(
      (o) => o[output],
      () => undefined,
    );
    if (typeof value === "string" && value !== "" && !isTokenShaped(value))
      return `The output ${output} of stack ${stack}`;
  }
  return undefined;
}

/** Each stack's outputs read once: the SCIM token is checked before the run, which reads it again. */
function readOnce(read: StackOutputReader): StackOutputReader {
  const stacks = new Map<string, ReturnType<StackOutputReader>>();
  return (stack) => {
    if (!stacks.has(stack)) stacks.set(stack, read(stack));
    return stacks.get(stack)!;
  };
}

if (require.main === module) startCli(main);
