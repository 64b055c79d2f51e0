import { writeFileSync } from "fs";
import { configJsonSchema } from "../app/config/json-schema";
import { exitCode, type Io, processIo, runCli, UsageError, wantsHelp } from "./cli";

const USAGE = `Usage: npm run schema

Regenerates config/config.schema.json (editors check a config through its "$schema") from the zod
schema; a test fails when the committed file is stale. Takes no arguments.
Exit status: 0 written; 1 it could not be written; 2 bad arguments.
`;

/** `npm run schema`: writes config/config.schema.json under the working directory. */
export function main(argv: readonly string[], io: Io = processIo, file = "config/config.schema.json"): Promise<number> {
  return runCli("schema", io, async () => {
    if (wantsHelp(argv)) {
      io.out.write(USAGE);
      return exitCode.ok;
    }
    if (argv.length > 0) throw new UsageError(`unknown argument "${argv[0]}": schema takes none`);
    writeFileSync(file, configJsonSchema());
    io.out.write(`wrote ${file}\n`);
    return exitCode.ok;
  });
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
