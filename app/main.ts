import { main } from "./run";

process.exitCode = main(process.env, process.stderr, { argv: process.argv.slice(2), stdout: process.stdout });
