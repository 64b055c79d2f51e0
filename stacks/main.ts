import { main } from "./run";

process.exitCode = main(process.env, process.stderr);
