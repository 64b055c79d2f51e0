import * as path from 'path';
import { CliError, exitQuietlyOnClosedPipe, type Io, processIo, runCli } from './diff/cli';
import { readManifest } from './diff/load';

/**
 * Orders stacks so each comes after the stacks it depends on (a consumer cannot be planned or
 * deployed before its producer). Ties are broken by name so the order is stable.
 */
export function stackOrder(dependencies: Record<string, string[]>): string[] {
  for (const [stack, deps] of Object.entries(dependencies)) {
    const unknown = deps.find((d) => !(d in dependencies));
    if (unknown) throw new CliError(`stack ${stack} depends on ${unknown}, which is not in the manifest: synthesize again`);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  let pending = Object.keys(dependencies).sort();
  while (pending.length > 0) {
    const ready = pending.find((s) => dependencies[s].every((d) => placed.has(d)));
    if (!ready) throw new CliError(`dependency cycle between stacks: ${pending.join(', ')}`);
    order.push(ready);
    placed.add(ready);
    pending = pending.filter((s) => s !== ready);
  }
  return order;
}

/** Prints the stacks of a cdktf outdir (default cdktf.out), one per line, in dependency order. */
export function main(argv: string[], io: Io = processIo): Promise<number> {
  return runCli('stack-order', io, async () => {
    if (argv.length > 1) throw new CliError('usage: stack-order [outdir], default cdktf.out');
    const stacks = readManifest(path.resolve(io.cwd ?? process.cwd(), argv[0] ?? 'cdktf.out'));
    const deps = Object.fromEntries(Object.entries(stacks).map(([name, s]) => [name, s.dependencies ?? []]));
    for (const name of stackOrder(deps)) io.out.write(`${name}\n`);
    return 0;
  });
}

if (require.main === module) {
  exitQuietlyOnClosedPipe();
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
