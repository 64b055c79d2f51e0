/**
 * The exit codes every command uses (README, "Exit codes"): a pipeline can tell a broken run from a
 * wrong command line and from a verified "not done".
 */
export const exitCode = {
  ok: 0,
  /** The command could not do its job: bad config, missing credentials, a failed synth. */
  failure: 1,
  /** The command line is wrong: unknown flag, missing or extra argument. */
  usage: 2,
  /** It ran, and what it verifies is not so: a runbook step not done (check), a change (diff --exit-code). */
  notDone: 3,
} as const;

/** An expected failure: the CLI prints its message as one line and exits 1, no stack trace. */
export class CliError extends Error {}

/** A wrong command line: the CLI prints its message and a pointer to --help, and exits 2. */
export class UsageError extends CliError {}

/** Where a CLI writes; injected so tests can call `main` without spawning a process. */
export interface Io {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
  /** The project checkout: where git and synth run. Defaults to process.cwd(). */
  cwd?: string;
}

export const processIo: Io = { out: process.stdout, err: process.stderr };

/** Runs a CLI body and turns a failure into one line on `err`: exit 2 for usage, 1 for the rest. */
export async function runCli(name: string, io: Io, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err.write(`${name}: ${message.split("\n")[0]}${e instanceof UsageError ? "; see --help" : ""}\n`);
    return e instanceof UsageError ? exitCode.usage : exitCode.failure;
  }
}

/** True when the command line asks for help: `--help` or `-h` anywhere. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}

/**
 * A reader that stops early (`npm run stack-order | head -1`) closes the pipe, and Node turns the
 * next write into an unhandled EPIPE error with a stack trace. The reader wants no more output:
 * end quietly, with the exit code so far. Entry points call this before they write.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WritableStream = process.stdout): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(process.exitCode ?? 0);
  });
}
