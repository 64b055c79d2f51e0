/** An expected failure: the CLI prints its message as one line and exits 1, no stack trace. */
export class CliError extends Error {}

/** Where a CLI writes; injected so tests can call `main` without spawning a process. */
export interface Io {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
  /** The project checkout: where git and synth run. Defaults to process.cwd(). */
  cwd?: string;
}

export const processIo: Io = { out: process.stdout, err: process.stderr };

/** Runs a CLI body and turns any failure into one line on `err` and exit code 1. */
export async function runCli(name: string, io: Io, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err.write(`${name}: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

/**
 * A reader that stops early (`npm run stack-order | head -1`) closes the pipe, and Node turns the
 * next write into an unhandled EPIPE error with a stack trace. The reader wants no more output:
 * end quietly, with the exit code so far. Entry points call this before they write.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WritableStream = process.stdout): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}
