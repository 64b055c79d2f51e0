import { spawnSync } from "child_process";
import { performance } from "perf_hooks";

/** One command to time: node (or `command`) with these arguments, in `cwd`, with these variables added. */
export interface Case {
  readonly label: string;
  /** @default node */
  readonly command?: string;
  readonly args: string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The exit code the run must end with (check without credentials ends with 1 on purpose). */
  readonly status?: number;
}

export interface Timing {
  readonly label: string;
  readonly medianMs: number;
  readonly runs: number;
}

/**
 * Median wall time of each case over `runs` rounds, after one unmeasured round that warms the file
 * cache. Rounds run every case in turn, so load from other processes falls on all cases alike.
 */
export function timeInterleaved(runs: number, cases: readonly Case[]): Timing[] {
  for (const c of cases) runCase(c);
  const samples = cases.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    cases.forEach((c, i) => {
      const start = performance.now();
      runCase(c);
      samples[i].push(performance.now() - start);
    });
  }
  return cases.map((c, i) => ({ label: c.label, runs, medianMs: median(samples[i]) }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a case once; throws with its stderr when it ends with another exit code than expected. */
export function runCase(c: Case): void {
  const r = spawnSync(c.command ?? process.execPath, c.args, {
    cwd: c.cwd,
    env: { ...process.env, ...c.env },
    encoding: "utf8",
  });
  if (r.status === (c.status ?? 0)) return;
  const why = r.error?.message ?? (r.signal ? `killed by ${r.signal}` : `exit ${r.status}`);
  throw new Error(`${c.label} failed (${why}):\n${r.stderr}`);
}
