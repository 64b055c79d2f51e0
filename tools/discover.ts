import { existsSync, writeFileSync } from "fs";
import { dirname, relative, resolve, sep } from "path";
import { decide, Discovery } from "./discover/discover";
import { DiscoverTarget, readFacts } from "./discover/facts";
import { parseConfig } from "../app/config/load";
import { DEFAULT_OKTA_BASE_URL, oktaOrgUrl } from "../src/okta/private/org-urls";
import { CloudflareApi } from "./check/cloudflare-api";
import { OktaApi } from "./check/okta-api";
import { ValidationErrors } from "../src/private/validation";
import { exitCode, wantsHelp } from "./cli";
import { ApiDeps, apiHttpOptions, badTokenVariable, Io, startCli } from "./command";

const usage = `Usage: npm run discover -- --okta-org <org> --account-id <id> --team-name <team> [options]

Reads an Okta org and a Cloudflare account set up by hand (Cloudflare's guides) and writes a config
draft that adopts what it finds: the OIDC app whose redirect URI is the team's Access callback, the
okta login method using it, the SCIM 2.0 Test Apps, their assigned and pushed groups, and the Access
groups and applications on that login method, each with its ID under "existing" (Terraform import
blocks at synth: nothing is recreated). Read-only. Prints what it found, where the first plan will
change the setup, and the questions it could not decide; it never picks one of two candidates.

  --okta-org <org>        Okta org name: <org>.okta.com
  --okta-base-url <url>   Okta domain (default okta.com; only Okta's own domains)
  --account-id <id>       Cloudflare account ID (32 hex characters)
  --team-name <team>      Zero Trust team name: <team>.cloudflareaccess.com
  --name <name>           Config name (default: the Okta org name)
  --out <file>            Where to write the draft (default config/discovered.json)
  --force                 Overwrite --out when it exists

Credentials (never printed), read-only is enough:
  OKTA_API_TOKEN         an Okta SSWS API token (a Read-Only Administrator's)
  CLOUDFLARE_API_TOKEN   a Cloudflare API token with "Access: Organizations, Identity Providers, and
                         Groups Read" and "Access: Apps and Policies Read"

Bounds: those of npm run check (15 s a request, 4 MiB a body, 100 pages a list, 5 minutes in all).

Exit status: 0 draft written, nothing left to decide; 3 questions to answer (the draft, when
written, adopts only what was certain); 1 cannot run (credentials, an API failed, --out exists);
2 bad arguments or a token holding a character no token has.
`;

const FLAGS = ["--okta-org", "--okta-base-url", "--account-id", "--team-name", "--name", "--out"] as const;

/** What the CLI talks to; tests pass fakes. */
export type DiscoverCliDeps = ApiDeps;

/** `npm run discover`: 0 draft written, 3 questions remain, 1 cannot run, 2 bad arguments. */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: Io,
  deps: DiscoverCliDeps = {},
): Promise<number> {
  if (wantsHelp(argv)) {
    io.stdout(usage);
    return exitCode.ok;
  }
  const parsed = parseArgs(argv);
  if (typeof parsed === "string") {
    io.stderr(`${parsed}\n\n${usage}`);
    return exitCode.usage;
  }
  const { target, out, force } = parsed;
  const badToken = badTokenVariable(env);
  if (badToken) {
    io.stderr(`${badToken}\n`);
    return exitCode.usage;
  }
  const missing = ["OKTA_API_TOKEN", "CLOUDFLARE_API_TOKEN"].filter((name) => !env[name]);
  if (missing.length > 0) {
    io.stderr(
      `Set ${missing.join(" and ")}: npm run discover reads Okta with an SSWS API token and Cloudflare with an API token (read-only is enough).\n`,
    );
    return exitCode.failure;
  }
  if (existsSync(out) && !force) {
    io.stderr(`${out} exists: choose another --out, or add --force to overwrite it.\n`);
    return exitCode.failure;
  }
  const http = apiHttpOptions(deps);
  const facts = await readFacts(
    target,
    new OktaApi(oktaOrgUrl(target.okta), env.OKTA_API_TOKEN!, http),
    new CloudflareApi(env.CLOUDFLARE_API_TOKEN!, http),
  );
  if (!facts.ok) {
    io.stderr(`Discover could not read the setup: ${facts.reason}.\n`);
    return exitCode.failure;
  }
  const discovery = decide(target, facts.value);
  if (discovery.config) {
    // For editors: the schema, relative to where the draft is written (the config folder by default).
    const schema = relative(dirname(resolve(out)), resolve("config", "config.schema.json"))
      .split(sep)
      .join("/");
    writeFileSync(
      out,
      `${JSON.stringify({ $schema: schema.startsWith(".") ? schema : `./${schema}`, ...discovery.config }, null, 2)}\n`,
    );
  }
  // A service could echo a credential into a name it returns: never print one.
  const report = [env.OKTA_API_TOKEN!, env.CLOUDFLARE_API_TOKEN!].reduce(
    (text, token) => text.split(token).join("[redacted]"),
    renderDiscovery(discovery, out),
  );
  io.stdout(report);
  return discovery.questions.length > 0 ? exitCode.notDone : exitCode.ok;
}

/** The flags as a target, or what is wrong with them. Values go through the config's own rules. */
function parseArgs(argv: readonly string[]): { target: DiscoverTarget; out: string; force: boolean } | string {
  const values = new Map<string, string>();
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--force") force = true;
    else if ((FLAGS as readonly string[]).includes(arg) && argv[i + 1] !== undefined && !argv[i + 1].startsWith("--"))
      values.set(arg, argv[++i]);
    else return (FLAGS as readonly string[]).includes(arg) ? `${arg} needs a value.` : `Unknown argument "${arg}".`;
  }
  const absent = ["--okta-org", "--account-id", "--team-name"].filter((f) => !values.has(f));
  if (absent.length > 0) return `Give ${absent.join(", ")}.`;
  const orgName = values.get("--okta-org")!;
  const target: DiscoverTarget = {
    name: values.get("--name") ?? orgName.toLowerCase(),
    okta: { orgName, baseUrl: values.get("--okta-base-url") ?? DEFAULT_OKTA_BASE_URL },
    cloudflare: { accountId: values.get("--account-id")!, teamName: values.get("--team-name")! },
  };
  // A stand-in login section: only the flags' own fields can be wrong here.
  try {
    parseConfig({ ...target, accessLogin: { assignedGroups: ["Everyone"] } });
  } catch (e) {
    if (!(e instanceof ValidationErrors)) throw e;
    const flag: Record<string, string> = {
      name: "--name",
      "okta.orgName": "--okta-org",
      "okta.baseUrl": "--okta-base-url",
      "cloudflare.accountId": "--account-id",
      "cloudflare.teamName": "--team-name",
    };
    return e.errors.map((v) => `${flag[v.field] ?? v.field}: ${v.message}`).join("\n");
  }
  return { target, out: values.get("--out") ?? "config/discovered.json", force };
}

/** What a person reads: found, first-plan differences, questions, and what to do next. */
export function renderDiscovery(d: Discovery, out: string): string {
  const section = (title: string, lines: readonly string[], numbered = false) =>
    lines.length === 0
      ? ""
      : `## ${title}\n\n${lines.map((l, i) => `${numbered ? `${i + 1}.` : "-"} ${l}`).join("\n")}\n\n`;
  const next = d.config
    ? `Wrote ${out} (it validates). Next: ${d.questions.length > 0 ? "answer the questions above (edit the draft), then " : ""}` +
      `OKTA_CLOUDFLARE_CONFIG=${out} npm run synth, and plan each stack: the first plan must show imports only (0 to add, 0 to destroy) besides the differences above.\n`
    : "No draft written: answer the questions above, then run discover again.\n";
  return (
    "# Discover\n\n" +
    section("Found", d.found) +
    section("The first plan will change", d.differences) +
    section("Questions", d.questions, true) +
    next
  );
}

if (require.main === module) startCli(main);
