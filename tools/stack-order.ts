import * as path from "path";
import { CliError, exitCode, exitQuietlyOnClosedPipe, type Io, processIo, runCli, UsageError, wantsHelp } from "./cli";
import { readManifest } from "./diff/load";

/**
 * Orders stacks so each comes after the stacks it depends on (a consumer cannot be planned or
 * deployed before its producer). Ties are broken by name so the order is stable.
 */
export function stackOrder(dependencies: Record<string, string[]>): string[] {
  for (const [stack, deps] of Object.entries(dependencies)) {
    const unknown = deps.find((d) => !(d in dependencies));
    if (unknown)
      throw new CliError(`stack ${stack} depends on ${unknown}, which is not in the manifest: synthesize again`);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  let pending = Object.keys(dependencies).sort();
  while (pending.length > 0) {
    const ready = pending.find((s) => dependencies[s].every((d) => placed.has(d)));
    if (!ready) throw new CliError(`dependency cycle between stacks: ${pending.join(", ")}`);
    order.push(ready);
    placed.add(ready);
    pending = pending.filter((s) => s !== ready);
  }
  return order;
}

const USAGE = `Usage: npm run -s stack-order [-- <outdir>]

Prints the stacks of a synthesized cdktf outdir (default cdktf.out), one per line, each after the
stacks it depends on: the order to plan or deploy them in. Exit status: 0 ok; 1 no manifest or a
dependency cycle; 2 bad arguments.
`;

/** Prints the stacks of a cdktf outdir (default cdktf.out), one per line, in dependency order. */
export function main(argv: string[], io: Io = processIo): Promise<number> {
  return runCli("stack-order", io, async () => {
    if (wantsHelp(argv)) {
      io.out.write(USAGE);
      return exitCode.ok;
    }
    const flag = argv.find((a) => a.startsWith("-"));
    if (flag) throw new UsageError(`unknown option "${flag}"`);
    if (argv.length > 1) throw new UsageError(`one outdir at most, got ${argv.length}`);
    const stacks = readManifest(path.resolve(io.cwd ?? process.cwd(), argv[0] ?? "cdktf.out"));
    const deps = Object.fromEntries(Object.entries(stacks).map(([name, s]) => [name, s.dependencies ?? []]));
    for (const name of stackOrder(deps)) io.out.write(`${name}\n`);
    return exitCode.ok;
  });
}

if (require.main === module) {
  exitQuietlyOnClosedPipe();
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
