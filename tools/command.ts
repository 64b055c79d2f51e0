import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { App } from "../src/cdktf";
import { loadConfig } from "../app/config/load";
import { Config } from "../app/config/schema";
import { API_TIME_LIMIT_MS, Fetch, HttpOptions } from "./check/http";
import { isTokenShaped } from "./check/redact";
import { buildStacks } from "../app/build-stacks";
import { exitCode, exitQuietlyOnClosedPipe, wantsHelp } from "./cli";

// What the commands that read the project share (runbook, check, discover). Not an entry point, so
// no `require.main === module` here: in a bundle every module is the main module, and an entry's
// start block in an imported file would run that command too.

/** Where the CLI writes. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * The flags both the runbook and the check take: `--json`, and `--help`. Returns the exit code when
 * the command should stop here (0 after the help, 2 on an unknown argument).
 */
export function handleFlags(argv: readonly string[], usage: string, io: Io): number | undefined {
  if (wantsHelp(argv)) {
    io.stdout(usage);
    return exitCode.ok;
  }
  const unknown = argv.filter((a) => a !== "--json");
  if (unknown.length > 0) {
    io.stderr(`Unknown argument ${unknown.map((a) => `"${a}"`).join(", ")}.\n\n${usage}`);
    return exitCode.usage;
  }
  return undefined;
}

/** Runs a CLI's `main` on this process (its arguments, environment and streams) and exits with the code it returns. */
export function startCli(
  main: (argv: readonly string[], env: NodeJS.ProcessEnv, io: Io) => number | Promise<number>,
): void {
  exitQuietlyOnClosedPipe();
  const io: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  void Promise.resolve(main(process.argv.slice(2), process.env, io)).then((code) => (process.exitCode = code));
}

/**
 * Builds the stacks of the config in OKTA_CLOUDFLARE_CONFIG (default config/example.json) and hands
 * them to `use`. Throws ConfigError and ValidationErrors, whose messages say what to change.
 */
export function withProject<T>(env: NodeJS.ProcessEnv, use: (app: App, config: Config) => T): T {
  const config = loadConfig(env.OKTA_CLOUDFLARE_CONFIG ?? "config/example.json");
  // App writes its outdir as it starts; keep that away from the real cdktf.out.
  const outdir = mkdtempSync(join(tmpdir(), "okta-cloudflare-runbook-"));
  try {
    const app = new App({ outdir, stackTraces: false });
    buildStacks(app, config);
    return use(app, config);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** What the commands that call the Okta and Cloudflare APIs (check, discover) talk to; tests pass fakes. */
export interface ApiDeps {
  /** @default global fetch */
  readonly fetch?: Fetch;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @default Date.now */
  readonly now?: () => number;
}

/** The bounded HTTP client's options for one run, its overall deadline starting now. */
export function apiHttpOptions(deps: ApiDeps): HttpOptions {
  const now = deps.now ?? Date.now;
  const fetchJson: Fetch = deps.fetch ?? ((url, init) => fetch(url, init));
  return { fetch: fetchJson, sleep: deps.sleep, now, deadline: now() + API_TIME_LIMIT_MS };
}

/** Why a value cannot be a token; a message built from it never holds the value. */
export const NOT_A_TOKEN =
  "holds a character no token has (a control character such as a line break, a space, or a non-ASCII character)";

/** The message for the first API token variable holding what no token has (its value never printed), if any. */
export function badTokenVariable(env: NodeJS.ProcessEnv): string | undefined {
  const name = ["OKTA_API_TOKEN", "CLOUDFLARE_API_TOKEN"].find((n) => env[n] && !isTokenShaped(env[n]));
  return name && `${name} ${NOT_A_TOKEN}: set it again without it. Its value is not printed.`;
}
