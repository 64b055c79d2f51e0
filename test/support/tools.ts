import * as path from "path";
import type { Io } from "../../tools/cli";

export const FIXTURES = path.join(__dirname, "..", "fixtures", "diff");

/** An Io that collects what a CLI writes. */
export function captureIo(cwd?: string): Io & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return {
    out: { write: (s: string) => (out += s) },
    err: { write: (s: string) => (err += s) },
    ...(cwd ? { cwd } : {}),
    stdout: () => out,
    stderr: () => err,
  };
}
