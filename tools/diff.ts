import * as path from "path";
import { parseArgs } from "util";
import { compare } from "./diff/compare";
import { exitCode, exitQuietlyOnClosedPipe, type Io, processIo, runCli, UsageError } from "./cli";
import { loadOutdir, type SynthModel } from "./diff/load";
import { renderMarkdown } from "./diff/render-markdown";
import { synthesize, synthesizeRef } from "./diff/synth";

const USAGE = `Usage: npm run -s diff -- (--base <git ref> | --base-dir <outdir>) [--head-dir <outdir>] [--json] [--exit-code]

Compares the synthesized Terraform of a base with the working tree (or --head-dir).
  --base <ref>       synthesize this git ref in a temporary worktree
  --base-dir <dir>   use an already-synthesized cdktf outdir as the base
  --head-dir <dir>   use an already-synthesized outdir instead of synthesizing the working tree
  --json             print the diff model as JSON instead of markdown
  --exit-code        exit 3 when something changed, 0 when nothing did
  -h, --help         print this help

A base where the config file does not exist yet (the pull request that adds it) has no stacks:
everything shows as added. Exit status: 0 ok; 1 a synth or git step failed; 2 bad arguments;
3 with --exit-code, something changed.
`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        base: { type: "string" },
        "base-dir": { type: "string" },
        "head-dir": { type: "string" },
        json: { type: "boolean", default: false },
        "exit-code": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Runs the diff CLI; returns the exit code instead of exiting so tests can call it. */
export function main(argv: string[], io: Io = processIo): Promise<number> {
  return runCli("diff", io, async () => {
    const args = parse(argv);
    if (args.help) {
      io.out.write(USAGE);
      return 0;
    }
    if (Boolean(args.base) === Boolean(args["base-dir"])) {
      throw new UsageError("give exactly one of --base <git ref> or --base-dir <outdir>");
    }
    const cwd = path.resolve(io.cwd ?? process.cwd());
    const base: SynthModel = args.base
      ? await synthesizeRef(args.base, cwd, io.err)
      : loadOutdir(path.resolve(cwd, args["base-dir"]!));
    const head: SynthModel = args["head-dir"]
      ? loadOutdir(path.resolve(cwd, args["head-dir"]))
      : await synthesize(cwd, "the working tree", io.err);
    const diff = compare(base, head, {
      base: args.base ?? args["base-dir"]!,
      head: args["head-dir"] ?? "working tree",
    });
    io.out.write(args.json ? JSON.stringify(diff, null, 2) + "\n" : renderMarkdown(diff));
    return args["exit-code"] && diff.changed ? exitCode.notDone : exitCode.ok;
  });
}

if (require.main === module) {
  exitQuietlyOnClosedPipe();
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
